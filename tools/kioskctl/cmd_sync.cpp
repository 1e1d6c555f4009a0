// kioskctl sync — run the terminal's sync engine in the foreground.
//
//   kioskctl sync --config FILE --until-empty [--timeout S]   exit 0 when nothing is pending, 75 otherwise
//   kioskctl sync --config FILE                               runs until SIGINT/SIGTERM, status lines on
//   stderr
//
// Sections: config -> sync settings (also used by cmd_outbox.cpp and cmd_enroll.cpp) | command
// Checklist:
//   [x] same SyncEngine as the kiosk app, same store, same credentials from the config
//   [x] JSON summary on stdout (pending, sent, rejected, online, last_error)
#include "config/KioskConfig.h"
#include "kiosk/SyncSettingsFromConfig.h"
#include "offline/SyncEngine.h"
#include "tools/kioskctl/Commands.h"

#include <csignal>
#include <cstdio>
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

int usage() {
    std::fprintf(stderr, "usage: kioskctl sync --config FILE [--until-empty] [--timeout S]\n");
    return 64;
}

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

} // namespace

// ---- command ----
int kioskctl::runSync(int argc, char** argv) {
    std::string config;
    bool untilEmpty = false;
    int timeoutS = 60;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--config" && i + 1 < argc)
            config = argv[++i];
        else if (a == "--until-empty")
            untilEmpty = true;
        else if (a == "--timeout" && i + 1 < argc) {
            try {
                timeoutS = std::stoi(argv[++i]);
            } catch (const std::exception&) {
                return usage();
            }
        } else
            return usage();
    }
    if (config.empty()) return usage();
    kiosk::offline::SyncSettings s;
    if (!loadSyncSettings(config, &s, nullptr)) return 78;

    if (untilEmpty) {
        kiosk::offline::SyncEngine engine(s, [](const kiosk::offline::SyncEvent& e) {
            if (e.kind == kiosk::offline::SyncEvent::Kind::Rejected)
                std::fprintf(stderr, "kioskctl sync: record %s rejected: %s\n", e.recordId.c_str(),
                             e.error.c_str());
            else if (e.kind == kiosk::offline::SyncEvent::Kind::StoreProblem)
                std::fprintf(stderr, "kioskctl sync: store problem: %s\n", e.error.c_str());
        });
        bool empty = engine.runUntilEmpty(std::chrono::seconds(timeoutS));
        printSummary(engine.lastStatus());
        if (!empty) std::fprintf(stderr, "kioskctl sync: records still pending after %d s\n", timeoutS);
        return empty ? 0 : 75;
    }

    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    kiosk::offline::SyncEngine engine(s, [](const kiosk::offline::SyncEvent& e) {
        if (e.kind == kiosk::offline::SyncEvent::Kind::Status)
            std::fprintf(stderr, "sync: %s pending=%lld rejected=%lld%s%s\n", e.online ? "online" : "offline",
                         static_cast<long long>(e.pending), static_cast<long long>(e.rejected),
                         e.error.empty() ? "" : " last_error=", e.error.c_str());
        else if (e.kind == kiosk::offline::SyncEvent::Kind::Rejected)
            std::fprintf(stderr, "sync: record %s rejected: %s\n", e.recordId.c_str(), e.error.c_str());
    });
    engine.start();
    int sig = 0;
    sigwait(&stopSignals, &sig);
    engine.stop();
    printSummary(engine.lastStatus());
    return 0;
}
