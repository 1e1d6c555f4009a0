// The house every flow lives in: the navigator ends a session by wiping every flow, the session and
// the slip; refuses what the terminal does not offer; and every visible change moves the revision
// the runner draws by.
#include "HallTerminal.h"

#include "kiosk/FlowCatalog.h"

#include <doctest/doctest.h>

#include <set>

using namespace kiosk;
using namespace std::chrono_literals;
using testing::HallTerminal;

namespace {

// A flow that remembers what was done to it.
struct SpyFlow final : FlowWithView<int> {
    int entered = 0, wiped = 0, events = 0;
    bool card = false;
    std::optional<TimePoint> own;
    void enter(TimePoint) override { ++entered; }
    void handle(const AppEvent&, TimePoint) override {
        ++events;
        ++edit();
    }
    void wipe() override { ++wiped; }
    bool wantsCard() const override { return card; }
    bool identifies = false;
    bool cardIdentifiesCitizen() const override { return identifies; }
    std::optional<TimePoint> deadline(TimePoint) const override { return own; }
};

struct SpyHouse {
    testing::FakeReader reader;
    testing::FakePrinter printer;
    CitizenSession session{SessionSettings{60s, 10s, "zh-CN"}};
    SlipTracker slips{printer};
    CardReaderStatus readerStatus;
    testing::FakePinyin pinyin;
    TextEntry textEntry{pinyin};
    Navigator nav{session, slips, readerStatus, reader, textEntry};
    SpyFlow* a = nullptr;
    SpyFlow* b = nullptr;
    TimePoint t0 = TimePoint{} + 1000s;
    SpyHouse() {
        auto fa = std::make_unique<SpyFlow>();
        auto fb = std::make_unique<SpyFlow>();
        a = fa.get();
        b = fb.get();
        a->card = true;
        nav.add("a", std::move(fa));
        nav.add("b", std::move(fb));
    }
};

CitizenIdentity someone() {
    CitizenIdentity c;
    c.name = "王秀英";
    c.idNumber = "110105195603121529";
    c.maskedIdNumber = "110105********1529";
    return c;
}

} // namespace

TEST_CASE_FIXTURE(SpyHouse, "every end of a session wipes every flow, not only the open one") {
    REQUIRE(nav.open("a", t0));
    CHECK(a->entered == 1);
    const int before = b->wiped;
    nav.goHome(); // 返回首页
    CHECK(a->wiped > 0);
    CHECK(b->wiped > before); // the flow that was not open is wiped too

    nav.open("a", t0);
    const int aw = a->wiped, bw = b->wiped;
    // A card is a new citizen: every flow forgets the one before.
    nav.handle(CardPresented{someone()}, t0);
    CHECK(a->wiped == aw + 1);
    CHECK(b->wiped == bw + 1);
    REQUIRE(session.citizen().has_value());
    CHECK(session.citizen()->name == "王秀英");
    // The same card again is the same citizen.
    nav.handle(CardPresented{someone()}, t0);
    CHECK(a->wiped == aw + 1);
    // Another card is another citizen, also on a step that asks the citizen to identify themself.
    a->identifies = true;
    CitizenIdentity other = someone();
    other.name = "李建国";
    other.idNumber = "110105194912310021";
    nav.handle(CardPresented{other}, t0);
    CHECK(a->wiped == aw + 2);
    CHECK(b->wiped == bw + 2);
    REQUIRE(session.citizen().has_value());
    CHECK(session.citizen()->name == "李建国");

    const int aw2 = a->wiped, bw2 = b->wiped;
    nav.tick(t0 + 61s); // idle time-out
    CHECK(nav.current() == nullptr);
    CHECK(a->wiped > aw2);
    CHECK(b->wiped > bw2);
    CHECK_FALSE(session.citizen().has_value()); // the identity is wiped with the flows
    CHECK(nav.idleTimeouts() == 1);
}

TEST_CASE_FIXTURE(SpyHouse,
                  "the first card on a step that asks the citizen to identify themself joins the session") {
    nav.open("a", t0);
    a->identifies = true;
    const int aw = a->wiped, bw = b->wiped;
    nav.handle(CardPresented{someone()}, t0);
    CHECK(a->wiped == aw); // what they typed so far stays theirs
    CHECK(b->wiped == bw);
    REQUIRE(session.citizen().has_value());
    CHECK(session.citizen()->name == "王秀英");
}

TEST_CASE_FIXTURE(SpyHouse, "opening another flow starts the session again from a clean slate") {
    nav.open("a", t0);
    nav.handle(CardPresented{someone()}, t0);
    REQUIRE(session.citizen().has_value());
    const int bw = b->wiped;
    REQUIRE(nav.open("b", t0 + 1s));
    CHECK(b->wiped > bw);
    CHECK_FALSE(session.citizen().has_value());
    CHECK(nav.currentId() == "b");
}

TEST_CASE_FIXTURE(SpyHouse, "a flow the terminal does not offer is refused and nothing changes") {
    nav.open("a", t0);
    nav.handle(CardPresented{someone()}, t0);
    const auto revision = nav.revision();
    CHECK_FALSE(nav.open("district_mailbox", t0));
    CHECK(nav.currentId() == "a");
    CHECK(session.citizen().has_value());
    CHECK(nav.revision() == revision);
}

TEST_CASE_FIXTURE(SpyHouse, "events go to the open flow only; cards only where one is wanted") {
    nav.handle(ReaderStatusChanged{true, "reader.place_card", ""}, t0); // home
    CHECK(a->events == 0);
    CHECK(b->events == 0);
    CHECK(readerStatus.view().connected); // the reader's state is kept whatever is open

    nav.open("b", t0); // b wants no card
    CHECK_FALSE(reader.wanted);
    nav.handle(CardPresented{someone()}, t0);
    CHECK(b->events == 0);
    CHECK_FALSE(session.citizen().has_value());

    nav.open("a", t0); // a wants one: the reader is polled
    CHECK(reader.wanted);
    nav.handle(CaseQueryFinished{}, t0);
    CHECK(a->events == 1);
    CHECK(b->events == 0);
    nav.goHome();
    CHECK_FALSE(reader.wanted);
}

TEST_CASE_FIXTURE(SpyHouse, "the next deadline is the earlier of the idle timer's and the flow's own") {
    CHECK_FALSE(nav.nextDeadline(t0).has_value()); // home: nothing to wake up for
    nav.open("b", t0);
    CHECK(nav.nextDeadline(t0) == t0 + 50s); // the countdown starts 10 s before the 60 s end
    b->own = t0 + 5s;
    CHECK(nav.nextDeadline(t0) == t0 + 5s);
}

TEST_CASE_FIXTURE(SpyHouse,
                  "a time-out gives the next citizen the terminal's language; home keeps the choice") {
    nav.open("a", t0);
    session.setLanguage("en");
    session.setElderMode(true);
    nav.goHome(); // the same citizen, back at home
    CHECK(session.language() == "en");
    CHECK(session.elderMode());
    nav.open("a", t0);
    nav.tick(t0 + 61s);
    CHECK(session.language() == "zh-CN");
    CHECK_FALSE(session.elderMode());
}

TEST_CASE_FIXTURE(HallTerminal, "every change a screen shows moves the revision; nothing else does") {
    std::set<std::uint64_t> seen{terminal.revision()};
    auto moved = [&] { return seen.insert(terminal.revision()).second; };
    printer.present = true;

    CHECK(nav.open("case_query", t0));
    CHECK(moved()); // a new screen
    nav.handle(ReaderStatusChanged{true, "reader.place_card", ""}, t0);
    CHECK(moved()); // 请放置证件
    nav.handle(ReaderStatusChanged{true, "reader.place_card", ""}, t0);
    CHECK_FALSE(moved()); // the same words again: nothing to draw
    nav.handle(CardReading{}, t0);
    CHECK(moved()); // 正在读取
    CitizenIdentity who = someone();
    nav.handle(CardPresented{who}, t0);
    CHECK(moved()); // loading, with the citizen's masked name
    CaseRecord c;
    c.caseNo = "QH-1";
    c.status = CaseStatus::Processing;
    nav.handle(CaseQueryFinished{cases.last(), QueryOutcome::Ok, {c}, ""}, t0);
    CHECK(moved()); // the results
    cq.printCase(0, t0);
    CHECK(moved()); // 正在打印
    nav.handle(PrintFinished{1, true, "", "", {}}, t0);
    CHECK(moved()); // 已打印
    terminal.slips().close();
    CHECK(moved());
    nav.handle(SyncStatusChanged{}, t0);
    CHECK_FALSE(moved()); // not the terminal's business (the app counts the connection)
    terminal.session().setLanguage("en");
    CHECK(moved());
    nav.goHome();
    CHECK(moved());
    nav.goHome();
    CHECK_FALSE(moved()); // already home, nothing left to wipe
}

TEST_CASE("the catalogs: every flow of every kind of terminal is built, under a name of its own") {
    for (FlowSet set : {FlowSet::Hall, FlowSet::Counter, FlowSet::Technician}) {
        HallTerminal parts; // services only
        CitizenSession session{SessionSettings{}};
        SlipTracker slips{parts.printer};
        const std::vector<ServiceItem> noItems;
        FlowServices services = parts.flowServices(session, slips, noItems);
        std::set<std::string_view> ids;
        for (const FlowEntry& e : flowCatalog(set)) {
            CAPTURE(e.id);
            CHECK(ids.insert(e.id).second);
            auto flow = e.make(services);
            REQUIRE(flow);
            // Wiping a flow that holds nothing changes nothing: no frame is drawn for it.
            const auto fresh = flow->revision();
            flow->wipe();
            CHECK(flow->revision() == fresh);
        }
    }
    CHECK(flowCatalog(FlowSet::Hall).size() == 5);
}
