// Router and request helpers (see ApiRouter.h, HttpMessage.h).
//
// Sections: request | router
#include "server/ApiRouter.h"

#include "common/WireProtocol.h"
#include "server/AccessLog.h"
#include "server/ApiError.h"

#include <cctype>
#include <exception>

namespace kiosk::central {

// ---- request ----
namespace {

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Percent-decoding; '+' is a space in query parts only. False on a decoded NUL.
bool percentDecode(std::string_view in, bool plusIsSpace, std::string* out) {
    out->clear();
    for (size_t i = 0; i < in.size(); ++i) {
        char c = in[i];
        if (c == '%' && i + 2 < in.size() && hexValue(in[i + 1]) >= 0 && hexValue(in[i + 2]) >= 0) {
            c = static_cast<char>(hexValue(in[i + 1]) * 16 + hexValue(in[i + 2]));
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            c = ' ';
        }
        if (c == '\0') return false;
        *out += c;
    }
    return true;
}

} // namespace

bool Request::has_param(std::string_view key) const {
    for (const auto& [k, v] : params)
        if (k == key) return true;
    return false;
}

std::string Request::get_param_value(std::string_view key) const {
    for (const auto& [k, v] : params)
        if (k == key) return v;
    return {};
}

std::string Request::get_header_value(std::string_view name) const {
    for (const auto& [k, v] : headers)
        if (iequals(k, name)) return v;
    return {};
}

bool Request::setTarget(std::string_view t) {
    target = std::string(t);
    params.clear();
    if (t.empty() || t.front() != '/') return false;
    size_t q = t.find('?');
    if (!percentDecode(t.substr(0, q), false, &path)) return false;
    if (q == std::string_view::npos) return true;
    std::string_view query = t.substr(q + 1);
    while (!query.empty()) {
        size_t amp = query.find('&');
        std::string_view part = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (part.empty()) continue;
        size_t eq = part.find('=');
        std::string k, v;
        if (!percentDecode(part.substr(0, eq), true, &k)) return false;
        if (eq != std::string_view::npos && !percentDecode(part.substr(eq + 1), true, &v)) return false;
        params.emplace_back(std::move(k), std::move(v));
    }
    return true;
}

// ---- router ----
bool ApiRouter::admits(const std::string& path, const std::string& terminal) {
    return path == common::api::kEnroll || !terminal.empty();
}

void ApiRouter::handle(const Request& req, Response& res, const LogSink& log) const {
    res = Response{};
    if (!admits(req.path, req.terminal)) {
        sendError(res, 401, "client_certificate_required",
                  "this endpoint needs a terminal certificate issued by this server's CA");
        return;
    }
    auto it = routes_.find({req.method, req.path});
    if (it == routes_.end()) {
        sendError(res, 404, "not_found", "no such endpoint");
        return;
    }
    try {
        it->second(req, res);
    } catch (const std::exception& e) {
        if (log)
            log("internal error on " + escapeForLog(req.method, 16) + " " + escapeForLog(req.path) + ": " +
                escapeForLog(e.what()));
        res = Response{};
        sendError(res, 500, "internal", "internal server error; see the server log");
    } catch (...) {
        if (log) log("internal error on " + escapeForLog(req.method, 16) + " " + escapeForLog(req.path));
        res = Response{};
        sendError(res, 500, "internal", "internal server error; see the server log");
    }
}

} // namespace kiosk::central
