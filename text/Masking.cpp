// Masking — see Masking.h. Sections: names | ID numbers | phones
#include "text/Masking.h"

#include "text/Utf8.h"

namespace kiosk::text {

// ---- names ----
std::string maskName(std::string_view name) {
    const auto cps = decodeUtf8(name);
    if (!cps) return std::string(name.size(), '*');
    std::string out;
    bool first = true;
    for (char32_t cp : *cps) {
        if (first)
            appendCodePoint(out, cp);
        else if (cp != U' ')
            out += '*';
        first = false;
    }
    return out;
}

// ---- ID numbers ----
std::string maskIdNumber(std::string_view id) {
    const auto cps = decodeUtf8(id);
    if (!cps) return std::string(id.size(), '*');
    const std::size_t n = cps->size();
    std::size_t head = 0, tail = 0;
    if (n > 10) {
        head = 6;
        tail = 4;
    } else if (n >= 5) {
        head = 2;
        tail = 2;
    }
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        if (i < head || i >= n - tail)
            appendCodePoint(out, (*cps)[i]);
        else
            out += '*';
    }
    return out;
}

// ---- phones ----
std::string maskPhone(std::string_view phone) {
    // A '*' stands for a digit already masked, so a masked number masks to itself.
    std::string digits;
    for (char c : phone)
        if ((c >= '0' && c <= '9') || c == '*') digits += c;
    if (digits.size() < 7) return std::string(digits.size(), '*');
    return digits.substr(0, 3) + std::string(digits.size() - 7, '*') + digits.substr(digits.size() - 4);
}

} // namespace kiosk::text
