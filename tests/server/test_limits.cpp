// kiosk-central's limits on client input (issue 10.2, 10.4): JSON nesting depth, record and body
// sizes by route, a taken tracking number as a 4xx, rating-request events built from known fields
// only, and log lines that client input cannot split or forge. Unit checks first, then the same
// over real HTTPS against a running server.
#include "server/AccessLog.h"
#include "server/RequestValidation.h"
#include "tests/server/CentralFixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <mutex>
#include <string>
#include <vector>

using namespace kiosk::central;
using kiosk::offline::HttpsClient;
using kiosk::testing::Central;
using nlohmann::json;

namespace {

std::string nested(int levels, const std::string& inner = "1") {
    return std::string(static_cast<size_t>(levels), '[') + inner +
           std::string(static_cast<size_t>(levels), ']');
}

// A log sink the server writes from its own threads.
struct CapturedLog {
    std::mutex mutex;
    std::vector<std::string> lines;
    std::function<void(const std::string&)> sink() {
        return [this](const std::string& l) {
            std::lock_guard lock(mutex);
            lines.push_back(l);
        };
    }
    std::vector<std::string> snapshot() {
        std::lock_guard lock(mutex);
        return lines;
    }
};

json complaintRecord(const std::string& id, const std::string& trackingNo) {
    return {{"id", id},
            {"seq", 1},
            {"created_ms", 1},
            {"category", "tuiwei"},
            {"content", "排队两个小时没有人叫号"},
            {"tracking_no", trackingNo},
            {"verify_code", "123456"}};
}

std::string codeOf(const Rejection& r) {
    return r ? r->code : std::string();
}

} // namespace

TEST_CASE("JSON nesting: 32 levels pass, 33 are too_deep, 50,000 are refused without building them") {
    json out;
    // The body is an object (level 1) holding 31 nested arrays: 32 levels.
    CHECK_FALSE(parseJsonObject("{\"a\":" + nested(31) + "}", &out));
    Rejection deep = parseJsonObject("{\"a\":" + nested(32) + "}", &out);
    REQUIRE(deep);
    CHECK(deep->status == 400);
    CHECK(deep->code == "too_deep");
    Rejection huge = parseJsonObject("{\"extra\":" + nested(50000) + "}", &out);
    REQUIRE(huge);
    CHECK(huge->code == "too_deep");
    CHECK(out.is_null()); // nothing half-built is left to dump
    // Deep but broken JSON is refused too, one way or the other.
    CHECK(parseJsonObject("{\"a\":" + std::string(100000, '['), &out));
}

TEST_CASE("records: extra fields are bounded by the record's size; counters and levels by range") {
    json r = {{"id", "0190a7a0-1c2b-7d3e-8f40-123456789abc"}, {"seq", 2}, {"created_ms", 1}, {"level", 5}};
    CHECK(ratingError(r).empty());
    json big = r;
    big["extra"] = std::string(kMaxRatingBytes, 'x');
    CHECK(ratingError(big) == "record_too_large");
    json huge = r;
    huge["level"] = 4294967301ULL; // truncates to 5 as an int
    CHECK(ratingError(huge) == "bad_level");
    json counter = r;
    counter["counter"] = 10000;
    CHECK(ratingError(counter) == "bad_counter");
    json c = complaintRecord("0190a7a0-1c2b-7d3e-8f40-123456789abc", "TS-1");
    CHECK(complaintError(c, {"tuiwei"}).empty());
    c["extra"] = std::string(kMaxComplaintBytes, 'x');
    CHECK(complaintError(c, {"tuiwei"}) == "record_too_large");
}

TEST_CASE("body limits by route: enrolment and rating requests small, batches the server's setting") {
    CHECK(bodyLimitFor("/api/v1/ratings/batch", 1 << 20) == (1 << 20));
    CHECK(bodyLimitFor("/api/v1/enroll", 1 << 20) <= 32 * 1024);
    CHECK(bodyLimitFor("/api/v1/events/rating-request", 1 << 20) <= 4096);
    CHECK(bodyLimitFor("/api/v1/heartbeat", 1 << 20) == kMaxHeartbeatBytes);
    CHECK(bodyLimitFor("/nothing", 1 << 20) <= 4096);
}

TEST_CASE("a rating request's event holds the known fields only") {
    json body = {{"counter", 3}, {"case_no", "QH-1"}, {"staff_id", "ST1"}, {"junk", std::string(1000, 'x')}};
    CHECK_FALSE(ratingRequestRejection(body));
    json event = ratingRequestEvent(body, "DESK-01");
    CHECK(event ==
          json{{"counter", 3}, {"case_no", "QH-1"}, {"staff_id", "ST1"}, {"requested_by", "DESK-01"}});
    CHECK(codeOf(ratingRequestRejection(json{{"counter", 4294967297LL}})) == "bad_counter");
}

TEST_CASE("tracking numbers belong to the certificate's terminal: its id, '-', 1..12 digits") {
    CHECK_FALSE(trackingNumberRejection("HALL-01-000001", "HALL-01"));
    CHECK_FALSE(trackingNumberRejection("HALL-01-1", "HALL-01"));
    for (const char* bad : {"HALL-02-000001", "HALL-01-", "HALL-01", "HALL-01-00000000000001", "HALL-01-12a",
                            "HALL-01-000001 ", "X-HALL-01-1"}) {
        CAPTURE(bad);
        Rejection r = trackingNumberRejection(bad, "HALL-01");
        REQUIRE(r);
        CHECK(r->status == 422);
        CHECK(r->code == "foreign_tracking_no");
    }
    CHECK(trackingNumberRejection("-1", "")); // no terminal, no namespace
}

TEST_CASE("log lines: control characters escaped, query dropped, one line whatever the input") {
    CHECK(escapeForLog("/a\r\nT-1 POST /x 200") == "/a\\x0d\\x0aT-1 POST /x 200");
    CHECK(escapeForLog("\x1b[2J\\") == "\\x1b[2J\\\\");
    CHECK(escapeForLog("投诉") == "投诉");
    CHECK(escapeForLog(std::string("\xff\xfe", 2)) == "\\xff\\xfe");
    CHECK(escapeForLog(std::string(1000, 'a')).size() == 259);
    std::string line =
        accessLogLine({"T-1", "127.0.0.1", "GET", "/api/v1/events?after=1&wait=5\n", 200, 0, 12, 1.25});
    CHECK(line == "T-1 127.0.0.1 GET /api/v1/events 200 in=0 out=12 1.2ms");
    CHECK(accessLogLine({"", "", "", "", 400, 0, 0, 0}).starts_with("- - - - 400"));
}

TEST_CASE("over HTTPS: deep JSON, oversized bodies and a taken tracking number are 4xx, never a crash") {
    CapturedLog log;
    Central c(600, 100, [&log](CentralSettings& s) { s.log = log.sink(); });
    HttpsClient client(c.terminal("T-LIM"));

    json rating = {
        {"id", "0190a7a0-1c2b-7d3e-8f40-123456789abc"}, {"seq", 1}, {"created_ms", 1}, {"level", 5}};
    std::string deep = R"({"ratings":[{"id":"0190a7a0-1c2b-7d3e-8f40-123456789abc","seq":1,"created_ms":1,)"
                       R"("level":5,"extra":)" +
                       nested(50000) + "}]}";
    auto r = client.postJson("/api/v1/ratings/batch", deep);
    CHECK(r.status == 400);
    CHECK(json::parse(r.body).at("error").at("code") == "too_deep");
    for (const char* path : {"/api/v1/complaints", "/api/v1/events/rating-request", "/api/v1/heartbeat"}) {
        auto d = client.postJson(path, "{\"counter\":1,\"x\":" + nested(40) + "}");
        CHECK(d.status == 400);
    }

    auto big = client.postJson("/api/v1/events/rating-request",
                               json{{"counter", 1}, {"case_no", std::string(5000, 'x')}}.dump());
    CHECK(big.status == 413);
    CHECK(json::parse(big.body).at("error").at("code") == "payload_too_large");

    auto first = client.postJson(
        "/api/v1/complaints", complaintRecord("0190a7a0-1c2b-7d3e-8f40-000000000001", "T-LIM-000001").dump());
    CHECK(first.status == 201);
    auto taken = client.postJson(
        "/api/v1/complaints", complaintRecord("0190a7a0-1c2b-7d3e-8f40-000000000002", "T-LIM-000001").dump());
    CHECK(taken.status == 409);
    CHECK(json::parse(taken.body).at("error").at("code") == "tracking_no_taken");
    // Another terminal's number is refused whatever else the record says.
    auto foreign =
        client.postJson("/api/v1/complaints",
                        complaintRecord("0190a7a0-1c2b-7d3e-8f40-000000000003", "T-OTHER-000001").dump());
    CHECK(foreign.status == 422);
    CHECK(json::parse(foreign.body).at("error").at("code") == "foreign_tracking_no");
    // The first record is intact and replays as a duplicate.
    auto again = client.postJson(
        "/api/v1/complaints", complaintRecord("0190a7a0-1c2b-7d3e-8f40-000000000001", "T-LIM-000001").dump());
    CHECK(again.status == 200);

    // CR/LF in the path (percent-encoded, decoded by the server) cannot forge a log line.
    client.get("/api/v1/x%0d%0a-%20127.0.0.1%20POST%20/api/v1/complaints%20201");
    auto ok = client.postJson("/api/v1/heartbeat", R"({"version":"1"})");
    CHECK(ok.status == 200);
    bool sawHeartbeat = false;
    for (const std::string& l : log.snapshot()) {
        CAPTURE(l);
        CHECK(l.find('\n') == std::string::npos);
        CHECK(l.find('\r') == std::string::npos);
        CHECK(l.find("排队") == std::string::npos); // no complaint text
        if (l.starts_with("T-LIM 127.0.0.1 POST /api/v1/heartbeat 200")) sawHeartbeat = true;
    }
    CHECK(sawHeartbeat);
}
