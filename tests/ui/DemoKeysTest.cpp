// DemoKeys: F1..F7 present the demo's cards in order, F8 lifts the card, Esc quits; nothing else acts.
#include "ui/DemoKeys.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using kiosk::ui::applyDemoKey;

namespace {

struct FakeDemo : kiosk::DemoControl {
    std::vector<std::string> names{"a", "b", "c"};
    std::vector<std::string> log;
    std::vector<std::string> cardNames() const override { return names; }
    bool presentCard(const std::string& n) override {
        log.push_back("present " + n);
        return true;
    }
    void removeCard() override { log.push_back("remove"); }
    bool setPaper(const std::string&) override { return true; }
    bool setReaderFault(const std::string&, std::string&) override { return true; }
    bool setServerRunning(bool, std::string&) override { return true; }
};

SDL_Event key(Uint32 type, SDL_Keycode k) {
    SDL_Event e{};
    e.type = type;
    e.key.keysym.sym = k;
    return e;
}

} // namespace

TEST_CASE("F1 and F3 present the first and third card; F8 lifts it; a key past the set does nothing") {
    FakeDemo demo;
    CHECK_FALSE(applyDemoKey(key(SDL_KEYDOWN, SDLK_F1), demo));
    CHECK_FALSE(applyDemoKey(key(SDL_KEYDOWN, SDLK_F3), demo));
    CHECK_FALSE(applyDemoKey(key(SDL_KEYDOWN, SDLK_F4), demo)); // only three cards
    CHECK_FALSE(applyDemoKey(key(SDL_KEYDOWN, SDLK_F8), demo));
    CHECK(demo.log == std::vector<std::string>{"present a", "present c", "remove"});
}

TEST_CASE("Esc quits; releases, other keys and other events do nothing") {
    FakeDemo demo;
    CHECK(applyDemoKey(key(SDL_KEYDOWN, SDLK_ESCAPE), demo));
    CHECK_FALSE(applyDemoKey(key(SDL_KEYUP, SDLK_ESCAPE), demo));
    CHECK_FALSE(applyDemoKey(key(SDL_KEYUP, SDLK_F1), demo));
    CHECK_FALSE(applyDemoKey(key(SDL_KEYDOWN, SDLK_a), demo));
    CHECK_FALSE(applyDemoKey(key(SDL_TEXTINPUT, SDLK_F1), demo));
    CHECK(demo.log.empty());
}
