// kiosk — the hall / counter terminal application.
//
//   kiosk --config FILE [--headless] [--size WxH] [--windowed] [--script FILE] [--screenshot-dir DIR]
//   kiosk --demo [--mode hall|counter] [--demo-state DIR] [--demo-port N] [same options]
//   kiosk --help | --version
//
// Sections: command line (CLI11) | start-up: out of service | start-up: demo or config | run | main
//
// main() reads as the order of things: the command line, the log, the config (from the demo or the
// file, or the out-of-service screen), then the app and its runner; each step is a function here.
//
// Exit codes: 0 normal end / script passed / --help / --version, 1 script failed, 2 cannot start (the
// message says why and what to do), 64 bad command line. A config file with problems is not an exit:
// the kiosk shows its out-of-service screen (with the problems for the technician) until it is
// fixed and the kiosk restarted, so the hall never sees a desktop.
#include "config/KioskConfig.h"
#include "kiosk/KioskApp.h"
#include "kiosk/Log.h"
#include "kiosk/demo/DemoEnvironment.h"
#include "ui/AppRunner.h"
#include "ui/OutOfServiceRunner.h"
#include "ui/UiScript.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "unknown"
#endif
#ifndef KIOSK_COMMIT
#define KIOSK_COMMIT ""
#endif

namespace {

// ---- command line (CLI11) ----
struct CommandLine {
    std::string configPath, demoState, modeName = "hall", sizeText, logLevel;
    bool demo = false, windowed = false;
    int demoPort = 0, idleTimeout = 0, width = 0, height = 0;
    kiosk::ui::RunnerOptions run;
};

std::string versionText() {
    std::string v = std::string("kiosk ") + KIOSK_VERSION;
    if (std::string(KIOSK_COMMIT).size() > 0) v += std::string(" (commit ") + KIOSK_COMMIT + ")";
    return v;
}

bool parseSize(const std::string& s, int& w, int& h) {
    char tail = 0;
    return std::sscanf(s.c_str(), "%dx%d%c", &w, &h, &tail) == 2 && w >= 320 && h >= 240 && w <= 7680 &&
           h <= 7680;
}

// Every option of `kiosk`, bound to the fields of `c`.
void declareOptions(CLI::App& app, CommandLine& c) {
    app.set_version_flag("--version", versionText());
    app.footer("Exit codes: 0 normal end, script passed, --help or --version; 1 a script check failed;\n"
               "2 cannot start (no display, no font, the demo failed); 64 bad command line.\n"
               "A config file with problems shows the out-of-service screen (the problems are logged and\n"
               "shown small on it) until the file is fixed and the kiosk restarted.\n\n"
               "UI script verbs (--script FILE; one per line, '#' starts a comment):\n" +
               kiosk::ui::scriptVerbReference());
    auto* config =
        app.add_option("--config", c.configPath, "the kiosk's config file (`kioskctl config init`)")
            ->type_name("FILE");
    auto* demo =
        app.add_flag("--demo", c.demo, "run the demo: local server, simulated reader, virtual printer");
    demo->excludes(config);
    config->excludes(demo);
    app.add_option("--mode", c.modeName, "demo only: hall or counter (default hall)")
        ->check(CLI::IsMember({"hall", "counter"}));
    app.add_option("--demo-state", c.demoState,
                   "demo only: where its state lives (default $TMPDIR/kiosk-demo)")
        ->type_name("DIR");
    app.add_option("--demo-port", c.demoPort, "demo only: the local server's port (default any free one)")
        ->check(CLI::Range(0, 65535));
    app.add_flag("--headless", c.run.headless,
                 "render offscreen with a software renderer (no display needed)");
    app.add_option("--size", c.sizeText, "window / offscreen size (default: full screen, headless 1920x1080)")
        ->type_name("WxH")
        ->check(CLI::Validator(
            [](std::string& s) {
                int w = 0, h = 0;
                return parseSize(s, w, h)
                           ? std::string()
                           : "wants WIDTHxHEIGHT, at least 320x240 and at most 7680x7680 (got " + s + ")";
            },
            "", "size"));
    app.add_flag("--windowed", c.windowed, "a window instead of borderless full screen");
    app.add_option("--script", c.run.scriptPath,
                   "drive the app with a UI script; exit 0 only if every check passed")
        ->type_name("FILE");
    app.add_option("--screenshot-dir", c.run.screenshotDir,
                   "where `screenshot NAME.png` writes (default .; created 0700 when missing)")
        ->type_name("DIR");
    app.add_option("--stats-out", c.run.statsPath, "write frame / wake-up counters as JSON at exit")
        ->type_name("FILE");
    app.add_option("--idle-timeout", c.idleTimeout,
                   "end a citizen session after S idle seconds (overrides the config)")
        ->type_name("S")
        ->check(CLI::Range(10, 3600));
    app.add_option("--first-frame-marker", c.run.firstFrameMarker,
                   "write the time to first frame (ms) into FILE")
        ->type_name("FILE");
    app.add_option("--log-level", c.logLevel,
                   std::string("least important entry logged (overrides [terminal] log_level): ") +
                       kiosk::kLogLevelNames)
        ->check(CLI::IsMember({"error", "warning", "notice", "info", "debug"}));
}

// Returns an exit code when the program must end here (help, version, a bad command line).
std::optional<int> parseCommandLine(int argc, char** argv, CommandLine& c) {
    CLI::App app{"The hall / counter terminal of a government service hall (政务服务自助终端).", "kiosk"};
    declareOptions(app, c);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e); // help and version on stdout (0); the problem on stderr otherwise
        return rc == 0 ? 0 : 64;
    }
    if (c.demo == !c.configPath.empty()) {
        std::fprintf(stderr,
                     "kiosk: give either --config FILE (`kioskctl config init` writes one) or --demo\n");
        return 64;
    }
    if (!c.sizeText.empty()) parseSize(c.sizeText, c.width, c.height);
    return std::nullopt;
}

// ---- start-up: out of service ----
// The problems as the technician reads them on the screen: the first lines of the report, each short
// enough to read (the log has them all).
std::string screenDetail(const kiosk::config::LoadResult& r) {
    std::istringstream in(r.report());
    std::string line, out;
    for (int n = 0; n < 6 && std::getline(in, line); ++n) {
        if (line.size() > 240) line = line.substr(0, 240) + "...";
        out += line + "\n";
    }
    if (r.issues.size() > 6)
        out += "(" + std::to_string(r.issues.size()) + " problems in all; see the log)\n";
    if (!out.empty()) out.pop_back();
    return out;
}

int runOutOfService(const std::string& path, const kiosk::config::LoadResult& r, CommandLine& c,
                    kiosk::Logger& log) {
    log.error("config", path +
                            " has problems; the out-of-service screen is shown until the file is fixed and "
                            "the kiosk restarted (`kioskctl config check " +
                            path + "` lists them too):");
    std::istringstream in(r.report());
    for (std::string line; std::getline(in, line);)
        log.error("config", line);
    kiosk::ui::OutOfServiceInfo info;
    info.detail = screenDetail(r);
    const kiosk::config::UiConfig defaults; // the config's own [ui] could not be trusted
    kiosk::ui::RunnerOptions run = c.run;
    run.fullscreen = !c.windowed && defaults.fullscreen;
    run.width = c.width ? c.width : (run.fullscreen ? 0 : defaults.width);
    run.height = c.height ? c.height : (run.fullscreen ? 0 : defaults.height);
    run.fontPath = defaults.fontPath;
    run.fontIndex = defaults.fontIndex;
    return kiosk::ui::runOutOfService(info, "zh-CN", run);
}

// ---- start-up: demo or config ----
// What the kiosk runs with: the config, and in the demo the environment it points at.
struct StartUp {
    kiosk::config::KioskConfig config;
    std::unique_ptr<kiosk::DemoEnvironment> demo; // null unless --demo
};

// Starts the demo (server, reader simulator, virtual printer); an exit code when it could not start.
std::optional<int> startDemo(const CommandLine& c, kiosk::Logger& log, StartUp& s) {
    kiosk::DemoOptions o;
    o.stateDir =
        c.demoState.empty() ? std::filesystem::temp_directory_path().string() + "/kiosk-demo" : c.demoState;
    o.mode = c.modeName == "counter" ? kiosk::config::Mode::Counter : kiosk::config::Mode::Hall;
    o.serverPort = c.demoPort;
    std::string error;
    s.demo = kiosk::DemoEnvironment::start(o, error);
    if (!s.demo) {
        log.error("startup", "the demo could not start: " + error);
        return 2;
    }
    s.config = s.demo->config();
    return std::nullopt;
}

// The demo's config or the file's; an exit code when the kiosk ends here (the demo did not start, or
// the file has problems and the out-of-service screen was shown instead).
std::optional<int> startUp(CommandLine& c, kiosk::Logger& log, StartUp& s) {
    if (c.demo) return startDemo(c, log, s);
    const kiosk::config::LoadResult r = kiosk::config::loadConfigFile(c.configPath);
    if (!r.ok()) return runOutOfService(c.configPath, r, c, log);
    s.config = *r.config;
    return std::nullopt;
}

// The config's log level (unless the command line gave one), and what is starting.
void logStartUp(const CommandLine& c, bool levelFromCommandLine, kiosk::Logger& log,
                const kiosk::config::KioskConfig& config) {
    if (!levelFromCommandLine)
        log.setMinimum(kiosk::parseLogLevel(config.terminal.logLevel).value_or(kiosk::LogLevel::Info));
    log.notice("startup",
               versionText() + ", mode " + std::string(kiosk::config::modeName(config.terminal.mode)) +
                   ", terminal " + config.terminal.id + ", " +
                   (c.demo ? "demo, state " + config.terminal.stateDir : "config " + c.configPath));
}

// What the command line overrides in the config (the idle time-out; the window: runnerOptions).
void applyOverrides(const CommandLine& c, kiosk::config::KioskConfig& config) {
    if (c.idleTimeout != 0) {
        config.terminal.idleTimeoutS = c.idleTimeout;
        config.terminal.idleWarningS = std::min(config.terminal.idleWarningS, c.idleTimeout / 2);
    }
}

// ---- run ----
// The window as the config asks for it, unless the command line says otherwise (the demo is windowed).
kiosk::ui::RunnerOptions runnerOptions(const CommandLine& c, const kiosk::config::KioskConfig& config) {
    kiosk::ui::RunnerOptions run = c.run;
    run.fullscreen = c.demo ? false : config.ui.fullscreen;
    if (c.windowed) run.fullscreen = false;
    run.width = c.width ? c.width : (run.fullscreen ? 0 : config.ui.width);
    run.height = c.height ? c.height : (run.fullscreen ? 0 : config.ui.height);
    run.textScale = config.ui.textScale;
    run.fontPath = config.ui.fontPath;
    run.fontIndex = config.ui.fontIndex;
    return run;
}

// The app and its runner, until the kiosk quits; the runner's exit code.
int runKiosk(const CommandLine& c, StartUp& s, kiosk::Logger& log) {
    kiosk::KioskApp app(s.config, log);
    if (s.demo) s.demo->attach(&app.events());
    const int rc = kiosk::ui::runApp(app, s.demo.get(), runnerOptions(c, s.config));
    if (s.demo) s.demo->attach(nullptr); // the app's queue goes before the demo's devices stop
    log.info("startup", "stopped (exit code " + std::to_string(rc) + ")");
    return rc;
}

} // namespace

// ---- main ----
int main(int argc, char** argv) {
    CommandLine c;
    if (const auto rc = parseCommandLine(argc, argv, c)) return *rc;
    // The level from the command line counts from the first entry; the config's only once it is read.
    const std::optional<kiosk::LogLevel> cliLevel = kiosk::parseLogLevel(c.logLevel);
    kiosk::Logger log(kiosk::defaultLogSink(), cliLevel.value_or(kiosk::LogLevel::Info));
    StartUp s;
    if (const auto rc = startUp(c, log, s)) return *rc;
    logStartUp(c, cliLevel.has_value(), log, s.config);
    applyOverrides(c, s.config);
    return runKiosk(c, s, log);
}
