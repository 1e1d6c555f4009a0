// One conversation with a reader over an open SerialPort: send a command frame, wait for the answer,
// decode it. Synchronous; the ReaderService calls it from its worker thread, the CLI directly.
//
// Sections: Response (and the operations' answer types) · ReaderSession (transact, operations, time-outs,
// byte counts) · answer parsing (parseReadData, formatSamId).
// Checklist:
//   [x] transact(): flush stale input, write, parse with resync, time-out per command (scaled by baud)
//   [x] bad checksum / truncated answer / host-frame checksum (SW3 10) retried once, then an error
//   [x] SAM status, SAM id ("%02d.%02d-%u-%09u-%09u" [verify]), find, select (8-byte card serial),
//       read 30 01 / 30 10 (length checks, text parse), additional address 30 03 (SW3 91 = none)
//   [x] counts bytes sent/received (the benchmark's wire time)
//   [x] raw answer bytes (read buffer, parser) zeroed after every transaction
//   [ ] reset SAM (10 FF), set baud (60 xx), set RF frame size (61 FF) are built (IdCardFrame.h) but not
//       used by the session: the reader is used at the baud it is configured for
#pragma once

#include "drivers/idcard/IdCard.h"
#include "drivers/idcard/IdCardFrame.h"
#include "drivers/idcard/ReaderError.h"
#include "drivers/idcard/ReaderStatus.h"
#include "drivers/idcard/SerialPort.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::idcard {

// ---- Response ----
struct Response {
    StatusWord sw;
    std::vector<std::uint8_t> data; // after SW3, before CHK (wiped on destruction: may hold card data)
    Response() = default;
    Response(const Response&) = default;
    Response(Response&&) noexcept = default;
    Response& operator=(const Response&) = default;
    Response& operator=(Response&&) noexcept = default;
    ~Response() { wipeBytes(data); }
};

using CardSerial = std::array<std::uint8_t, 8>;

enum class FindOutcome { CardFound, NoCard };

// ---- ReaderSession ----
class ReaderSession {
public:
    explicit ReaderSession(SerialPort& port) : port_(port) {}

    // Sends one command and returns the reader's answer, whatever its SW3 (no retry).
    Result<Response> transact(const Command& c, int timeoutMs, std::span<const std::uint8_t> data = {});
    // transact() with one retry on a damaged answer (checksum, truncated, SW3 10/11).
    Result<Response> transactRetry(const Command& c, int timeoutMs);

    Result<bool> samStatus();       // true when SW3 90; an error SW3 (e.g. 60 self-test) is an error
    Result<std::string> samId();    // formatted SAM id
    Result<FindOutcome> findCard(); // 9F -> CardFound, 80 -> NoCard
    Result<std::optional<CardSerial>> selectCard();             // 90 -> serial, 81 -> nullopt
    Result<IdCard> readCard(bool withFingerprint);              // parsed card (photo kept, text parsed)
    Result<std::optional<std::string>> readAdditionalAddress(); // 91 -> nullopt

    int timeoutFor(const Command& c) const;
    std::size_t bytesSent() const { return sent_; }
    std::size_t bytesReceived() const { return received_; }
    void resetCounters() { sent_ = received_ = 0; }

private:
    SerialPort& port_;
    FrameParser parser_;
    std::size_t sent_ = 0;
    std::size_t received_ = 0;
};

// ---- answer parsing ----
// Parses the data of a successful 30 01 / 30 10 answer (after SW3): length fields, text block, photo,
// fingerprint. Bounds-checked; a MalformedResponse error names the command and the lengths.
Result<IdCard> parseReadData(std::span<const std::uint8_t> data, bool withFingerprint,
                             const char* commandName);

// Formats the 16 data bytes of a 12 FF answer; "" when too short.
std::string formatSamId(std::span<const std::uint8_t> data);

} // namespace kiosk::idcard
