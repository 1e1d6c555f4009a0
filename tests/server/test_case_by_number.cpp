// Case status by number (issue 12 E): POST /api/v1/cases/by-number answers one case, in exactly the
// view cases/query gives, for its number plus the last 4 digits of the applicant's phone; a wrong number
// and wrong digits are one 404; the same per-terminal lookup limit as cases/query; the phone never shows.
#include "tests/server/RouterFixture.h"

#include <doctest/doctest.h>

using kiosk::testing::Routes;

namespace {
nlohmann::json byNumber(Routes& r, const std::string& caseNo, nlohmann::json last4, int* status,
                        const std::string& terminal = "T-1") {
    auto res = r.post("/api/v1/cases/by-number", terminal, {{"case_no", caseNo}, {"phone_last4", last4}});
    *status = res.status;
    return Routes::json(res);
}
} // namespace

TEST_CASE("a case by number and phone last 4: the same case object as the ID-card query") {
    Routes r;
    int status = 0;
    nlohmann::json a = byNumber(r, "QH-ZJJ-200417", "8002", &status);
    REQUIRE(status == 200);
    CHECK(a["server_time"].is_string());
    REQUIRE(a["cases"].size() == 1);
    auto byCard = Routes::json(r.post("/api/v1/cases/query", "T-1", {{"id_number", "110105195603121529"}}));
    nlohmann::json same;
    for (const auto& c : byCard["cases"])
        if (c["case_no"] == "QH-ZJJ-200417") same = c;
    REQUIRE(same.is_object());
    CHECK(a["cases"][0] == same);
    CHECK(a.dump().find("13800138002") == std::string::npos);
    CHECK(a.dump().find("applicant_phone") == std::string::npos);
    CHECK(byCard.dump().find("applicant_phone") == std::string::npos);

    nlohmann::json rejected = byNumber(r, "QH-MZJ-500903", "8005", &status);
    CHECK(status == 200);
    CHECK(rejected["cases"][0]["status"] == "rejected");
}

TEST_CASE("unknown case and wrong digits: one 404 case_not_found; malformed requests are 400") {
    Routes r;
    int wrongStatus = 0, unknownStatus = 0, status = 0;
    nlohmann::json wrong = byNumber(r, "QH-ZJJ-200417", "0000", &wrongStatus);
    nlohmann::json unknown = byNumber(r, "QH-XXX-000000", "8002", &unknownStatus);
    CHECK(wrongStatus == 404);
    CHECK(unknownStatus == 404);
    CHECK(wrong == unknown);
    CHECK(wrong["error"]["code"] == "case_not_found");
    // Another case's digits do not open this one.
    byNumber(r, "QH-ZJJ-200417", "8001", &status);
    CHECK(status == 404);

    for (nlohmann::json bad : {nlohmann::json("123"), nlohmann::json("12345"), nlohmann::json("12a4"),
                               nlohmann::json(8002), nlohmann::json(nullptr)}) {
        CAPTURE(bad.dump());
        nlohmann::json e = byNumber(r, "QH-ZJJ-200417", bad, &status);
        CHECK(status == 400);
        CHECK(e["error"]["code"] == "bad_phone_last4");
    }
    auto noNumber = r.post("/api/v1/cases/by-number", "T-1", {{"phone_last4", "8002"}});
    CHECK(noNumber.status == 400);
    CHECK(Routes::json(noNumber)["error"]["code"] == "bad_case_no");
    CHECK(r.post("/api/v1/cases/by-number", "", {{"case_no", "QH-ZJJ-200417"}, {"phone_last4", "8002"}})
              .status == 401);
}

TEST_CASE("by-number lookups share the terminal's bucket with cases/query") {
    Routes r([](kiosk::central::CentralSettings& s) {
        s.lookupsPerMinute = 1;
        s.lookupBurst = 2;
    });
    int status = 0;
    CHECK(r.post("/api/v1/cases/query", "T-1", {{"id_number", "110105195603121529"}}).status == 200);
    byNumber(r, "QH-ZJJ-200417", "0000", &status);
    CHECK(status == 404);
    nlohmann::json limited = byNumber(r, "QH-ZJJ-200417", "8002", &status);
    CHECK(status == 429);
    CHECK(limited["error"]["code"] == "rate_limited");
    byNumber(r, "QH-ZJJ-200417", "8002", &status, "T-2"); // another terminal has its own bucket
    CHECK(status == 200);
}
