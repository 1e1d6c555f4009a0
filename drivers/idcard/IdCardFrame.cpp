// GA 467 framing implementation. Sections: commands · checksum/building · FrameParser.
// Checklist: see IdCardFrame.h.
#include "drivers/idcard/IdCardFrame.h"

#include <algorithm>
#include <string.h>

namespace kiosk::idcard {

// ---- commands ----
Command cmd::setBaud(int baud) {
    std::uint8_t para = 0x00;
    switch (baud) {
    case 115200:
        para = 0x00;
        break;
    case 57600:
        para = 0x01;
        break;
    case 38400:
        para = 0x02;
        break;
    case 19200:
        para = 0x03;
        break;
    case 9600:
        para = 0x04;
        break;
    default:
        para = 0x00;
        break;
    }
    return Command{0x60, para, "set baud"};
}

// ---- checksum/building ----
std::uint8_t xorChecksum(std::span<const std::uint8_t> bytes) {
    std::uint8_t x = 0;
    for (std::uint8_t b : bytes)
        x ^= b;
    return x;
}

std::vector<std::uint8_t> buildFrame(std::span<const std::uint8_t> body) {
    const std::size_t len = body.size() + 1; // + CHK
    std::vector<std::uint8_t> f(kPreamble.begin(), kPreamble.end());
    f.reserve(kHeaderSize + len);
    f.push_back(static_cast<std::uint8_t>(len >> 8));
    f.push_back(static_cast<std::uint8_t>(len & 0xFF));
    f.insert(f.end(), body.begin(), body.end());
    f.push_back(xorChecksum(std::span(f).subspan(kPreamble.size())));
    return f;
}

std::vector<std::uint8_t> buildCommandFrame(const Command& c, std::span<const std::uint8_t> data) {
    std::vector<std::uint8_t> body{c.cmd, c.para};
    body.insert(body.end(), data.begin(), data.end());
    return buildFrame(body);
}

std::vector<std::uint8_t> buildResponseFrame(std::uint8_t sw1, std::uint8_t sw2, std::uint8_t sw3,
                                             std::span<const std::uint8_t> data) {
    std::vector<std::uint8_t> body{sw1, sw2, sw3};
    body.insert(body.end(), data.begin(), data.end());
    return buildFrame(body);
}

// ---- FrameParser ----
const char* frameIssueName(FrameIssue issue) {
    switch (issue) {
    case FrameIssue::BadChecksum:
        return "bad checksum";
    case FrameIssue::OversizeLength:
        return "oversize length";
    case FrameIssue::UndersizeLength:
        return "undersize length";
    }
    return "?";
}

void FrameParser::feed(std::span<const std::uint8_t> bytes) {
    compact();
    buf_.insert(buf_.end(), bytes.begin(), bytes.end());
}

void FrameParser::reset() {
    buf_.clear();
    pos_ = 0;
}

void FrameParser::wipe() {
    buf_.resize(buf_.capacity());
    if (!buf_.empty()) explicit_bzero(buf_.data(), buf_.size());
    reset();
}

void FrameParser::compact() {
    if (pos_ > 0) {
        buf_.erase(buf_.begin(), buf_.begin() + static_cast<std::ptrdiff_t>(pos_));
        pos_ = 0;
    }
}

bool FrameParser::midFrame() const {
    const std::size_t n = buf_.size() - pos_;
    if (n == 0) return false;
    // Any non-empty remainder that starts like a preamble is an unfinished frame.
    const std::size_t k = std::min(n, kPreamble.size());
    return std::equal(kPreamble.begin(), kPreamble.begin() + static_cast<std::ptrdiff_t>(k),
                      buf_.begin() + static_cast<std::ptrdiff_t>(pos_));
}

std::optional<ParsedItem> FrameParser::next() {
    for (;;) {
        const std::size_t n = buf_.size() - pos_;
        // Find the preamble (or a prefix of it at the very end of the buffer).
        auto begin = buf_.begin() + static_cast<std::ptrdiff_t>(pos_);
        auto it = std::search(begin, buf_.end(), kPreamble.begin(), kPreamble.end());
        if (it == buf_.end()) {
            // Keep the longest suffix that is a prefix of the preamble; skip the rest.
            std::size_t keep = 0;
            for (std::size_t k = std::min(n, kPreamble.size() - 1); k > 0; --k) {
                if (std::equal(kPreamble.begin(), kPreamble.begin() + static_cast<std::ptrdiff_t>(k),
                               buf_.end() - static_cast<std::ptrdiff_t>(k))) {
                    keep = k;
                    break;
                }
            }
            skipped_ += n - keep;
            pos_ = buf_.size() - keep;
            return std::nullopt;
        }
        const std::size_t start = static_cast<std::size_t>(it - buf_.begin());
        skipped_ += start - pos_;
        pos_ = start;
        if (buf_.size() - pos_ < kHeaderSize) return std::nullopt;
        const std::size_t len = (std::size_t{buf_[pos_ + 5]} << 8) | buf_[pos_ + 6];
        if (len > kMaxFrameLen || len < kMinFrameLen) {
            // Not a believable frame: skip this preamble's first byte and resynchronise.
            pos_ += 1;
            skipped_ += 1;
            return ParsedItem{std::nullopt,
                              len > kMaxFrameLen ? FrameIssue::OversizeLength : FrameIssue::UndersizeLength};
        }
        if (buf_.size() - pos_ < kHeaderSize + len) return std::nullopt;
        const auto lenBegin = buf_.begin() + static_cast<std::ptrdiff_t>(pos_ + 5);
        const auto chkPos = buf_.begin() + static_cast<std::ptrdiff_t>(pos_ + kHeaderSize + len - 1);
        const std::uint8_t want = xorChecksum(std::span<const std::uint8_t>(&*lenBegin, 2 + len - 1));
        if (want != *chkPos) {
            pos_ += 1;
            skipped_ += 1;
            return ParsedItem{std::nullopt, FrameIssue::BadChecksum};
        }
        std::vector<std::uint8_t> body(lenBegin + 2, chkPos);
        pos_ += kHeaderSize + len;
        return ParsedItem{std::move(body), std::nullopt};
    }
}

} // namespace kiosk::idcard
