// The simulator's card set: named cards described in JSON, turned into the exact bytes a reader returns.
//
// JSON format (documented in docs/IDCARD.md):
//   {"cards": [{"card": "wang-xiuying", "card_type": "resident", "name": "王秀英", "gender": "2",
//               "nation": "01", "birth_date": "1956-03-12", "address": "...", "id_number": "...",
//               "issuer": "...", "valid_from": "2016-05-10", "valid_to": "长期",
//               "additional_address": "...", "serial": "0102030405060708", "fingerprint": false}, ...]}
//   Optional "text_block_hex" (512 hex digits) replaces the built text block (e.g. invalid UCS-2).
//
// Checklist:
//   [x] all four card types, every field of the JSON keys (+ card_version, authority_code)
//   [x] gender as code or 男/女; nation as code or name; dates as YYYY-MM-DD or YYYYMMDD
//   [x] clear error naming the card and field when something does not fit or is missing
//   [x] deterministic stand-in photo (1024 bytes) and serial per card; optional 1024-byte fingerprint
//   [x] the demo set embedded in the library (demoCardSetJson), generated from sim/demo-cards.json
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::idcard {

struct SimCard {
    std::string handle;                                         // the name used by present()
    std::vector<std::uint8_t> text;                             // 256 bytes
    std::vector<std::uint8_t> photo;                            // 1024 bytes
    std::vector<std::uint8_t> fingerprint;                      // empty or 1024 bytes
    std::optional<std::vector<std::uint8_t>> additionalAddress; // 70 bytes UCS-2LE
    std::array<std::uint8_t, 8> serial{};
};

struct SimCardSet {
    std::vector<SimCard> cards;
    const SimCard* find(std::string_view handle) const;
    std::vector<std::string> names() const;
};

// Parses a card set; nullopt with `error` on bad JSON or a card that cannot be encoded.
std::optional<SimCardSet> parseSimCardSet(std::string_view json, std::string& error);
std::optional<SimCardSet> loadSimCardSetFile(const std::string& path, std::string& error);

// The demo card set (the text of drivers/idcard/sim/demo-cards.json, embedded at build time).
std::string_view demoCardSetJson();

} // namespace kiosk::idcard
