// Thin RAII layer over SQLite (see SqliteDb.h).
//
// Sections: statement | database | transaction
#include "common/SqliteDb.h"

#include "common/PrivateFiles.h"

#include <chrono>
#include <thread>

namespace kiosk::common {

// ---- statement ----
SqliteStatement::SqliteStatement(SqliteDb& db, std::string_view sql) : db_(db) {
    int rc = sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) db.fail(rc, "prepare");
}

SqliteStatement::~SqliteStatement() {
    sqlite3_finalize(stmt_);
}

SqliteStatement& SqliteStatement::bind(int idx, std::int64_t v) {
    if (int rc = sqlite3_bind_int64(stmt_, idx, v); rc != SQLITE_OK) db_.fail(rc, "bind");
    return *this;
}
SqliteStatement& SqliteStatement::bind(int idx, double v) {
    if (int rc = sqlite3_bind_double(stmt_, idx, v); rc != SQLITE_OK) db_.fail(rc, "bind");
    return *this;
}
SqliteStatement& SqliteStatement::bind(int idx, std::string_view text) {
    if (int rc = sqlite3_bind_text(stmt_, idx, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        rc != SQLITE_OK)
        db_.fail(rc, "bind");
    return *this;
}
SqliteStatement& SqliteStatement::bindBlob(int idx, const void* data, size_t size) {
    if (int rc = sqlite3_bind_blob(stmt_, idx, data, static_cast<int>(size), SQLITE_TRANSIENT);
        rc != SQLITE_OK)
        db_.fail(rc, "bind");
    return *this;
}
SqliteStatement& SqliteStatement::bindNull(int idx) {
    if (int rc = sqlite3_bind_null(stmt_, idx); rc != SQLITE_OK) db_.fail(rc, "bind");
    return *this;
}

bool SqliteStatement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3_reset(stmt_);
    db_.fail(rc, "step");
}

void SqliteStatement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool SqliteStatement::isNull(int col) const {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}
std::int64_t SqliteStatement::int64(int col) const {
    return sqlite3_column_int64(stmt_, col);
}
double SqliteStatement::real(int col) const {
    return sqlite3_column_double(stmt_, col);
}
std::string SqliteStatement::text(int col) const {
    const unsigned char* p = sqlite3_column_text(stmt_, col);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
}
std::string SqliteStatement::blob(int col) const {
    const void* p = sqlite3_column_blob(stmt_, col);
    return p ? std::string(static_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
}

// ---- database ----
SqliteDb::SqliteDb(const std::string& path, bool create) : path_(path) {
    // The database, its -wal and its -shm are private whatever the umask. SQLite would create a new
    // database 0644 & ~umask and gives -wal and -shm the database's own mode: so the database is
    // created 0600 here first, and files an older version left wider are narrowed. Best effort: when
    // this fails, SQLite's own open below says why in its words.
    if (!path.empty() && path != ":memory:") {
        if (create) ensurePrivateFile(path);
        narrowPrivateFile(path);
        narrowPrivateFile(path + "-wal");
        narrowPrivateFile(path + "-shm");
    }
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = "cannot open " + path + ": " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
        sqlite3_close(db_);
        db_ = nullptr;
        throw SqliteError(rc, msg);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
    try {
        // The header check: a file that is not a database fails here, before anything is written.
        // Switching a new file to WAL needs an exclusive lock and SQLite answers BUSY at once (no busy
        // handler) when another connection is opening the same new file: retry for a few seconds.
        for (int attempt = 0;; ++attempt) {
            try {
                exec("PRAGMA journal_mode=WAL");
                break;
            } catch (const SqliteError& e) {
                if ((e.code & 0xff) != SQLITE_BUSY || attempt >= 250) throw;
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        }
        exec("PRAGMA synchronous=FULL");
        exec("PRAGMA foreign_keys=ON");
    } catch (...) {
        sqlite3_close(db_);
        db_ = nullptr;
        throw;
    }
}

SqliteDb::~SqliteDb() {
    sqlite3_close(db_);
}

void SqliteDb::fail(int rc, std::string_view what) const {
    throw SqliteError(rc, std::string("SQLite ") + std::string(what) + " failed on " + path_ + ": " +
                              sqlite3_errmsg(db_) + " (code " + std::to_string(rc) + ")");
}

void SqliteDb::exec(std::string_view sql) {
    std::string s(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw SqliteError(rc, "SQLite exec failed on " + path_ + ": " + msg + " (code " + std::to_string(rc) +
                                  ")");
    }
}

std::int64_t SqliteDb::scalarInt(std::string_view sql, std::int64_t fallback) {
    SqliteStatement st(*this, sql);
    if (!st.step() || st.isNull(0)) return fallback;
    return st.int64(0);
}

// ---- transaction ----
SqliteTransaction::~SqliteTransaction() {
    if (!done_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void SqliteTransaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

} // namespace kiosk::common
