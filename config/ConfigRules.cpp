// ConfigRules.cpp — see ConfigRules.h.
#include "config/ConfigRules.h"

namespace kiosk::config {

// ---- terminal id ----
bool isValidTerminalId(std::string_view id) {
    if (id.empty() || id.size() > 64 || id == "kiosk-enrolment") return false;
    for (char c : id) {
        // Spelled out instead of std::isalnum: the answer must not depend on the process locale.
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                        c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

// ---- server URL ----
std::string serverUrlProblem(std::string_view url) {
    if (url.empty()) return "must not be empty: use https://HOST:PORT";
    if (url.rfind("https://", 0) == 0) {
        if (url.size() == 8 || url[8] == '/' || url[8] == ':')
            return "has no host name: use https://HOST:PORT";
        return {};
    }
    if (url.rfind("http://", 0) == 0)
        return "plain http:// is not allowed: use https://" + std::string(url.substr(7)) +
               " (the terminal only talks TLS)";
    return "must start with https:// (the terminal only talks TLS), e.g. https://central.example.gov.cn:8443";
}

} // namespace kiosk::config
