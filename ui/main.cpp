// kiosk — the hall / counter terminal application.
//
//   kiosk --config FILE [--headless] [--size WxH] [--windowed] [--script FILE] [--screenshot-dir DIR]
//   kiosk --demo [--mode hall|counter] [--demo-state DIR] [--demo-port N] [same options]
//
// Exit codes: 0 normal end / script passed, 1 script failed, 2 cannot start (the message says why
// and what to do), 64 bad command line.
#include "config/KioskConfig.h"
#include "kiosk/KioskApp.h"
#include "kiosk/demo/DemoEnvironment.h"
#include "ui/AppRunner.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

namespace {

int usage(FILE* out) {
    std::fprintf(
        out, "usage: kiosk --config FILE [options]\n"
             "       kiosk --demo [--mode hall|counter] [--demo-state DIR] [--demo-port N] [options]\n"
             "options:\n"
             "  --headless            render offscreen with a software renderer (no display needed)\n"
             "  --size WxH            window / offscreen size (default: full screen, headless 1920x1080)\n"
             "  --windowed            a window instead of borderless full screen\n"
             "  --script FILE         drive the app with a UI script; exit 0 only if every check passed\n"
             "  --screenshot-dir DIR  where `screenshot NAME.png` writes (default .)\n"
             "  --stats-out FILE      write frame / wake-up counters as JSON at exit\n"
             "  --idle-timeout S      end a citizen session after S idle seconds (overrides the config)\n"
             "  --first-frame-marker FILE  write the time to first frame (ms) into FILE\n");
    return out == stdout ? 0 : 64;
}

bool parseSize(const char* s, int& w, int& h) {
    return std::sscanf(s, "%dx%d", &w, &h) == 2 && w >= 320 && h >= 240;
}

} // namespace

int main(int argc, char** argv) {
    std::string configPath, demoState, modeName = "hall";
    bool demo = false;
    int demoPort = 0;
    kiosk::ui::RunnerOptions run;
    bool windowed = false;
    int w = 0, h = 0;
    int idleTimeout = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool hasValue = i + 1 < argc;
        if (a == "--help" || a == "-h") return usage(stdout);
        if (a == "--demo")
            demo = true;
        else if (a == "--headless")
            run.headless = true;
        else if (a == "--windowed")
            windowed = true;
        else if (a == "--config" && hasValue)
            configPath = argv[++i];
        else if (a == "--mode" && hasValue)
            modeName = argv[++i];
        else if (a == "--demo-state" && hasValue)
            demoState = argv[++i];
        else if (a == "--demo-port" && hasValue)
            demoPort = std::atoi(argv[++i]);
        else if (a == "--script" && hasValue)
            run.scriptPath = argv[++i];
        else if (a == "--screenshot-dir" && hasValue)
            run.screenshotDir = argv[++i];
        else if (a == "--stats-out" && hasValue)
            run.statsPath = argv[++i];
        else if (a == "--first-frame-marker" && hasValue)
            run.firstFrameMarker = argv[++i];
        else if (a == "--idle-timeout" && hasValue)
            idleTimeout = std::atoi(argv[++i]);
        else if (a == "--size" && hasValue) {
            if (!parseSize(argv[++i], w, h)) {
                std::fprintf(stderr, "kiosk: --size wants WIDTHxHEIGHT, at least 320x240 (got %s)\n",
                             argv[i]);
                return 64;
            }
        } else {
            std::fprintf(stderr, "kiosk: unknown or incomplete option '%s'\n", a.c_str());
            return usage(stderr);
        }
    }
    if (demo == !configPath.empty()) {
        std::fprintf(stderr,
                     "kiosk: give either --config FILE (`kioskctl config init` writes one) or --demo\n");
        return 64;
    }
    if (modeName != "hall" && modeName != "counter") {
        std::fprintf(stderr, "kiosk: --mode must be hall or counter\n");
        return 64;
    }

    kiosk::config::KioskConfig config;
    std::unique_ptr<kiosk::DemoEnvironment> env;
    if (demo) {
        kiosk::DemoOptions o;
        o.stateDir =
            demoState.empty() ? std::filesystem::temp_directory_path().string() + "/kiosk-demo" : demoState;
        o.mode = modeName == "counter" ? kiosk::config::Mode::Counter : kiosk::config::Mode::Hall;
        o.serverPort = demoPort;
        std::string error;
        env = kiosk::DemoEnvironment::start(o, error);
        if (!env) {
            std::fprintf(stderr, "kiosk: the demo could not start: %s\n", error.c_str());
            return 2;
        }
        config = env->config();
    } else {
        const kiosk::config::LoadResult r = kiosk::config::loadConfigFile(configPath);
        if (!r.ok()) {
            std::fprintf(stderr, "kiosk: the config file has problems; fix them and start again:\n%s",
                         r.report().c_str());
            return 2;
        }
        config = *r.config;
    }

    if (idleTimeout != 0) {
        if (idleTimeout < 10 || idleTimeout > 3600) {
            std::fprintf(stderr, "kiosk: --idle-timeout must be 10..3600 seconds\n");
            return 64;
        }
        config.terminal.idleTimeoutS = idleTimeout;
        config.terminal.idleWarningS = std::min(config.terminal.idleWarningS, idleTimeout / 2);
    }
    run.fullscreen = demo ? false : config.ui.fullscreen;
    if (windowed) run.fullscreen = false;
    run.width = w ? w : (run.fullscreen ? 0 : config.ui.width);
    run.height = h ? h : (run.fullscreen ? 0 : config.ui.height);
    run.textScale = config.ui.textScale;
    run.fontPath = config.ui.fontPath;
    run.fontIndex = config.ui.fontIndex;

    kiosk::KioskApp app(config);
    if (env) env->attach(&app.events());
    const int rc = kiosk::ui::runApp(app, env.get(), run);
    if (env) env->attach(nullptr); // the app's queue goes before the demo's devices stop
    return rc;
}
