// FrameSchedule — how many frames the runner still owes the screen, and when it may sleep.
//
// Why a class of its own: an idle kiosk draws nothing, so the one way to lose a change is to go
// to sleep with it undrawn. That happened: a press and its release arriving in one batch (a fast
// finger, `xdotool click`) are spread over two frames, the tap fires while the second one is
// being drawn, and the runner then slept with that frame showing the old state (the language
// button still said 中文, a closed dialog still looked open) until the next input. The rules
// here are pure, so they are unit-tested without a window (tests/ui/FrameScheduleTest.cpp):
//
//   [x] input or a worker event: draw 2 frames (press and release each take one)
//   [x] the view signature changed since the last frame: draw 2 more
//   [x] a frame during which a widget was tapped: draw 2 more, whatever the signature says
//       (a tap can change state no signature covers)
//   [x] a frame that changed the signature while it was drawn: draw again, before any sleep
//   [ ] a per-flow revision counter instead of the signature string (the flow-house issue)
#pragma once

#include <string>

namespace kiosk::ui {

class FrameSchedule {
public:
    // Something happened that the screen must show: owe at least `frames` frames.
    void owe(int frames) {
        if (frames > owed_) owed_ = frames;
    }
    // Before deciding to draw: the view's signature now. A change owes frames.
    void observe(const std::string& signature) {
        if (signature != signature_) {
            signature_ = signature;
            owe(2);
        }
    }
    // After a frame was drawn: the signature after drawing it, and whether a widget was tapped in it.
    void frameDrawn(const std::string& signatureAfter, bool tapped) {
        if (owed_ > 0) --owed_;
        if (tapped) owe(2);
        observe(signatureAfter);
    }
    bool frameOwed() const { return owed_ > 0; }
    int owed() const { return owed_; }

private:
    int owed_ = 3; // the first frames after start
    std::string signature_;
};

} // namespace kiosk::ui
