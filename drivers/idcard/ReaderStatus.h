// SW1 SW2 SW3 status words of GA 467 responses, decoded into named statuses with messages.
//
// Sections: Sw3 enum · StatusWord · message lookup.
// Checklist:
//   [x] every SW3 code listed in the reference, with a name, a Chinese and an English message
//   [x] unknown codes decode to a generic "unknown status 0xNN" instead of failing
#pragma once

#include <cstdint>
#include <string>

namespace kiosk::idcard {

// ---- Sw3 enum ----
enum class Sw3 : std::uint8_t {
    Ok = 0x90,
    NoContent = 0x91,
    FindOk = 0x9F,
    HostChecksumError = 0x10,
    HostLengthError = 0x11,
    CommandError = 0x21,
    NotPermitted = 0x23,
    UnrecognisedError = 0x24,
    CardAuthSamFailed = 0x31,
    SamAuthCardFailed = 0x32,
    VerificationFailed = 0x33,
    FingerprintError = 0x37,
    InfoLengthError = 0x3F,
    UnknownCardType = 0x40,
    ReadCardFailed = 0x41,
    RandomFailed = 0x47,
    SamSelfTestFailed = 0x60,
    SamNotAuthorised = 0x66,
    NoCard = 0x80,
    SelectFailed = 0x81,
};

// ---- StatusWord ----
struct StatusWord {
    std::uint8_t sw1 = 0;
    std::uint8_t sw2 = 0;
    std::uint8_t sw3 = 0;
    bool is(Sw3 code) const { return sw3 == static_cast<std::uint8_t>(code); }
    bool isSuccess() const { return is(Sw3::Ok) || is(Sw3::FindOk); }
};

// ---- message lookup ----
// Stable English identifier ("read_card_failed"), Chinese message for citizens and an English
// message for technicians. Unknown codes get generic texts.
std::string sw3Name(std::uint8_t sw3);
std::string sw3MessageZh(std::uint8_t sw3);
std::string sw3MessageEn(std::uint8_t sw3);
// "SW 00 00 41 (read_card_failed: reading the card failed)"
std::string describeStatus(const StatusWord& sw);

} // namespace kiosk::idcard
