// libFuzzer target over kiosk-central's request handling without sockets (issue 10.6): the bytes are
// a request — "METHOD TARGET", header lines, a blank line, the body — plus one leading byte choosing who
// asks (no certificate, a terminal, a counter pad). The request goes through what the transport does
// before a route (target parsing, admission, the route's body limit) and then the router with every
// route of the server (suggestions and cases/by-number included), on an in-memory database with the
// demo district and its seeded complaints. No input may crash, hang,
// answer 5xx, or answer with a body that is not JSON.
#include "server/ApiRouter.h"
#include "server/CertAuthority.h"
#include "server/DemoComplaints.h"
#include "server/DemoDistrict.h"
#include "server/RequestValidation.h"
#include "server/routes/Routes.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <unistd.h>

using namespace kiosk::central;

namespace {

struct Server {
    CentralSettings settings;
    std::optional<CertAuthority> ca;
    InjectedFailures failures;
    std::unique_ptr<RouteContext> context;
    ApiRouter router;

    Server() {
        char tmpl[] = "/tmp/fuzz-central-XXXXXX";
        std::string dir = ::mkdtemp(tmpl) ? tmpl : "/tmp";
        settings.dbPath = ":memory:";
        settings.tlsDir = dir + "/tls";
        settings.longPollMaxS = 0; // a long poll would make an execution wait
        settings.lookupsPerMinute = 1e9;
        settings.lookupBurst = 1e9;
        settings.log = [](const std::string&) {};
        std::string error;
        ca = CertAuthority::openOrCreate(settings.tlsDir, &error);
        if (!ca) std::abort();
        context = std::make_unique<RouteContext>(settings, *ca, failures);
        context->district = loadDemoDistrict();
        context->cases.loadDemo(context->district);
        context->documents = buildCatalogDocuments(context->district);
        // The seeded complaints, so progress lookups can also hit a stored complaint and its timeline.
        seedDemoComplaints(context->db, context->district, settings.complaintDueWorkingDays, 1795797671738LL);
        addCaseRoutes(router, *context);
        addTerminalRoutes(router, *context);
        addCatalogRoutes(router, *context);
        addRecordRoutes(router, *context);
        addSuggestionRoutes(router, *context);
        addEventRoutes(router, *context);
    }
};

Server& server() {
    static Server s;
    return s;
}

// Next line of `in` (without CR LF), advancing it.
std::string_view line(std::string_view& in) {
    size_t n = in.find('\n');
    std::string_view l = in.substr(0, n);
    in = n == std::string_view::npos ? std::string_view() : in.substr(n + 1);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    return l;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    Server& s = server();
    std::string_view in(reinterpret_cast<const char*>(data) + 1, size - 1);
    static const char* const kWho[] = {"", "FUZZ-01", "FUZZ-01", "DESK-01"};
    Request req;
    req.terminal = kWho[data[0] % 4];
    req.remote_addr = "127.0.0.1";
    std::string_view first = line(in);
    size_t sp = first.find(' ');
    if (sp == std::string_view::npos) return 0;
    req.method = std::string(first.substr(0, sp));
    if (!req.setTarget(first.substr(sp + 1))) return 0; // the transport answers 400 itself
    for (std::string_view h = line(in); !h.empty(); h = line(in)) {
        size_t colon = h.find(':');
        if (colon == std::string_view::npos) continue;
        req.headers.emplace_back(std::string(h.substr(0, colon)), std::string(h.substr(colon + 1)));
    }
    req.body = std::string(in);
    if (!ApiRouter::admits(req.path, req.terminal)) return 0; // the transport answers 401
    if (req.body.size() > bodyLimitFor(req.path, s.settings.maxPayloadBytes)) return 0; // 413
    Response res;
    s.router.handle(req, res, [](const std::string&) {});
    if (res.status >= 500 || res.status < 200) __builtin_trap(); // client input never makes a 5xx
    if (!res.body.empty() && nlohmann::json::parse(res.body, nullptr, false).is_discarded()) __builtin_trap();
    return 0;
}
