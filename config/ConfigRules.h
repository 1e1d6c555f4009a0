// ConfigRules — the few rules that both the terminal side (config validation, kioskctl) and kiosk-central
// (enroll-code, issue-cert) must apply identically, kept in one place so they cannot drift apart.
//
// Sections: terminal id | server URL
// Checklist:
//   [x] one terminal-id rule: what the config accepts is exactly what kiosk-central issues codes for
//   [x] one server-URL rule with a message that says what to type instead ("use https://")
#pragma once

#include <string>
#include <string_view>

namespace kiosk::config {

// ---- terminal id ----
// 1..64 ASCII letters, digits, '-' and '_', and not "kiosk-enrolment" (the name of the short-lived
// certificate a terminal shows while it enrols; kiosk-central never treats that name as a terminal).
bool isValidTerminalId(std::string_view id);
// The rule in plain words, for error messages on both sides.
inline constexpr const char* kTerminalIdRule =
    "1 to 64 letters, digits, '-' or '_' (e.g. HALL-01), not \"kiosk-enrolment\"";

// ---- server URL ----
// Empty when `url` is acceptable as the central server's address; otherwise what is wrong and what to
// type instead. The terminal only talks TLS, so "http://" is refused before libcurl ever sees it.
std::string serverUrlProblem(std::string_view url);

} // namespace kiosk::config
