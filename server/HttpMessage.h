// HttpMessage — the request and response kiosk-central's routes see, independent of the HTTP
// transport (server/HttpsServer.h parses them off the wire; the fuzz target and unit tests build them
// directly). The member names follow what the routes used before (path, body, remote_addr,
// set_header, set_content), so a route reads the same whatever carries it.
//
// Sections: request | response
// Checklist:
//   [x] path percent-decoded, query parameters decoded, headers looked up case-insensitively
//   [x] the terminal id comes from the connection's client certificate (set by the transport), never
//       from the request
//   [x] response: status, headers, body; Content-Type set with the body
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk::central {

// ---- request ----
struct Request {
    std::string method;      // "GET", "POST", ...
    std::string target;      // as received, e.g. "/api/v1/events?after=3"
    std::string path;        // target without the query, percent-decoded
    std::string remote_addr; // client address
    std::string terminal;    // CN of a verified terminal certificate; empty otherwise (and for enrolment)
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers, params;

    bool has_param(std::string_view key) const;
    std::string get_param_value(std::string_view key) const;   // "" when absent
    std::string get_header_value(std::string_view name) const; // case-insensitive; "" when absent
    // Splits `target` into path and params (percent-decoding both); false when the target is not an
    // origin-form path ("/...") or decodes to a NUL byte.
    bool setTarget(std::string_view target);
};

// ---- response ----
struct Response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::string contentType;

    void set_header(std::string name, std::string value) {
        headers.emplace_back(std::move(name), std::move(value));
    }
    void set_content(std::string content, std::string type) {
        body = std::move(content);
        contentType = std::move(type);
    }
};

} // namespace kiosk::central
