// HallFlow: the hall session state machine, driven without a window, a device or a network.
#include "kiosk/HallFlow.h"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

struct FakeReader : CardReaderControl {
    bool wanted = false;
    void setCardWanted(bool w) override { wanted = w; }
};

struct FakeCases : CaseQueryService {
    std::vector<std::pair<std::uint64_t, std::string>> queries;
    void queryCases(std::uint64_t id, const std::string& number) override {
        queries.emplace_back(id, number);
    }
};

CitizenIdentity citizen(const std::string& name, const std::string& number) {
    CitizenIdentity c;
    c.name = name;
    c.idNumber = number;
    c.maskedIdNumber = number.substr(0, 6) + "********" + number.substr(14);
    c.cardType = "resident";
    return c;
}

CaseRecord oneCase(const std::string& no) {
    CaseRecord r;
    r.caseNo = no;
    r.itemName = "item";
    r.department = "dept";
    r.status = CaseStatus::Processing;
    r.daysLeft = 3;
    return r;
}

struct FakePrinter : PrintService {
    std::vector<printer::Receipt> jobs;
    bool available() const override { return true; }
    std::uint64_t print(printer::Receipt r) override {
        jobs.push_back(std::move(r));
        return jobs.size();
    }
};

struct Fixture {
    FakeReader reader;
    FakeCases cases;
    FakePrinter printer;
    StringTable strings = StringTable::load("zh-CN");
    TimePoint t0 = TimePoint{} + 1000s;
    HallFlow flow{HallFlowSettings{60s, 10s, "HALL-9"}, reader, cases, printer, strings};
};

// Every text block of a receipt, joined (what would be printed, before encoding).
std::string receiptText(const printer::Receipt& r) {
    std::string out;
    for (const auto& b : r.blocks) {
        std::visit(
            [&out](const auto& v) {
                if constexpr (requires { v.text; }) out += v.text + "\n";
                if constexpr (requires { v.key; }) out += v.key + "=" + v.value + "\n";
            },
            b);
    }
    return out;
}

} // namespace

TEST_CASE_FIXTURE(Fixture, "the reader is polled only while the case screen waits for a card") {
    CHECK(flow.screen() == HallScreen::Home);
    CHECK_FALSE(reader.wanted);
    flow.open(HallScreen::CaseQuery, t0);
    CHECK(reader.wanted);
    CHECK(flow.caseQuery().phase == CaseQueryPhase::WaitingForCard);
    flow.open(HallScreen::ServiceGuide, t0);
    CHECK_FALSE(reader.wanted);
    flow.open(HallScreen::CaseQuery, t0);
    flow.goHome();
    CHECK_FALSE(reader.wanted);
}

TEST_CASE_FIXTURE(Fixture, "card -> query -> results, and home wipes the citizen") {
    flow.open(HallScreen::CaseQuery, t0);
    flow.handle(CardPresented{citizen("王秀英", "110105195603121529")}, t0 + 1s);
    REQUIRE(cases.queries.size() == 1);
    CHECK(cases.queries[0].second == "110105195603121529");
    CHECK(flow.caseQuery().phase == CaseQueryPhase::Loading);
    REQUIRE(flow.caseQuery().citizen);
    CHECK(flow.caseQuery().citizen->name == "王秀英");

    flow.handle(
        CaseQueryFinished{cases.queries[0].first, QueryOutcome::Ok, {oneCase("A1"), oneCase("A2")}, ""},
        t0 + 2s);
    CHECK(flow.caseQuery().phase == CaseQueryPhase::Results);
    CHECK(flow.caseQuery().cases.size() == 2);

    flow.goHome();
    CHECK(flow.screen() == HallScreen::Home);
    CHECK_FALSE(flow.caseQuery().citizen.has_value());
    CHECK(flow.caseQuery().cases.empty());
    // Back on the case screen nothing of the previous citizen is reachable.
    flow.open(HallScreen::CaseQuery, t0 + 3s);
    CHECK(flow.caseQuery().phase == CaseQueryPhase::WaitingForCard);
    CHECK_FALSE(flow.caseQuery().citizen.has_value());
}

TEST_CASE_FIXTURE(Fixture, "an answer for a previous citizen is dropped") {
    flow.open(HallScreen::CaseQuery, t0);
    flow.handle(CardPresented{citizen("A", "110105195603121529")}, t0);
    const auto first = cases.queries.back().first;
    flow.handle(CardPresented{citizen("B", "320102199007186017")}, t0 + 1s); // a new card replaces A
    const auto second = cases.queries.back().first;
    CHECK(first != second);
    flow.handle(CaseQueryFinished{first, QueryOutcome::Ok, {oneCase("A-case")}, ""}, t0 + 2s);
    CHECK(flow.caseQuery().phase == CaseQueryPhase::Loading);
    CHECK(flow.caseQuery().citizen->name == "B");
    flow.handle(CaseQueryFinished{second, QueryOutcome::Ok, {oneCase("B-case")}, ""}, t0 + 2s);
    REQUIRE(flow.caseQuery().cases.size() == 1);
    CHECK(flow.caseQuery().cases[0].caseNo == "B-case");

    // After going home, a late answer must not resurrect anything.
    flow.goHome();
    flow.handle(CaseQueryFinished{second, QueryOutcome::Ok, {oneCase("B-case")}, ""}, t0 + 3s);
    CHECK(flow.caseQuery().cases.empty());
}

TEST_CASE_FIXTURE(Fixture, "failures are named so the screen can say them, and can be retried") {
    flow.open(HallScreen::CaseQuery, t0);
    flow.handle(CardPresented{citizen("A", "110105195603121529")}, t0);
    flow.handle(CaseQueryFinished{cases.queries.back().first, QueryOutcome::Offline, {}, "connect refused"},
                t0);
    CHECK(flow.caseQuery().phase == CaseQueryPhase::Failed);
    CHECK(flow.caseQuery().failureKey == "cases.offline");
    CHECK(flow.caseQuery().failureDetail == "connect refused");
    flow.retryCaseQuery(t0 + 1s);
    CHECK(cases.queries.size() == 2);
    CHECK(flow.caseQuery().phase == CaseQueryPhase::Loading);
    flow.handle(CaseQueryFinished{cases.queries.back().first, QueryOutcome::ServerError, {}, "bad json"}, t0);
    CHECK(flow.caseQuery().failureKey == "cases.server_error");
}

TEST_CASE_FIXTURE(Fixture, "idle time-out: countdown, continue, expiry wipes") {
    flow.open(HallScreen::CaseQuery, t0);
    flow.handle(CardPresented{citizen("A", "110105195603121529")}, t0);
    CHECK_FALSE(flow.idleCountdown(t0 + 49s).has_value());
    CHECK(flow.idleCountdown(t0 + 50s) == 10);
    CHECK(flow.idleCountdown(t0 + 55s + 500ms) == 5);
    flow.userActivity(t0 + 56s); // "continue"
    CHECK_FALSE(flow.idleCountdown(t0 + 57s).has_value());
    flow.tick(t0 + 115s);
    CHECK(flow.screen() == HallScreen::CaseQuery);
    flow.tick(t0 + 116s);
    CHECK(flow.screen() == HallScreen::Home);
    CHECK(flow.idleTimeouts() == 1);
    CHECK_FALSE(flow.caseQuery().citizen.has_value());
    CHECK_FALSE(reader.wanted);
    CHECK_FALSE(flow.nextDeadline(t0 + 117s).has_value()); // home: nothing to wake up for
}

TEST_CASE_FIXTURE(Fixture, "cards are ignored where none was asked for") {
    flow.handle(CardPresented{citizen("A", "110105195603121529")}, t0);
    CHECK(cases.queries.empty());
    CHECK_FALSE(flow.caseQuery().citizen.has_value());
}

TEST_CASE("CitizenIdentity::wipe") {
    CitizenIdentity c = citizen("王秀英", "110105195603121529");
    c.wipe();
    CHECK(c.name.empty());
    CHECK(c.idNumber.empty());
    CHECK(c.maskedIdNumber.empty());
}

TEST_CASE_FIXTURE(Fixture, "a case slip prints; a failed print keeps what it says for the screen") {
    flow.open(HallScreen::CaseQuery, t0);
    flow.handle(CardPresented{citizen("王秀英", "110105195603121529")}, t0);
    CaseRecord c = oneCase("QH-1");
    c.acceptedAt = "2026-11-20T12:57:00+08:00";
    c.steps.push_back({"受理", "窗口", StepState::Done, "2026-11-20T13:00:00+08:00"});
    flow.handle(CaseQueryFinished{cases.queries.back().first, QueryOutcome::Ok, {c}, ""}, t0);

    flow.printCase(0, t0);
    REQUIRE(printer.jobs.size() == 1);
    CHECK(flow.slip().phase == SlipPhase::Printing);
    const std::string text = receiptText(printer.jobs[0]);
    CHECK(text.find("QH-1") != std::string::npos);
    CHECK(text.find("2026-11-20 12:57") != std::string::npos);
    CHECK(text.find("110105195603121529") == std::string::npos); // never unmasked on paper
    CHECK(text.find("110105********1529") != std::string::npos);
    CHECK(text.find("秀英") == std::string::npos);
    CHECK(text.find("HALL-9") != std::string::npos);
    flow.printCase(0, t0); // one at a time
    CHECK(printer.jobs.size() == 1);

    flow.handle(PrintFinished{1, true, "", "", {}}, t0);
    CHECK(flow.slip().phase == SlipPhase::Printed);
    flow.closeSlip();
    CHECK(flow.slip().phase == SlipPhase::None);

    flow.printCase(0, t0);
    flow.handle(PrintFinished{99, false, "print.failure.paper_out", "", {}}, t0); // someone else's job
    CHECK(flow.slip().phase == SlipPhase::Printing);
    printer::SlipImage picture;
    picture.width = 384;
    picture.height = 600;
    picture.pixels.assign(384 * 600, 255);
    flow.handle(PrintFinished{2, false, "print.failure.paper_out", "paper_out: DLE EOT 4", picture}, t0);
    CHECK(flow.slip().phase == SlipPhase::Failed);
    CHECK(flow.slip().failureKey == "print.failure.paper_out");
    CHECK(flow.slip().preview.width == 384);
    CHECK(flow.slip().preview.height == 600);

    flow.goHome(); // the slip goes with the citizen
    CHECK(flow.slip().phase == SlipPhase::None);
    CHECK(flow.slip().preview.pixels.empty());
}

TEST_CASE_FIXTURE(Fixture, "a late picture of the previous citizen's slip is never shown to the next") {
    auto showCases = [&](const char* name, const char* number) {
        flow.open(HallScreen::CaseQuery, t0);
        flow.handle(CardPresented{citizen(name, number)}, t0);
        flow.handle(CaseQueryFinished{cases.queries.back().first, QueryOutcome::Ok, {oneCase("C")}, ""}, t0);
    };
    printer::SlipImage picture;
    picture.width = 10;
    picture.height = 10;
    picture.pixels.assign(100, 0);

    showCases("A", "110105195603121529");
    flow.printCase(0, t0); // job 1, still printing when A leaves
    flow.goHome();
    showCases("B", "320102199007186017");
    flow.printCase(0, t0);                  // job 2
    flow.handle(SlipRendered{picture}, t0); // could be A's: two jobs in flight
    CHECK(flow.slip().previewSerial == 0);
    flow.handle(PrintFinished{1, true, "", "", {}}, t0); // A's job done
    CHECK(flow.slip().phase == SlipPhase::Printing);
    flow.handle(SlipRendered{picture}, t0); // now it can only be B's
    CHECK(flow.slip().previewSerial != 0);
    flow.handle(PrintFinished{2, true, "", "", {}}, t0);
    CHECK(flow.slip().phase == SlipPhase::Printed);
}

TEST_CASE_FIXTURE(Fixture, "every slip picture has a serial of its own, across citizens") {
    // The screen caches the uploaded picture by this serial: if the next citizen's first picture
    // had the serial of the previous citizen's first picture, the old slip would stay on screen.
    auto printOne = [&](const char* name, const char* number, std::uint64_t job) {
        flow.open(HallScreen::CaseQuery, t0);
        flow.handle(CardPresented{citizen(name, number)}, t0);
        flow.handle(CaseQueryFinished{cases.queries.back().first, QueryOutcome::Ok, {oneCase(name)}, ""}, t0);
        flow.printCase(0, t0);
        printer::SlipImage picture;
        picture.width = picture.height = 4;
        picture.pixels.assign(16, 0);
        picture.lines = {name};
        flow.handle(PrintFinished{job, false, "print.failure.paper_out", "", picture}, t0);
        REQUIRE(flow.slip().phase == SlipPhase::Failed);
        REQUIRE(flow.slip().preview.lines == std::vector<std::string>{name});
        return flow.slip().previewSerial;
    };
    const std::uint64_t first = printOne("王秀英", "110105195603121529", 1);
    flow.goHome();
    const std::uint64_t second = printOne("陈家明", "810000199408230021", 2);
    CHECK(first != 0);
    CHECK(second != 0);
    CHECK(second != first);
    // Same citizen, same slip printed again: still a new picture, a new serial.
    flow.closeSlip();
    flow.printCase(0, t0);
    printer::SlipImage again;
    again.width = again.height = 4;
    again.pixels.assign(16, 0);
    flow.handle(PrintFinished{3, false, "print.failure.paper_out", "", again}, t0);
    CHECK(flow.slip().previewSerial != second);
    CHECK(flow.slip().previewSerial != first);
}
