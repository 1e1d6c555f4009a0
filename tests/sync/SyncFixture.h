// Shared set-up for the sync tests: a real kiosk-central over HTTPS with certificates generated here, a
// terminal credential set, an optional fault proxy in front, and fast back-off settings.
#pragma once

#include "offline/HttpsClient.h"
#include "offline/OfflineStore.h"
#include "offline/SyncEngine.h"
#include "server/CentralDb.h"
#include "server/CentralServer.h"
#include "server/CertAuthority.h"
#include "tests/server/TempDir.h"
#include "tests/sync/FaultProxy.h"

#include <doctest/doctest.h>

#include <functional>
#include <memory>
#include <string>

namespace kiosk::testing {

struct SyncFixture {
    TempDir dir{"sync"};
    std::unique_ptr<central::CentralServer> server;
    std::unique_ptr<FaultProxy> proxy;
    std::string terminalId = "HALL-01";

    explicit SyncFixture(bool withProxy = true,
                         const std::function<void(central::CentralSettings&)>& tweak = {}) {
        central::CentralSettings s;
        s.dbPath = dir / "central.db";
        s.tlsDir = dir / "tls";
        s.demoData = true;
        s.lookupsPerMinute = 6000;
        s.lookupBurst = 1000;
        s.log = [](const std::string&) {};
        if (tweak) tweak(s);
        server = std::make_unique<central::CentralServer>(s);
        std::string error;
        REQUIRE_MESSAGE(server->start(&error), error);
        auto ca = central::CertAuthority::openOrCreate(dir / "tls", &error);
        REQUIRE(ca);
        REQUIRE(ca->issueTerminalCredentials(terminalId, dir / "term", &error));
        if (withProxy) proxy = std::make_unique<FaultProxy>(server->port());
    }

    int port() const { return proxy ? proxy->port() : server->port(); }

    offline::HttpsSettings https() const {
        offline::HttpsSettings h;
        h.baseUrl = "https://127.0.0.1:" + std::to_string(port());
        h.caFile = dir / "term/ca.crt";
        h.certFile = dir / "term/client.crt";
        h.keyFile = dir / "term/client.key";
        h.connectTimeoutMs = 1000;
        h.lowSpeedTimeS = 1;
        h.totalTimeoutMs = 4000;
        return h;
    }

    offline::StorePaths store() const { return offline::StorePaths::in(dir / "state"); }

    offline::SyncSettings sync() const {
        offline::SyncSettings s;
        s.https = https();
        s.store = store();
        s.terminalId = terminalId;
        s.backoffBaseMs = 50;
        s.backoffCapMs = 400;
        s.heartbeatIntervalS = 3600;
        s.catalogRefreshS = 3600;
        return s;
    }

    nlohmann::json stats() const {
        central::CentralDb db(dir / "central.db");
        return db.stats();
    }
};

} // namespace kiosk::testing
