// The terminal's durable store (see OfflineStore.h).
//
// Sections: paths + errors | migrations | open | outbox append | outbox sync state | caches + settings |
// audit
#include "offline/OfflineStore.h"

#include "common/PrivateFiles.h"
#include "common/Sha256.h"
#include "common/Uuid7.h"

#include <cstdio>
#include <filesystem>

#include <openssl/rand.h>

namespace kiosk::offline {

// ---- paths + errors ----
StorePaths StorePaths::in(const std::string& stateDir) {
    std::filesystem::path d(stateDir);
    return {(d / "kiosk-store.db").string(), (d / "store.key").string()};
}

const char* storeErrorKindName(StoreErrorKind kind) {
    switch (kind) {
    case StoreErrorKind::Full:
        return "full";
    case StoreErrorKind::ReadOnly:
        return "read_only";
    case StoreErrorKind::Corrupt:
        return "corrupt";
    case StoreErrorKind::TooNew:
        return "too_new";
    case StoreErrorKind::KeyProblem:
        return "key_problem";
    case StoreErrorKind::Io:
        return "io";
    }
    return "io";
}

const char* storeErrorCitizenMessage(StoreErrorKind kind) {
    switch (kind) {
    case StoreErrorKind::Full:
        return "本机存储空间已满，暂时无法保存您的提交。请到服务台人工办理，我们已通知技术人员。";
    default:
        return "本机存储出现故障，暂时无法保存您的提交。请到服务台人工办理，我们已通知技术人员。";
    }
}

namespace {

StoreErrorKind classify(int code) {
    switch (code & 0xff) {
    case SQLITE_FULL:
        return StoreErrorKind::Full;
    case SQLITE_READONLY:
        return StoreErrorKind::ReadOnly;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return StoreErrorKind::Corrupt;
    default:
        return StoreErrorKind::Io;
    }
}

// ---- migrations ----
// Index i holds the SQL that takes the schema from version i to i+1. Never edit a shipped step; append.
const char* const kMigrations[] = {
    // 0 -> 1: outbox and settings
    "CREATE TABLE outbox("
    "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  id TEXT NOT NULL UNIQUE,"
    "  kind TEXT NOT NULL,"
    "  tracking_no TEXT,"
    "  created_ms INTEGER NOT NULL,"
    "  attempts INTEGER NOT NULL DEFAULT 0,"
    "  next_attempt_ms INTEGER NOT NULL DEFAULT 0,"
    "  last_error TEXT,"
    "  state TEXT NOT NULL DEFAULT 'pending' CHECK(state IN ('pending','sent','rejected')),"
    "  sent_ms INTEGER,"
    "  server_result TEXT,"
    "  payload BLOB);"
    "CREATE INDEX outbox_state_seq ON outbox(state, seq);"
    "CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);",
    // 1 -> 2: cached documents (catalog, roster) and the audit log
    "CREATE TABLE cached_document("
    "  name TEXT PRIMARY KEY,"
    "  etag TEXT, version TEXT, body TEXT NOT NULL, fetched_ms INTEGER NOT NULL);"
    "CREATE TABLE audit_log("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  at_ms INTEGER NOT NULL, actor TEXT NOT NULL, event TEXT NOT NULL, result TEXT NOT NULL,"
    "  detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);",
};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == OfflineStore::kSchemaVersion);

// Takes the write lock first and re-reads the version under it: two connections opening a new file at the
// same moment (writer thread, sync thread) must not both run the same step.
void applyMigrations(common::SqliteDb& db, int to) {
    common::SqliteTransaction tx(db);
    int from = static_cast<int>(db.scalarInt("PRAGMA user_version"));
    for (int v = from; v < to; ++v)
        db.exec(kMigrations[v]);
    if (from < to) db.exec("PRAGMA user_version=" + std::to_string(to));
    tx.commit();
}

std::string sixDigitCode() {
    unsigned char b[4];
    RAND_bytes(b, sizeof b);
    std::uint32_t v =
        (std::uint32_t(b[0]) << 24 | std::uint32_t(b[1]) << 16 | std::uint32_t(b[2]) << 8 | b[3]) % 1000000u;
    char out[8];
    std::snprintf(out, sizeof out, "%06u", v);
    return out;
}

} // namespace

template <typename F>
auto OfflineStore::guarded(F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const common::SqliteError& e) {
        throw StoreError(classify(e.code), e.what());
    }
}

// ---- open ----
OfflineStore::OfflineStore(const StorePaths& paths, std::string terminalId)
    : terminalId_(std::move(terminalId)) {
    std::string error;
    std::error_code ec;
    const std::filesystem::path dir = std::filesystem::path(paths.db).parent_path();
    if (!dir.empty() && !std::filesystem::exists(dir, ec)) {
        // The state directory holds the data key and the store: 0700 whatever the umask.
        if (!common::ensurePrivateDir(dir.string(), &error))
            throw StoreError(StoreErrorKind::Io, error); // names the directory and why
    } else if (!dir.empty()) {
        // One left wider (by an older version, or a technician's mkdir) is narrowed; when that is not
        // possible (someone else's directory, /tmp) the store still opens: the app logs the warning.
        common::ensurePrivateDir(dir.string());
    }
    cipher_ = RecordCipher::loadOrCreate(paths.dataKey, &error);
    if (!cipher_) throw StoreError(StoreErrorKind::KeyProblem, error);
    guarded([&] {
        db_ = std::make_unique<common::SqliteDb>(paths.db);
        migrate();
    });
}

OfflineStore::OfflineStore(const std::string& dbPath, const RecordCipher& cipher, std::string terminalId)
    : terminalId_(std::move(terminalId)), cipher_(cipher) {
    guarded([&] {
        db_ = std::make_unique<common::SqliteDb>(dbPath);
        migrate();
    });
}

void OfflineStore::migrate() {
    int version = static_cast<int>(db_->scalarInt("PRAGMA user_version"));
    if (version > kSchemaVersion)
        throw StoreError(StoreErrorKind::TooNew,
                         "store " + db_->path() + " has schema version " + std::to_string(version) +
                             ", newer than this program's " + std::to_string(kSchemaVersion) +
                             "; refusing to touch it (install the newer kiosk version)");
    if (version > 0) {
        common::SqliteStatement check(*db_, "PRAGMA quick_check");
        if (!check.step() || check.text(0) != "ok")
            throw StoreError(StoreErrorKind::Corrupt, "store " + db_->path() + " failed its integrity check");
    }
    if (version < kSchemaVersion) applyMigrations(*db_, kSchemaVersion);
}

void OfflineStore::limitPagesForTest(int pages) {
    guarded([&] { db_->exec("PRAGMA max_page_count=" + std::to_string(pages)); });
}

void OfflineStore::makeReadOnlyForTest() {
    guarded([&] { db_->exec("PRAGMA query_only=ON"); });
}

int OfflineStore::schemaVersion() {
    return guarded([&] { return static_cast<int>(db_->scalarInt("PRAGMA user_version")); });
}

void OfflineStore::createAtVersion(const std::string& dbPath, int version) {
    common::SqliteDb db(dbPath);
    applyMigrations(db, version);
}

// ---- outbox append ----
std::vector<AppendResult>
OfflineStore::appendMany(const std::vector<std::pair<std::string, nlohmann::json>>& records,
                         std::int64_t nowMs) {
    return guarded([&] {
        std::vector<AppendResult> out;
        common::SqliteTransaction tx(*db_);
        common::SqliteStatement ins(
            *db_, "INSERT INTO outbox(id, kind, created_ms, next_attempt_ms) VALUES(?,?,?,?)");
        common::SqliteStatement fill(*db_, "UPDATE outbox SET payload=?, tracking_no=? WHERE seq=?");
        for (const auto& [kind, payload] : records) {
            AppendResult r;
            r.id = common::newUuid7(nowMs);
            r.createdMs = nowMs;
            ins.reset();
            ins.bind(1, r.id).bind(2, kind).bind(3, nowMs).bind(4, nowMs).run();
            r.seq = db_->lastInsertRowid();
            nlohmann::json p = payload;
            // Complaints and suggestions (区长信箱) get their number from the same sequence, so the two
            // never collide; only complaints have a verification code (they can be followed).
            if (kind == "complaint" || kind == "suggestion") {
                char no[32];
                std::snprintf(no, sizeof no, "-%06lld", static_cast<long long>(r.seq));
                r.trackingNo = terminalId_ + no;
            }
            if (kind == "complaint") {
                r.verifyCode = sixDigitCode();
                p["tracking_no"] = r.trackingNo;
                p["verify_code"] = r.verifyCode;
            } else if (kind == "suggestion") {
                p["receipt_no"] = r.trackingNo;
            }
            std::string sealed = cipher_->seal(p.dump(), r.id);
            if (sealed.empty()) throw StoreError(StoreErrorKind::KeyProblem, "encryption failed");
            fill.reset();
            fill.bindBlob(1, sealed.data(), sealed.size());
            if (r.trackingNo.empty())
                fill.bindNull(2);
            else
                fill.bind(2, r.trackingNo);
            fill.bind(3, r.seq).run();
            out.push_back(std::move(r));
        }
        tx.commit(); // returns only after the WAL is synced (synchronous=FULL)
        return out;
    });
}

AppendResult OfflineStore::append(const std::string& kind, const nlohmann::json& payload,
                                  std::int64_t nowMs) {
    return appendMany({{kind, payload}}, nowMs).at(0);
}

// ---- outbox sync state ----
nlohmann::json OfflineStore::decryptPayload(const std::string& id, const std::string& sealed,
                                            bool* damaged) const {
    *damaged = false;
    if (sealed.empty()) return nullptr;
    auto plain = cipher_->open(sealed, id);
    if (!plain) {
        *damaged = true;
        return nullptr;
    }
    try {
        return nlohmann::json::parse(*plain);
    } catch (const std::exception&) {
        *damaged = true;
        return nullptr;
    }
}

namespace {
const char* kRecordColumns = "SELECT seq, id, kind, state, IFNULL(tracking_no,''), IFNULL(last_error,''), "
                             "created_ms, attempts, payload "
                             "FROM outbox ";
} // namespace

// One row selected with kRecordColumns, payload decrypted.
OutboxRecord OfflineStore::recordFromRow(common::SqliteStatement& st) const {
    OutboxRecord r;
    r.seq = st.int64(0);
    r.id = st.text(1);
    r.kind = st.text(2);
    r.state = st.text(3);
    r.trackingNo = st.text(4);
    r.lastError = st.text(5);
    r.createdMs = st.int64(6);
    r.attempts = static_cast<int>(st.int64(7));
    r.payload = decryptPayload(r.id, st.blob(8), &r.payloadDamaged);
    return r;
}

std::vector<OutboxRecord> OfflineStore::duePending(std::int64_t nowMs, int limit) {
    return guarded([&] {
        std::vector<OutboxRecord> out;
        common::SqliteStatement st(*db_,
                                   std::string(kRecordColumns) +
                                       "WHERE state='pending' AND next_attempt_ms<=? ORDER BY seq LIMIT ?");
        st.bind(1, nowMs).bind(2, limit);
        while (st.step())
            out.push_back(recordFromRow(st));
        return out;
    });
}

std::vector<OutboxRecord> OfflineStore::records(const std::string& state, int limit) {
    return guarded([&] {
        std::vector<OutboxRecord> out;
        common::SqliteStatement st(*db_, std::string(kRecordColumns) + "WHERE state=? ORDER BY seq LIMIT ?");
        st.bind(1, state).bind(2, limit);
        while (st.step())
            out.push_back(recordFromRow(st));
        return out;
    });
}

std::optional<OutboxRecord> OfflineStore::recordWithTrackingNo(const std::string& trackingNo) {
    return guarded([&]() -> std::optional<OutboxRecord> {
        common::SqliteStatement st(*db_, std::string(kRecordColumns) + "WHERE tracking_no=? LIMIT 1");
        st.bind(1, trackingNo);
        if (!st.step()) return std::nullopt;
        return recordFromRow(st);
    });
}

std::vector<std::string> OfflineStore::allIds() {
    return guarded([&] {
        std::vector<std::string> out;
        common::SqliteStatement st(*db_, "SELECT id FROM outbox ORDER BY seq");
        while (st.step())
            out.push_back(st.text(0));
        return out;
    });
}

std::int64_t OfflineStore::nextAttemptMs() {
    return guarded(
        [&] { return db_->scalarInt("SELECT MIN(next_attempt_ms) FROM outbox WHERE state='pending'", 0); });
}

void OfflineStore::makeAllPendingDue(std::int64_t nowMs) {
    guarded([&] {
        common::SqliteStatement st(
            *db_, "UPDATE outbox SET next_attempt_ms=? WHERE state='pending' AND next_attempt_ms>?");
        st.bind(1, nowMs).bind(2, nowMs).run();
    });
}

void OfflineStore::markSent(const std::vector<std::pair<std::string, std::string>>& idAndResult,
                            std::int64_t nowMs) {
    guarded([&] {
        common::SqliteTransaction tx(*db_);
        common::SqliteStatement st(
            *db_, "UPDATE outbox SET state='sent', sent_ms=?, server_result=?, payload=NULL, "
                  "last_error=NULL, attempts=attempts+1 WHERE id=? AND state='pending'");
        for (const auto& [id, result] : idAndResult) {
            st.reset();
            st.bind(1, nowMs).bind(2, result).bind(3, id).run();
        }
        tx.commit();
    });
}

void OfflineStore::markRejected(const std::string& id, const std::string& error, std::int64_t) {
    guarded([&] {
        common::SqliteStatement st(*db_,
                                   "UPDATE outbox SET state='rejected', last_error=?, attempts=attempts+1 "
                                   "WHERE id=? AND state='pending'");
        st.bind(1, error).bind(2, id).run();
    });
}

void OfflineStore::markRetry(const std::vector<std::string>& ids, const std::string& error,
                             std::int64_t nextMs) {
    guarded([&] {
        common::SqliteTransaction tx(*db_);
        common::SqliteStatement st(*db_,
                                   "UPDATE outbox SET attempts=attempts+1, last_error=?, next_attempt_ms=? "
                                   "WHERE id=? AND state='pending'");
        for (const std::string& id : ids) {
            st.reset();
            st.bind(1, error).bind(2, nextMs).bind(3, id).run();
        }
        tx.commit();
    });
}

OutboxStats OfflineStore::stats(std::int64_t nowMs) {
    return guarded([&] {
        OutboxStats s;
        common::SqliteStatement st(
            *db_, "SELECT state, COUNT(*), MIN(created_ms), MAX(sent_ms) FROM outbox GROUP BY state");
        while (st.step()) {
            std::string state = st.text(0);
            if (state == "pending") {
                s.pending = st.int64(1);
                s.oldestPendingAgeS = std::max<std::int64_t>(0, (nowMs - st.int64(2)) / 1000);
            } else if (state == "sent") {
                s.sent = st.int64(1);
                s.lastSentMs = st.isNull(3) ? 0 : st.int64(3);
            } else if (state == "rejected") {
                s.rejected = st.int64(1);
            }
        }
        return s;
    });
}

int OfflineStore::purgeSentOlderThan(std::int64_t cutoffMs) {
    return guarded([&] {
        common::SqliteStatement st(*db_, "DELETE FROM outbox WHERE state='sent' AND sent_ms<?");
        st.bind(1, cutoffMs).run();
        return db_->changes();
    });
}

// ---- caches + settings ----
std::optional<CachedDocument> OfflineStore::cached(const std::string& name) {
    return guarded([&]() -> std::optional<CachedDocument> {
        common::SqliteStatement st(
            *db_, "SELECT IFNULL(etag,''), IFNULL(version,''), body, fetched_ms FROM cached_document "
                  "WHERE name=?");
        st.bind(1, name);
        if (!st.step()) return std::nullopt;
        return CachedDocument{st.text(0), st.text(1), st.text(2), st.int64(3)};
    });
}

void OfflineStore::storeCached(const std::string& name, const CachedDocument& doc) {
    guarded([&] {
        common::SqliteStatement st(
            *db_, "INSERT INTO cached_document(name, etag, version, body, fetched_ms) VALUES(?,?,?,?,?) "
                  "ON CONFLICT(name) DO UPDATE SET etag=excluded.etag, version=excluded.version, "
                  "body=excluded.body, fetched_ms=excluded.fetched_ms");
        st.bind(1, name)
            .bind(2, doc.etag)
            .bind(3, doc.version)
            .bind(4, doc.body)
            .bind(5, doc.fetchedMs)
            .run();
    });
}

std::optional<std::string> OfflineStore::setting(const std::string& key) {
    return guarded([&]() -> std::optional<std::string> {
        common::SqliteStatement st(*db_, "SELECT value FROM settings WHERE key=?");
        st.bind(1, key);
        if (!st.step()) return std::nullopt;
        return st.text(0);
    });
}

void OfflineStore::setSetting(const std::string& key, const std::string& value) {
    guarded([&] {
        common::SqliteStatement st(*db_, "INSERT INTO settings(key, value) VALUES(?,?) "
                                         "ON CONFLICT(key) DO UPDATE SET value=excluded.value");
        st.bind(1, key).bind(2, value).run();
    });
}

// ---- audit ----
// Each row's hash covers its fields and the previous row's hash: editing or deleting a row in the middle
// breaks every later hash (detected by auditChainIntact()). Details must not contain personal data.
void OfflineStore::audit(const std::string& actor, const std::string& event, const std::string& result,
                         const std::string& detail, std::int64_t nowMs) {
    guarded([&] {
        common::SqliteTransaction tx(*db_);
        std::string prev;
        {
            common::SqliteStatement last(*db_, "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1");
            if (last.step()) prev = last.text(0);
        }
        std::string hash = common::sha256Hex(prev + '\x1f' + std::to_string(nowMs) + '\x1f' + actor + '\x1f' +
                                             event + '\x1f' + result + '\x1f' + detail);
        common::SqliteStatement st(
            *db_, "INSERT INTO audit_log(at_ms, actor, event, result, detail, prev_hash, hash) "
                  "VALUES(?,?,?,?,?,?,?)");
        st.bind(1, nowMs).bind(2, actor).bind(3, event).bind(4, result).bind(5, detail).bind(6, prev).bind(
            7, hash);
        st.run();
        tx.commit();
    });
}

bool OfflineStore::auditChainIntact() {
    return guarded([&] {
        common::SqliteStatement st(
            *db_, "SELECT at_ms, actor, event, result, detail, prev_hash, hash FROM audit_log "
                  "ORDER BY id");
        std::string prev;
        while (st.step()) {
            if (st.text(5) != prev) return false;
            std::string expect =
                common::sha256Hex(prev + '\x1f' + std::to_string(st.int64(0)) + '\x1f' + st.text(1) + '\x1f' +
                                  st.text(2) + '\x1f' + st.text(3) + '\x1f' + st.text(4));
            if (expect != st.text(6)) return false;
            prev = expect;
        }
        return true;
    });
}

} // namespace kiosk::offline
