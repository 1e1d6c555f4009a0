// DeferredActions: a tap's consequence runs after the frame, in order, once.
#include "ui/DeferredActions.h"

#include <doctest/doctest.h>

#include <string>

using kiosk::ui::DeferredActions;

TEST_CASE("posted actions wait for run(), then run once each in posting order") {
    DeferredActions later;
    std::string log;
    later.post([&] { log += "language;"; });
    later.post([&] { log += "home;"; });
    CHECK(log.empty()); // nothing changes while the frame is being drawn
    CHECK_FALSE(later.empty());
    CHECK(later.run() == 2);
    CHECK(log == "language;home;");
    CHECK(later.empty());
    CHECK(later.run() == 0);
    CHECK(log == "language;home;");
}

TEST_CASE("an action posted while actions run waits for the next frame") {
    DeferredActions later;
    int runs = 0;
    later.post([&] {
        ++runs;
        later.post([&] { ++runs; });
    });
    CHECK(later.run() == 1);
    CHECK(runs == 1);
    CHECK(later.run() == 1);
    CHECK(runs == 2);
}
