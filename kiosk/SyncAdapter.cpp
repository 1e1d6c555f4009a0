#include "kiosk/SyncAdapter.h"

#include "kiosk/HallDirectory.h"
#include "kiosk/HallVocabulary.h"

namespace kiosk {

AppEvent toAppEvent(const offline::SyncEvent& e) {
    using Kind = offline::SyncEvent::Kind;
    switch (e.kind) {
    case Kind::Status:
        return SyncStatusChanged{e.online, e.pending, e.rejected, e.lastSyncMs, e.error, e.wakeServed};
    case Kind::Rejected:
        return RecordRejected{e.recordId, e.error};
    case Kind::CatalogUpdated:
        return CatalogChanged{hallContactsFromCatalog(e.data), directoryFromCatalog(e.data),
                              vocabularyFromCatalog(e.data), serviceItemsFromCatalog(e.data)};
    case Kind::RosterUpdated:
        return RosterChanged{e.data, staffFromRoster(e.data)};
    case Kind::RatingRequest:
        return RatingRequested{e.data};
    case Kind::StoreProblem:
        return StoreProblemReported{e.error};
    }
    return StoreProblemReported{"unknown sync event"}; // not reached: every kind is handled above
}

} // namespace kiosk
