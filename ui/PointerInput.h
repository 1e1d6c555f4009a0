// PointerInput — mouse and touch from SDL events into ImGui, one press or release per frame.
//
// Why not the SDL backend's own mouse handling: ImGui 1.86's backend reads SDL's global mouse
// state each frame, which (a) leaves the last touch point "hovering" after a finger lifts and
// (b) ignores events pushed into the queue, so scripted taps would not be real input. Here every
// position and button comes from the event itself, so a real finger and a scripted tap travel the
// same path. A press and its release arriving together are spread over two frames (a click fires
// on release); after a touch release the pointer leaves the screen (no sticky hover).
#pragma once

#include <SDL.h>
#include <imgui.h>

#include <deque>

namespace kiosk::ui {

class PointerInput {
public:
    // Returns true when the event was a pointer event.
    bool onEvent(const SDL_Event& e);
    // Between the backend's NewFrame and ImGui::NewFrame.
    void applyTo(ImGuiIO& io);
    bool pending() const { return !queue_.empty() || clearAfterTouch_; }

private:
    struct Step {
        enum Kind { Move, Down, Up } kind;
        float x, y;
        bool touch;
    };
    std::deque<Step> queue_;
    float x_ = -FLT_MAX, y_ = -FLT_MAX;
    bool down_ = false;
    bool clearAfterTouch_ = false;
};

} // namespace kiosk::ui
