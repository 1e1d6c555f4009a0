// UUIDv7 record ids (RFC 9562): 48-bit Unix milliseconds, version 7, 74 random bits. Time-ordered, so ids
// sort roughly by creation; the per-terminal seq gives the exact order.
#pragma once

#include <cstdint>
#include <string>

namespace kiosk::common {

std::string newUuid7(std::int64_t unixMs);
std::string newUuid7(); // now
bool isUuid(const std::string& s);

} // namespace kiosk::common
