// kioskctl enroll — enrol this terminal with kiosk-central using a one-time code.
//
//   kioskctl enroll --config FILE --server URL --code CODE [--pin sha256//...]
//
// The key is generated here and written 0600 to [server] key_file; the signed certificate goes to cert_file
// and the central CA to ca_file (kept if it already exists: then the server is verified against it). Without
// a CA file or a pin the first contact is trust-on-first-use: the CA's key pin is printed for the technician
// to compare with the one `kiosk-central serve` prints.
#include "config/KioskConfig.h"
#include "offline/OfflineStore.h"
#include "offline/SyncEngine.h"
#include "offline/TerminalEnrolment.h"
#include "tools/kioskctl/Commands.h"

#include <chrono>
#include <cstdio>
#include <string>

namespace {
int usage() {
    std::fprintf(stderr,
                 "usage: kioskctl enroll --config FILE --server URL --code CODE [--pin sha256//...]\n");
    return 64;
}
} // namespace

int kioskctl::runEnroll(int argc, char** argv) {
    std::string config, server, code, pin;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--config" && i + 1 < argc)
            config = argv[++i];
        else if (a == "--server" && i + 1 < argc)
            server = argv[++i];
        else if (a == "--code" && i + 1 < argc)
            code = argv[++i];
        else if (a == "--pin" && i + 1 < argc)
            pin = argv[++i];
        else
            return usage();
    }
    if (config.empty() || code.empty()) return usage();
    kiosk::offline::SyncSettings s;
    kiosk::config::KioskConfig cfg;
    if (!loadSyncSettings(config, &s, &cfg)) return 78;
    if (!server.empty()) s.https.baseUrl = server;
    while (!s.https.baseUrl.empty() && s.https.baseUrl.back() == '/')
        s.https.baseUrl.pop_back();

    kiosk::offline::EnrolmentRequest q;
    q.serverUrl = s.https.baseUrl;
    q.code = code;
    q.caFile = s.https.caFile;
    q.pinnedPubkey = pin.empty() ? s.https.pinnedPubkey : pin;
    q.certFile = s.https.certFile;
    q.keyFile = s.https.keyFile;
    q.dataKeyFile = s.store.dataKey;
    q.workDir = cfg.terminal.stateDir;
    q.timeoutMs = s.https.totalTimeoutMs;
    kiosk::offline::EnrolmentResult r = kiosk::offline::enrollTerminal(q);
    std::int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
    try {
        kiosk::offline::OfflineStore store(s.store, r.ok ? r.terminalId : s.terminalId);
        store.audit("technician", "enroll", r.ok ? "ok" : "failed",
                    r.ok ? "terminal " + r.terminalId : r.error, now);
    } catch (const kiosk::offline::StoreError& e) {
        std::fprintf(stderr, "kioskctl enroll: warning: audit log not written: %s\n", e.what());
    }
    if (!r.ok) {
        std::fprintf(stderr, "kioskctl enroll: %s\n", r.error.c_str());
        return 1;
    }
    std::printf(
        "enrolled as %s (mode %s%s)\n  certificate: %s\n  key:         %s (0600)\n  central CA:  %s\n",
        r.terminalId.c_str(), r.mode.c_str(),
        r.counter > 0 ? (", counter " + std::to_string(r.counter)).c_str() : "", q.certFile.c_str(),
        q.keyFile.c_str(), q.caFile.c_str());
    if (r.trustedOnFirstUse)
        std::printf(
            "  NOTE: first contact was not verified (no CA file or pin yet). Compare this CA key pin with\n"
            "        the one kiosk-central printed at start: %s\n",
            r.caPin.c_str());
    if (r.terminalId != cfg.terminal.id)
        std::fprintf(stderr,
                     "kioskctl enroll: warning: the server enrolled this terminal as '%s' but %s says '%s'; "
                     "set [terminal] id = \"%s\"\n",
                     r.terminalId.c_str(), config.c_str(), cfg.terminal.id.c_str(), r.terminalId.c_str());
    return 0;
}
