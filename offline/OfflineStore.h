// The terminal's durable store: one SQLite file (WAL, synchronous=FULL) holding the outbox of complaints
// and ratings, the cached catalog and staff roster (with ETags), settings and a hash-chained audit log.
// One OfflineStore = one SQLite connection; use one per thread (the writer thread, the sync thread).
//
// Sections: paths | errors | records | store
// Checklist:
//   [x] versioned migrations (PRAGMA user_version); an older file is upgraded in one transaction; a file from
//       a newer program is refused with StoreErrorKind::TooNew and left untouched
//   [x] outbox: UUIDv7 id, per-terminal seq (AUTOINCREMENT, never reused), AES-256-GCM payload with the id as
//       AAD, attempts, next attempt, last error, state pending/sent/rejected
//   [x] complaints get a tracking number (<terminal>-<seq>) and a 6-digit verification code at append time,
//       so the slip can be printed while offline; suggestions (区长信箱) a receipt number the same way
//       (payload "receipt_no", the same tracking_no column)
//   [x] acknowledged records lose their payload at once; their metadata is purged after a retention period
//   [x] full / read-only / corrupt / too-new databases and key problems raised as StoreError with a kind
//   [x] cached documents (catalog, roster) with ETag and version; settings; audit log with a SHA-256 chain
//   [ ] vacuuming after purges: left to SQLite's free-list reuse (the file does not grow without bound)
#pragma once

#include "common/SqliteDb.h"
#include "offline/RecordCipher.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace kiosk::offline {

// ---- paths ----
struct StorePaths {
    std::string db;      // <state_dir>/kiosk-store.db
    std::string dataKey; // <state_dir>/store.key (0600)
    static StorePaths in(const std::string& stateDir);
};

// ---- errors ----
enum class StoreErrorKind { Full, ReadOnly, Corrupt, TooNew, KeyProblem, Io };

struct StoreError : std::runtime_error {
    StoreErrorKind kind;
    StoreError(StoreErrorKind k, const std::string& what) : std::runtime_error(what), kind(k) {}
};

const char* storeErrorKindName(StoreErrorKind kind); // "full", "read_only", ...
// What the screen says when a submission cannot be stored (Chinese, for citizens).
const char* storeErrorCitizenMessage(StoreErrorKind kind);

// ---- records ----
struct AppendResult {
    std::string id; // UUIDv7
    std::int64_t seq = 0;
    std::int64_t createdMs = 0;
    std::string trackingNo; // complaints: the tracking number; suggestions: the receipt number
    std::string verifyCode; // complaints only (6 digits, for the slip; also inside the encrypted payload)
};

struct OutboxRecord {
    std::int64_t seq = 0;
    std::string id, kind, state, trackingNo, lastError;
    std::int64_t createdMs = 0;
    int attempts = 0;
    nlohmann::json payload; // decrypted; null once purged (sent) or when it cannot be decrypted
    bool payloadDamaged = false;
};

struct OutboxStats {
    std::int64_t pending = 0, sent = 0, rejected = 0;
    std::int64_t oldestPendingAgeS = -1; // -1 when nothing is pending
    std::int64_t lastSentMs = 0;         // 0 = never
};

struct CachedDocument {
    std::string etag, version, body;
    std::int64_t fetchedMs = 0;
};

// ---- store ----
class OfflineStore {
public:
    static constexpr int kSchemaVersion = 2;

    // Opens (creating) the store and its data key and migrates the schema. Throws StoreError.
    OfflineStore(const StorePaths& paths, std::string terminalId);
    // Opens with a key already in hand (tests, benchmarks).
    OfflineStore(const std::string& dbPath, const RecordCipher& cipher, std::string terminalId);

    // Appends records in one durable transaction (one fsync for the lot). Throws StoreError; all or nothing.
    std::vector<AppendResult> appendMany(const std::vector<std::pair<std::string, nlohmann::json>>& records,
                                         std::int64_t nowMs);
    AppendResult append(const std::string& kind, const nlohmann::json& payload, std::int64_t nowMs);

    // Pending records whose next attempt is due, in seq order.
    std::vector<OutboxRecord> duePending(std::int64_t nowMs, int limit);
    std::int64_t nextAttemptMs(); // earliest next attempt among pending, 0 when nothing is pending
    void makeAllPendingDue(std::int64_t nowMs); // a fresh process retries at once
    // Server acknowledged: state sent, payload purged. `serverResult` is the server's (non-personal) answer.
    void markSent(const std::vector<std::pair<std::string, std::string>>& idAndResult, std::int64_t nowMs);
    void markRejected(const std::string& id, const std::string& error, std::int64_t nowMs);
    void markRetry(const std::vector<std::string>& ids, const std::string& error, std::int64_t nextAttemptMs);
    OutboxStats stats(std::int64_t nowMs);
    std::vector<OutboxRecord> records(const std::string& state, int limit); // metadata + payload if present
    // The record holding this tracking number (complaints, suggestions), payload decrypted if present.
    std::optional<OutboxRecord> recordWithTrackingNo(const std::string& trackingNo);
    std::vector<std::string> allIds();
    int purgeSentOlderThan(std::int64_t cutoffMs);

    std::optional<CachedDocument> cached(const std::string& name);
    void storeCached(const std::string& name, const CachedDocument& doc);
    std::optional<std::string> setting(const std::string& key);
    void setSetting(const std::string& key, const std::string& value);

    void audit(const std::string& actor, const std::string& event, const std::string& result,
               const std::string& detail, std::int64_t nowMs);
    bool auditChainIntact(); // recomputes the SHA-256 chain

    int schemaVersion();
    const std::string& terminalId() const { return terminalId_; }

    // Test hook: cap this connection's file size (PRAGMA max_page_count) to simulate a full disk.
    void limitPagesForTest(int pages);
    // Test hook: make this connection refuse writes (PRAGMA query_only), as a read-only medium would.
    void makeReadOnlyForTest();
    // Test hook: create a file at an older schema version, to prove upgrades.
    static void createAtVersion(const std::string& dbPath, int version);

private:
    template <typename F>
    auto guarded(F&& f) -> decltype(f());
    void migrate();
    nlohmann::json decryptPayload(const std::string& id, const std::string& sealed, bool* damaged) const;
    OutboxRecord recordFromRow(common::SqliteStatement& st) const;

    std::string terminalId_;
    std::unique_ptr<common::SqliteDb> db_;
    std::optional<RecordCipher> cipher_;
};

} // namespace kiosk::offline
