// UCS-2LE text conversion. Sections: UTF-8 helpers · decode · encode. Checklist: see Ucs2Text.h.
#include "drivers/idcard/Ucs2Text.h"

namespace kiosk::idcard {

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::optional<std::u32string> decodeUtf8(std::string_view s) {
    std::u32string out;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        int extra = 0;
        char32_t cp = 0;
        if (b0 < 0x80) {
            cp = b0;
        } else if ((b0 & 0xE0) == 0xC0) {
            cp = b0 & 0x1F;
            extra = 1;
        } else if ((b0 & 0xF0) == 0xE0) {
            cp = b0 & 0x0F;
            extra = 2;
        } else if ((b0 & 0xF8) == 0xF0) {
            cp = b0 & 0x07;
            extra = 3;
        } else {
            return std::nullopt;
        }
        if (extra > 0 && i + static_cast<std::size_t>(extra) >= s.size()) return std::nullopt;
        for (int k = 1; k <= extra; ++k) {
            const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((b & 0xC0) != 0x80) return std::nullopt;
            cp = (cp << 6) | (b & 0x3F);
        }
        static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
        out.push_back(cp);
        i += 1 + static_cast<std::size_t>(extra);
    }
    return out;
}

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
                appendUtf8(r.utf8, 0x10000 + ((char32_t(u) - 0xD800) << 10) + (char32_t(lo) - 0xDC00));
                ++i;
                continue;
            }
        }
        if ((u >= 0xD800 && u <= 0xDFFF) || u < 0x20 || u == 0x7F) {
            appendUtf8(r.utf8, 0xFFFD);
            r.replaced = true;
            continue;
        }
        appendUtf8(r.utf8, u);
    }
    return r;
}

std::optional<std::vector<std::uint8_t>> encodeUcs2leField(std::string_view utf8, std::size_t fieldBytes) {
    auto cps = decodeUtf8(utf8);
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
