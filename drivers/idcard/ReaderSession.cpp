// Reader session. Sections: helpers (byte order, SAM id text) · time-outs · transact · operations.
// Checklist: see ReaderSession.h.
#include "drivers/idcard/ReaderSession.h"

#include "drivers/idcard/CardTextBlock.h"
#include "drivers/idcard/Ucs2Text.h"

#include <chrono>
#include <cstdio>
#include <string.h>

namespace kiosk::idcard {
// ---- helpers ----
namespace {

using Clock = std::chrono::steady_clock;

bool same(const Command& a, const Command& b) {
    return a.cmd == b.cmd && a.para == b.para;
}

std::uint16_t be16(std::span<const std::uint8_t> d, std::size_t at) {
    return static_cast<std::uint16_t>((d[at] << 8) | d[at + 1]);
}

std::uint32_t le32(std::span<const std::uint8_t> d, std::size_t at) {
    return static_cast<std::uint32_t>(d[at]) | (static_cast<std::uint32_t>(d[at + 1]) << 8) |
           (static_cast<std::uint32_t>(d[at + 2]) << 16) | (static_cast<std::uint32_t>(d[at + 3]) << 24);
}

} // namespace

std::string formatSamId(std::span<const std::uint8_t> d) {
    if (d.size() < 16) return "";
    char b[64];
    std::snprintf(b, sizeof b, "%02u.%02u-%u-%09u-%09u", static_cast<unsigned>(d[0]),
                  static_cast<unsigned>(d[2]), le32(d, 4), le32(d, 8), le32(d, 12));
    return b;
}

// ---- time-outs ----
int ReaderSession::timeoutFor(const Command& c) const {
    // Base time-outs from public drivers, plus twice the wire time of the longest answer at this baud.
    int baseMs = 500;
    std::size_t answerBytes = 16;
    if (same(c, cmd::kResetSam)) baseMs = 300;
    if (same(c, cmd::kFindCard)) baseMs = 800, answerBytes = 15;
    if (same(c, cmd::kSelectCard)) baseMs = 500, answerBytes = 19;
    if (same(c, cmd::kSamId)) answerBytes = 27;
    if (same(c, cmd::kReadText)) baseMs = 1500, answerBytes = 1297;
    if (same(c, cmd::kReadFingerprint)) baseMs = 1500, answerBytes = 2321;
    if (same(c, cmd::kReadAddress)) answerBytes = 80;
    return baseMs + static_cast<int>(2 * wireTimeUs(answerBytes + 10, port_.baud()) / 1000);
}

// ---- transact ----
Result<Response> ReaderSession::transact(const Command& c, int timeoutMs,
                                         std::span<const std::uint8_t> data) {
    parser_.reset();
    port_.flushInput();
    const auto frame = buildCommandFrame(c, data);
    std::string err;
    const IoStatus ws = port_.writeAll(frame, timeoutMs, err);
    if (ws == IoStatus::HangUp) return makeError(ErrorKind::Disconnected, std::string(c.name) + ": " + err);
    if (ws != IoStatus::Ok) return makeError(ErrorKind::IoError, std::string(c.name) + ": " + err);
    sent_ += frame.size();

    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    std::size_t got = 0;
    std::uint8_t buf[4096];
    // Raw answers may hold card data: zero the read buffer and the parser on every way out.
    struct Wiper {
        std::uint8_t* b;
        std::size_t n;
        FrameParser& p;
        ~Wiper() {
            explicit_bzero(b, n);
            p.wipe();
        }
    } wiper{buf, sizeof buf, parser_};
    for (;;) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) break;
        std::size_t n = 0;
        const IoStatus rs = port_.readSome(buf, sizeof buf, static_cast<int>(left), n, err);
        if (rs == IoStatus::HangUp)
            return makeError(ErrorKind::Disconnected, std::string(c.name) + ": " + err);
        if (rs == IoStatus::Error) return makeError(ErrorKind::IoError, std::string(c.name) + ": " + err);
        if (rs == IoStatus::Timeout) continue;
        got += n;
        received_ += n;
        parser_.feed(std::span<const std::uint8_t>(buf, n));
        while (auto item = parser_.next()) {
            if (item->issue) {
                if (*item->issue == FrameIssue::BadChecksum)
                    return makeError(ErrorKind::ResponseChecksum,
                                     std::string(c.name) + ": answer with a bad checksum");
                continue; // implausible length: keep scanning
            }
            auto& body = *item->body;
            if (body.size() < 3)
                return makeError(ErrorKind::MalformedResponse,
                                 std::string(c.name) + ": answer shorter than SW");
            Response r;
            r.sw = StatusWord{body[0], body[1], body[2]};
            r.data.assign(body.begin() + 3, body.end());
            wipeBytes(body);
            return r;
        }
    }
    if (got == 0)
        return makeError(ErrorKind::Timeout,
                         std::string(c.name) + ": no answer within " + std::to_string(timeoutMs) + " ms");
    if (parser_.midFrame())
        return makeError(ErrorKind::TruncatedResponse,
                         std::string(c.name) + ": answer incomplete after " + std::to_string(got) + " bytes");
    return makeError(ErrorKind::Timeout, std::string(c.name) + ": only " + std::to_string(got) +
                                             " bytes of noise within " + std::to_string(timeoutMs) + " ms");
}

Result<Response> ReaderSession::transactRetry(const Command& c, int timeoutMs) {
    auto r = transact(c, timeoutMs);
    const bool damaged =
        (!r.ok() &&
         (r.error().kind == ErrorKind::ResponseChecksum || r.error().kind == ErrorKind::TruncatedResponse)) ||
        (r.ok() && (r.value().sw.is(Sw3::HostChecksumError) || r.value().sw.is(Sw3::HostLengthError)));
    if (damaged) return transact(c, timeoutMs);
    return r;
}

// ---- operations ----
Result<bool> ReaderSession::samStatus() {
    auto r = transactRetry(cmd::kSamStatus, timeoutFor(cmd::kSamStatus));
    if (!r) return r.error();
    const StatusWord sw = r.value().sw;
    if (!sw.is(Sw3::Ok)) return makeStatusError(sw.sw1, sw.sw2, sw.sw3, cmd::kSamStatus.name);
    return true;
}

Result<std::string> ReaderSession::samId() {
    auto r = transactRetry(cmd::kSamId, timeoutFor(cmd::kSamId));
    if (!r) return r.error();
    const StatusWord sw = r.value().sw;
    if (!sw.is(Sw3::Ok)) return makeStatusError(sw.sw1, sw.sw2, sw.sw3, cmd::kSamId.name);
    if (r.value().data.size() < 16)
        return makeError(ErrorKind::MalformedResponse,
                         "read SAM id: " + std::to_string(r.value().data.size()) +
                             " data bytes, expected 16");
    return formatSamId(r.value().data);
}

Result<FindOutcome> ReaderSession::findCard() {
    auto r = transactRetry(cmd::kFindCard, timeoutFor(cmd::kFindCard));
    if (!r) return r.error();
    const StatusWord sw = r.value().sw;
    // 9F per the reference; a few readers answer 90 [verify]: both mean a card is there.
    if (sw.is(Sw3::FindOk) || sw.is(Sw3::Ok)) return FindOutcome::CardFound;
    if (sw.is(Sw3::NoCard)) return FindOutcome::NoCard;
    return makeStatusError(sw.sw1, sw.sw2, sw.sw3, cmd::kFindCard.name);
}

Result<std::optional<CardSerial>> ReaderSession::selectCard() {
    auto r = transactRetry(cmd::kSelectCard, timeoutFor(cmd::kSelectCard));
    if (!r) return r.error();
    const StatusWord sw = r.value().sw;
    if (sw.is(Sw3::SelectFailed)) return std::optional<CardSerial>{};
    if (!sw.is(Sw3::Ok)) return makeStatusError(sw.sw1, sw.sw2, sw.sw3, cmd::kSelectCard.name);
    CardSerial s{};
    const auto& d = r.value().data;
    for (std::size_t i = 0; i < s.size() && i < d.size(); ++i)
        s[i] = d[i];
    return std::optional<CardSerial>{s};
}

Result<IdCard> ReaderSession::readCard(bool withFingerprint) {
    const Command& c = withFingerprint ? cmd::kReadFingerprint : cmd::kReadText;
    auto r = transactRetry(c, timeoutFor(c));
    if (!r) return r.error();
    const StatusWord sw = r.value().sw;
    if (!sw.is(Sw3::Ok)) return makeStatusError(sw.sw1, sw.sw2, sw.sw3, c.name);
    return parseReadData(r.value().data, withFingerprint, c.name);
}

Result<IdCard> parseReadData(std::span<const std::uint8_t> d, bool withFingerprint, const char* name) {
    const std::string cmdName(name);
    const std::size_t lengthsSize = withFingerprint ? 6 : 4;
    if (d.size() < lengthsSize)
        return makeError(ErrorKind::MalformedResponse, cmdName + ": answer without length fields");
    const std::size_t textLen = be16(d, 0);
    const std::size_t photoLen = be16(d, 2);
    const std::size_t fpLen = withFingerprint ? be16(d, 4) : 0;
    if (lengthsSize + textLen + photoLen + fpLen > d.size())
        return makeError(ErrorKind::MalformedResponse,
                         cmdName + ": lengths " + std::to_string(textLen) + "+" + std::to_string(photoLen) +
                             "+" + std::to_string(fpLen) + " exceed the " +
                             std::to_string(d.size() - lengthsSize) + " bytes received");
    if (textLen < kTextBlockSize)
        return makeError(ErrorKind::MalformedResponse,
                         cmdName + ": text block of " + std::to_string(textLen) + " bytes");
    std::string perr;
    auto card = parseTextBlock(d.subspan(lengthsSize, textLen), &perr);
    if (!card) return makeError(ErrorKind::MalformedResponse, cmdName + ": " + perr);
    const auto photo = d.subspan(lengthsSize + textLen, photoLen);
    const auto fp = d.subspan(lengthsSize + textLen + photoLen, fpLen);
    card->photo.assign(photo.begin(), photo.end());
    card->fingerprint.assign(fp.begin(), fp.end());
    return std::move(*card);
}

Result<std::optional<std::string>> ReaderSession::readAdditionalAddress() {
    auto r = transactRetry(cmd::kReadAddress, timeoutFor(cmd::kReadAddress));
    if (!r) return r.error();
    const StatusWord sw = r.value().sw;
    if (sw.is(Sw3::NoContent)) return std::optional<std::string>{};
    if (!sw.is(Sw3::Ok)) return makeStatusError(sw.sw1, sw.sw2, sw.sw3, cmd::kReadAddress.name);
    DecodedText t = decodeUcs2le(r.value().data);
    return std::optional<std::string>{std::move(t.utf8)};
}

} // namespace kiosk::idcard
