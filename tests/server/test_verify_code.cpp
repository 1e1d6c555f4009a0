// The complaint verification code at kiosk-central (issue 12 C): only a salted PBKDF2 hash is kept
// (server/VerifyCode.h), never the code (not in clear, not in the sealed payload, not as the old
// unsalted SHA-256); schema-1 and -2 databases are migrated and rehashed when opened with the key; a
// check costs a few ms.
#include "common/Sha256.h"
#include "server/VerifyCode.h"
#include "server/WorkCalendar.h"
#include "tests/server/RouterFixture.h"

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <sstream>

#include <sys/stat.h>

using kiosk::testing::Routes;
using namespace kiosk::central;

namespace {
std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

nlohmann::json complaint(const std::string& id, int seq, const std::string& tn, const std::string& code) {
    return {{"id", id},
            {"seq", seq},
            {"created_ms", 1},
            {"category", "tuola"},
            {"content", "材料交齐两周没有进展"},
            {"tracking_no", tn},
            {"verify_code", code}};
}
} // namespace

TEST_CASE("verifier: salted, bound to the tracking number, constant iterations stored with it") {
    CodeVerifier a = makeCodeVerifier("T-1-1", "123456");
    CodeVerifier b = makeCodeVerifier("T-1-1", "123456");
    CHECK(a.salt.size() == 16);
    CHECK(a.hash.size() == 32);
    CHECK(a.iterations == kVerifyIterations);
    CHECK(a.salt != b.salt);
    CHECK(a.hash != b.hash);
    CHECK(codeMatches(a, "T-1-1", "123456"));
    CHECK(codeMatches(b, "T-1-1", "123456"));
    CHECK_FALSE(codeMatches(a, "T-1-1", "123457"));
    CHECK_FALSE(codeMatches(a, "T-1-2", "123456"));
    CHECK_FALSE(codeMatches(CodeVerifier{}, "T-1-1", "123456"));

    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 20; ++i)
        codeMatches(a, "T-1-1", "123456");
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / 20;
    MESSAGE("one verification-code check: " << ms << " ms (" << kVerifyIterations << " PBKDF2 rounds)");
    CHECK(ms > 0.5); // slow on purpose; the upper end depends on the machine's load
}

TEST_CASE("the database holds no verification code: no clear text, no unsalted hash, none in the payload") {
    Routes r;
    const std::string codes[] = {"483920", "483920"};
    REQUIRE(r.post("/api/v1/complaints", "T-9",
                   complaint("0190a7a0-1c2b-7d3e-8f40-00000000c001", 1, "T-9-000001", codes[0]))
                .status == 201);
    REQUIRE(r.post("/api/v1/complaints", "T-9",
                   complaint("0190a7a0-1c2b-7d3e-8f40-00000000c002", 2, "T-9-000002", codes[1]))
                .status == 201);
    auto ok = r.post("/api/v1/complaints/progress", "T-9",
                     {{"tracking_no", "T-9-000001"}, {"verify_code", "483920"}});
    CHECK(ok.status == 200);
    for (const char* f : {"central.db", "central.db-wal"}) {
        std::string bytes = fileBytes(r.dir / f);
        CAPTURE(f);
        CHECK(bytes.find("483920") == std::string::npos);
        CHECK(bytes.find(kiosk::common::sha256Hex("T-9-000001\x1f"
                                                  "483920")) == std::string::npos);
    }
    kiosk::common::SqliteDb raw(r.dir / "central.db");
    kiosk::common::SqliteStatement st(raw,
                                      "SELECT verify_hash, verify_salt, verify_iterations FROM complaints "
                                      "WHERE tracking_no LIKE 'T-9-%' ORDER BY tracking_no");
    REQUIRE(st.step());
    std::string hash1 = st.blob(0), salt1 = st.blob(1);
    CHECK(st.int64(2) == kVerifyIterations);
    CHECK(salt1.size() == 16);
    REQUIRE(st.step());
    CHECK(st.blob(1) != salt1); // the same code, another salt, another hash
    CHECK(st.blob(0) != hash1);
    // The sealed record lost its code too (the office list cannot show it).
    for (const auto& c : r.context->db.complaints(10))
        if (c.terminal == "T-9") {
            REQUIRE(c.record.is_object());
            CHECK_FALSE(c.record.contains("verify_code"));
            CHECK(c.record.at("content") == "材料交齐两周没有进展");
        }
    // A retry of the same upload is still the same record (the hash covers what the terminal sent).
    auto again = r.post("/api/v1/complaints", "T-9",
                        complaint("0190a7a0-1c2b-7d3e-8f40-00000000c001", 1, "T-9-000001", codes[0]));
    CHECK(again.status == 200);
}

TEST_CASE("a schema-2 complaint (SHA-256, code in the payload) is rehashed when opened with the key") {
    kiosk::testing::TempDir dir{"legacy-verify"};
    std::string error;
    auto key = DataCipher::openOrCreate(dir / "data.key", &error);
    REQUIRE(key);
    { CentralDb fresh(dir / "central.db"); }
    {
        // What a schema-2 server wrote: the old hash, iterations 0, the code inside the sealed payload.
        kiosk::common::SqliteDb raw(dir / "central.db");
        std::string sealed = key->seal(R"({"content":"x","verify_code":"222333"})", "T-1\x1fid-1");
        kiosk::common::SqliteStatement rec(raw, "INSERT INTO records(terminal, id, kind, seq, payload_hash, "
                                                "payload, result, received_ms) "
                                                "VALUES('T-1','id-1','complaint',1,'h',?,'{}',1)");
        rec.bindBlob(1, sealed.data(), sealed.size()).run();
        raw.exec(
            "INSERT INTO complaints(tracking_no, terminal, record_id, verify_hash, category, received_ms) "
            "VALUES('T-1-000001','T-1','id-1','" +
            kiosk::common::sha256Hex("T-1-000001\x1f"
                                     "222333") +
            "','tuola',1)");
        raw.exec("INSERT INTO complaint_stages(tracking_no, rank, stage, at_ms, unit) "
                 "VALUES('T-1-000001',0,'received',1,'')");
    }
    {
        CentralDb noKey(dir / "central.db"); // without the key: still checkable the old way
        CHECK(noKey.complaintFor("T-1-000001", "222333"));
        CHECK_FALSE(noKey.complaintFor("T-1-000001", "222334"));
    }
    CentralDb db(dir / "central.db", key);
    CHECK(db.complaintFor("T-1-000001", "222333"));
    CHECK_FALSE(db.complaintFor("T-1-000001", "222334"));
    kiosk::common::SqliteDb raw(dir / "central.db");
    kiosk::common::SqliteStatement st(raw, "SELECT verify_iterations, length(verify_salt) FROM complaints");
    REQUIRE(st.step());
    CHECK(st.int64(0) == kVerifyIterations);
    CHECK(st.int64(1) == 16);
    CHECK(db.complaints(1).at(0).record.contains("content"));
    CHECK_FALSE(db.complaints(1).at(0).record.contains("verify_code"));
}

TEST_CASE("a schema-1 database is migrated to stages, due dates and salted hashes; its complaint answers") {
    std::string v1Path;
    Routes r([&](CentralSettings& s) {
        // The database as the first kiosk-central made it (schema 1), with one complaint.
        ::mkdir(s.tlsDir.c_str(), 0700);
        std::string error;
        auto key = DataCipher::openOrCreate(s.tlsDir + "/data.key", &error);
        REQUIRE(key);
        kiosk::common::SqliteDb raw(s.dbPath);
        raw.exec(
            "CREATE TABLE records(terminal TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL, seq INTEGER "
            "NOT NULL, payload_hash TEXT NOT NULL, payload TEXT NOT NULL, result TEXT NOT NULL, received_ms "
            "INTEGER NOT NULL, PRIMARY KEY(terminal, id));"
            "CREATE INDEX records_kind ON records(kind, terminal);"
            "CREATE TABLE complaints(tracking_no TEXT PRIMARY KEY, terminal TEXT NOT NULL, record_id TEXT "
            "NOT "
            "NULL, verify_hash TEXT NOT NULL, category TEXT NOT NULL, department TEXT, received_ms INTEGER "
            "NOT "
            "NULL);"
            "CREATE TABLE dedup_counters(name TEXT PRIMARY KEY, value INTEGER NOT NULL);"
            "INSERT INTO dedup_counters VALUES('duplicates_refused', 0), ('payload_mismatches', 0);"
            "CREATE TABLE terminals(id TEXT PRIMARY KEY, mode TEXT, counter INTEGER, enrolled_ms INTEGER, "
            "last_seen_ms INTEGER, heartbeat TEXT);"
            "CREATE TABLE enrolment_codes(code_hash TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, mode TEXT "
            "NOT "
            "NULL, counter INTEGER NOT NULL, created_ms INTEGER NOT NULL, expires_ms INTEGER NOT NULL, "
            "used_ms "
            "INTEGER);"
            "CREATE TABLE events(id INTEGER PRIMARY KEY AUTOINCREMENT, counter INTEGER NOT NULL, type TEXT "
            "NOT "
            "NULL, body TEXT NOT NULL, created_ms INTEGER NOT NULL);"
            "PRAGMA user_version=1;");
        std::string sealed = key->seal(R"({"content":"x","verify_code":"777888"})", "OLD-1\x1fid-old");
        kiosk::common::SqliteStatement rec(raw,
                                           "INSERT INTO records VALUES('OLD-1','id-old','complaint',1,'h',?,"
                                           "'{}',1795797671738)");
        rec.bindBlob(1, sealed.data(), sealed.size()).run();
        raw.exec("INSERT INTO complaints VALUES('OLD-1-000001','OLD-1','id-old','" +
                 kiosk::common::sha256Hex(std::string("OLD-1-000001\x1f") + "777888") +
                 "','tuola','ybj',1795797671738)");
        v1Path = s.dbPath;
    });
    kiosk::common::SqliteDb raw(v1Path);
    CHECK(raw.scalarInt("PRAGMA user_version") == 4);
    CHECK(raw.scalarInt("SELECT verify_iterations FROM complaints WHERE tracking_no='OLD-1-000001'") ==
          kVerifyIterations);
    auto res = r.post("/api/v1/complaints/progress", "T-1",
                      {{"tracking_no", "OLD-1-000001"}, {"verify_code", "777888"}});
    REQUIRE(res.status == 200);
    nlohmann::json p = Routes::json(res);
    CHECK(p["status"] == "received");
    CHECK(p["department"] == "区医疗保障局");
    CHECK(p["due_date"] == dueDateAfter(1795797671738, 15)); // computed for a complaint from before due dates
    REQUIRE(p["timeline"].size() == 1);
    CHECK(p["timeline"][0]["unit"] == "区医疗保障局"); // a migrated stage has no unit: the complaint's
    CHECK(p["timeline"][0]["at"] == isoOfMs(1795797671738));
    CHECK(r.post("/api/v1/complaints/progress", "T-1",
                 {{"tracking_no", "OLD-1-000001"}, {"verify_code", "777889"}})
              .status == 404);
}
