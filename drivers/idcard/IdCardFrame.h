// GA 467 "SAM-V" serial framing: building frames and parsing them out of a byte stream.
//
// Sections: constants · command catalogue · frame building · FrameParser (stream, resync, bounds).
// Checklist:
//   [x] every command frame of the reference (reset, SAM status/id, find, select, reads, baud, RF size)
//   [x] XOR checksum over Len1..last data byte
//   [x] stream parser: resync on AA AA AA 96 69, split frames, garbage, bad checksum, oversize length
//   [x] response frames too (used by the simulator and tests)
//   [x] wipe(): the buffered bytes (card data) are zeroed, not just dropped
//   [ ] USB raw bulk-endpoint variants (VID 0400 PID C35A): not supported, serial only
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace kiosk::idcard {

// ---- constants ----
inline constexpr std::array<std::uint8_t, 5> kPreamble{0xAA, 0xAA, 0xAA, 0x96, 0x69};
inline constexpr std::size_t kHeaderSize = 7; // preamble + Len1 Len2
// Largest frame the reference lists is the 30 10 read with fingerprint: Len 0x090A. Anything above
// this bound is garbage or a broken reader; it is rejected, not buffered.
inline constexpr std::size_t kMaxFrameLen = 0x0A00;
inline constexpr std::size_t kMinFrameLen = 3; // CMD PARA + CHK (host) / SW1 SW2 + CHK at the least

// ---- command catalogue ----
// One host command: CMD and PARA bytes plus optional data.
struct Command {
    std::uint8_t cmd;
    std::uint8_t para;
    const char* name;
};

namespace cmd {
inline constexpr Command kResetSam{0x10, 0xFF, "reset SAM"};
inline constexpr Command kSamStatus{0x11, 0xFF, "SAM status"};
inline constexpr Command kSamId{0x12, 0xFF, "read SAM id"};
inline constexpr Command kFindCard{0x20, 0x01, "find card"};
inline constexpr Command kSelectCard{0x20, 0x02, "select card"};
inline constexpr Command kReadText{0x30, 0x01, "read text + photo"};
inline constexpr Command kReadAddress{0x30, 0x03, "read additional address"};
inline constexpr Command kReadFingerprint{0x30, 0x10, "read text + photo + fingerprint"};
inline constexpr Command kSetMaxRfFrame{0x61, 0xFF, "set max RF frame size"};
// set baud: 60 00..04 = 115200 / 57600 / 38400 / 19200 / 9600 [verify on hardware]
Command setBaud(int baud);
} // namespace cmd

// ---- frame building ----
// XOR of every byte in `bytes` (callers pass Len1 .. last data byte).
std::uint8_t xorChecksum(std::span<const std::uint8_t> bytes);

// Host -> reader: AA AA AA 96 69 | Len | CMD PARA | data | CHK
std::vector<std::uint8_t> buildCommandFrame(const Command& c, std::span<const std::uint8_t> data = {});
// Reader -> host: AA AA AA 96 69 | Len | SW1 SW2 SW3 | data | CHK
std::vector<std::uint8_t> buildResponseFrame(std::uint8_t sw1, std::uint8_t sw2, std::uint8_t sw3,
                                             std::span<const std::uint8_t> data = {});
// Any frame from its body (the bytes between Len and CHK).
std::vector<std::uint8_t> buildFrame(std::span<const std::uint8_t> body);

// ---- FrameParser ----
// What the parser found in the stream.
enum class FrameIssue {
    BadChecksum,    // a complete frame whose CHK did not match: dropped
    OversizeLength, // Len above kMaxFrameLen: the preamble was skipped
    UndersizeLength // Len below kMinFrameLen: the preamble was skipped
};
const char* frameIssueName(FrameIssue issue);

struct ParsedItem {
    // Set when a valid frame was parsed: its body (bytes after Len, before CHK).
    std::optional<std::vector<std::uint8_t>> body;
    // Set when the parser rejected something instead.
    std::optional<FrameIssue> issue;
};

// Incremental parser: feed bytes as they arrive, then call next() until it returns nullopt.
// Bytes before a preamble are skipped (counted in skippedBytes()); the buffer never grows beyond one
// maximal frame plus the latest feed.
class FrameParser {
public:
    void feed(std::span<const std::uint8_t> bytes);
    std::optional<ParsedItem> next();
    void reset();
    // reset() that also zeroes the whole buffer (it may hold card data).
    void wipe();
    std::size_t buffered() const { return buf_.size() - pos_; }
    std::size_t skippedBytes() const { return skipped_; }
    // True when a preamble was seen and the frame it starts is not complete yet (for "truncated").
    bool midFrame() const;

private:
    void compact();
    std::vector<std::uint8_t> buf_;
    std::size_t pos_ = 0;
    std::size_t skipped_ = 0;
};

} // namespace kiosk::idcard
