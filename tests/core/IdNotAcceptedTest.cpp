// Issue 8.5: a card number the central server does not look cases up by is said plainly, with no 重试
// that would fail again; 15-character 2017 foreign permanent resident numbers are sent like any other.
#include "HallTerminal.h"
#include "kiosk/CentralCaseQuery.h"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

offline::HttpResult answer(long status, const std::string& body) {
    offline::HttpResult r;
    r.status = status;
    r.body = body;
    return r;
}

std::optional<CaseQueryFinished> waitForAnswer(EventQueue& events, std::chrono::milliseconds limit) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
        for (AppEvent& e : events.drain())
            if (auto* f = std::get_if<CaseQueryFinished>(&e)) return *f;
        std::this_thread::sleep_for(10ms);
    }
    return std::nullopt;
}

} // namespace

TEST_CASE("a 400 bad_id_number is IdNotAccepted; other 400s stay server errors") {
    const auto refused = caseQueryOutcome(
        3, answer(400, R"({"error":{"code":"bad_id_number","message":"id_number must be ..."}})"));
    CHECK(refused.outcome == QueryOutcome::IdNotAccepted);
    CHECK(refused.requestId == 3);
    CHECK(caseQueryOutcome(3, answer(400, R"({"error":{"code":"bad_json"}})")).outcome ==
          QueryOutcome::ServerError);
    CHECK(caseQueryOutcome(3, answer(400, "<html>bad request</html>")).outcome == QueryOutcome::ServerError);
    CHECK(caseQueryOutcome(3, answer(422, R"({"error":{"code":"bad_id_number"}})")).outcome ==
          QueryOutcome::ServerError);
}

TEST_CASE("CentralCaseQuery: a malformed number is refused on the terminal, a 2017 number is sent") {
    EventQueue events;
    auto sink = std::make_unique<MemorySink>();
    Logger log(std::move(sink));
    offline::HttpsSettings s;
    s.baseUrl = "https://127.0.0.1:1"; // nothing listens: whatever is sent ends as Offline
    s.connectTimeoutMs = 500;
    CentralCaseQuery q(s, events, log);

    q.queryCases(1, "USA31008706500X");
    const auto local = waitForAnswer(events, 2s);
    REQUIRE(local);
    CHECK(local->outcome == QueryOutcome::IdNotAccepted);
    CHECK(local->detail.find("USA31008706500X") == std::string::npos); // never the number itself

    q.queryCases(2, "USA310087065001");
    const auto sent = waitForAnswer(events, 5s);
    REQUIRE(sent);
    CHECK(sent->requestId == 2);
    CHECK(sent->outcome == QueryOutcome::Offline); // it went to the network, not refused here
}

TEST_CASE("case query: IdNotAccepted shows the plain message without 重试; other failures can be retried") {
    testing::HallTerminal hall;
    hall.printer.present = false;
    Navigator& nav = hall.nav;
    CaseQueryFlow& cq = hall.cq;
    const StringTable& strings = hall.strings;
    const TimePoint t0 = hall.t0;
    const auto& queries = hall.cases.queries;
    nav.open("case_query", t0);
    CitizenIdentity who;
    who.name = "约翰·史密斯";
    who.idNumber = "USA310087065001";
    who.maskedIdNumber = "USA310*****5001";
    who.cardType = "foreign_2017";
    nav.handle(CardPresented{who}, t0);
    REQUIRE(queries.size() == 1);

    nav.handle(CaseQueryFinished{hall.cases.last(), QueryOutcome::Offline, {}, "down"}, t0);
    CHECK(cq.view().phase == CaseQueryPhase::Failed);
    CHECK(cq.view().retryable);
    cq.retry(t0);
    REQUIRE(queries.size() == 2);

    nav.handle(CaseQueryFinished{hall.cases.last(), QueryOutcome::IdNotAccepted, {}, "400"}, t0);
    CHECK(cq.view().phase == CaseQueryPhase::Failed);
    CHECK(cq.view().failureKey == "cases.id_not_accepted");
    CHECK(strings.has("cases.id_not_accepted"));
    CHECK(strings.get("cases.id_not_accepted").find("服务台") != std::string::npos); // says where to go
    CHECK_FALSE(cq.view().retryable);
    cq.retry(t0); // even if a screen offered it, nothing is sent again
    CHECK(queries.size() == 2);
}
