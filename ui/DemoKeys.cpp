// DemoKeys (see the header).
#include "ui/DemoKeys.h"

namespace kiosk::ui {

bool applyDemoKey(const SDL_Event& e, DemoControl& demo) {
    if (e.type != SDL_KEYDOWN) return false;
    const SDL_Keycode k = e.key.keysym.sym;
    if (k >= SDLK_F1 && k <= SDLK_F7) {
        const auto names = demo.cardNames();
        const size_t i = static_cast<size_t>(k - SDLK_F1);
        if (i < names.size()) demo.presentCard(names[i]);
    } else if (k == SDLK_F8) {
        demo.removeCard();
    } else if (k == SDLK_ESCAPE) {
        return true;
    }
    return false;
}

} // namespace kiosk::ui
