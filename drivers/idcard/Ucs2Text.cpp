// UCS-2LE text conversion. Sections: decode · encode. Checklist: see Ucs2Text.h.
#include "drivers/idcard/Ucs2Text.h"

#include "text/Utf8.h"

namespace kiosk::idcard {

// ---- decode ----
DecodedText decodeUcs2le(std::span<const std::uint8_t> bytes) {
    DecodedText r;
    const std::size_t units = bytes.size() / 2;
    if (bytes.size() % 2 != 0) r.replaced = true;
    // Trim trailing padding first (U+0020 and U+0000).
    std::size_t end = units;
    while (end > 0) {
        const char16_t u = static_cast<char16_t>(bytes[2 * (end - 1)] | (bytes[2 * (end - 1) + 1] << 8));
        if (u != 0x0020 && u != 0x0000) break;
        --end;
    }
    for (std::size_t i = 0; i < end; ++i) {
        const char16_t u = static_cast<char16_t>(bytes[2 * i] | (bytes[2 * i + 1] << 8));
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < end) {
            const char16_t lo = static_cast<char16_t>(bytes[2 * i + 2] | (bytes[2 * i + 3] << 8));
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                text::appendCodePoint(r.utf8,
                                      0x10000 + ((char32_t(u) - 0xD800) << 10) + (char32_t(lo) - 0xDC00));
                ++i;
                continue;
            }
        }
        if ((u >= 0xD800 && u <= 0xDFFF) || u < 0x20 || u == 0x7F) {
            text::appendCodePoint(r.utf8, 0xFFFD);
            r.replaced = true;
            continue;
        }
        text::appendCodePoint(r.utf8, u);
    }
    return r;
}

// ---- encode ----
std::optional<std::vector<std::uint8_t>> encodeUcs2leField(std::string_view utf8, std::size_t fieldBytes) {
    auto cps = text::decodeUtf8(utf8);
    if (!cps) return std::nullopt;
    if (cps->size() * 2 > fieldBytes) return std::nullopt;
    std::vector<std::uint8_t> out;
    out.reserve(fieldBytes);
    for (char32_t cp : *cps) {
        if (cp > 0xFFFF) return std::nullopt;
        out.push_back(static_cast<std::uint8_t>(cp & 0xFF));
        out.push_back(static_cast<std::uint8_t>(cp >> 8));
    }
    while (out.size() + 1 < fieldBytes) {
        out.push_back(0x20);
        out.push_back(0x00);
    }
    if (out.size() < fieldBytes) out.push_back(0x20); // odd widths never occur; keep the size exact
    return out;
}

} // namespace kiosk::idcard
