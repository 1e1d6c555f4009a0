// kiosk-central's SQLite storage (see CentralDb.h).
//
// Sections: schema | records | complaints | suggestions | enrolment | terminals | events | stats
#include "server/CentralDb.h"

#include "common/Sha256.h"

#include "server/ComplaintStages.h"

#include <cctype>
#include <chrono>
#include <exception>
#include <iterator>
#include <stdexcept>

#include <openssl/crypto.h>
#include <openssl/rand.h>

namespace kiosk::central {
using common::SqliteDb;
using common::SqliteStatement;
using common::SqliteTransaction;

namespace {

// ---- schema ----
const char* const kMigrations[] = {
    "CREATE TABLE records("
    "  terminal TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL, seq INTEGER NOT NULL,"
    "  payload_hash TEXT NOT NULL, payload TEXT NOT NULL, result TEXT NOT NULL, received_ms INTEGER NOT NULL,"
    "  PRIMARY KEY(terminal, id));"
    "CREATE INDEX records_kind ON records(kind, terminal);"
    "CREATE TABLE complaints("
    "  tracking_no TEXT PRIMARY KEY, terminal TEXT NOT NULL, record_id TEXT NOT NULL,"
    "  verify_hash TEXT NOT NULL, category TEXT NOT NULL, department TEXT, received_ms INTEGER NOT NULL);"
    "CREATE TABLE dedup_counters(name TEXT PRIMARY KEY, value INTEGER NOT NULL);"
    "INSERT INTO dedup_counters VALUES('duplicates_refused', 0), ('payload_mismatches', 0);"
    "CREATE TABLE terminals("
    "  id TEXT PRIMARY KEY, mode TEXT, counter INTEGER, enrolled_ms INTEGER, last_seen_ms INTEGER,"
    "  heartbeat TEXT);"
    "CREATE TABLE enrolment_codes("
    "  code_hash TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, mode TEXT NOT NULL, counter INTEGER NOT NULL,"
    "  created_ms INTEGER NOT NULL, expires_ms INTEGER NOT NULL, used_ms INTEGER);"
    "CREATE TABLE events("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT, counter INTEGER NOT NULL, type TEXT NOT NULL, body TEXT NOT "
    "NULL,"
    "  created_ms INTEGER NOT NULL);",
    // 2: complaint stages (the timeline citizens follow), a due date per complaint, demo seeds marked.
    // A complaint stored by version 1 gets its received stage (unit filled in when answered).
    "CREATE TABLE complaint_stages("
    "  tracking_no TEXT NOT NULL, rank INTEGER NOT NULL, stage TEXT NOT NULL, at_ms INTEGER NOT NULL,"
    "  unit TEXT NOT NULL, note BLOB, PRIMARY KEY(tracking_no, rank));"
    "INSERT INTO complaint_stages(tracking_no, rank, stage, at_ms, unit)"
    "  SELECT tracking_no, 0, 'received', received_ms, '' FROM complaints;"
    "ALTER TABLE complaints ADD COLUMN due_date TEXT;"
    "ALTER TABLE records ADD COLUMN demo_seed INTEGER NOT NULL DEFAULT 0;",
    // 3: verification codes as salted PBKDF2 (server/VerifyCode.h; verify_hash then holds the 32 raw
    // bytes); iterations 0 = a schema-2 SHA-256 hex in verify_hash, rehashed by upgradeLegacyVerifiers() once
    // the key is at hand.
    "ALTER TABLE complaints ADD COLUMN verify_salt BLOB;"
    "ALTER TABLE complaints ADD COLUMN verify_iterations INTEGER NOT NULL DEFAULT 0;",
    // 4: 区长信箱 suggestions by receipt number (title and text in the sealed record payload).
    "CREATE TABLE suggestions("
    "  receipt_no TEXT PRIMARY KEY, terminal TEXT NOT NULL, record_id TEXT NOT NULL,"
    "  received_ms INTEGER NOT NULL);",
};
constexpr int kSchemaVersion = 4;
static_assert(std::size(kMigrations) == kSchemaVersion);

} // namespace

std::string CentralDb::sha256Hex(const std::string& data) {
    return common::sha256Hex(data);
}

CentralDb::CentralDb(const std::string& path, std::optional<DataCipher> cipher)
    : db_(path), cipher_(std::move(cipher)) {
    std::lock_guard lock(mutex_);
    int version = static_cast<int>(db_.scalarInt("PRAGMA user_version"));
    if (version > kSchemaVersion)
        throw common::SqliteError(SQLITE_ERROR, "database " + path + " has schema version " +
                                                    std::to_string(version) +
                                                    ", newer than this kiosk-central; refusing to use it");
    if (version < kSchemaVersion) {
        SqliteTransaction tx(db_);
        for (int v = version; v < kSchemaVersion; ++v)
            db_.exec(kMigrations[v]);
        db_.exec("PRAGMA user_version=" + std::to_string(kSchemaVersion));
        tx.commit();
    }
    if (cipher_) {
        sealPlainPayloads();
        upgradeLegacyVerifiers();
    }
}

const DataCipher& CentralDb::cipher() const {
    if (!cipher_) throw std::logic_error("central database opened without its data key");
    return *cipher_;
}

namespace {
std::string payloadAad(const std::string& terminal, const std::string& id) {
    return terminal + '\x1f' + id;
}
} // namespace

// Payloads stored in plain text by a kiosk-central before issue 10.5 are sealed in one transaction.
void CentralDb::sealPlainPayloads() {
    SqliteTransaction tx(db_);
    SqliteStatement sel(db_, "SELECT rowid, terminal, id, payload FROM records WHERE typeof(payload)='text'");
    SqliteStatement upd(db_, "UPDATE records SET payload=? WHERE rowid=?");
    while (sel.step()) {
        std::string sealed = cipher_->seal(sel.text(3), payloadAad(sel.text(1), sel.text(2)));
        upd.reset();
        upd.bindBlob(1, sealed.data(), sealed.size()).bind(2, sel.int64(0)).run();
    }
    tx.commit();
}

// Complaints a schema-2 server stored with sha256(tn 0x1f code), and the code inside the sealed payload:
// the code is read from the payload, hashed the new way and dropped from the payload, in one transaction.
// A payload that cannot be opened (another key) keeps its old hash and stays checkable.
void CentralDb::upgradeLegacyVerifiers() {
    SqliteTransaction tx(db_);
    SqliteStatement sel(db_, "SELECT c.tracking_no, r.terminal, r.id, r.payload FROM complaints c "
                             "JOIN records r ON r.terminal=c.terminal AND r.id=c.record_id "
                             "WHERE c.verify_iterations=0");
    SqliteStatement upd(db_, "UPDATE complaints SET verify_hash=?, verify_salt=?, verify_iterations=? "
                             "WHERE tracking_no=?");
    SqliteStatement reseal(db_, "UPDATE records SET payload=? WHERE terminal=? AND id=?");
    while (sel.step()) {
        const std::string tn = sel.text(0), terminal = sel.text(1), id = sel.text(2);
        auto plain = cipher_->open(sel.blob(3), payloadAad(terminal, id));
        if (!plain) continue;
        nlohmann::json record = nlohmann::json::parse(*plain, nullptr, false);
        if (!record.is_object() || !record.contains("verify_code") || !record["verify_code"].is_string())
            continue;
        CodeVerifier v = makeCodeVerifier(tn, record["verify_code"].get<std::string>());
        upd.reset();
        upd.bindBlob(1, v.hash.data(), v.hash.size())
            .bindBlob(2, v.salt.data(), v.salt.size())
            .bind(3, v.iterations);
        upd.bind(4, tn).run();
        record.erase("verify_code");
        std::string sealed = cipher_->seal(record.dump(), payloadAad(terminal, id));
        reseal.reset();
        reseal.bindBlob(1, sealed.data(), sealed.size()).bind(2, terminal).bind(3, id).run();
    }
    tx.commit();
}

// ---- records ----

// The statements every record write runs, prepared once per group commit (preparing them per record
// cost more than the inserts).
struct CentralDb::RecordStatements {
    SqliteStatement select, insert, bump;
    explicit RecordStatements(SqliteDb& db)
        : select(db, "SELECT payload_hash, result FROM records WHERE terminal=? AND id=?"),
          insert(db,
                 "INSERT INTO records(terminal, id, kind, seq, payload_hash, payload, result, received_ms, "
                 "demo_seed) VALUES(?,?,?,?,?,?,?,?,?)"),
          bump(db, "UPDATE dedup_counters SET value=value+1 WHERE name=?") {}
    void count(const char* counter) {
        bump.reset();
        bump.bind(1, counter).run();
    }
    std::optional<WriteOutcome> existing(const IncomingRecord& r, const std::string& hash) {
        select.reset();
        select.bind(1, r.terminal).bind(2, r.id);
        if (!select.step()) return std::nullopt;
        if (select.text(0) == hash) {
            std::string result = select.text(1);
            count("duplicates_refused");
            return WriteOutcome{WriteStatus::Duplicate, result};
        }
        count("payload_mismatches");
        return WriteOutcome{WriteStatus::Mismatch, {}};
    }
    void add(const IncomingRecord& r, const std::string& hash, const std::string& result, std::int64_t nowMs,
             const std::string& sealedPayload) {
        insert.reset();
        insert.bind(1, r.terminal).bind(2, r.id).bind(3, r.kind).bind(4, r.seq).bind(5, hash);
        insert.bindBlob(6, sealedPayload.data(), sealedPayload.size()).bind(7, result).bind(8, nowMs);
        insert.bind(9, r.demoSeed ? 1 : 0).run();
    }
};

namespace {

std::int64_t wallMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace

WriteOutcome CentralDb::storeRecord(const IncomingRecord& record,
                                    const std::function<std::string(SqliteDb&)>& onFirstWrite) {
    return storeRecords({record}, [&](SqliteDb& db, size_t) { return onFirstWrite(db); }).at(0);
}

std::vector<WriteOutcome> CentralDb::writeOne(RecordStatements& st, const PendingWrite& w, std::int64_t now) {
    std::vector<WriteOutcome> out;
    for (size_t i = 0; i < w.records->size(); ++i) {
        const IncomingRecord& r = (*w.records)[i];
        std::string hash = sha256Hex(r.kind + '\x1f' + r.canonicalPayload);
        if (auto e = st.existing(r, hash)) {
            out.push_back(*e);
            continue;
        }
        std::string result = (*w.onFirstWrite)(db_, i);
        const std::string& stored = r.storedPayload.empty() ? r.canonicalPayload : r.storedPayload;
        st.add(r, hash, result, now, cipher().seal(stored, payloadAad(r.terminal, r.id)));
        out.push_back({WriteStatus::Stored, result});
    }
    return out;
}

// Group commit: the first writer to find no transaction running leads; it takes every write queued
// by then and runs them in one transaction (one WAL fsync), each inside its own savepoint so one
// write's exception (a taken tracking number) undoes only that write. Every writer returns only
// after the commit that holds its records, so an answer still means "on disk".
std::vector<WriteOutcome>
CentralDb::storeRecords(const std::vector<IncomingRecord>& records,
                        const std::function<std::string(SqliteDb&, size_t)>& onFirstWrite) {
    PendingWrite me{&records, &onFirstWrite, {}, nullptr, false};
    std::unique_lock group(groupMutex_);
    group_.push_back(&me);
    groupCv_.wait(group, [&] { return me.done || !leading_; });
    if (!me.done) {
        leading_ = true;
        std::vector<PendingWrite*> batch;
        batch.swap(group_);
        group.unlock();
        std::exception_ptr failed;
        try {
            std::lock_guard lock(mutex_);
            SqliteTransaction tx(db_);
            std::int64_t now = wallMs();
            RecordStatements st(db_);
            for (PendingWrite* w : batch) {
                db_.exec("SAVEPOINT one_write");
                try {
                    w->out = writeOne(st, *w, now);
                } catch (...) {
                    w->error = std::current_exception();
                    db_.exec("ROLLBACK TO one_write");
                }
                db_.exec("RELEASE one_write");
            }
            tx.commit();
        } catch (...) {
            failed = std::current_exception();
        }
        group.lock();
        for (PendingWrite* w : batch) {
            if (failed) w->error = failed;
            w->done = true;
        }
        leading_ = false;
        groupCv_.notify_all();
    }
    if (me.error) std::rethrow_exception(me.error);
    return std::move(me.out);
}

// ---- complaints ----
namespace {
std::string stageAad(const std::string& trackingNo, const std::string& stage) {
    return "stage\x1f" + trackingNo + '\x1f' + stage;
}
} // namespace

void CentralDb::insertComplaint(SqliteDb& db, const NewComplaint& c) {
    SqliteStatement st(db,
                       "INSERT INTO complaints(tracking_no, terminal, record_id, verify_hash, verify_salt, "
                       "verify_iterations, category, department, received_ms, due_date) "
                       "VALUES(?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, c.trackingNo).bind(2, c.terminal).bind(3, c.recordId);
    st.bindBlob(4, c.verifier.hash.data(), c.verifier.hash.size());
    st.bindBlob(5, c.verifier.salt.data(), c.verifier.salt.size()).bind(6, c.verifier.iterations);
    st.bind(7, c.category).bind(8, c.department).bind(9, c.receivedMs).bind(10, c.dueDate).run();
    SqliteStatement stage(db, "INSERT INTO complaint_stages(tracking_no, rank, stage, at_ms, unit) "
                              "VALUES(?,0,'received',?,?)");
    stage.bind(1, c.trackingNo).bind(2, c.receivedMs).bind(3, c.receivedUnit).run();
}

void CentralDb::insertStage(SqliteDb& db, const std::string& trackingNo, const std::string& stage,
                            std::int64_t atMs, const std::string& unit, const std::string& note) {
    SqliteStatement st(db, "INSERT INTO complaint_stages(tracking_no, rank, stage, at_ms, unit, note) "
                           "VALUES(?,?,?,?,?,?)");
    st.bind(1, trackingNo).bind(2, complaintStageRank(stage)).bind(3, stage).bind(4, atMs).bind(5, unit);
    if (note.empty()) {
        st.bindNull(6);
    } else {
        std::string sealed = cipher().seal(note, stageAad(trackingNo, stage));
        st.bindBlob(6, sealed.data(), sealed.size());
    }
    st.run();
}

std::vector<ComplaintStageEntry> CentralDb::timelineOf(const std::string& trackingNo) {
    std::vector<ComplaintStageEntry> out;
    SqliteStatement st(db_, "SELECT stage, at_ms, unit, note FROM complaint_stages WHERE tracking_no=? "
                            "ORDER BY rank");
    st.bind(1, trackingNo);
    while (st.step()) {
        ComplaintStageEntry e{st.text(0), st.int64(1), st.text(2), {}};
        // Without the key (a CLI that only lists) notes stay empty.
        if (!st.isNull(3) && cipher_)
            if (auto plain = cipher_->open(st.blob(3), stageAad(trackingNo, e.stage))) e.note = *plain;
        out.push_back(std::move(e));
    }
    return out;
}

std::optional<ComplaintState> CentralDb::stateOf(const std::string& trackingNo, bool withTimeline) {
    SqliteStatement st(db_,
                       "SELECT c.category, IFNULL(c.department,''), IFNULL(c.due_date,''), c.received_ms, "
                       "(SELECT stage FROM complaint_stages s WHERE s.tracking_no=c.tracking_no "
                       " ORDER BY rank DESC LIMIT 1) FROM complaints c WHERE c.tracking_no=?");
    st.bind(1, trackingNo);
    if (!st.step()) return std::nullopt;
    ComplaintState c;
    c.trackingNo = trackingNo;
    c.category = st.text(0);
    c.department = st.text(1);
    c.dueDate = st.text(2);
    c.receivedMs = st.int64(3);
    c.status = st.isNull(4) ? "received" : st.text(4);
    if (withTimeline) c.timeline = timelineOf(trackingNo);
    return c;
}

// The slow hash runs outside the lock (other requests go on meanwhile); an unknown number costs one hash
// too, so the time of the answer does not tell whether the number exists.
std::optional<ComplaintState> CentralDb::complaintFor(const std::string& trackingNo,
                                                      const std::string& verifyCode) {
    std::optional<CodeVerifier> stored;
    std::string legacyHash;
    {
        std::lock_guard lock(mutex_);
        SqliteStatement st(db_, "SELECT verify_hash, verify_salt, verify_iterations FROM complaints "
                                "WHERE tracking_no=?");
        st.bind(1, trackingNo);
        if (st.step()) {
            if (st.int64(2) == 0) {
                legacyHash = st.text(0);
            } else {
                stored = CodeVerifier{st.blob(1), st.blob(0), static_cast<int>(st.int64(2))};
            }
        }
    }
    bool match = false;
    if (stored) {
        match = codeMatches(*stored, trackingNo, verifyCode);
    } else if (!legacyHash.empty()) {
        std::string given = sha256Hex(trackingNo + '\x1f' + verifyCode);
        match = given.size() == legacyHash.size() &&
                CRYPTO_memcmp(given.data(), legacyHash.data(), given.size()) == 0;
    } else {
        static const CodeVerifier kNobody = makeCodeVerifier("", "");
        codeMatches(kNobody, trackingNo, verifyCode); // the same cost as a real check
    }
    if (!match) return std::nullopt;
    std::lock_guard lock(mutex_);
    return stateOf(trackingNo, true);
}

std::optional<ComplaintState> CentralDb::complaintByNumber(const std::string& trackingNo) {
    std::lock_guard lock(mutex_);
    return stateOf(trackingNo, true);
}

bool CentralDb::hasComplaint(const std::string& trackingNo) {
    std::lock_guard lock(mutex_);
    SqliteStatement st(db_, "SELECT 1 FROM complaints WHERE tracking_no=?");
    st.bind(1, trackingNo);
    return st.step();
}

std::vector<ComplaintState> CentralDb::complaintStates(const std::string& status) {
    std::lock_guard lock(mutex_);
    std::vector<std::string> numbers;
    {
        SqliteStatement st(db_, "SELECT tracking_no FROM complaints ORDER BY received_ms DESC, tracking_no");
        while (st.step())
            numbers.push_back(st.text(0));
    }
    std::vector<ComplaintState> out;
    for (const std::string& tn : numbers)
        if (auto c = stateOf(tn, false); c && (status.empty() || c->status == status))
            out.push_back(std::move(*c));
    return out;
}

AdvanceOutcome CentralDb::advanceComplaint(const std::string& trackingNo, const std::string& stage,
                                           const std::string& unit, const std::string& note,
                                           std::int64_t nowMs) {
    std::lock_guard lock(mutex_);
    SqliteTransaction tx(db_);
    AdvanceOutcome out;
    auto current = stateOf(trackingNo, true);
    if (!current) {
        out.error = "no complaint with tracking number " + trackingNo;
        return out;
    }
    out.error = complaintAdvanceError(current->status, stage);
    if (!out.error.empty()) return out;
    std::string by = unit.empty() && !current->timeline.empty() ? current->timeline.back().unit : unit;
    insertStage(db_, trackingNo, stage, nowMs, by, note);
    out.state = *stateOf(trackingNo, true);
    tx.commit();
    out.ok = true;
    return out;
}

std::vector<StoredComplaint> CentralDb::complaints(int limit) {
    const DataCipher& key = cipher();
    std::lock_guard lock(mutex_);
    std::vector<StoredComplaint> out;
    SqliteStatement st(db_,
                       "SELECT c.tracking_no, c.terminal, c.record_id, c.category, IFNULL(c.department,''), "
                       "c.received_ms, r.payload FROM complaints c "
                       "JOIN records r ON r.terminal=c.terminal AND r.id=c.record_id "
                       "ORDER BY c.received_ms DESC, c.tracking_no LIMIT ?");
    st.bind(1, limit);
    while (st.step()) {
        StoredComplaint c{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.int64(5), nullptr};
        if (auto plain = key.open(st.blob(6), payloadAad(c.terminal, c.recordId)))
            c.record = nlohmann::json::parse(*plain, nullptr, false);
        out.push_back(std::move(c));
    }
    return out;
}

// ---- suggestions ----
void CentralDb::insertSuggestion(SqliteDb& db, const std::string& receiptNo, const std::string& terminal,
                                 const std::string& recordId, std::int64_t receivedMs) {
    SqliteStatement st(db, "INSERT INTO suggestions(receipt_no, terminal, record_id, received_ms) "
                           "VALUES(?,?,?,?)");
    st.bind(1, receiptNo).bind(2, terminal).bind(3, recordId).bind(4, receivedMs).run();
}

std::vector<StoredSuggestion> CentralDb::suggestions(int limit) {
    const DataCipher& key = cipher();
    std::lock_guard lock(mutex_);
    std::vector<StoredSuggestion> out;
    SqliteStatement st(db_, "SELECT s.receipt_no, s.terminal, s.record_id, s.received_ms, r.payload "
                            "FROM suggestions s JOIN records r ON r.terminal=s.terminal AND r.id=s.record_id "
                            "ORDER BY s.received_ms DESC, s.receipt_no LIMIT ?");
    st.bind(1, limit);
    while (st.step()) {
        StoredSuggestion s{st.text(0), st.text(1), st.text(2), st.int64(3), nullptr};
        if (auto plain = key.open(st.blob(4), payloadAad(s.terminal, s.recordId)))
            s.record = nlohmann::json::parse(*plain, nullptr, false);
        out.push_back(std::move(s));
    }
    return out;
}

// ---- enrolment ----
std::string CentralDb::createEnrolmentCode(const std::string& terminalId, const std::string& mode,
                                           int counter, std::int64_t nowMs, std::int64_t validMs) {
    static const char* alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32, no I L O U
    unsigned char b[12];
    RAND_bytes(b, sizeof b);
    std::string code;
    for (int i = 0; i < 12; ++i) {
        if (i && i % 4 == 0) code += '-';
        code += alphabet[b[i] & 31];
    }
    std::lock_guard lock(mutex_);
    SqliteStatement st(
        db_, "INSERT INTO enrolment_codes(code_hash, terminal_id, mode, counter, created_ms, expires_ms) "
             "VALUES(?,?,?,?,?,?)");
    st.bind(1, sha256Hex(code)).bind(2, terminalId).bind(3, mode).bind(4, counter).bind(5, nowMs);
    st.bind(6, nowMs + validMs).run();
    return code;
}

std::optional<EnrolmentGrant> CentralDb::consumeEnrolmentCode(const std::string& code, std::int64_t nowMs) {
    std::string normalized;
    for (char c : code) {
        if (c == '-' || c == ' ') continue;
        normalized += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    std::string dashed;
    for (size_t i = 0; i < normalized.size(); ++i) {
        if (i && i % 4 == 0) dashed += '-';
        dashed += normalized[i];
    }
    std::lock_guard lock(mutex_);
    SqliteTransaction tx(db_);
    SqliteStatement st(db_, "SELECT terminal_id, mode, counter FROM enrolment_codes "
                            "WHERE code_hash=? AND used_ms IS NULL AND expires_ms>?");
    st.bind(1, sha256Hex(dashed)).bind(2, nowMs);
    if (!st.step()) return std::nullopt;
    EnrolmentGrant g{st.text(0), st.text(1), static_cast<int>(st.int64(2))};
    SqliteStatement use(db_, "UPDATE enrolment_codes SET used_ms=? WHERE code_hash=?");
    use.bind(1, nowMs).bind(2, sha256Hex(dashed)).run();
    tx.commit();
    return g;
}

// ---- terminals ----
void CentralDb::recordEnrolment(const EnrolmentGrant& g, std::int64_t nowMs) {
    std::lock_guard lock(mutex_);
    SqliteStatement st(db_, "INSERT INTO terminals(id, mode, counter, enrolled_ms) VALUES(?,?,?,?) "
                            "ON CONFLICT(id) DO UPDATE SET mode=excluded.mode, counter=excluded.counter, "
                            "enrolled_ms=excluded.enrolled_ms");
    st.bind(1, g.terminalId).bind(2, g.mode).bind(3, g.counter).bind(4, nowMs).run();
}

void CentralDb::recordHeartbeat(const std::string& terminal, const std::string& heartbeatJson,
                                std::int64_t nowMs) {
    std::lock_guard lock(mutex_);
    SqliteStatement st(db_, "INSERT INTO terminals(id, last_seen_ms, heartbeat) VALUES(?,?,?) "
                            "ON CONFLICT(id) DO UPDATE SET last_seen_ms=excluded.last_seen_ms, "
                            "heartbeat=excluded.heartbeat");
    st.bind(1, terminal).bind(2, nowMs).bind(3, heartbeatJson).run();
}

std::optional<int> CentralDb::counterOfTerminal(const std::string& terminal) {
    std::lock_guard lock(mutex_);
    SqliteStatement st(db_, "SELECT counter FROM terminals WHERE id=? AND counter IS NOT NULL AND counter>0");
    st.bind(1, terminal);
    if (!st.step()) return std::nullopt;
    return static_cast<int>(st.int64(0));
}

// ---- events ----
std::int64_t CentralDb::addEvent(int counter, const std::string& type, const nlohmann::json& body,
                                 std::int64_t nowMs) {
    std::lock_guard lock(mutex_);
    SqliteStatement st(db_, "INSERT INTO events(counter, type, body, created_ms) VALUES(?,?,?,?)");
    st.bind(1, counter).bind(2, type).bind(3, body.dump()).bind(4, nowMs).run();
    return db_.lastInsertRowid();
}

std::vector<CounterEvent> CentralDb::eventsAfter(int counter, std::int64_t afterId, int limit) {
    std::lock_guard lock(mutex_);
    std::vector<CounterEvent> out;
    SqliteStatement st(db_, "SELECT id, counter, type, body, created_ms FROM events WHERE counter=? AND id>? "
                            "ORDER BY id LIMIT ?");
    st.bind(1, counter).bind(2, afterId).bind(3, limit);
    while (st.step())
        out.push_back({st.int64(0), static_cast<int>(st.int64(1)), st.text(2),
                       nlohmann::json::parse(st.text(3)), st.int64(4)});
    return out;
}

// ---- stats ----
nlohmann::json CentralDb::stats() {
    std::lock_guard lock(mutex_);
    nlohmann::json out;
    for (const char* kind : {"complaint", "rating", "suggestion"}) {
        nlohmann::json perTerminal = nlohmann::json::object();
        std::int64_t total = 0;
        SqliteStatement st(
            db_, "SELECT terminal, COUNT(*) FROM records WHERE kind=? AND demo_seed=0 GROUP BY terminal "
                 "ORDER BY terminal");
        st.bind(1, kind);
        while (st.step()) {
            perTerminal[st.text(0)] = st.int64(1);
            total += st.int64(1);
        }
        out[std::string(kind) + "s"] = {{"total", total}, {"per_terminal", perTerminal}};
    }
    SqliteStatement c(db_, "SELECT name, value FROM dedup_counters");
    while (c.step())
        out[c.text(0)] = c.int64(1);
    // Demo seeds are not uploads: counted apart, so the totals are what terminals sent.
    out["records_total"] = db_.scalarInt("SELECT COUNT(*) FROM records WHERE demo_seed=0");
    out["demo_seeds"] = db_.scalarInt("SELECT COUNT(*) FROM records WHERE demo_seed=1");
    out["terminals"] = db_.scalarInt("SELECT COUNT(*) FROM terminals");
    out["events"] = db_.scalarInt("SELECT COUNT(*) FROM events");
    return out;
}

} // namespace kiosk::central
