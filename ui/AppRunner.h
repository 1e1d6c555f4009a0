// AppRunner — the one loop: the window (ui/KioskWindow), ImGui, fonts, and an event-driven schedule.
//
// Sections: options | run
//
// The loop blocks in SDL_WaitEvent / SDL_WaitEventTimeout until input, a worker event (the
// EventQueue's waker pushes an SDL user event) or the next deadline (idle countdown, script
// timer). After something changed it draws a few frames, then nothing: an idle kiosk draws no frame.
//
// The runner keeps the loop and nothing else; what runs around it comes in as callbacks (as in
// hello_imgui's RunnerCallbacks), filled by runApp from three pieces of their own:
//   ui/ScriptBridge  the UI script's verbs: the loop's window, the demo's devices
//   ui/DemoKeys      F1..F7, F8 and Esc in the demo
//   ui/RunStats      the idle benchmark's counters and their JSON (--stats-out, --first-frame-marker)
// The demo itself comes in as kiosk/DemoControl only: the UI links no demo and no server.
//
//   [x] borderless full screen (or a window), touch as mouse, no cursor changes
//   [x] headless: SDL offscreen driver + software renderer, no display needed
//   [x] UI scripts (UiScript.h) through real SDL input events; screenshots as PNG
//   [x] demo keys: F1..F7 present the demo cards, F8 lifts the card, Esc quits (demo only)
//   [x] frame and wake-up counters written to --stats-out for the idle benchmark
#pragma once

#include "kiosk/DemoControl.h"
#include "kiosk/KioskApp.h"

#include <string>

namespace kiosk::ui {

// ---- options ----
struct RunnerOptions {
    bool headless = false;
    int width = 0; // 0 = from the config (windowed) or the desktop (full screen); headless default 1920x1080
    int height = 0;
    bool fullscreen = true;
    double textScale = 1.0;
    std::string fontPath;
    int fontIndex = 2;
    std::string scriptPath;
    std::string screenshotDir = ".";
    std::string statsPath;        // JSON counters written at exit
    std::string firstFrameMarker; // when set, touch this file once the first frame is presented
};

// ---- run ----
// Runs until quit (window closed, SIGINT/SIGTERM, Esc in the demo) or until the script ends.
// `demo`: the demo's devices, or null (a kiosk run from its config file).
// Exit codes: 0 ok / script passed, 1 script failed, 2 could not start (message on stderr).
int runApp(KioskApp& app, DemoControl* demo, const RunnerOptions& options);

} // namespace kiosk::ui
