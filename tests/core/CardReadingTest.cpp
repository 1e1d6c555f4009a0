// Issue 8.9 (reader part): the reading state is shown while a card is read, a card lifted mid-read is
// reported (not read), and an expired card is flagged to the citizen.
#include "HallTerminal.h"
#include "kiosk/IdCardReader.h"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace std::chrono;
using namespace std::chrono_literals;

namespace {

// The hall terminal with a reader and no printer.
struct Flow : testing::HallTerminal {
    Flow() { printer.present = false; }
};

} // namespace

TEST_CASE("reader events for reading and a lifted card become app events") {
    AppEvent out;
    REQUIRE(toAppEvent(idcard::ReaderEvent{idcard::CardReading{}}, out));
    CHECK(std::holds_alternative<CardReading>(out));
    REQUIRE(toAppEvent(idcard::ReaderEvent{idcard::CardReadAborted{}}, out));
    REQUIRE(std::holds_alternative<CardReadAborted>(out));
    const StringTable zh = StringTable::load("zh-CN");
    CHECK(zh.has(std::get<CardReadAborted>(out).messageKey));
    CHECK(zh.get("reader.reading") == "正在读取，请勿移动证件");
}

TEST_CASE_FIXTURE(Flow, "hall: 正在读取 while a card is read; a lift asks to place it again; no query") {
    nav.open("case_query", t0);
    nav.handle(ReaderStatusChanged{true, "reader.place_card", ""}, t0);
    nav.handle(CardReading{}, t0);
    CHECK(terminal.reader().messageKey == "reader.reading");
    nav.handle(CardReadAborted{}, t0);
    CHECK(terminal.reader().messageKey == "reader.lifted");
    CHECK(cq.view().phase == CaseQueryPhase::WaitingForCard);
    CHECK(cases.queries.size() == 0); // nothing was read, nothing is asked

    nav.handle(CardReading{}, t0);
    CitizenIdentity who;
    who.name = "王秀英";
    who.idNumber = "110105195603121529";
    nav.handle(CardPresented{who}, t0);
    CHECK(terminal.reader().messageKey == "reader.place_card"); // read: the words go back to normal
    CHECK(cases.queries.size() == 1);

    nav.goHome();
    nav.handle(CardReading{}, t0); // a late event on the home screen changes nothing
    CHECK(terminal.reader().messageKey == "reader.place_card");
}

TEST_CASE("hall time: a card is expired from the day after its last valid day, in Beijing") {
    CHECK_FALSE(cardExpired("2035-08-01", 2026y / November / 20));
    CHECK_FALSE(cardExpired("2026-11-20", 2026y / November / 20)); // valid through its last day
    CHECK(cardExpired("2026-11-19", 2026y / November / 20));
    CHECK(cardExpired("2020-03-01", 2026y / November / 20));
    CHECK_FALSE(cardExpired("长期", 2026y / November / 20));
    CHECK_FALSE(cardExpired("", 2026y / November / 20));
    CHECK_FALSE(cardExpired("2020-13-01", 2026y / November / 20));
    CHECK_FALSE(cardExpired("20200301", 2026y / November / 20));

    // 2026-11-20 17:00 UTC is already 2026-11-21 in Beijing: a card valid to the 20th has expired there,
    // whatever the machine's TZ says.
    CHECK(cardExpired("2026-11-20", hallDay(sys_days{2026y / November / 20} + 17h)));

    idcard::IdCard card;
    card.type = idcard::CardType::Resident;
    card.name = "赵敏";
    card.idNumber = "320102199007186017";
    card.validTo = "2020-03-01"; // the demo's zhao-min
    AppEvent out;
    REQUIRE(toAppEvent(idcard::ReaderEvent{idcard::CardPresented{card}}, out));
    CHECK(std::get<CardPresented>(out).citizen.expired);
    card.validTo = "长期";
    REQUIRE(toAppEvent(idcard::ReaderEvent{idcard::CardPresented{card}}, out));
    CHECK_FALSE(std::get<CardPresented>(out).citizen.expired);
    CHECK(StringTable::load("zh-CN").has("cases.card_expired"));
    CHECK(StringTable::load("en").has("cases.card_expired"));
}
