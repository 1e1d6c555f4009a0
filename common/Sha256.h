// sha256Hex — SHA-256 of a byte string as lowercase hex (OpenSSL EVP). Used by the terminal's audit
// chain and by the server (idempotency payload hashes, enrolment and verification codes).
#pragma once

#include <string>

namespace kiosk::common {

std::string sha256Hex(const std::string& data);

} // namespace kiosk::common
