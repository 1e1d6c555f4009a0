// OutOfServiceRunner — the kiosk's screen when it cannot start: a bad config file gives an
// out-of-service notice (ui/OutOfServiceScreen) instead of an exit, so the hall never sees a desktop
// and the technician reads what is wrong on the screen itself.
//
// Why a runner of its own, not AppRunner: AppRunner drives a KioskApp, and a KioskApp needs a valid
// config (devices, server, store). This one has no app, no devices and no network: one window, one
// static screen, and the same UI scripts and screenshots (so a headless test can see the screen).
//
//   [x] same window rules as AppRunner: full screen or a window, --headless, --size
//   [x] sleeps in SDL_WaitEvent; redraws only on window events and script steps
//   [x] UI scripts: expect / wait-for / screenshot / layout / check-layout; device commands fail
//       with a message saying the terminal is out of service
//   [ ] noticing that the config file was fixed (the technician restarts the kiosk, as after any edit)
#pragma once

#include "ui/AppRunner.h"
#include "ui/Screens.h"

namespace kiosk::ui {

// Runs until quit (window closed, SIGINT/SIGTERM) or until the script ends.
// Exit codes: with a script 0 passed / 1 failed; without one 2 (the kiosk did not start) once quit;
// 2 as well when there is no display or no font to draw with (message on stderr).
int runOutOfService(const OutOfServiceInfo& info, const std::string& language, const RunnerOptions& options);

} // namespace kiosk::ui
