// The card read from the reader, for every card type, and its JSON form for the CLI and the app.
//
// Sections: CardType · IdCard (fields, wipe) · JSON.
// Checklist:
//   [x] resident, 'J' HMT residence permit, 'I' 2017 and 'Y' 2023 foreign permanent resident cards
//   [x] photo (1024-byte WLT) kept in memory only; decoded pixels only if a vendor decoder is configured
//   [x] wipe(): explicit_bzero of every string (whole capacity) and every byte buffer; also on destruction
//   [x] JSON with the issue's keys; id_number masked (first 6 + last 4) unless asked otherwise;
//       keys a card type does not have are absent; the photo is never part of the JSON
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::idcard {

// ---- CardType ----
enum class CardType { Resident, HmtPermit, Foreign2017, Foreign2023 };

// "resident" | "hmt_permit" | "foreign_2017" | "foreign_2023"
const char* cardTypeKey(CardType type);
std::optional<CardType> cardTypeFromKey(std::string_view key);

// ---- IdCard ----
inline constexpr int kPhotoWidth = 102;
inline constexpr int kPhotoHeight = 126;

struct IdCard {
    CardType type = CardType::Resident;
    std::string name;                      // Chinese name (all types; may be empty on 'I' cards without one)
    std::string nameEn;                    // 'I' / 'Y' English name
    std::string genderCode;                // "1"
    std::string gender;                    // "男" (the raw code when not in the table)
    std::string nationCode;                // resident only: "01"
    std::string nation;                    // resident only: "汉"
    std::string birthDate;                 // YYYY-MM-DD (the raw text when not 8 digits)
    std::string address;                   // resident / 'J'
    std::string additionalAddress;         // 30 03 answer, when the card has one
    std::string idNumber;                  // citizen ID number, permit ID number, or 'I' card number
    bool idChecksumOk = false;             // GB 11643 check digit (not applicable to 'I' card numbers)
    std::string issuer;                    // resident / 'J'
    std::string validFrom;                 // YYYY-MM-DD
    std::string validTo;                   // YYYY-MM-DD or 长期
    std::string passNumber;                // 'J'
    std::string issueCount;                // 'J' issue count; 'Y' renewal count
    std::string nationality;               // 'I' / 'Y' ISO 3166-1 alpha-3
    std::string cardVersion;               // 'I'
    std::string authorityCode;             // 'I'
    std::string samId;                     // reader SAM that read the card
    bool textReplaced = false;             // some text was not valid UCS-2 and shows U+FFFD
    std::vector<std::uint8_t> photo;       // WLT blob, 1024 bytes, opaque, never stored
    std::vector<std::uint8_t> fingerprint; // 30 10 only
    std::vector<std::uint8_t> photoRgb;    // 102 x 126 x 3 (RGB, top-down) if decoded, else empty

    IdCard() = default;
    IdCard(const IdCard&) = default;
    IdCard(IdCard&&) noexcept = default;
    IdCard& operator=(const IdCard&) = default;
    IdCard& operator=(IdCard&&) noexcept = default;
    ~IdCard() { wipe(); }

    // Zeroes every string and buffer (explicit_bzero) and leaves them empty.
    void wipe();
    bool hasIdChecksum() const { return type != CardType::Foreign2017; }
};

// Zeroes a string's whole buffer and clears it / zeroes and clears a byte vector.
void wipeString(std::string& s);
void wipeBytes(std::vector<std::uint8_t>& v);

// ---- JSON ----
// One JSON object (UTF-8) with the issue's keys; `unmasked` shows the full id_number.
std::string cardToJson(const IdCard& card, bool unmasked, int indent = -1);

// "19560312" -> "1956-03-12"; anything else unchanged.
std::string formatCardDate(std::string_view raw);

} // namespace kiosk::idcard
