// Utf8 — see Utf8.h. Sections: decoding | encoding | whole strings
#include "text/Utf8.h"

#include <utf8.h>

namespace kiosk::text {

// ---- decoding ----
bool nextCodePoint(std::string_view s, std::size_t& pos, char32_t& cp) {
    auto it = s.begin() + static_cast<std::ptrdiff_t>(pos);
    try {
        cp = static_cast<char32_t>(utf8::next(it, s.end()));
        pos = static_cast<std::size_t>(it - s.begin());
        return true;
    } catch (const utf8::exception&) {
        ++pos; // utfcpp leaves `it` where it was: skip exactly the one bad byte
        return false;
    }
}

// ---- encoding ----
void appendCodePoint(std::string& out, char32_t cp) {
    const bool scalar = cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
    utf8::unchecked::append(scalar ? static_cast<std::uint32_t>(cp) : 0xFFFDu, std::back_inserter(out));
}

// ---- whole strings ----
bool isValidUtf8(std::string_view s) {
    return utf8::is_valid(s.begin(), s.end());
}

std::optional<std::u32string> decodeUtf8(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    std::size_t pos = 0;
    char32_t cp = 0;
    while (pos < s.size()) {
        if (!nextCodePoint(s, pos, cp)) return std::nullopt;
        out.push_back(cp);
    }
    return out;
}

std::size_t countCodePoints(std::string_view s) {
    std::size_t n = 0, pos = 0;
    char32_t cp = 0;
    while (pos < s.size()) {
        nextCodePoint(s, pos, cp);
        ++n;
    }
    return n;
}

std::size_t countVisible(std::string_view s) {
    std::size_t n = 0, pos = 0;
    char32_t cp = 0;
    while (pos < s.size())
        if (nextCodePoint(s, pos, cp) && cp != U' ' && cp != U'\t' && cp != U'\r' && cp != U'\n' &&
            cp != U'\u3000')
            ++n;
    return n;
}

} // namespace kiosk::text
