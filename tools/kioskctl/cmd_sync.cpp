// kioskctl sync — run the terminal's sync engine in the foreground.
//
//   kioskctl sync --config FILE --until-empty [--timeout S]   stop once nothing is pending and the server
//                                                              answered, or when S seconds (default 60) pass
//   kioskctl sync --config FILE [--timeout S]                  status lines on stderr until SIGINT/SIGTERM or
//                                                              S seconds
//
// Sections: config -> sync settings (also used by cmd_outbox.cpp and cmd_enroll.cpp) | outcome | run |
//           command tree
// Checklist:
//   [x] same SyncEngine as the kiosk app, same store, same credentials from the config
//   [x] JSON summary on stdout (pending, rejected, online, last_error)
//   [x] the exit code says how it ended: 0 nothing pending and the server answered, 69 offline (with the
//       reason), 75 time ran out with records pending, 1 store problem, 78 bad config / not enrolled
//   [x] --timeout bounds every run, with or without --until-empty: the engine runs on its own thread and
//       is stopped at the deadline (a request in flight is aborted within about a second)
#include "config/KioskConfig.h"
#include "kiosk/SyncSettingsFromConfig.h"
#include "offline/SyncEngine.h"
#include "tools/kioskctl/Commands.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <curl/curl.h>
#include <filesystem>
#include <memory>
#include <pthread.h>
#include <string>

// ---- config -> sync settings ----
// Loads the config (printing its problems) and maps it onto the offline module's plain settings.
bool kioskctl::loadSyncSettings(const std::string& configPath, kiosk::offline::SyncSettings* out,
                                kiosk::config::KioskConfig* configOut) {
    const kiosk::config::LoadResult r = kiosk::config::loadConfigFile(configPath);
    if (!r.ok()) {
        std::fputs(r.report().c_str(), stderr);
        return false;
    }
    *out = kiosk::syncSettingsFor(*r.config);
    if (configOut) *configOut = *r.config;
    return true;
}

namespace {

struct SyncOptions {
    std::string config;
    bool untilEmpty = false;
    int timeoutS = -1; // -1: not given (60 s with --until-empty, unbounded without)
};

void printSummary(const kiosk::offline::SyncEvent& st) {
    nlohmann::json j = {
        {"pending", st.pending},
        {"rejected", st.rejected},
        {"oldest_pending_age_s", st.oldestPendingAgeS},
        {"online", st.online},
        {"last_sync_ms", st.lastSyncMs},
        {"last_error", st.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(st.error)}};
    std::printf("%s\n", j.dump().c_str());
}

// ---- outcome ----
// What the listener saw, shared between the engine's thread and the waiting one.
struct Observed {
    std::atomic<bool> emptyAndOnline{false}; // a status with nothing pending after the server answered
    std::atomic<bool> storeProblem{false};   // reported on stderr as it happened
};

// How the run ended, from the engine's last status: the exit code and a line for stderr.
int outcome(const kiosk::offline::SyncEvent& st, const std::string& url, bool timedOut, int timeoutS,
            const Observed& seen) {
    if (seen.storeProblem) return kioskctl::kExitFailed;
    if (!st.online) {
        // A request cut short at the deadline ends with curl's "aborted by an application callback": that is
        // our own stop, the reason to report is the silence before it.
        const bool cutShort =
            timedOut && st.error.rfind(curl_easy_strerror(CURLE_ABORTED_BY_CALLBACK), 0) == 0;
        const std::string reason =
            cutShort ? "no answer within " + std::to_string(timeoutS) + " s" : st.error;
        std::fprintf(stderr, "kioskctl sync: offline: %s could not be reached%s%s; %lld record%s pending\n",
                     url.c_str(), reason.empty() ? "" : ": ", reason.c_str(),
                     static_cast<long long>(st.pending), st.pending == 1 ? "" : "s");
        return kioskctl::kExitUnavailable;
    }
    if (st.pending > 0) {
        if (timedOut)
            std::fprintf(stderr,
                         "kioskctl sync: %lld record%s still pending after %d s (the server answers; "
                         "run again, or look at `kioskctl outbox stats`)\n",
                         static_cast<long long>(st.pending), st.pending == 1 ? "" : "s", timeoutS);
        else
            std::fprintf(stderr, "kioskctl sync: stopped with %lld record%s pending\n",
                         static_cast<long long>(st.pending), st.pending == 1 ? "" : "s");
        return kioskctl::kExitTimedOut;
    }
    if (st.rejected > 0)
        // Not a failure of this run: a refused record is never sent again, so running again cannot help.
        std::fprintf(stderr,
                     "kioskctl sync: note: %lld record%s kept as rejected by the server (see `kioskctl "
                     "outbox stats`)\n",
                     static_cast<long long>(st.rejected), st.rejected == 1 ? "" : "s");
    return kioskctl::kExitOk;
}

// ---- run ----
int run(const SyncOptions& o) {
    kiosk::offline::SyncSettings s;
    if (!kioskctl::loadSyncSettings(o.config, &s, nullptr)) return kioskctl::kExitConfig;
    std::error_code ec;
    if (!std::filesystem::exists(s.https.certFile, ec)) {
        std::fprintf(stderr,
                     "kioskctl sync: not enrolled: no certificate %s (enrol first: `kioskctl enroll --config "
                     "%s --code CODE`)\n",
                     s.https.certFile.c_str(), o.config.c_str());
        return kioskctl::kExitConfig;
    }
    // A foreground run is watched by a technician: notice the server coming back within seconds, not the
    // app's once-a-minute heartbeat.
    s.heartbeatIntervalS = 5;
    const int timeoutS = o.timeoutS >= 0 ? o.timeoutS : (o.untilEmpty ? 60 : -1);

    // Stop signals are taken synchronously (sigtimedwait) on this thread; block them before the engine's
    // threads start so they inherit the mask.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    Observed seen;
    const bool verbose = !o.untilEmpty;
    kiosk::offline::SyncEngine engine(s, [&seen, verbose](const kiosk::offline::SyncEvent& e) {
        using Kind = kiosk::offline::SyncEvent::Kind;
        if (e.kind == Kind::Status) {
            if (e.pending == 0 && e.online) seen.emptyAndOnline = true;
            if (verbose)
                std::fprintf(stderr, "sync: %s pending=%lld rejected=%lld%s%s\n",
                             e.online ? "online" : "offline", static_cast<long long>(e.pending),
                             static_cast<long long>(e.rejected),
                             e.error.empty() ? "" : " last_error=", e.error.c_str());
        } else if (e.kind == Kind::Rejected) {
            std::fprintf(stderr, "kioskctl sync: record %s rejected: %s\n", e.recordId.c_str(),
                         e.error.c_str());
        } else if (e.kind == Kind::StoreProblem) {
            std::fprintf(stderr, "kioskctl sync: store problem: %s\n", e.error.c_str());
            seen.storeProblem = true;
        }
    });
    engine.start();
    const auto started = std::chrono::steady_clock::now();
    const auto deadline = started + std::chrono::seconds(timeoutS < 0 ? 0 : timeoutS);
    bool timedOut = false;
    for (;;) {
        if (seen.storeProblem || (o.untilEmpty && seen.emptyAndOnline)) break;
        auto slice = std::chrono::milliseconds(100);
        if (timeoutS >= 0) {
            const auto now = std::chrono::steady_clock::now();
            if (now >= deadline) {
                timedOut = true;
                break;
            }
            slice = std::min(slice, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now) +
                                        std::chrono::milliseconds(1));
        }
        const timespec ts{0, static_cast<long>(slice.count()) * 1000000L};
        if (sigtimedwait(&stopSignals, nullptr, &ts) > 0) break;
    }
    engine.stop();
    const kiosk::offline::SyncEvent st = engine.lastStatus();
    printSummary(st);
    return outcome(st, s.https.baseUrl, timedOut, timeoutS, seen);
}

} // namespace

// ---- command tree ----
void kioskctl::addSyncCommand(CLI::App& root, int* exitCode) {
    auto o = std::make_shared<SyncOptions>();
    CLI::App* cmd = root.add_subcommand("sync", "run the sync engine in the foreground (upload the outbox, "
                                                "heartbeat, catalog and roster)");
    cmd->add_option("--config", o->config, "the kiosk config (TOML)")->required();
    cmd->add_flag("--until-empty", o->untilEmpty,
                  "stop as soon as nothing is pending and the server has answered");
    cmd->add_option("--timeout", o->timeoutS,
                    "stop after this many seconds in any case (default 60 with --until-empty, otherwise run "
                    "until SIGINT/SIGTERM)")
        ->check(CLI::Range(0, 7 * 24 * 3600));
    cmd->footer("Exit codes (how the run ended): 0 nothing pending and the server answered; 69 offline (the "
                "reason on stderr); 75 records still pending when the time ran out or the run was stopped; "
                "1 store problem; 78 invalid config or not enrolled; 64 bad command line.");
    cmd->callback([o, exitCode] { *exitCode = run(*o); });
}
