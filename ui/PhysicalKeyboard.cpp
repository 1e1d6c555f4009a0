// PhysicalKeyboard (see the header).
#include "ui/PhysicalKeyboard.h"

#include <cstring>

namespace kiosk::ui {

bool typeIntoFocusedField(const SDL_Event& e, TextEntry& entry) {
    if (!entry.view().focused) return false;
    if (e.type == SDL_TEXTINPUT) {
        // SDL hands over what the user or an input method typed; TextField refuses what is not UTF-8.
        entry.typed(std::string_view(e.text.text, strnlen(e.text.text, sizeof(e.text.text))));
        return true;
    }
    if (e.type == SDL_KEYUP) {
        const SDL_Keycode k = e.key.keysym.sym;
        return k == SDLK_BACKSPACE || k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_PAGEUP ||
               k == SDLK_PAGEDOWN;
    }
    if (e.type != SDL_KEYDOWN) return false;
    switch (e.key.keysym.sym) {
    case SDLK_BACKSPACE:
        entry.backspace();
        return true;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        entry.enter();
        return true;
    case SDLK_PAGEDOWN:
        entry.nextPage();
        return true;
    case SDLK_PAGEUP:
        entry.previousPage();
        return true;
    default:
        return false; // letters arrive as SDL_TEXTINPUT; the rest (F-keys, Escape) goes on
    }
}

} // namespace kiosk::ui
