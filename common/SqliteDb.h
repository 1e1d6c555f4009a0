// A thin RAII layer over SQLite shared by the terminal store and kiosk-central: open in WAL mode with
// synchronous=FULL, run statements, prepared statements with typed binds, transactions.
//
// Sections: statement | database | transaction
// Checklist:
//   [x] WAL + synchronous=FULL + busy timeout; foreign keys on
//   [x] errors carry SQLite's extended code and message (never the bound values)
//   [x] RAII transaction (BEGIN IMMEDIATE; rollback unless committed)
//   [ ] statement cache: callers keep their own prepared statements where it matters
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kiosk::common {

struct SqliteError : std::runtime_error {
    int code;
    SqliteError(int c, const std::string& what) : std::runtime_error(what), code(c) {}
};

class SqliteDb;

// ---- statement ----
class SqliteStatement {
public:
    SqliteStatement(SqliteDb& db, std::string_view sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    SqliteStatement& bind(int idx, std::int64_t v);
    SqliteStatement& bind(int idx, int v) { return bind(idx, static_cast<std::int64_t>(v)); }
    SqliteStatement& bind(int idx, double v);
    SqliteStatement& bind(int idx, std::string_view text);
    SqliteStatement& bind(int idx, const char* text) { return bind(idx, std::string_view(text)); }
    SqliteStatement& bind(int idx, const std::string& text) { return bind(idx, std::string_view(text)); }
    SqliteStatement& bindBlob(int idx, const void* data, size_t size);
    SqliteStatement& bindNull(int idx);

    bool step(); // true = a row is available; false = done; throws SqliteError on failure
    void run() { step(); }
    void reset();

    bool isNull(int col) const;
    std::int64_t int64(int col) const;
    double real(int col) const;
    std::string text(int col) const;
    std::string blob(int col) const;

private:
    SqliteDb& db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// ---- database ----
class SqliteDb {
public:
    // Opens (creating when `create`) the file in WAL mode with synchronous=FULL. Throws SqliteError.
    explicit SqliteDb(const std::string& path, bool create = true);
    ~SqliteDb();
    SqliteDb(const SqliteDb&) = delete;
    SqliteDb& operator=(const SqliteDb&) = delete;

    void exec(std::string_view sql);
    std::int64_t scalarInt(std::string_view sql, std::int64_t fallback = 0);
    std::int64_t lastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
    int changes() const { return sqlite3_changes(db_); }
    sqlite3* handle() const { return db_; }
    const std::string& path() const { return path_; }
    [[noreturn]] void fail(int rc, std::string_view what) const;

private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

// ---- transaction ----
class SqliteTransaction {
public:
    explicit SqliteTransaction(SqliteDb& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }
    ~SqliteTransaction();
    void commit();

private:
    SqliteDb& db_;
    bool done_ = false;
};

} // namespace kiosk::common
