// ui/ScreenCatalog: every flow of every kind of terminal can be drawn, by a screen made for its
// class, and the hall's home shows one tile per flow, in the kiosk catalog's order, with strings.
#include "ui/ScreenCatalog.h"
#include "kiosk/SuggestionFlow.h"
#include "tests/core/HallTerminal.h"

#include <doctest/doctest.h>

using namespace kiosk;

TEST_CASE("every flow has a screen that takes its class") {
    for (FlowSet set : {FlowSet::Hall, FlowSet::Counter, FlowSet::Technician}) {
        testing::HallTerminal parts; // the fake services
        CitizenSession session{SessionSettings{}};
        SlipTracker slips{parts.printer};
        const std::vector<ServiceItem> noItems;
        FlowServices services = parts.flowServices(session, slips, noItems);
        for (const FlowEntry& e : flowCatalog(set)) {
            CAPTURE(e.id);
            const ui::FlowScreen* screen = ui::screenFor(e.id);
            REQUIRE(screen != nullptr);
            auto flow = e.make(services);
            CHECK(screen->fits(*flow));
        }
    }
    // A screen bound to the wrong class is caught: the case query's screen does not take the mailbox.
    const ui::FlowScreen* cases = ui::screenFor("case_query");
    REQUIRE(cases != nullptr);
    testing::HallTerminal parts;
    SuggestionFlow mailbox(parts.terminal.session(), parts.outbox);
    CHECK_FALSE(cases->fits(mailbox));
}

TEST_CASE("every kind of terminal that has flows has a home screen") {
    CHECK(static_cast<bool>(ui::homeScreenFor(FlowSet::Hall)));
    CHECK(static_cast<bool>(ui::homeScreenFor(FlowSet::Counter)));
}

TEST_CASE("the hall's home: a tile per flow, in the catalog's order, each with its strings in both tables") {
    testing::HallTerminal hall;
    const std::vector<ui::HomeTile> tiles = ui::homeTiles(hall.nav);
    const std::vector<std::string_view> ids = hall.nav.flowIds();
    REQUIRE(tiles.size() == ids.size());
    const StringTable zh = StringTable::load("zh-CN"), en = StringTable::load("en");
    for (size_t i = 0; i < tiles.size(); ++i) {
        CAPTURE(tiles[i].flowId);
        CHECK(tiles[i].flowId == ids[i]);
        for (const StringTable* table : {&zh, &en}) {
            CHECK(table->has(tiles[i].titleKey));
            CHECK(table->has(tiles[i].subKey));
        }
    }
    CHECK(tiles.front().flowId == "case_query");
}
