// Access log lines (see AccessLog.h).
//
// Sections: escaping | request line
#include "server/AccessLog.h"

#include <cstdio>

namespace kiosk::central {

// ---- escaping ----
namespace {

void appendHex(std::string& out, unsigned char c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\x%02x", c);
    out += buf;
}

// Length of the valid UTF-8 sequence at s[i] (1..4), 0 when it is not one.
std::size_t utf8Length(std::string_view s, std::size_t i) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return 0;
    return n;
}

} // namespace

std::string escapeForLog(std::string_view text, std::size_t maxBytes) {
    std::string out;
    bool cut = text.size() > maxBytes;
    if (cut) text = text.substr(0, maxBytes);
    for (std::size_t i = 0; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == '\\') {
            out += "\\\\";
            ++i;
        } else if (c < 0x20 || c == 0x7f) {
            appendHex(out, c);
            ++i;
        } else if (c < 0x80) {
            out += static_cast<char>(c);
            ++i;
        } else if (std::size_t n = utf8Length(text, i); n > 0) {
            out.append(text.substr(i, n));
            i += n;
        } else {
            appendHex(out, c);
            ++i;
        }
    }
    if (cut) out += "...";
    return out;
}

// ---- request line ----
std::string accessLogLine(const AccessRecord& r) {
    std::string_view target = r.target;
    if (auto q = target.find('?'); q != std::string_view::npos) target = target.substr(0, q);
    char tail[96];
    std::snprintf(tail, sizeof tail, " %d in=%zu out=%zu %.1fms", r.status, r.bytesIn, r.bytesOut, r.ms);
    return (r.terminal.empty() ? std::string("-") : escapeForLog(r.terminal, 64)) + " " +
           (r.peer.empty() ? std::string("-") : escapeForLog(r.peer, 64)) + " " +
           (r.method.empty() ? std::string("-") : escapeForLog(r.method, 16)) + " " +
           (target.empty() ? std::string("-") : escapeForLog(target)) + tail;
}

} // namespace kiosk::central
