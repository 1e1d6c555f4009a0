// The store's writer thread: the UI thread hands over a submission and returns at once; the writer commits
// it durably and only then reports back (the screen says "submitted" on that report, never before).
//
// Sections: outcome | writer
// Checklist:
//   [x] own thread, own SQLite connection; queued submissions committed in groups (one fsync per group)
//   [x] completion callback runs on the writer thread after COMMIT returned; appendAndWait() for CLIs/tests
//   [x] a store that cannot open (full, read-only, corrupt, too new, key problem) makes every append fail
//       honestly with the error kind and a Chinese message for the screen; nothing is pretended
//   [x] onCommitted hook (wire it to SyncEngine::wake) so uploads start right after a commit
//   [ ] retry of a failed group: not automatic; the citizen is told, the technician sees the error
#pragma once

#include "offline/OfflineStore.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace kiosk::offline {

// ---- outcome ----
struct AppendOutcome {
    bool committed = false;
    AppendResult result;                 // valid when committed
    std::optional<StoreErrorKind> error; // set when not committed
    std::string technicianMessage;       // SQLite / file detail, no personal data
    std::string citizenMessage;          // Chinese, for the screen
};

// ---- writer ----
class StoreWriter {
public:
    using Done = std::function<void(const AppendOutcome&)>;

    StoreWriter(StorePaths paths, std::string terminalId, std::function<void()> onCommitted = {});
    ~StoreWriter(); // finishes the queued work, then stops
    StoreWriter(const StoreWriter&) = delete;
    StoreWriter& operator=(const StoreWriter&) = delete;

    // Never blocks on I/O. `done` runs on the writer thread once the record is durable (or failed).
    void append(std::string kind, nlohmann::json payload, Done done);
    AppendOutcome appendAndWait(std::string kind, nlohmann::json payload);

    // Set once the store failed to open or a commit failed; cleared by the next successful commit.
    std::optional<StoreErrorKind> health() const;

private:
    struct Job {
        std::string kind;
        nlohmann::json payload;
        Done done;
    };
    void run();

    StorePaths paths_;
    std::string terminalId_;
    std::function<void()> onCommitted_;
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<Job> queue_;
    bool stopping_ = false;
    std::optional<StoreErrorKind> health_;
    std::thread thread_;
};

} // namespace kiosk::offline
