// The one JSON error shape of the API: {"error":{"code":"...","message":"..."}}. Codes are stable
// machine-readable strings; messages are for technicians (the terminal shows its own Chinese text).
#pragma once

#include "server/HttpMessage.h"
#include <nlohmann/json.hpp>

#include <string>

namespace kiosk::central {

inline void sendJson(Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    res.set_content(body.dump(), "application/json; charset=utf-8");
}

inline void sendError(Response& res, int status, const std::string& code, const std::string& message) {
    sendJson(res, status, nlohmann::json{{"error", {{"code", code}, {"message", message}}}});
}

} // namespace kiosk::central
