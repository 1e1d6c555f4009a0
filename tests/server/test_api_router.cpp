// kiosk-central's router without sockets (server/ApiRouter.h): request targets decoded as the routes
// expect, a terminal certificate required everywhere but enrolment, unknown routes 404, and a route
// that throws answered 500 with its message escaped in the log, never let through.
#include "server/ApiRouter.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <vector>

using namespace kiosk::central;

TEST_CASE("request targets: path and parameters percent-decoded; a NUL or a non-path is refused") {
    Request r;
    REQUIRE(r.setTarget("/api/v1/events?after=3&wait=%32%30&counter=7&flag&x=a+b"));
    CHECK(r.path == "/api/v1/events");
    CHECK(r.get_param_value("after") == "3");
    CHECK(r.get_param_value("wait") == "20");
    CHECK(r.has_param("flag"));
    CHECK(r.get_param_value("x") == "a b");
    CHECK_FALSE(r.has_param("nothing"));
    REQUIRE(r.setTarget("/a%0d%0ab"));
    CHECK(r.path == "/a\r\nb"); // decoded for the router; the log escapes it (AccessLog.h)
    CHECK_FALSE(r.setTarget("/a%00b"));
    CHECK_FALSE(r.setTarget("http://example/x"));
    CHECK_FALSE(r.setTarget(""));
    REQUIRE(r.setTarget("/%zz%4"));
    CHECK(r.path == "/%zz%4"); // broken escapes stay as they are
    r.headers = {{"If-None-Match", "\"v1\""}};
    CHECK(r.get_header_value("if-none-match") == "\"v1\"");
}

TEST_CASE("router: 401 without a terminal (enrolment excepted), 404 unknown, 500 on a throwing route") {
    ApiRouter router;
    router.Post("/api/v1/enroll", [](const Request&, Response& res) { res.status = 200; });
    router.Get("/api/v1/catalog", [](const Request&, Response& res) { res.status = 200; });
    router.Post("/api/v1/boom", [](const Request&, Response&) { throw std::runtime_error("bad\nline"); });
    std::vector<std::string> log;
    auto sink = [&log](const std::string& l) { log.push_back(l); };
    auto answer = [&](const char* method, const char* target, const char* terminal) {
        Request r;
        r.method = method;
        REQUIRE(r.setTarget(target));
        r.terminal = terminal;
        Response res;
        router.handle(r, res, sink);
        return res;
    };
    CHECK(answer("POST", "/api/v1/enroll", "").status == 200);
    Response noCert = answer("GET", "/api/v1/catalog", "");
    CHECK(noCert.status == 401);
    CHECK(nlohmann::json::parse(noCert.body).at("error").at("code") == "client_certificate_required");
    CHECK(answer("GET", "/api/v1/catalog", "T-1").status == 200);
    CHECK(answer("POST", "/api/v1/catalog", "T-1").status == 404); // wrong method
    CHECK(answer("GET", "/nothing", "T-1").status == 404);
    Response boom = answer("POST", "/api/v1/boom", "T-1");
    CHECK(boom.status == 500);
    CHECK(nlohmann::json::parse(boom.body).at("error").at("code") == "internal");
    REQUIRE(log.size() == 1);
    CHECK(log[0].find('\n') == std::string::npos);
    CHECK(log[0].find("bad\\x0aline") != std::string::npos);
}
