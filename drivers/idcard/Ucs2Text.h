// UCS-2LE <-> UTF-8 for the card's text block (UTF-8 itself through the one codec, text/Utf8.h).
//
// Sections: decode · encode.
// Checklist:
//   [x] every BMP character decodes exactly (including CJK Extension A such as U+4DAE 䶮)
//   [x] surrogate pairs are combined (UTF-16 superset); lone surrogates and C0 controls become U+FFFD
//       and are flagged, never a crash
//   [x] trailing padding (spaces, NULs) trimmed
//   [x] encoder refuses characters outside the BMP (UCS-2 cannot carry them) and invalid UTF-8
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::idcard {

// ---- decode ----
struct DecodedText {
    std::string utf8;
    bool replaced = false; // something invalid was replaced by U+FFFD
};

// Decodes UCS-2LE (an odd trailing byte is ignored and flagged) and trims trailing spaces/NULs.
DecodedText decodeUcs2le(std::span<const std::uint8_t> bytes);

// ---- encode ----
// Encodes UTF-8 into exactly `fieldBytes` bytes of UCS-2LE, padded with U+0020.
// Returns nullopt when the text is invalid UTF-8, has characters outside the BMP, or is too long.
std::optional<std::vector<std::uint8_t>> encodeUcs2leField(std::string_view utf8, std::size_t fieldBytes);

} // namespace kiosk::idcard
