// Route context (see RouteContext.h).
//
// Sections: clock | context
#include "server/routes/RouteContext.h"

#include "server/ApiError.h"
#include "server/WorkCalendar.h"

#include <chrono>
#include <cstdio>
#include <stdexcept>

namespace kiosk::central {

// ---- clock ----
std::int64_t wallClockMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string isoOfMs(std::int64_t unixMs) {
    return isoTimestampChina(std::chrono::system_clock::time_point(std::chrono::milliseconds(unixMs)));
}

// ---- context ----
std::string dataKeyPathOf(const CentralSettings& s) {
    return s.dataKeyPath.empty() ? s.tlsDir + "/data.key" : s.dataKeyPath;
}

DataCipher loadDataCipher(const CentralSettings& s) {
    std::string error;
    auto cipher = DataCipher::openOrCreate(dataKeyPathOf(s), &error);
    if (!cipher) throw std::runtime_error(error);
    return *cipher;
}

RouteContext::RouteContext(const CentralSettings& s, const CertAuthority& authority,
                           InjectedFailures& injected)
    : settings(s), ca(authority), caCert(common::loadCertificatePem(authority.caCertPem())),
      db(s.dbPath, loadDataCipher(s)), lookups(s.lookupsPerMinute, s.lookupBurst), enrolments(10, 5),
      failures(injected) {}

void RouteContext::log(const std::string& line) const {
    if (settings.log)
        settings.log(line);
    else
        std::fprintf(stderr, "kiosk-central: %s\n", line.c_str());
}

std::string RouteContext::terminalOf(const Request& req) const {
    return req.terminal; // set by the transport from the connection's verified certificate
}

bool RouteContext::rejectBadJson(const Request& req, Response& res, nlohmann::json* body) const {
    if (req.body.size() > bodyLimitFor(req.path, settings.maxPayloadBytes))
        return rejected(res,
                        RequestError{413, "payload_too_large", "request body exceeds this route's limit"});
    return rejected(res, parseJsonObject(req.body, body));
}

bool RouteContext::rejected(Response& res, const Rejection& rejection) {
    if (!rejection) return false;
    sendError(res, rejection->status, rejection->code, rejection->message);
    return true;
}

bool RouteContext::rateLimited(const std::string& terminal, Response& res) {
    int wait = lookups.acquire(terminal);
    if (wait == 0) return false;
    res.set_header("Retry-After", std::to_string(wait));
    sendError(res, 429, "rate_limited",
              "too many lookups from this terminal; retry after " + std::to_string(wait) + " s");
    return true;
}

// Answers this write with the injected status. The body has been read already.
bool RouteContext::injectedFailure(Response& res) {
    if (failures.remaining.load() <= 0 || failures.remaining.fetch_sub(1) <= 0) return false;
    if (failures.retryAfterS > 0) res.set_header("Retry-After", std::to_string(failures.retryAfterS.load()));
    sendError(res, failures.status, "injected_failure", "test hook: injected failure");
    return true;
}

} // namespace kiosk::central
