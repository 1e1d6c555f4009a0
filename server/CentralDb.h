// kiosk-central's SQLite storage (WAL, synchronous=FULL): records received from terminals with
// (terminal, id) uniqueness, complaints by tracking number, terminals and their heartbeats, one-time
// enrolment codes, counter-pad events and the dedup counters that `kiosk-central stats` reports.
//
// Sections: types | database
// Checklist:
//   [x] idempotent record store: first write stores payload hash + result; same id + same payload returns the
//       first result (counted as a refused duplicate); same id + different payload = Mismatch (counted)
//   [x] complaints indexed by tracking number with a hashed verification code
//   [x] enrolment codes stored hashed, single use, with expiry
//   [x] events for counter pads with monotonically increasing ids
//   [x] record payloads (complaint text, phones, names, ID numbers, comments) sealed with AES-256-GCM
//       (server/DataCipher.h; the key lives apart from the database); payloads an older version stored in
//       plain text are sealed when the database is next opened with the key; files 0600 (common/SqliteDb)
//   [x] complaints(): the office's decrypted list (kiosk-central complaints)
//   [x] group commit: record writes that arrive while a transaction runs share the next one (one fsync)
//   [x] one connection guarded by a mutex (safe from the HTTP worker pool); CLIs open their own connection
//   [ ] pruning old records: never (dedup state must outlive a terminal's longest offline period)
#pragma once

#include "common/SqliteDb.h"
#include "server/DataCipher.h"

#include <nlohmann/json.hpp>

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::central {

// ---- types ----
enum class WriteStatus { Stored, Duplicate, Mismatch };

struct WriteOutcome {
    WriteStatus status = WriteStatus::Stored;
    std::string result; // the JSON answer stored with the first write
};

struct IncomingRecord {
    std::string terminal, id, kind;
    std::int64_t seq = 0;
    std::string canonicalPayload; // nlohmann dump (sorted keys) of the whole record object
};

struct EnrolmentGrant {
    std::string terminalId, mode;
    int counter = 0;
};

struct StoredComplaint {
    std::string trackingNo, terminal, recordId, category, department;
    std::int64_t receivedMs = 0;
    nlohmann::json record; // the decrypted record; null when it cannot be opened (wrong key, damage)
};

struct CounterEvent {
    std::int64_t id = 0;
    int counter = 0;
    std::string type;
    nlohmann::json body;
    std::int64_t createdMs = 0;
};

// ---- database ----
class CentralDb {
public:
    // Creates / migrates; throws common::SqliteError. Without a cipher the database can be counted
    // (stats) and given enrolment codes, but storing or reading a record throws.
    explicit CentralDb(const std::string& path, std::optional<DataCipher> cipher = std::nullopt);

    // Stores the record (and runs `onFirstWrite` inside the same transaction to build the answer and any
    // per-kind rows) unless (terminal, id) exists already.
    WriteOutcome storeRecord(const IncomingRecord& record,
                             const std::function<std::string(common::SqliteDb&)>& onFirstWrite);
    // Several records in one transaction (ratings batches). Outcomes in input order.
    std::vector<WriteOutcome>
    storeRecords(const std::vector<IncomingRecord>& records,
                 const std::function<std::string(common::SqliteDb&, size_t)>& onFirstWrite);

    // Complaint progress lookup: the stored complaint row as JSON if tracking number + code match.
    std::optional<nlohmann::json> complaintFor(const std::string& trackingNo, const std::string& verifyCode);

    std::string createEnrolmentCode(const std::string& terminalId, const std::string& mode, int counter,
                                    std::int64_t nowMs, std::int64_t validMs);
    // Consumes a valid code (single use). nullopt when unknown, used or expired.
    std::optional<EnrolmentGrant> consumeEnrolmentCode(const std::string& code, std::int64_t nowMs);
    void recordEnrolment(const EnrolmentGrant& grant, std::int64_t nowMs);

    void recordHeartbeat(const std::string& terminal, const std::string& heartbeatJson, std::int64_t nowMs);
    std::optional<int> counterOfTerminal(const std::string& terminal);

    std::int64_t addEvent(int counter, const std::string& type, const nlohmann::json& body,
                          std::int64_t nowMs);
    std::vector<CounterEvent> eventsAfter(int counter, std::int64_t afterId, int limit);

    // The newest `limit` complaints, decrypted (needs the cipher).
    std::vector<StoredComplaint> complaints(int limit);

    nlohmann::json stats(); // {"complaints":{...},"ratings":{...},"duplicates_refused":N,...}

    static std::string sha256Hex(const std::string& data);

private:
    struct PendingWrite {
        const std::vector<IncomingRecord>* records;
        const std::function<std::string(common::SqliteDb&, size_t)>* onFirstWrite;
        std::vector<WriteOutcome> out;
        std::exception_ptr error;
        bool done;
    };
    struct RecordStatements;
    std::vector<WriteOutcome> writeOne(RecordStatements& st, const PendingWrite& w, std::int64_t nowMs);
    std::mutex groupMutex_; // the queue of writes waiting for the next group commit
    std::condition_variable groupCv_;
    std::vector<PendingWrite*> group_;
    bool leading_ = false;

    std::mutex mutex_;
    common::SqliteDb db_;
    std::optional<DataCipher> cipher_;
    const DataCipher& cipher() const; // throws when the database was opened without a key
    void sealPlainPayloads();
};

} // namespace kiosk::central
