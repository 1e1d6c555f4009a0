// The terminal store: durability semantics, encryption at rest, migrations, error reporting, writer thread.
#include "common/TlsCredentials.h"
#include "common/Uuid7.h"
#include "offline/OfflineStore.h"
#include "offline/RecordCipher.h"
#include "offline/StoreWriter.h"
#include "tests/server/TempDir.h"

#include <doctest/doctest.h>

#include <atomic>
#include <fstream>
#include <set>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace kiosk::offline;
using namespace kiosk::common;
using kiosk::testing::TempDir;

namespace {

nlohmann::json complaint(const std::string& text) {
    return {{"category", "tuola"},
            {"content", text},
            {"phone", "13800138000"},
            {"name", "王秀英"},
            {"id_number", "110105195603121529"}};
}

std::string fileBytes(const std::string& path) {
    std::string s;
    readWholeFile(path, &s);
    return s;
}

} // namespace

TEST_CASE("UUIDv7 ids are well-formed, versioned and time-ordered") {
    std::string a = newUuid7(1000), b = newUuid7(2000);
    CHECK(isUuid(a));
    CHECK(a[14] == '7');
    CHECK(a < b);
    CHECK(newUuid7() != newUuid7());
}

TEST_CASE("AES-256-GCM seals with the record id as associated data") {
    TempDir d("cipher");
    std::string error;
    auto c = RecordCipher::loadOrCreate(d / "k", &error);
    REQUIRE(c);
    struct stat st {};
    REQUIRE(::stat((d / "k").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    std::string sealed = c->seal("办事拖拉三个月", "id-1");
    CHECK(sealed.find("办事拖拉") == std::string::npos);
    CHECK(c->open(sealed, "id-1").value() == "办事拖拉三个月");
    CHECK_FALSE(c->open(sealed, "id-2")); // moved to another record
    std::string tampered = sealed;
    tampered[20] ^= 1;
    CHECK_FALSE(c->open(tampered, "id-1"));
    auto again = RecordCipher::loadOrCreate(d / "k", &error); // same key on reload
    REQUIRE(again);
    CHECK(again->open(sealed, "id-1").value() == "办事拖拉三个月");
    ::chmod((d / "k").c_str(), 0644);
    CHECK_FALSE(RecordCipher::loadOrCreate(d / "k", &error));
    CHECK(error.find("0600") != std::string::npos);
}

TEST_CASE("outbox: seq order, tracking numbers, purge after ack, rejected kept, stats") {
    TempDir d("store");
    OfflineStore s(StorePaths::in(d.path()), "HALL-01");
    CHECK(s.schemaVersion() == OfflineStore::kSchemaVersion);
    AppendResult c1 = s.append("complaint", complaint("窗口工作人员让我来回跑了三趟"), 1000);
    AppendResult r1 = s.append("rating", {{"counter", 3}, {"staff_id", "ST1003"}, {"level", 5}}, 2000);
    AppendResult r2 = s.append("rating", {{"counter", 3}, {"staff_id", "ST1003"}, {"level", 1}}, 3000);
    CHECK(c1.seq < r1.seq);
    CHECK(r1.seq < r2.seq);
    CHECK(c1.trackingNo == "HALL-01-000001");
    CHECK(c1.verifyCode.size() == 6);
    CHECK(r1.trackingNo.empty());

    auto due = s.duePending(5000, 10);
    REQUIRE(due.size() == 3);
    CHECK(due[0].id == c1.id);
    CHECK(due[0].payload.at("content") == "窗口工作人员让我来回跑了三趟");
    CHECK(due[0].payload.at("tracking_no") == c1.trackingNo);
    CHECK(due[0].payload.at("verify_code") == c1.verifyCode);

    s.markRetry({r1.id}, "HTTP 503", 9000);
    CHECK(s.duePending(5000, 10).size() == 2);
    CHECK(s.nextAttemptMs() == 1000);
    s.markSent({{c1.id, R"({"tracking_no":"HALL-01-000001"})"}}, 6000);
    s.markRejected(r2.id, "HTTP 400 bad_level", 6000);
    OutboxStats st = s.stats(11000);
    CHECK(st.pending == 1);
    CHECK(st.sent == 1);
    CHECK(st.rejected == 1);
    CHECK(st.oldestPendingAgeS == 9);
    auto rejected = s.records("rejected", 10);
    REQUIRE(rejected.size() == 1);
    CHECK(rejected[0].lastError == "HTTP 400 bad_level");
    CHECK(rejected[0].payload.at("level") == 1); // kept, readable for the technician
    auto sent = s.records("sent", 10);
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].payload.is_null()); // personal data gone after the ack
    CHECK(s.purgeSentOlderThan(5000) == 0);
    CHECK(s.purgeSentOlderThan(7000) == 1);
    CHECK(s.stats(11000).sent == 0);
}

TEST_CASE("a grep of the database file finds no personal data") {
    TempDir d("grep");
    {
        OfflineStore s(StorePaths::in(d.path()), "HALL-01");
        for (int i = 0; i < 20; ++i)
            s.append("complaint", complaint("窗口工作人员让我来回跑了三趟"), 1000 + i);
        s.setSetting("k", "v");
    }
    std::string all = fileBytes(d / "kiosk-store.db") + fileBytes(d / "kiosk-store.db-wal");
    CHECK(all.size() > 1000);
    CHECK(all.find("110105195603121529") == std::string::npos);
    CHECK(all.find("来回跑了三趟") == std::string::npos);
    CHECK(all.find("13800138000") == std::string::npos);
    CHECK(all.find("王秀英") == std::string::npos);
}

TEST_CASE("migrations: an older file is upgraded with its data; a newer file is refused untouched") {
    TempDir d("migrate");
    StorePaths p = StorePaths::in(d.path());
    OfflineStore::createAtVersion(p.db, 1);
    {
        SqliteDb raw(p.db);
        raw.exec("INSERT INTO settings(key, value) VALUES('terminal_note', 'from v1')");
    }
    {
        OfflineStore s(p, "HALL-01");
        CHECK(s.schemaVersion() == 2);
        CHECK(s.setting("terminal_note").value() == "from v1");
        s.storeCached("catalog", {"\"v1\"", "v1", "{}", 5});
        CHECK(s.cached("catalog")->etag == "\"v1\"");
    }
    {
        SqliteDb raw(p.db);
        raw.exec("PRAGMA user_version=9");
    }
    std::string before = fileBytes(p.db);
    try {
        OfflineStore s(p, "HALL-01");
        FAIL("a newer schema must be refused");
    } catch (const StoreError& e) {
        CHECK(e.kind == StoreErrorKind::TooNew);
        CHECK(std::string(e.what()).find("newer") != std::string::npos);
    }
    CHECK(fileBytes(p.db) == before);
}

TEST_CASE("corrupt and read-only stores are reported by kind, and the writer refuses honestly") {
    TempDir d("broken");
    StorePaths p = StorePaths::in(d.path());
    {
        std::ofstream f(p.db, std::ios::binary);
        f << std::string(8192, 'x');
    }
    try {
        OfflineStore s(p, "HALL-01");
        FAIL("garbage must not open");
    } catch (const StoreError& e) {
        CHECK(e.kind == StoreErrorKind::Corrupt);
    }
    StoreWriter w(p, "HALL-01");
    AppendOutcome o = w.appendAndWait("rating", {{"level", 5}});
    CHECK_FALSE(o.committed);
    REQUIRE(o.error);
    CHECK(*o.error == StoreErrorKind::Corrupt);
    CHECK(o.citizenMessage.find("服务台") != std::string::npos);
    CHECK(w.health() == StoreErrorKind::Corrupt);

    if (::geteuid() != 0) { // root ignores file permissions
        TempDir ro("ro");
        StorePaths rp = StorePaths::in(ro.path());
        { OfflineStore s(rp, "HALL-01"); }
        ::chmod(ro.path().c_str(), 0500);
        ::chmod(rp.db.c_str(), 0400);
        bool refused = false;
        try {
            OfflineStore s(rp, "HALL-01");
            s.append("rating", {{"level", 5}}, 1);
        } catch (const StoreError& e) {
            refused = e.kind == StoreErrorKind::ReadOnly || e.kind == StoreErrorKind::Io;
        }
        CHECK(refused);
        ::chmod(ro.path().c_str(), 0700);
    }
}

TEST_CASE("audit log is a hash chain: editing a row is detected") {
    TempDir d("audit");
    StorePaths p = StorePaths::in(d.path());
    {
        OfflineStore s(p, "HALL-01");
        s.audit("technician", "enroll", "ok", "terminal HALL-01", 1);
        s.audit("sync", "rejected", "HTTP 400", "record 0190...", 2);
        s.audit("technician", "config", "ok", "server url changed", 3);
        CHECK(s.auditChainIntact());
    }
    {
        SqliteDb raw(p.db);
        raw.exec("UPDATE audit_log SET result='ok' WHERE id=2");
    }
    OfflineStore s(p, "HALL-01");
    CHECK_FALSE(s.auditChainIntact());
}

TEST_CASE("writer thread: callbacks after commit, group commit keeps every record") {
    TempDir d("writer");
    StorePaths p = StorePaths::in(d.path());
    std::atomic<int> committed{0}, wakes{0};
    {
        StoreWriter w(p, "HALL-01", [&] { ++wakes; });
        for (int i = 0; i < 200; ++i)
            w.append("rating", {{"level", 1 + i % 5}}, [&](const AppendOutcome& o) {
                if (o.committed) ++committed;
            });
        AppendOutcome last = w.appendAndWait("complaint", complaint("最后一条"));
        CHECK(last.committed);
        CHECK(last.result.trackingNo.starts_with("HALL-01-"));
    }
    CHECK(committed == 200);
    CHECK(wakes >= 1);
    OfflineStore s(p, "HALL-01");
    CHECK(s.stats(0).pending == 201);
    auto ids = s.allIds();
    CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == 201);
}

TEST_CASE("first start race: threads opening a new store agree on one data key and one schema") {
    for (int round = 0; round < 20; ++round) {
        TempDir d("race");
        StorePaths p = StorePaths::in(d.path());
        std::atomic<int> failures{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&, t] {
                try {
                    OfflineStore s(p, "HALL-01");
                    s.append("rating", {{"level", 1 + t}}, t);
                } catch (const StoreError& e) {
                    MESSAGE(std::string(e.what()));
                    ++failures;
                }
            });
        for (auto& t : threads)
            t.join();
        CHECK(failures == 0);
        OfflineStore s(p, "HALL-01");
        auto due = s.duePending(100, 10);
        REQUIRE(due.size() == 4);
        for (const auto& r : due)
            CHECK_FALSE(r.payloadDamaged);
    }
}

TEST_CASE("a full database is reported as Full; what was committed stays readable") {
    TempDir d("full");
    OfflineStore s(StorePaths::in(d.path()), "HALL-01");
    s.append("rating", {{"level", 5}}, 1);
    s.limitPagesForTest(
        static_cast<int>(SqliteDb(StorePaths::in(d.path()).db).scalarInt("PRAGMA page_count")) + 2);
    bool full = false;
    int committed = 1;
    for (int i = 0; i < 1000 && !full; ++i) {
        try {
            s.append("complaint", complaint(std::string(2000, 'x')), 2 + i);
            ++committed;
        } catch (const StoreError& e) {
            full = e.kind == StoreErrorKind::Full;
            CHECK(std::string(storeErrorCitizenMessage(e.kind)).find("已满") != std::string::npos);
        }
    }
    CHECK(full);
    CHECK(s.stats(0).pending == committed); // the failed append left nothing half-written
    CHECK(s.duePending(INT64_MAX, 1000).size() == static_cast<size_t>(committed));
}

TEST_CASE("a read-only database is reported as ReadOnly and keeps what it has") {
    TempDir d("readonly");
    OfflineStore s(StorePaths::in(d.path()), "HALL-01");
    s.append("rating", {{"level", 4}}, 1);
    s.makeReadOnlyForTest();
    try {
        s.append("rating", {{"level", 5}}, 2);
        FAIL("a read-only store must refuse the append");
    } catch (const StoreError& e) {
        CHECK(e.kind == StoreErrorKind::ReadOnly);
        CHECK(std::string(storeErrorKindName(e.kind)) == "read_only");
    }
    CHECK(s.stats(0).pending == 1);
}
