// PhysicalKeyboard — a real keyboard (a technician's, a USB one under the counter) types into the
// focused text field exactly as the on-screen keys do: SDL text events become TextEntry::typed
// (letters compose in 拼音, 1-9 pick a candidate), Backspace, Enter and Page Up / Page Down their keys.
//
// Sections: routing
//
// Only while a field has the focus; otherwise the event goes on (the demo's F-keys, Escape).
#pragma once

#include "kiosk/TextEntry.h"

#include <SDL.h>

namespace kiosk::ui {

// ---- routing ----
// True when the event was for the focused field (then nothing else should see it).
bool typeIntoFocusedField(const SDL_Event& e, TextEntry& entry);

} // namespace kiosk::ui
