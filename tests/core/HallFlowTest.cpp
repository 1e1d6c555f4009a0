// The hall terminal's flows (case query first), its session and navigator, driven without a window,
// a device or a network.
#include "HallTerminal.h"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

using testing::HallTerminal;

CitizenIdentity card(const std::string& name, const std::string& number) {
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

TEST_CASE_FIXTURE(HallTerminal, "the reader is polled only while the case screen waits for a card") {
    CHECK(onHome());
    CHECK_FALSE(reader.wanted);
    nav.open("case_query", t0);
    CHECK(reader.wanted);
    CHECK(cq.view().phase == CaseQueryPhase::WaitingForCard);
    nav.open("service_guide", t0);
    CHECK_FALSE(reader.wanted);
    nav.open("case_query", t0);
    nav.goHome();
    CHECK_FALSE(reader.wanted);
}

TEST_CASE_FIXTURE(HallTerminal, "card -> query -> results, and home wipes the citizen") {
    nav.open("case_query", t0);
    nav.handle(CardPresented{card("王秀英", "110105195603121529")}, t0 + 1s);
    REQUIRE(cases.queries.size() == 1);
    CHECK(cases.queries[0].second == "110105195603121529");
    CHECK(cq.view().phase == CaseQueryPhase::Loading);
    REQUIRE(citizen().has_value());
    CHECK(citizen()->name == "王秀英");

    nav.handle(
        CaseQueryFinished{cases.queries[0].first, QueryOutcome::Ok, {oneCase("A1"), oneCase("A2")}, ""},
        t0 + 2s);
    CHECK(cq.view().phase == CaseQueryPhase::Results);
    CHECK(cq.view().cases.size() == 2);

    nav.goHome();
    CHECK(onHome());
    CHECK_FALSE(citizen().has_value());
    CHECK(cq.view().cases.empty());
    // Back on the case screen nothing of the previous citizen is reachable.
    nav.open("case_query", t0 + 3s);
    CHECK(cq.view().phase == CaseQueryPhase::WaitingForCard);
    CHECK_FALSE(citizen().has_value());
}

TEST_CASE_FIXTURE(HallTerminal, "an answer for a previous citizen is dropped") {
    nav.open("case_query", t0);
    nav.handle(CardPresented{card("A", "110105195603121529")}, t0);
    const auto first = cases.queries.back().first;
    nav.handle(CardPresented{card("B", "320102199007186017")}, t0 + 1s); // a new card replaces A
    const auto second = cases.queries.back().first;
    CHECK(first != second);
    nav.handle(CaseQueryFinished{first, QueryOutcome::Ok, {oneCase("A-case")}, ""}, t0 + 2s);
    CHECK(cq.view().phase == CaseQueryPhase::Loading);
    CHECK(citizen()->name == "B");
    nav.handle(CaseQueryFinished{second, QueryOutcome::Ok, {oneCase("B-case")}, ""}, t0 + 2s);
    REQUIRE(cq.view().cases.size() == 1);
    CHECK(cq.view().cases[0].caseNo == "B-case");

    // After going home, a late answer must not resurrect anything.
    nav.goHome();
    nav.handle(CaseQueryFinished{second, QueryOutcome::Ok, {oneCase("B-case")}, ""}, t0 + 3s);
    CHECK(cq.view().cases.empty());
}

TEST_CASE_FIXTURE(HallTerminal, "failures are named so the screen can say them, and can be retried") {
    nav.open("case_query", t0);
    nav.handle(CardPresented{card("A", "110105195603121529")}, t0);
    nav.handle(CaseQueryFinished{cases.queries.back().first, QueryOutcome::Offline, {}, "connect refused"},
               t0);
    CHECK(cq.view().phase == CaseQueryPhase::Failed);
    CHECK(cq.view().failureKey == "cases.offline");
    CHECK(cq.view().failureDetail == "connect refused");
    cq.retry(t0 + 1s);
    CHECK(cases.queries.size() == 2);
    CHECK(cq.view().phase == CaseQueryPhase::Loading);
    nav.handle(CaseQueryFinished{cases.queries.back().first, QueryOutcome::ServerError, {}, "bad json"}, t0);
    CHECK(cq.view().failureKey == "cases.server_error");
}

TEST_CASE_FIXTURE(HallTerminal, "idle time-out: countdown, continue, expiry wipes") {
    nav.open("case_query", t0);
    nav.handle(CardPresented{card("A", "110105195603121529")}, t0);
    CHECK_FALSE(nav.idleCountdown(t0 + 49s).has_value());
    CHECK(nav.idleCountdown(t0 + 50s) == 10);
    CHECK(nav.idleCountdown(t0 + 55s + 500ms) == 5);
    nav.userActivity(t0 + 56s); // "continue"
    CHECK_FALSE(nav.idleCountdown(t0 + 57s).has_value());
    nav.tick(t0 + 115s);
    CHECK(nav.currentId() == "case_query");
    nav.tick(t0 + 116s);
    CHECK(onHome());
    CHECK(nav.idleTimeouts() == 1);
    CHECK_FALSE(citizen().has_value());
    CHECK_FALSE(reader.wanted);
    CHECK_FALSE(nav.nextDeadline(t0 + 117s).has_value()); // home: nothing to wake up for
}

TEST_CASE_FIXTURE(HallTerminal, "cards are ignored where none was asked for") {
    nav.handle(CardPresented{card("A", "110105195603121529")}, t0);
    CHECK(cases.queries.empty());
    CHECK_FALSE(citizen().has_value());
}

TEST_CASE("CitizenIdentity::wipe") {
    CitizenIdentity c = card("王秀英", "110105195603121529");
    c.wipe();
    CHECK(c.name.empty());
    CHECK(c.idNumber.empty());
    CHECK(c.maskedIdNumber.empty());
}

TEST_CASE_FIXTURE(HallTerminal, "a case slip prints; a failed print keeps what it says for the screen") {
    nav.open("case_query", t0);
    nav.handle(CardPresented{card("王秀英", "110105195603121529")}, t0);
    CaseRecord c = oneCase("QH-1");
    c.acceptedAt = "2026-11-20T12:57:00+08:00";
    c.steps.push_back({"受理", "窗口", StepState::Done, "2026-11-20T13:00:00+08:00"});
    nav.handle(CaseQueryFinished{cases.queries.back().first, QueryOutcome::Ok, {c}, ""}, t0);

    cq.printCase(0, t0);
    REQUIRE(printer.jobs.size() == 1);
    CHECK(slip().phase == SlipPhase::Printing);
    const std::string text = receiptText(printer.jobs[0]);
    CHECK(text.find("QH-1") != std::string::npos);
    CHECK(text.find("2026-11-20 12:57") != std::string::npos);
    CHECK(text.find("110105195603121529") == std::string::npos); // never unmasked on paper
    CHECK(text.find("110105********1529") != std::string::npos);
    CHECK(text.find("秀英") == std::string::npos);
    CHECK(text.find("HALL-9") != std::string::npos);
    cq.printCase(0, t0); // one at a time
    CHECK(printer.jobs.size() == 1);

    nav.handle(PrintFinished{1, true, "", "", {}}, t0);
    CHECK(slip().phase == SlipPhase::Printed);
    terminal.slips().close();
    CHECK(slip().phase == SlipPhase::None);

    cq.printCase(0, t0);
    nav.handle(PrintFinished{99, false, "print.failure.paper_out", "", {}}, t0); // someone else's job
    CHECK(slip().phase == SlipPhase::Printing);
    printer::SlipImage picture;
    picture.width = 384;
    picture.height = 600;
    picture.pixels.assign(384 * 600, 255);
    nav.handle(PrintFinished{2, false, "print.failure.paper_out", "paper_out: DLE EOT 4", picture}, t0);
    CHECK(slip().phase == SlipPhase::Failed);
    CHECK(slip().failureKey == "print.failure.paper_out");
    CHECK(slip().preview.width == 384);
    CHECK(slip().preview.height == 600);

    nav.goHome(); // the slip goes with the citizen
    CHECK(slip().phase == SlipPhase::None);
    CHECK(slip().preview.pixels.empty());
}

TEST_CASE_FIXTURE(HallTerminal, "a late picture of the previous citizen's slip is never shown to the next") {
    auto showCases = [&](const char* name, const char* number) {
        nav.open("case_query", t0);
        nav.handle(CardPresented{card(name, number)}, t0);
        nav.handle(CaseQueryFinished{cases.queries.back().first, QueryOutcome::Ok, {oneCase("C")}, ""}, t0);
    };
    printer::SlipImage picture;
    picture.width = 10;
    picture.height = 10;
    picture.pixels.assign(100, 0);

    showCases("A", "110105195603121529");
    cq.printCase(0, t0); // job 1, still printing when A leaves
    nav.goHome();
    showCases("B", "320102199007186017");
    cq.printCase(0, t0);                   // job 2
    nav.handle(SlipRendered{picture}, t0); // could be A's: two jobs in flight
    CHECK(slip().previewSerial == 0);
    nav.handle(PrintFinished{1, true, "", "", {}}, t0); // A's job done
    CHECK(slip().phase == SlipPhase::Printing);
    nav.handle(SlipRendered{picture}, t0); // now it can only be B's
    CHECK(slip().previewSerial != 0);
    nav.handle(PrintFinished{2, true, "", "", {}}, t0);
    CHECK(slip().phase == SlipPhase::Printed);
}

TEST_CASE_FIXTURE(HallTerminal, "every slip picture has a serial of its own, across citizens") {
    // The screen caches the uploaded picture by this serial: if the next citizen's first picture
    // had the serial of the previous citizen's first picture, the old slip would stay on screen.
    auto printOne = [&](const char* name, const char* number, std::uint64_t job) {
        nav.open("case_query", t0);
        nav.handle(CardPresented{card(name, number)}, t0);
        nav.handle(CaseQueryFinished{cases.queries.back().first, QueryOutcome::Ok, {oneCase(name)}, ""}, t0);
        cq.printCase(0, t0);
        printer::SlipImage picture;
        picture.width = picture.height = 4;
        picture.pixels.assign(16, 0);
        picture.lines = {name};
        nav.handle(PrintFinished{job, false, "print.failure.paper_out", "", picture}, t0);
        REQUIRE(slip().phase == SlipPhase::Failed);
        REQUIRE(slip().preview.lines == std::vector<std::string>{name});
        return slip().previewSerial;
    };
    const std::uint64_t first = printOne("王秀英", "110105195603121529", 1);
    nav.goHome();
    const std::uint64_t second = printOne("陈家明", "810000199408230021", 2);
    CHECK(first != 0);
    CHECK(second != 0);
    CHECK(second != first);
    // Same citizen, same slip printed again: still a new picture, a new serial.
    terminal.slips().close();
    cq.printCase(0, t0);
    printer::SlipImage again;
    again.width = again.height = 4;
    again.pixels.assign(16, 0);
    nav.handle(PrintFinished{3, false, "print.failure.paper_out", "", again}, t0);
    CHECK(slip().previewSerial != second);
    CHECK(slip().previewSerial != first);
}
