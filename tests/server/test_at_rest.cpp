// kiosk-central at rest (issue 10.5): the citizens' words are sealed with AES-256-GCM under a key file
// kept apart from the database; database and key are 0600; a copy of central.db alone shows no phone
// number or complaint text; the office list (CentralDb::complaints, `kiosk-central complaints`)
// decrypts them; payloads an older version stored in plain text are sealed on the next open.
#include "common/SqliteDb.h"
#include "server/CentralDb.h"
#include "server/DataCipher.h"
#include "tests/server/CentralFixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>
#include <sys/stat.h>

using kiosk::central::CentralDb;
using kiosk::central::DataCipher;
using kiosk::offline::HttpsClient;
using kiosk::testing::Central;
using kiosk::testing::TempDir;

namespace {

int modeOf(const std::string& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return static_cast<int>(st.st_mode & 0777);
}

std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

TEST_CASE("data cipher: round trip; a wrong key, another row's aad or one flipped bit open nothing") {
    TempDir dir{"cipher"};
    std::string error;
    auto key = DataCipher::openOrCreate(dir / "data.key", &error);
    REQUIRE_MESSAGE(key, error);
    CHECK(modeOf(dir / "data.key") == 0600);
    std::string sealed = key->seal("投诉 13800138000", "T-1\x1fid-1");
    CHECK(DataCipher::isSealed(sealed));
    CHECK(sealed.find("13800138000") == std::string::npos);
    CHECK(key->open(sealed, "T-1\x1fid-1") == std::string("投诉 13800138000"));
    CHECK_FALSE(key->open(sealed, "T-1\x1fid-2"));
    std::string flipped = sealed;
    flipped[flipped.size() / 2] ^= 1;
    CHECK_FALSE(key->open(flipped, "T-1\x1fid-1"));
    auto again = DataCipher::openOrCreate(dir / "data.key", &error); // the same key, loaded
    REQUIRE(again);
    CHECK(again->open(sealed, "T-1\x1fid-1"));
    auto other = DataCipher::openOrCreate(dir / "other.key", &error);
    REQUIRE(other);
    CHECK_FALSE(other->open(sealed, "T-1\x1fid-1"));
    CHECK(key->open(key->seal("", "a"), "a") == std::string());

    ::chmod((dir / "data.key").c_str(), 0644);
    CHECK_FALSE(DataCipher::openOrCreate(dir / "data.key", &error));
    CHECK(error.find("chmod 600") != std::string::npos);
    std::ofstream(dir / "short.key") << "short";
    ::chmod((dir / "short.key").c_str(), 0600);
    CHECK_FALSE(DataCipher::openOrCreate(dir / "short.key", &error));
    CHECK(error.find("32 bytes") != std::string::npos);
}

TEST_CASE("over HTTPS: a complaint's text and phone are not in central.db; the office list decrypts them") {
    Central c;
    HttpsClient client(c.terminal("T-REST"));
    nlohmann::json complaint = {{"id", "0190a7a0-1c2b-7d3e-8f40-00000000abcd"},
                                {"seq", 1},
                                {"created_ms", 1},
                                {"category", "tuola"},
                                {"content", "材料交齐两周了还没有进展"},
                                {"phone", "13912345678"},
                                {"name", "王秀英"},
                                {"id_number", "110105195603121529"},
                                {"tracking_no", "T-REST-000001"},
                                {"verify_code", "483920"}};
    REQUIRE(client.postJson("/api/v1/complaints", complaint.dump()).status == 201);
    std::string rating = R"({"ratings":[{"id":"0190a7a0-1c2b-7d3e-8f40-00000000abce","seq":2,"created_ms":1,)"
                         R"("level":2,"comment":"电话13912345678"}]})";
    REQUIRE(client.postJson("/api/v1/ratings/batch", rating).status == 200);

    CHECK(modeOf(c.dir / "central.db") == 0600);
    CHECK(modeOf(c.dir / "tls/data.key") == 0600); // apart from the database
    for (const char* f : {"central.db", "central.db-wal"}) {
        std::string bytes = fileBytes(c.dir / f);
        CAPTURE(f);
        CHECK(bytes.find("13912345678") == std::string::npos);
        CHECK(bytes.find("材料交齐") == std::string::npos);
        CHECK(bytes.find("110105195603121529") == std::string::npos);
        CHECK(bytes.find("王秀英") == std::string::npos);
    }

    std::string error;
    auto key = DataCipher::openOrCreate(c.dir / "tls/data.key", &error);
    REQUIRE(key);
    CentralDb db(c.dir / "central.db", key);
    auto list = db.complaints(10);
    REQUIRE(list.size() == 5); // and the demo district's four seeded complaints, older

    CHECK(list[0].trackingNo == "T-REST-000001");
    CHECK(list[0].record.at("phone") == "13912345678");
    CHECK(list[0].record.at("content") == "材料交齐两周了还没有进展");
    // With the wrong key the office sees that it cannot read them, not garbage.
    auto wrong = DataCipher::openOrCreate(c.dir / "wrong.key", &error);
    CentralDb other(c.dir / "central.db", wrong);
    CHECK(other.complaints(10).at(0).record.is_null());
}

TEST_CASE("payloads an older kiosk-central stored in plain text are sealed when the key is first used") {
    TempDir dir{"legacy"};
    { CentralDb fresh(dir / "central.db"); } // schema only, no key
    {
        kiosk::common::SqliteDb raw(dir / "central.db");
        raw.exec("INSERT INTO records(terminal, id, kind, seq, payload_hash, payload, result, received_ms) "
                 "VALUES('T-1','id-1','complaint',1,'h','{\"phone\":\"13700000000\"}','{}',1)");
    }
    std::string error;
    auto key = DataCipher::openOrCreate(dir / "data.key", &error);
    REQUIRE(key);
    { CentralDb db(dir / "central.db", key); }
    kiosk::common::SqliteDb raw(dir / "central.db");
    kiosk::common::SqliteStatement st(raw, "SELECT typeof(payload), payload FROM records");
    REQUIRE(st.step());
    CHECK(st.text(0) == "blob");
    CHECK(key->open(st.blob(1), "T-1\x1fid-1") == std::string("{\"phone\":\"13700000000\"}"));
}
