// ApiRouter — kiosk-central's routes by method and exact path, and the rules every request passes
// before a route sees it: a terminal certificate for everything but enrolment (401 otherwise), 404
// for unknown paths, and a 500 (logged, message escaped) only when a route throws, which no client
// input should make it do (the fuzz target tests/fuzz/fuzz_central_routes.cpp checks that).
// No sockets here: HttpsServer feeds it parsed requests; the fuzzer and tests call handle() directly.
//
// Sections: router
// Checklist:
//   [x] exact path match; GET and POST; one handler per (method, path)
//   [x] 401 client_certificate_required before the route for every path but POST /api/v1/enroll
//   [x] 404 not_found for unknown paths and methods; JSON error shape of server/ApiError.h
//   [x] exceptions from a route: 500 internal, logged through the given sink (escaped)
#pragma once

#include "server/HttpMessage.h"

#include <functional>
#include <map>
#include <string>
#include <utility>

namespace kiosk::central {

// ---- router ----
class ApiRouter {
public:
    using Handler = std::function<void(const Request&, Response&)>;
    using LogSink = std::function<void(const std::string&)>;

    void Get(const std::string& path, Handler h) { routes_[{"GET", path}] = std::move(h); }
    void Post(const std::string& path, Handler h) { routes_[{"POST", path}] = std::move(h); }
    // False when the path needs a terminal certificate and `terminal` is empty.
    static bool admits(const std::string& path, const std::string& terminal);

    // Answers `req` into `res` (never throws).
    void handle(const Request& req, Response& res, const LogSink& log) const;

private:
    std::map<std::pair<std::string, std::string>, Handler> routes_;
};

} // namespace kiosk::central
