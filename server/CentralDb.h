// kiosk-central's SQLite storage (WAL, synchronous=FULL): records received from terminals with
// (terminal, id) uniqueness, complaints by tracking number, terminals and their heartbeats, one-time
// enrolment codes, counter-pad events and the dedup counters that `kiosk-central stats` reports.
//
// Sections: types | database
// Checklist:
//   [x] idempotent record store: first write stores payload hash + result; same id + same payload returns the
//       first result (counted as a refused duplicate); same id + different payload = Mismatch (counted)
//   [x] complaints indexed by tracking number; the verification code only as a salted PBKDF2 hash
//       (server/VerifyCode.h), never in the sealed payload; schema-2 SHA-256 hashes are rehashed (and the
//       code dropped from the payload) when the database is next opened with the key
//   [x] complaint stages (server/ComplaintStages.h): received written on receipt, the rest by the office
//       (advanceComplaint); each with time, unit and a note sealed like the payloads; a due date per
//       complaint
//   [x] demo seeds (server/DemoComplaints.h) stored as records marked demo_seed, left out of stats()
//   [x] enrolment codes stored hashed, single use, with expiry
//   [x] events for counter pads with monotonically increasing ids
//   [x] record payloads (complaint text, phones, names, ID numbers, comments) sealed with AES-256-GCM
//       (server/DataCipher.h; the key lives apart from the database); payloads an older version stored in
//       plain text are sealed when the database is next opened with the key; files 0600 (common/SqliteDb)
//   [x] complaints(): the office's decrypted list (kiosk-central complaints)
//   [x] suggestions (区长信箱) by receipt number; suggestions(): the office's decrypted list
//   [x] group commit: record writes that arrive while a transaction runs share the next one (one fsync)
//   [x] one connection guarded by a mutex (safe from the HTTP worker pool); CLIs open their own connection
//   [ ] pruning old records: never (dedup state must outlive a terminal's longest offline period)
#pragma once

#include "common/SqliteDb.h"
#include "server/DataCipher.h"
#include "server/VerifyCode.h"

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
    bool demoSeed = false;        // written by the demo district, not uploaded by a terminal
    // What is sealed at rest when it differs from canonicalPayload: a complaint without its
    // verification code (kept only as a salted hash). Empty = canonicalPayload.
    std::string storedPayload;
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

// One stage of a complaint; `note` is decrypted (empty when there is none).
struct ComplaintStageEntry {
    std::string stage; // server/ComplaintStages.h
    std::int64_t atMs = 0;
    std::string unit, note;
};

// A complaint as the office and the progress lookup see it. `status` is the latest stage.
struct ComplaintState {
    std::string trackingNo, category, department, status, dueDate; // dueDate YYYY-MM-DD
    std::int64_t receivedMs = 0;
    std::vector<ComplaintStageEntry> timeline; // oldest first; filled by complaintFor / complaintByNumber
};

// The rows a new complaint gets (insertComplaint): the complaint and its received stage.
struct NewComplaint {
    std::string trackingNo, terminal, recordId;
    CodeVerifier verifier; // makeCodeVerifier(trackingNo, code): computed before the write (it is slow)
    std::string category, department;
    std::string receivedUnit; // who took it in: the department's name or the hall's office
    std::string dueDate;      // YYYY-MM-DD
    std::int64_t receivedMs = 0;
};

struct AdvanceOutcome {
    bool ok = false;
    std::string error; // for the office: unknown number, or why the move is refused (names the stage)
    ComplaintState state;
};

// A 区长信箱 suggestion for the office; `record` decrypted (title, content, phone, name, id_number), null
// when it cannot be opened.
struct StoredSuggestion {
    std::string receiptNo, terminal, recordId;
    std::int64_t receivedMs = 0;
    nlohmann::json record;
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

    // Complaint progress lookup: the complaint with its timeline if tracking number + code match.
    std::optional<ComplaintState> complaintFor(const std::string& trackingNo, const std::string& verifyCode);
    // For the office (no code): one complaint with its timeline; the list, optionally of one status.
    std::optional<ComplaintState> complaintByNumber(const std::string& trackingNo);
    std::vector<ComplaintState> complaintStates(const std::string& status = {});
    bool hasComplaint(const std::string& trackingNo);
    // Inside storeRecord's onFirstWrite (the transaction's connection `db`): the complaint's rows.
    static void insertComplaint(common::SqliteDb& db, const NewComplaint& complaint);
    // Adds stage `stage` (a note needs the cipher). Inside a transaction of `db`'s caller.
    void insertStage(common::SqliteDb& db, const std::string& trackingNo, const std::string& stage,
                     std::int64_t atMs, const std::string& unit, const std::string& note);
    // The office moves a complaint on (forward only, ComplaintStages.h). An empty `unit` keeps the
    // unit of the latest stage.
    AdvanceOutcome advanceComplaint(const std::string& trackingNo, const std::string& stage,
                                    const std::string& unit, const std::string& note, std::int64_t nowMs);

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

    // Inside storeRecord's onFirstWrite: the suggestion's row (its words are in the sealed payload).
    static void insertSuggestion(common::SqliteDb& db, const std::string& receiptNo,
                                 const std::string& terminal, const std::string& recordId,
                                 std::int64_t receivedMs);
    // The newest `limit` suggestions, decrypted (needs the cipher).
    std::vector<StoredSuggestion> suggestions(int limit);

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
    std::vector<ComplaintStageEntry> timelineOf(const std::string& trackingNo);              // mutex_ held
    std::optional<ComplaintState> stateOf(const std::string& trackingNo, bool withTimeline); // mutex_ held
    void sealPlainPayloads();
    void upgradeLegacyVerifiers();
};

} // namespace kiosk::central
