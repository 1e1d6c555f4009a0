// 区长信箱 suggestions at kiosk-central (issue 12 D): POST /api/v1/suggestions stores one idempotently by
// (terminal, id), receipt numbers namespaced like tracking numbers, title and text validated in
// characters, everything the citizen wrote sealed at rest and decrypted only for the office.
#include "tests/server/RouterFixture.h"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <set>

using kiosk::testing::Routes;

namespace {

nlohmann::json suggestion(const std::string& receiptNo = "T-1-000007",
                          const std::string& id = "0190a7a0-1c2b-7d3e-8f40-0000000050a1") {
    return {{"id", id},
            {"seq", 7},
            {"created_ms", 1},
            {"receipt_no", receiptNo},
            {"title", "建议增加周末办理窗口"},
            {"content", "上班族工作日很难请假，希望周六全天开放综合窗口。"},
            {"phone", "13912345678"},
            {"name", "王秀英"},
            {"id_number", "110105195603121529"}};
}

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i)
        out += s;
    return out;
}

std::string codeOf(const kiosk::central::Response& res) {
    return Routes::json(res)["error"]["code"];
}

} // namespace

TEST_CASE("a suggestion: 201 with its receipt, 200 replayed, 422 on another payload, 409 on a taken number") {
    Routes r;
    auto first = r.post("/api/v1/suggestions", "T-1", suggestion());
    REQUIRE(first.status == 201);
    nlohmann::json answer = Routes::json(first);
    std::set<std::string> keys;
    for (auto it = answer.begin(); it != answer.end(); ++it)
        keys.insert(it.key());
    CHECK(keys == std::set<std::string>{"id", "receipt_no", "status", "received_at"});
    CHECK(answer["receipt_no"] == "T-1-000007");
    CHECK(answer["status"] == "received");
    CHECK(answer["id"] == "0190a7a0-1c2b-7d3e-8f40-0000000050a1");

    auto again = r.post("/api/v1/suggestions", "T-1", suggestion());
    CHECK(again.status == 200);
    CHECK(again.body == first.body);
    CHECK(again.headers == decltype(again.headers){{"Idempotent-Replayed", "true"}});

    nlohmann::json changed = suggestion();
    changed["title"] = "另一个标题";
    auto mismatch = r.post("/api/v1/suggestions", "T-1", changed);
    CHECK(mismatch.status == 422);
    CHECK(codeOf(mismatch) == "payload_mismatch");

    auto taken = r.post("/api/v1/suggestions", "T-1",
                        suggestion("T-1-000007", "0190a7a0-1c2b-7d3e-8f40-0000000050a2"));
    CHECK(taken.status == 409);
    CHECK(codeOf(taken) == "tracking_no_taken");

    for (const char* foreign : {"T-2-000007", "T-1-", "T-1-12a", "T-1-0000000000001", "000007"}) {
        CAPTURE(foreign);
        auto res =
            r.post("/api/v1/suggestions", "T-1", suggestion(foreign, "0190a7a0-1c2b-7d3e-8f40-0000000050a3"));
        CHECK(res.status == 422);
        CHECK(codeOf(res) == "foreign_tracking_no");
    }
    CHECK(r.context->db.stats()["suggestions"]["total"] == 1);
}

TEST_CASE("suggestion fields: title 1..60 and content 10..2000 characters, not blank; bad input is 400") {
    Routes r;
    int n = 0;
    auto send = [&](nlohmann::json s) {
        char id[64];
        std::snprintf(id, sizeof id, "0190a7a0-1c2b-7d3e-8f40-%012d", ++n);
        s["id"] = id;
        s["receipt_no"] = "T-1-" + std::to_string(n);
        return r.post("/api/v1/suggestions", "T-1", s);
    };
    auto with = [](const char* key, nlohmann::json value) {
        nlohmann::json s = suggestion();
        s[key] = std::move(value);
        return s;
    };
    CHECK(send(with("title", repeat("建", 60))).status == 201);
    CHECK(send(with("title", repeat("😀", 60))).status == 201); // an emoji is one character
    CHECK(send(with("title", "a")).status == 201);
    CHECK(send(with("content", repeat("字", 10))).status == 201);
    CHECK(send(with("content", repeat("字", 2000))).status == 201);
    CHECK(send(with("phone", nullptr)).status == 201);
    nlohmann::json anonymous = suggestion();
    anonymous.erase("phone");
    anonymous.erase("name");
    anonymous.erase("id_number");
    CHECK(send(anonymous).status == 201);

    struct Bad {
        const char* key;
        nlohmann::json value;
        const char* code;
    };
    const Bad bad[] = {{"title", "", "bad_title"},
                       {"title", repeat("建", 61), "bad_title"},
                       {"title", "   \u3000 ", "bad_title"},
                       {"title", 5, "bad_title"},
                       {"title", nullptr, "bad_title"},
                       {"content", repeat("字", 9), "bad_content"},
                       {"content", repeat("字", 2001), "bad_content"},
                       {"content", repeat(" ", 40), "bad_content"},
                       {"phone", 13800138000LL, "bad_phone"},
                       {"name", repeat("x", 300), "bad_name"},
                       {"receipt_no", nullptr, "bad_receipt_no"},
                       {"seq", 0, "bad_seq"},
                       {"id", "not-a-uuid", "bad_id"}};
    for (const Bad& b : bad) {
        CAPTURE(b.key);
        CAPTURE(b.code);
        nlohmann::json s = with(b.key, b.value);
        auto res = b.key == std::string("id") || b.key == std::string("receipt_no")
                       ? r.post("/api/v1/suggestions", "T-1", s)
                       : send(s);
        CHECK(res.status == 400);
        CHECK(codeOf(res) == b.code);
    }
    // Invalid UTF-8 never gets past the JSON parser; a 10 MB text past the body limit.
    auto invalid =
        r.post("/api/v1/suggestions", "T-1",
               std::string(R"({"id":"0190a7a0-1c2b-7d3e-8f40-000000000999","seq":1,"created_ms":1,)") +
                   "\"receipt_no\":\"T-1-9\",\"title\":\"\xff\xfe\",\"content\":\"0123456789\"}");
    CHECK(invalid.status == 400);
    CHECK(codeOf(invalid) == "bad_json");
    CHECK(kiosk::central::bodyLimitFor("/api/v1/suggestions", 1 << 20) < 10 * 1024 * 1024);
    CHECK(r.post("/api/v1/suggestions", "", suggestion()).status == 401);
}

TEST_CASE("a suggestion's words are sealed at rest; the office list decrypts them") {
    Routes r;
    REQUIRE(r.post("/api/v1/suggestions", "T-1", suggestion()).status == 201);
    for (const char* f : {"central.db", "central.db-wal"}) {
        std::ifstream in(r.dir / f, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), {});
        CAPTURE(f);
        CHECK(bytes.find("建议增加周末") == std::string::npos);
        CHECK(bytes.find("上班族") == std::string::npos);
        CHECK(bytes.find("13912345678") == std::string::npos);
        CHECK(bytes.find("王秀英") == std::string::npos);
        CHECK(bytes.find("110105195603121529") == std::string::npos);
    }
    auto list = r.context->db.suggestions(10);
    REQUIRE(list.size() == 1);
    CHECK(list[0].receiptNo == "T-1-000007");
    CHECK(list[0].terminal == "T-1");
    CHECK(list[0].record.at("title") == "建议增加周末办理窗口");
    CHECK(list[0].record.at("phone") == "13912345678");
}
