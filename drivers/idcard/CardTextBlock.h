// The card's 256-byte UCS-2LE text block: parsing it into an IdCard, and building one (simulator, tests).
//
// Sections: raw fields · parse · encode.
// Checklist:
//   [x] card type from the character at byte 248 (space / 'J' / 'I' / 'Y')
//   [x] resident and 'J' layouts (pass number, issue count), 'I' 2017 and 'Y' 2023 layouts
//       ('Y' English name split over 52..121 and 220..241)
//   [x] gender / nation tables, GB 11643 check flag (a failing number is still returned, flagged)
//   [x] dates as YYYY-MM-DD, 长期 kept
//   [x] encoder refuses text that does not fit its field or UCS-2
//   [ ] 'Y' previous-card link (250..255) is not interpreted (not in the issue's keys)
#pragma once

#include "drivers/idcard/IdCard.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace kiosk::idcard {

// ---- raw fields ----
inline constexpr std::size_t kTextBlockSize = 256;

// Raw field values as printed on the card (dates YYYYMMDD, gender "1", nation "01").
struct CardTextFields {
    CardType type = CardType::Resident;
    std::string name, nameEn, genderCode, nationCode, birthDate, address, idNumber, issuer, validFrom,
        validTo, passNumber, issueCount, nationality, cardVersion, authorityCode;
};

// ---- parse ----
// Parses the 256-byte block. On failure returns nullopt and sets `error` (no personal data in it).
std::optional<IdCard> parseTextBlock(std::span<const std::uint8_t> text, std::string* error = nullptr);

// ---- encode ----
// Builds a 256-byte block; nullopt with `error` naming the field that does not fit.
std::optional<std::vector<std::uint8_t>> encodeTextBlock(const CardTextFields& fields,
                                                         std::string* error = nullptr);

} // namespace kiosk::idcard
