// libFuzzer target: the 256-byte text block parser, UCS-2LE decoding, ID number checks and masking.
// Invariants: no crash; decoded text and the card's JSON are valid UTF-8; masking never reveals more than
// 10 characters of an identifier; a parsed card wipes to empty.
#include "drivers/idcard/CardTextBlock.h"
#include "drivers/idcard/Ucs2Text.h"
#include "text/IdNumber.h"
#include "text/Masking.h"
#include "text/Utf8.h"

#include <cstdlib>
#include <string>

using namespace kiosk::idcard;
using kiosk::text::gb11643Valid;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto bytes = std::span<const std::uint8_t>(data, size);
    const DecodedText t = decodeUcs2le(bytes);
    if (!kiosk::text::decodeUtf8(t.utf8)) std::abort();
    if (size >= kTextBlockSize) {
        auto card = parseTextBlock(bytes.first(kTextBlockSize));
        if (card) {
            for (bool unmasked : {false, true}) {
                const std::string json = cardToJson(*card, unmasked);
                if (!kiosk::text::decodeUtf8(json)) std::abort();
            }
            (void)gb11643Valid(card->idNumber);
            card->wipe();
            if (!card->name.empty() || !card->idNumber.empty()) std::abort();
        }
    }
    const std::string s(reinterpret_cast<const char*>(data), size);
    const std::string masked = kiosk::text::maskIdNumber(s);
    std::size_t visible = 0;
    for (char c : masked)
        visible += c != '*' && (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (visible > 10) std::abort();
    return 0;
}
