// AccessLog — kiosk-central's technician log lines: one line per request (terminal, method, route,
// status, bytes, milliseconds) and the escaping every logged piece of client input goes through, so a
// CR/LF or other control character in a path or header cannot forge a line or move the cursor.
//
// Sections: escaping | request line
// Checklist:
//   [x] control characters (< 0x20, 0x7f) and backslash as \xNN / \\; invalid UTF-8 bytes as \xNN
//   [x] pieces cut to a bounded length (a 64 KiB path is logged as its first 256 bytes and "...")
//   [x] the route is the path without its query string (the query is never logged)
//   [x] no personal data: the line holds only what is listed above; bodies are never logged
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk::central {

// ---- escaping ----
// `text` safe for a single log line: printable ASCII and valid UTF-8 pass, the rest is escaped.
std::string escapeForLog(std::string_view text, std::size_t maxBytes = 256);

// ---- request line ----
struct AccessRecord {
    std::string terminal; // empty: no terminal certificate (logged as "-")
    std::string peer;     // client address
    std::string method;
    std::string target; // request target as received; the query is dropped
    int status = 0;
    std::size_t bytesIn = 0, bytesOut = 0;
    double ms = 0;
};
// "T-1 127.0.0.1 POST /api/v1/heartbeat 200 in=37 out=71 1.2ms"
std::string accessLogLine(const AccessRecord& r);

} // namespace kiosk::central
