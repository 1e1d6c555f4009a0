#include "kiosk/SyncSettingsFromConfig.h"

#include <filesystem>

namespace kiosk {

offline::SyncSettings syncSettingsFor(const config::KioskConfig& c) {
    const std::filesystem::path tls = std::filesystem::path(c.terminal.stateDir) / "tls";
    offline::SyncSettings s;
    s.https.baseUrl = c.server.url;
    while (!s.https.baseUrl.empty() && s.https.baseUrl.back() == '/')
        s.https.baseUrl.pop_back();
    s.https.caFile = c.server.caFile.empty() ? (tls / "ca.crt").string() : c.server.caFile;
    s.https.certFile = c.server.certFile.empty() ? (tls / "client.crt").string() : c.server.certFile;
    s.https.keyFile = c.server.keyFile.empty() ? (tls / "client.key").string() : c.server.keyFile;
    s.https.pinnedPubkey = c.server.pinnedPubkey;
    s.https.connectTimeoutMs = c.server.connectTimeoutS * 1000;
    s.https.totalTimeoutMs = c.server.requestTimeoutS * 1000;
    s.store = offline::StorePaths::in(c.terminal.stateDir);
    s.terminalId = c.terminal.id;
    s.mode = std::string(config::modeName(c.terminal.mode));
    s.counter = c.terminal.counter;
    return s;
}

} // namespace kiosk
