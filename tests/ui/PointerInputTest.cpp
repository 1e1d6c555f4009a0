// PointerInput: taps become a press frame then a release frame; touch leaves no hover behind.
#include "ui/PointerInput.h"

#include <doctest/doctest.h>

using kiosk::ui::PointerInput;

namespace {

SDL_Event button(Uint32 type, int x, int y, bool touch) {
    SDL_Event e{};
    e.type = type;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.which = touch ? SDL_TOUCH_MOUSEID : 0;
    e.button.x = x;
    e.button.y = y;
    return e;
}

} // namespace

TEST_CASE("a tap arriving in one batch is spread over frames, then the finger leaves") {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    PointerInput p;
    SDL_Event m{};
    m.type = SDL_MOUSEMOTION;
    m.motion.which = SDL_TOUCH_MOUSEID;
    m.motion.x = 40;
    m.motion.y = 50;
    CHECK(p.onEvent(m));
    CHECK(p.onEvent(button(SDL_MOUSEBUTTONDOWN, 40, 50, true)));
    CHECK(p.onEvent(button(SDL_MOUSEBUTTONUP, 40, 50, true)));

    p.applyTo(io); // frame 1: pressed at the tap point
    CHECK(io.MouseDown[0]);
    CHECK(io.MousePos.x == 40.f);
    CHECK(io.MousePos.y == 50.f);
    p.applyTo(io); // frame 2: released over it (ImGui fires the click here)
    CHECK_FALSE(io.MouseDown[0]);
    CHECK(io.MousePos.x == 40.f);
    CHECK(p.pending());
    p.applyTo(io); // frame 3: no sticky hover after a touch
    CHECK(io.MousePos.x == -FLT_MAX);
    CHECK_FALSE(p.pending());
    ImGui::DestroyContext();
}

TEST_CASE("a real mouse keeps hovering after release; other events are not pointer events") {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    PointerInput p;
    p.onEvent(button(SDL_MOUSEBUTTONDOWN, 5, 6, false));
    p.onEvent(button(SDL_MOUSEBUTTONUP, 5, 6, false));
    p.applyTo(io);
    p.applyTo(io);
    p.applyTo(io);
    CHECK(io.MousePos.x == 5.f);
    SDL_Event k{};
    k.type = SDL_KEYDOWN;
    CHECK_FALSE(p.onEvent(k));
    ImGui::DestroyContext();
}
