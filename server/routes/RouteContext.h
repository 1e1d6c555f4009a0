// RouteContext — what every route group of kiosk-central shares: the settings, the database, the CA,
// the served documents, the demo case directory, the rate limiters, the counter-pad event signal and
// the test hook for failing writes. One per running server, built by CentralServer::start() and
// passed to each add*Routes() (server/routes/Routes.h). The helpers here are the HTTP side of
// server/RequestValidation.h: they send the API's JSON error and tell the route to stop.
//
// Sections: clock | documents | events | injected failures | context
// Checklist:
//   [x] one object per server, no global state; every member is thread-safe or read-only once serving
//   [x] terminal identity from the connection's client certificate (RequestValidation terminalIdOf)
//   [x] JSON body, rejections, lookup rate limit (429 + Retry-After), injected write failures
#pragma once

#include "common/TlsCredentials.h"
#include "server/CaseDirectory.h"
#include "server/CentralDb.h"
#include "server/CentralServer.h"
#include "server/CertAuthority.h"
#include "server/LookupRateLimiter.h"
#include "server/RequestValidation.h"

#include "server/HttpMessage.h"
#include <nlohmann/json.hpp>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>

namespace kiosk::central {

// ---- clock ----
std::int64_t wallClockMs();               // Unix milliseconds now
std::string isoOfMs(std::int64_t unixMs); // ISO 8601 in China time (WorkCalendar.h)

// ---- documents ----
// The unit that takes a complaint in when it names no department (service-hall-rules.md).
inline constexpr const char* kHallOffice = "区政务服务管理办公室";

// The catalog and roster as served (body + ETag), and what the record routes need from the district.
struct CatalogDocuments {
    std::string catalogBody, catalogEtag, rosterBody, rosterEtag;
    std::set<std::string> complaintCategories;
    std::map<std::string, std::string> departmentNames; // id -> name
};

// ---- events ----
// Wakes the counter pads' long polls when an event is added or the server stops.
struct EventSignal {
    std::mutex mutex;
    std::condition_variable cv;
    std::atomic<bool> stopping{false};
    std::atomic<int> activePolls{0};
};

// ---- injected failures ----
// Test hook (CentralServer::injectWriteFailures, which may be called before start()): the next
// `remaining` record writes fail.
struct InjectedFailures {
    std::atomic<int> remaining{0}, status{503}, retryAfterS{0};
};

// ---- context ----
// The data key's file (CentralSettings::dataKeyPath, default <tlsDir>/data.key) and the key itself
// (created on first use; throws std::runtime_error when it cannot be read or made).
std::string dataKeyPathOf(const CentralSettings& settings);
DataCipher loadDataCipher(const CentralSettings& settings);

struct RouteContext {
    // Opens the database (throws common::SqliteError).
    RouteContext(const CentralSettings& settings, const CertAuthority& ca, InjectedFailures& failures);

    const CentralSettings& settings;
    const CertAuthority& ca;
    common::X509Ptr caCert;
    CentralDb db;
    nlohmann::json district; // empty unless --demo-data
    CaseDirectory cases;
    CatalogDocuments documents;
    LookupRateLimiter lookups;    // case + complaint-progress lookups, per terminal
    LookupRateLimiter enrolments; // per client address
    EventSignal events;
    InjectedFailures& failures; // owned by the server

    void log(const std::string& line) const;
    // The terminal id of the request's client certificate; empty for none, the enrolment certificate
    // or one our CA did not sign (the transport reads it once per connection: terminalIdOf()).
    std::string terminalOf(const Request& req) const;
    // Each returns true when it has answered the request (the route stops there).
    bool rejectBadJson(const Request& req, Response& res, nlohmann::json* body) const;
    static bool rejected(Response& res, const Rejection& rejection);
    bool rateLimited(const std::string& terminal, Response& res);
    bool injectedFailure(Response& res);
};

} // namespace kiosk::central
