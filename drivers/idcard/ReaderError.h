// Errors of the reader driver: what went wrong, a Chinese message for the citizen and an English
// detail for the technician; Result<T> is the project's Result (common/Result.h) with this error.
//
// Sections: ErrorKind · ReaderError · Result<T>.
// Checklist:
//   [x] transport errors (open, I/O, hang-up), protocol errors (timeout, truncated, checksum, malformed),
//       device status errors (SW3), photo decoder errors
//   [x] details never contain personal data (callers pass only codes and lengths)
#pragma once

#include "common/Result.h"

#include <cstdint>
#include <string>

namespace kiosk::idcard {

// ---- ErrorKind ----
enum class ErrorKind {
    PortOpenFailed,     // the serial device cannot be opened / configured
    IoError,            // read/write failed
    Disconnected,       // the device vanished (hang-up, EIO, ENXIO)
    Timeout,            // no byte of a response within the command's time-out
    TruncatedResponse,  // a response started but did not complete in time
    ResponseChecksum,   // response frames arrived with a bad checksum (after a retry)
    MalformedResponse,  // a well-framed response whose content makes no sense (lengths, sizes)
    DeviceStatus,       // the reader answered with an error SW3 (see sw3)
    PhotoDecoderFailed, // the configured vendor photo library could not be loaded or failed
};

const char* errorKindName(ErrorKind kind);

// ---- ReaderError ----
struct ReaderError {
    ErrorKind kind = ErrorKind::IoError;
    std::uint8_t sw3 = 0;  // meaningful for DeviceStatus only
    std::string messageZh; // for the citizen / UI
    std::string detail;    // for the technician (English, no personal data)
};

// Builds an error with the standard Chinese message for its kind (or SW3).
ReaderError makeError(ErrorKind kind, std::string detail);
ReaderError makeStatusError(std::uint8_t sw1, std::uint8_t sw2, std::uint8_t sw3, const char* commandName);

// ---- Result<T> ----
// The project's Result (common/Result.h) with the reader's error.
template <class T>
using Result = kiosk::Result<T, ReaderError>;

} // namespace kiosk::idcard
