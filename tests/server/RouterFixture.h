// kiosk-central's routes without sockets, for one test: a RouteContext on a fresh database in a
// temporary directory with the demo district (and its seeded complaints), every route added to an
// ApiRouter, and post() answering a request as a given terminal. Like tests/fuzz/fuzz_central_routes.
#pragma once

#include "server/ApiRouter.h"
#include "server/CertAuthority.h"
#include "server/DemoComplaints.h"
#include "server/DemoDistrict.h"
#include "server/routes/Routes.h"
#include "tests/server/TempDir.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace kiosk::testing {

struct Routes {
    TempDir dir{"routes"};
    central::CentralSettings settings;
    std::optional<central::CertAuthority> ca;
    central::InjectedFailures failures;
    std::unique_ptr<central::RouteContext> context;
    central::ApiRouter router;

    explicit Routes(const std::function<void(central::CentralSettings&)>& tweak = {}) {
        settings.dbPath = dir / "central.db";
        settings.tlsDir = dir / "tls";
        settings.lookupsPerMinute = 600;
        settings.lookupBurst = 100;
        settings.log = [](const std::string&) {};
        if (tweak) tweak(settings);
        std::string error;
        ca = central::CertAuthority::openOrCreate(settings.tlsDir, &error);
        REQUIRE_MESSAGE(ca, error);
        context = std::make_unique<central::RouteContext>(settings, *ca, failures);
        context->district = central::loadDemoDistrict();
        context->cases.loadDemo(context->district);
        context->documents = central::buildCatalogDocuments(context->district);
        central::seedDemoComplaints(context->db, context->district, settings.complaintDueWorkingDays,
                                    central::wallClockMs());
        central::addCaseRoutes(router, *context);
        central::addTerminalRoutes(router, *context);
        central::addCatalogRoutes(router, *context);
        central::addRecordRoutes(router, *context);
        central::addSuggestionRoutes(router, *context);
        central::addEventRoutes(router, *context);
    }

    central::Response post(const std::string& path, const std::string& terminal, const std::string& body) {
        central::Request req;
        req.method = "POST";
        REQUIRE(req.setTarget(path));
        req.terminal = terminal;
        req.remote_addr = "127.0.0.1";
        req.body = body;
        central::Response res;
        router.handle(req, res, [](const std::string&) {});
        return res;
    }
    central::Response post(const std::string& path, const std::string& terminal, const nlohmann::json& body) {
        return post(path, terminal, body.dump());
    }
    static nlohmann::json json(const central::Response& res) { return nlohmann::json::parse(res.body); }
};

} // namespace kiosk::testing
