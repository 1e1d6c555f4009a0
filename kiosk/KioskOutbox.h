// KioskOutbox — OutboxService over the durable store's writer thread (offline/StoreWriter): the
// citizen's complaint or suggestion is committed (fsync'd) before RecordCommitted says so, and the
// sync engine is woken to upload it. The UI thread never waits for the disk.
//
//   [x] one writer thread, group commits; the sync engine woken after each
//   [ ] the payload's plain copy in the writer's queue is freed after the commit, not overwritten
//       (nlohmann::json offers no wipe; the copy lives for milliseconds)
//   [x] a store that cannot take the record (full, read-only, corrupt...) answers with a string key
//       for the citizen and the technician detail, and is logged (never the payload)
#pragma once

#include "kiosk/EventQueue.h"
#include "kiosk/Log.h"
#include "kiosk/Services.h"
#include "offline/StoreWriter.h"

#include <functional>
#include <memory>

namespace kiosk {

class KioskOutbox : public OutboxService {
public:
    // `onCommitted` runs on the writer thread after each commit (the sync engine's wake()).
    KioskOutbox(offline::StorePaths paths, std::string terminalId, EventQueue& events, Logger& log,
                std::function<void()> onCommitted);
    ~KioskOutbox() override;

    void submit(std::uint64_t requestId, std::string kind, nlohmann::json payload) override;

private:
    EventQueue& events_;
    StateLog state_; // used on the writer thread only
    std::unique_ptr<offline::StoreWriter> writer_;
};

// What the citizen is told when the store cannot take a record (a string-table key).
const char* storeFailureKey(offline::StoreErrorKind kind);
// The event for an append outcome (pure; unit-tested).
RecordCommitted recordCommittedOf(std::uint64_t requestId, const offline::AppendOutcome& outcome);

} // namespace kiosk
