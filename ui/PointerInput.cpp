#include "ui/PointerInput.h"

namespace kiosk::ui {

bool PointerInput::onEvent(const SDL_Event& e) {
    switch (e.type) {
    case SDL_MOUSEMOTION:
        queue_.push_back({Step::Move, static_cast<float>(e.motion.x), static_cast<float>(e.motion.y),
                          e.motion.which == SDL_TOUCH_MOUSEID});
        return true;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e.button.button != SDL_BUTTON_LEFT) return true; // one finger, one button
        queue_.push_back({e.type == SDL_MOUSEBUTTONDOWN ? Step::Down : Step::Up,
                          static_cast<float>(e.button.x), static_cast<float>(e.button.y),
                          e.button.which == SDL_TOUCH_MOUSEID});
        return true;
    case SDL_MOUSEWHEEL:
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
        return true; // touch arrives as SDL's synthesized mouse events; the finger events are duplicates
    default:
        return false;
    }
}

void PointerInput::applyTo(ImGuiIO& io) {
    if (clearAfterTouch_) {
        x_ = y_ = -FLT_MAX;
        clearAfterTouch_ = false;
    }
    while (!queue_.empty()) {
        const Step s = queue_.front();
        queue_.pop_front();
        x_ = s.x;
        y_ = s.y;
        if (s.kind == Step::Down) {
            down_ = true;
            break; // the press gets a frame of its own
        }
        if (s.kind == Step::Up) {
            down_ = false;
            clearAfterTouch_ = s.touch;
            break;
        }
    }
    io.MousePos = ImVec2(x_, y_);
    io.MouseDown[0] = down_;
    io.MouseDown[1] = io.MouseDown[2] = false;
    io.MouseWheel = 0.f;
}

} // namespace kiosk::ui
