// DemoKeys — the developer's keys in `kiosk --demo`: F1..F7 present the demo's sample cards (in the
// order kiosk/DemoControl lists them), F8 lifts the card, Esc quits.
//
// Only the demo has them: a hall kiosk has no keyboard a citizen could reach, and quitting on Esc
// would drop it to the desktop. The keys are not swallowed: the runner still gives them to ImGui and
// counts them as activity, as it does every key.
//
//   [x] F1..F7 present card 1..7 (a key beyond the card set does nothing)
//   [x] F8 lifts the card
//   [x] Esc asks the runner to quit
#pragma once

#include "kiosk/DemoControl.h"

#include <SDL.h>

namespace kiosk::ui {

// Does what a key press asks of the demo; returns true when it asks the kiosk to quit (Esc).
// Every other event is left alone.
bool applyDemoKey(const SDL_Event& e, DemoControl& demo);

} // namespace kiosk::ui
