// kioskctl enroll — enrol this terminal with kiosk-central using a one-time code.
//
//   kioskctl enroll --config FILE --code CODE [--server URL] [--pin sha256//...] [--force]
//
// The key is generated here and written 0600 to [server] key_file; the signed certificate goes to cert_file
// and the central CA to ca_file (kept if it already exists: then the server is verified against it). Without
// a CA file or a pin the first contact is trust-on-first-use: the CA's key pin is printed for the technician
// to compare with the one `kiosk-central serve` prints.
//
// Sections: enrolment | command tree
// Checklist:
//   [x] a terminal with a working key + certificate is refused (before the code is used) unless --force;
//       with --force the old pair is kept as FILE.<UTC time>.bak
//   [x] a code issued for another terminal id or mode replaces nothing (the config and the certificate
//       would disagree)
//   [x] --server http://... is refused with "use https://", not libcurl's words
//   [x] every attempt goes to the store's audit log
#include "config/ConfigRules.h"
#include "config/KioskConfig.h"
#include "offline/OfflineStore.h"
#include "offline/SyncEngine.h"
#include "offline/TerminalEnrolment.h"
#include "tools/kioskctl/Commands.h"

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

namespace {

struct EnrollOptions {
    std::string config, server, code, pin;
    bool force = false;
};

// ---- enrolment ----
int enroll(const EnrollOptions& o) {
    kiosk::offline::SyncSettings s;
    kiosk::config::KioskConfig cfg;
    if (!kioskctl::loadSyncSettings(o.config, &s, &cfg)) return kioskctl::kExitConfig;
    if (!o.server.empty()) s.https.baseUrl = o.server;
    while (!s.https.baseUrl.empty() && s.https.baseUrl.back() == '/')
        s.https.baseUrl.pop_back();

    kiosk::offline::EnrolmentRequest q;
    q.serverUrl = s.https.baseUrl;
    q.code = o.code;
    q.caFile = s.https.caFile;
    q.pinnedPubkey = o.pin.empty() ? s.https.pinnedPubkey : o.pin;
    q.certFile = s.https.certFile;
    q.keyFile = s.https.keyFile;
    q.dataKeyFile = s.store.dataKey;
    q.workDir = cfg.terminal.stateDir;
    q.timeoutMs = s.https.totalTimeoutMs;
    q.expectedTerminalId = cfg.terminal.id;
    q.expectedMode = std::string(kiosk::config::modeName(cfg.terminal.mode));
    q.replaceWorking = o.force;
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
    if (r.alreadyEnrolled) {
        std::fprintf(
            stderr,
            "kioskctl enroll: refused: %s.\n"
            "  Enrolling again replaces this terminal's key and certificate; the code was not used.\n"
            "  To replace them anyway, add --force (the old pair is kept as %s.<time>.bak and "
            "%s.<time>.bak).\n",
            r.error.c_str(), q.keyFile.c_str(), q.certFile.c_str());
        return kioskctl::kExitFailed;
    }
    if (!r.ok) {
        std::fprintf(stderr, "kioskctl enroll: %s\n", r.error.c_str());
        return r.unreachable ? kioskctl::kExitUnavailable : kioskctl::kExitFailed;
    }
    std::printf(
        "enrolled as %s (mode %s%s)\n  certificate: %s\n  key:         %s (0600)\n  central CA:  %s\n",
        r.terminalId.c_str(), r.mode.c_str(),
        r.counter > 0 ? (", counter " + std::to_string(r.counter)).c_str() : "", q.certFile.c_str(),
        q.keyFile.c_str(), q.caFile.c_str());
    if (!r.backupKeyFile.empty() || !r.backupCertFile.empty())
        std::printf("  previous pair kept as %s and %s%s\n", r.backupKeyFile.c_str(),
                    r.backupCertFile.c_str(),
                    r.existingTerminalId.empty() ? "" : (" (was " + r.existingTerminalId + ")").c_str());
    if (r.trustedOnFirstUse)
        std::printf(
            "  NOTE: first contact was not verified (no CA file or pin yet). Compare this CA key pin with\n"
            "        the one kiosk-central printed at start: %s\n",
            r.caPin.c_str());
    return kioskctl::kExitOk;
}

} // namespace

// ---- command tree ----
void kioskctl::addEnrollCommand(CLI::App& root, int* exitCode) {
    auto o = std::make_shared<EnrollOptions>();
    CLI::App* cmd =
        root.add_subcommand("enroll", "enrol this terminal with kiosk-central using a one-time code "
                                      "(`kiosk-central enroll-code`)");
    cmd->add_option("--config", o->config, "the kiosk config (TOML)")->required();
    cmd->add_option("--code", o->code, "the one-time enrolment code")->required();
    cmd->add_option("--server", o->server, "central server, https://HOST:PORT (default: [server] url)")
        ->check([](const std::string& url) { return kiosk::config::serverUrlProblem(url); });
    cmd->add_option("--pin", o->pin,
                    "expected key pin of the central CA, sha256//BASE64 (default: "
                    "[server] pinned_pubkey)");
    cmd->add_flag("--force", o->force,
                  "replace a working key and certificate (the old pair is kept as FILE.<time>.bak)");
    cmd->footer("Exit codes: 0 enrolled; 1 refused (already enrolled without --force, code unknown/used/for "
                "another terminal); 64 bad command line (e.g. an http:// URL); 69 server unreachable; 78 the "
                "config is invalid.");
    cmd->callback([o, exitCode] { *exitCode = enroll(*o); });
}
