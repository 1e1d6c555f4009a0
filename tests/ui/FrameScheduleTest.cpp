// FrameSchedule: every state change is drawn before the runner sleeps.
#include "ui/FrameSchedule.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using kiosk::ui::FrameSchedule;

namespace {

// Draws what is owed, as the runner does; `drawOne` returns the signature after a frame and
// whether a widget was tapped in it. Returns the frames drawn before the runner may sleep.
template <typename F>
int drawUntilIdle(FrameSchedule& s, F drawOne) {
    int frames = 0;
    while (s.frameOwed() && frames < 100) {
        auto [sig, tapped] = drawOne(frames);
        s.frameDrawn(sig, tapped);
        ++frames;
    }
    return frames;
}

struct Frame {
    std::string sig;
    bool tapped;
};

} // namespace

TEST_CASE("a press and release in one batch: the tap's change is drawn before sleeping") {
    FrameSchedule s;
    drawUntilIdle(s, [](int) { return Frame{"home/zh", false}; }); // start-up frames
    REQUIRE_FALSE(s.frameOwed());

    // One event batch: press and release. Frame 0 shows the press, frame 1 the release, and the
    // tap fires while frame 1 is drawn: the language switch changed the state under it.
    s.owe(2);
    s.observe("home/zh");
    std::vector<std::string> drawnWith; // the state each frame started from
    std::string state = "home/zh";
    const int frames = drawUntilIdle(s, [&](int i) {
        drawnWith.push_back(state);
        if (i == 1) state = "home/en"; // the tap, mid-frame
        return Frame{state, i == 1};
    });
    REQUIRE(frames >= 3);
    CHECK(drawnWith.back() == "home/en"); // the last frame before sleeping shows the new state
    CHECK_FALSE(s.frameOwed());
}

TEST_CASE("a tap whose change no signature covers is still drawn again") {
    FrameSchedule s;
    drawUntilIdle(s, [](int) { return Frame{"case/results", false}; });
    s.owe(2);
    int drawn = drawUntilIdle(s, [](int i) { return Frame{"case/results", i == 1}; });
    CHECK(drawn == 4); // press, release (tap), then two more
}

TEST_CASE("a change from a worker between frames owes frames; nothing owes none") {
    FrameSchedule s;
    drawUntilIdle(s, [](int) { return Frame{"a", false}; });
    s.observe("a");
    CHECK_FALSE(s.frameOwed()); // an idle kiosk draws nothing
    s.observe("b");
    CHECK(s.owed() == 2);
    CHECK(drawUntilIdle(s, [](int) { return Frame{"b", false}; }) == 2);
}
