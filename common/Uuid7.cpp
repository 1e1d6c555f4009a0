// UUIDv7 generation (see Uuid7.h).
#include "common/Uuid7.h"

#include <chrono>
#include <cstdio>

#include <openssl/rand.h>

namespace kiosk::common {

std::string newUuid7(std::int64_t unixMs) {
    unsigned char b[16];
    RAND_bytes(b, sizeof b);
    for (int i = 0; i < 6; ++i)
        b[i] = static_cast<unsigned char>(static_cast<std::uint64_t>(unixMs) >> (40 - 8 * i));
    b[6] = static_cast<unsigned char>(0x70 | (b[6] & 0x0f));
    b[8] = static_cast<unsigned char>(0x80 | (b[8] & 0x3f));
    char out[37];
    std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                  b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
                  b[14], b[15]);
    return out;
}

std::string newUuid7() {
    using namespace std::chrono;
    return newUuid7(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
}

bool isUuid(const std::string& s) {
    if (s.size() != 36) return false;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

} // namespace kiosk::common
