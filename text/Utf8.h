// Utf8 — the project's one UTF-8 codec. Every module that walks text by character uses these four
// calls; the decoding itself is Debian's utfcpp (libutfcpp-dev), which rejects what must be rejected.
//
// Why a wrapper at all: utfcpp reports invalid input by throwing, and our callers want to carry on
// (replace the bad byte, count it, refuse the field). One place decides how; the rest of the code
// never sees an exception or a utfcpp type.
//
// Sections: decoding | encoding | whole strings
// Checklist:
//   [x] rejects overlong forms, surrogates, code points above U+10FFFF and truncated sequences
//   [x] a bad byte is skipped one byte at a time, so a caller can replace it and continue
//   [x] encoding an invalid code point (a surrogate, > U+10FFFF) gives U+FFFD, never bad bytes
//   [ ] normalisation (NFC): not needed yet; card, catalog and keyboard text arrive composed
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::text {

// ---- decoding ----
// Decodes the code point at s[pos] and advances pos past it. On invalid input returns false and
// advances pos by one byte. pos must be < s.size().
bool nextCodePoint(std::string_view s, std::size_t& pos, char32_t& cp);

// ---- encoding ----
// Appends `cp` as UTF-8; a value that is not a Unicode scalar value appends U+FFFD.
void appendCodePoint(std::string& out, char32_t cp);

// ---- whole strings ----
bool isValidUtf8(std::string_view s);
// All code points, or nullopt when any byte is invalid.
std::optional<std::u32string> decodeUtf8(std::string_view s);
// Code points in `s`; each invalid byte counts as one.
std::size_t countCodePoints(std::string_view s);
// Code points that are not blanks (space, tab, CR, LF, U+3000 ideographic space): what a citizen
// actually wrote. The terminal's forms and kiosk-central's checks count minimum lengths with this one.
std::size_t countVisible(std::string_view s);

} // namespace kiosk::text
