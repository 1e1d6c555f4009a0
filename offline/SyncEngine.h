// The sync engine: its own thread uploads the outbox to kiosk-central (ratings in batches, complaints and
// 区长信箱 suggestions one by one, always in seq order), refreshes the catalog and roster with ETags, sends
// heartbeats, and — on counter pads — long-polls rating requests on a second thread. The app sees it through
// SyncEvent callbacks.
//
// Sections: settings | events | engine
// Checklist:
//   [x] record id as idempotency key; a record leaves `pending` only on the server's acknowledgement
//   [x] 5xx, time-outs, resets, 408/429 retried with back-off + full jitter (cap 5 min), Retry-After
//   [x] 4xx rejection -> `rejected`, kept and reported (SyncEvent::Kind::Rejected), never dropped
//   [x] catalog + roster with If-None-Match; cached in the store for offline use
//   [x] heartbeat every 60 s: terminal id, versions, device status, queue depth, oldest age, last error
//   [x] checkNow(): a heartbeat at once when a foreground request saw the server come or go
//   [x] status events: online, queue depth, rejected count, last sync time, last error, wake served
//   [x] purge of acknowledged records' metadata after the retention period
//   [x] runUntilEmpty() runs the same cycle in the foreground (kioskctl sync --until-empty)
//   [ ] bandwidth shaping: not needed (records are small)
#pragma once

#include "offline/HttpsClient.h"
#include "offline/OfflineStore.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace kiosk::offline {

// ---- settings ----
struct SyncSettings {
    HttpsSettings https;
    StorePaths store;
    std::string terminalId;
    std::string mode = "hall"; // "hall" | "counter"
    int counter = 0;           // counter pads: window number
    std::string appVersion = "0.1.0";
    int batchSize = 100;
    std::int64_t backoffBaseMs = 1000;
    std::int64_t backoffCapMs = 5 * 60 * 1000;
    int heartbeatIntervalS = 60;
    int catalogRefreshS = 15 * 60;
    int sentRetentionDays = 30; // metadata of acknowledged records (their payload is purged at once)
    bool receiveEvents = false; // counter pads: long-poll /api/v1/events
    int longPollS = 25;
    // Called on the sync thread for the heartbeat's "device" object; must be thread-safe. May be empty.
    std::function<nlohmann::json()> deviceStatus;
};

// ---- events ----
struct SyncEvent {
    enum class Kind {
        Status,   // after every cycle that changed something: online, queue depth, last sync, last error
        Rejected, // a record was refused by the server (kept as `rejected`); recordId + error
        CatalogUpdated, // data = catalog JSON
        RosterUpdated,  // data = roster JSON
        RatingRequest,  // counter pads: data = the event (case_no, item_name, staff_id, ...)
        StoreProblem,   // the store failed (full, read-only, corrupt...); error has the detail
    };
    Kind kind = Kind::Status;
    bool online = false;
    std::int64_t pending = 0, rejected = 0;
    std::int64_t oldestPendingAgeS = -1;
    std::int64_t lastSyncMs = 0; // last successful exchange with the server (0 = never)
    // Status: the latest wake() ticket whose cycle had begun when `pending` was counted. A caller that
    // woke the engine after committing a record knows the count includes it once this reaches its ticket.
    std::uint64_t wakeServed = 0;
    std::string error; // technician text; never personal data
    std::string recordId;
    nlohmann::json data;
};

// ---- engine ----
class SyncEngine {
public:
    using Listener = std::function<void(const SyncEvent&)>; // called from the engine's threads

    SyncEngine(SyncSettings settings, Listener listener);
    ~SyncEngine(); // stops
    SyncEngine(const SyncEngine&) = delete;
    SyncEngine& operator=(const SyncEngine&) = delete;

    void start();
    void stop();
    // New records committed: upload now unless backing off. Returns a ticket that status events echo in
    // `wakeServed` once a cycle begun after this call has counted the queue (`wait-synced` uses it).
    std::uint64_t wake();
    // A foreground request (a case query) found the server unreachable, or reachable while the status
    // says offline: heartbeat now, so the connection state on screen agrees with what the citizen just
    // saw instead of lagging up to a heartbeat interval. Never closer than 5 s to the last heartbeat.
    void checkNow();

    // Foreground: cycles on the calling thread until nothing is pending (true) or the time is up (false).
    bool runUntilEmpty(std::chrono::milliseconds timeout);

    SyncEvent lastStatus() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace kiosk::offline
