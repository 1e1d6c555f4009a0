// Sync protocol helpers without a network: status classes, back-off bounds, response parsing.
#include "offline/SyncProtocol.h"

#include <doctest/doctest.h>

using namespace kiosk::offline;

TEST_CASE("status classes: 5xx/408/429 retry, other 4xx reject, 2xx accepted") {
    CHECK(classifyStatus(200) == StatusClass::Accepted);
    CHECK(classifyStatus(201) == StatusClass::Accepted);
    CHECK(classifyStatus(500) == StatusClass::Retry);
    CHECK(classifyStatus(503) == StatusClass::Retry);
    CHECK(classifyStatus(429) == StatusClass::Retry);
    CHECK(classifyStatus(408) == StatusClass::Retry);
    CHECK(classifyStatus(401) == StatusClass::Retry); // a certificate problem is not the record's fault
    CHECK(classifyStatus(400) == StatusClass::Reject);
    CHECK(classifyStatus(422) == StatusClass::Reject);
    CHECK(classifyStatus(413) == StatusClass::Reject);
}

TEST_CASE("back-off: full jitter under an exponential ceiling, capped, Retry-After honoured") {
    Backoff b(1000, 300000, 42);
    std::int64_t ceiling = 1000;
    for (int i = 0; i < 20; ++i) {
        std::int64_t d = b.nextDelayMs();
        CHECK(d >= 0);
        CHECK(d <= ceiling);
        ceiling = std::min<std::int64_t>(ceiling * 2, 300000);
    }
    CHECK(b.failures() == 20);
    bool spread = false;
    Backoff c(1000, 300000, 7);
    for (int i = 0; i < 10; ++i)
        c.nextDelayMs();
    std::int64_t first = c.nextDelayMs(), differs = 0;
    for (int i = 0; i < 10; ++i)
        differs += c.nextDelayMs() != first;
    spread = differs > 0;
    CHECK(spread);
    b.reset();
    CHECK(b.nextDelayMs(30) >= 30000);
    CHECK(b.nextDelayMs(999999) == 3600 * 1000); // absurd Retry-After is clamped to an hour
}

TEST_CASE("batch results parser accepts the documented shape and ignores junk") {
    auto r = parseBatchResults(R"({"results":[{"id":"a","status":"stored","result":{"x":1}},
        {"id":"b","status":"duplicate"},{"id":"c","status":"rejected","http_status":422,
        "error":{"code":"payload_mismatch","message":"m"}},{"id":"d","status":"weird"},17,{"status":"stored"}]})");
    REQUIRE(r);
    REQUIRE(r->size() == 3);
    CHECK((*r)[0].status == BatchItemResult::Status::Stored);
    CHECK((*r)[0].result == R"({"x":1})");
    CHECK((*r)[1].status == BatchItemResult::Status::Duplicate);
    CHECK((*r)[2].error == "HTTP 422 payload_mismatch: m");
    CHECK_FALSE(parseBatchResults("not json"));
    CHECK_FALSE(parseBatchResults(R"({"results":5})"));
    CHECK(describeHttpError(500, "<html>") == "HTTP 500");
}
