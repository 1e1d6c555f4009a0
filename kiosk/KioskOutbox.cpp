// KioskOutbox (see the header).
//
// Sections: outcome | the service
#include "kiosk/KioskOutbox.h"

#include "kiosk/SecureWipe.h"

namespace kiosk {

// ---- outcome ----
const char* storeFailureKey(offline::StoreErrorKind kind) {
    using K = offline::StoreErrorKind;
    switch (kind) {
    case K::Full:
        return "store.failure.full";
    case K::ReadOnly:
    case K::Corrupt:
    case K::TooNew:
    case K::KeyProblem:
        return "store.failure.broken";
    case K::Io:
        return "store.failure.io";
    }
    return "store.failure.io";
}

RecordCommitted recordCommittedOf(std::uint64_t requestId, const offline::AppendOutcome& o) {
    RecordCommitted ev;
    ev.requestId = requestId;
    ev.ok = o.committed;
    if (o.committed) {
        ev.trackingNo = o.result.trackingNo;
        ev.verifyCode = o.result.verifyCode;
        ev.createdMs = o.result.createdMs;
    } else {
        ev.failureKey = storeFailureKey(o.error.value_or(offline::StoreErrorKind::Io));
        ev.detail = o.technicianMessage;
    }
    return ev;
}

// ---- the service ----
KioskOutbox::KioskOutbox(offline::StorePaths paths, std::string terminalId, EventQueue& events, Logger& log,
                         std::function<void()> onCommitted)
    : events_(events), state_(log, "outbox"),
      writer_(std::make_unique<offline::StoreWriter>(std::move(paths), std::move(terminalId),
                                                     std::move(onCommitted))) {}

KioskOutbox::~KioskOutbox() = default; // the writer finishes what was handed to it, then stops

void KioskOutbox::submit(std::uint64_t requestId, std::string kind, nlohmann::json payload) {
    writer_->append(std::move(kind), std::move(payload), [this, requestId](const offline::AppendOutcome& o) {
        if (o.committed)
            state_.set("ok", LogLevel::Info, "records are committed to the outbox");
        else
            state_.set("failed", LogLevel::Error,
                       "a citizen's record could not be stored: " + o.technicianMessage);
        events_.push(recordCommittedOf(requestId, o));
    });
}

} // namespace kiosk
