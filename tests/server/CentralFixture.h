// A kiosk-central on loopback for one test (demo data, generous lookup limits, silent log unless
// the test captures it) and the terminal credentials it issues, for the HTTPS tests in tests/server.
#pragma once

#include "offline/HttpsClient.h"
#include "server/CentralServer.h"
#include "server/CertAuthority.h"
#include "tests/server/TempDir.h"

#include <doctest/doctest.h>

#include <functional>
#include <memory>
#include <string>

namespace kiosk::testing {

using central::CentralServer;
using central::CentralSettings;
using central::CertAuthority;
using offline::HttpsSettings;

struct Central {
    TempDir dir{"central"};
    std::unique_ptr<CentralServer> server;
    explicit Central(double lookupsPerMinute = 600, double burst = 100,
                     const std::function<void(CentralSettings&)>& tweak = {}) {
        CentralSettings s;
        s.dbPath = dir / "central.db";
        s.tlsDir = dir / "tls";
        s.demoData = true;
        s.lookupsPerMinute = lookupsPerMinute;
        s.lookupBurst = burst;
        s.log = [](const std::string&) {};
        if (tweak) tweak(s);
        server = std::make_unique<CentralServer>(s);
        std::string error;
        REQUIRE_MESSAGE(server->start(&error), error);
    }
    std::string url() const { return "https://127.0.0.1:" + std::to_string(server->port()); }
    HttpsSettings terminal(const std::string& id) {
        std::string error;
        auto ca = CertAuthority::openOrCreate(dir / "tls", &error);
        REQUIRE(ca);
        REQUIRE(ca->issueTerminalCredentials(id, dir / id, &error));
        HttpsSettings h;
        h.baseUrl = url();
        h.caFile = dir / (id + "/ca.crt");
        h.certFile = dir / (id + "/client.crt");
        h.keyFile = dir / (id + "/client.key");
        return h;
    }
};

} // namespace kiosk::testing
