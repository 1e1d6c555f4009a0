// GB18030 codec over iconv. Sections: gb18030CharLength · Gb18030Codec.
#include "drivers/printer/Gb18030Codec.h"

#include <iconv.h>

#include <stdexcept>

namespace kiosk::printer {

// ---- gb18030CharLength ----
int gb18030CharLength(const std::uint8_t* p, std::size_t avail) {
    if (avail == 0) return -1;
    const std::uint8_t b0 = p[0];
    if (b0 < 0x80) return 1;
    if (b0 == 0x80 || b0 == 0xFF) return 0;
    if (avail < 2) return -1;
    const std::uint8_t b1 = p[1];
    if ((b1 >= 0x40 && b1 <= 0x7E) || (b1 >= 0x80 && b1 <= 0xFE)) return 2;
    if (b1 < 0x30 || b1 > 0x39) return 0;
    if (avail < 4) return -1;
    if (p[2] < 0x81 || p[2] > 0xFE || p[3] < 0x30 || p[3] > 0x39) return 0;
    return 4;
}

// ---- Gb18030Codec ----
namespace {
iconv_t openOrThrow(const char* to, const char* from) {
    iconv_t cd = iconv_open(to, from);
    if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv: no converter for GB18030");
    return cd;
}
} // namespace

Gb18030Codec::Gb18030Codec()
    : toGb_(openOrThrow("GB18030", "UTF-32LE")), fromGb_(openOrThrow("UTF-32LE", "GB18030")) {}

Gb18030Codec::~Gb18030Codec() {
    iconv_close(static_cast<iconv_t>(toGb_));
    iconv_close(static_cast<iconv_t>(fromGb_));
}

bool Gb18030Codec::encode(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
        return true;
    }
    char in[4] = {static_cast<char>(cp & 0xFF), static_cast<char>((cp >> 8) & 0xFF),
                  static_cast<char>((cp >> 16) & 0xFF), static_cast<char>((cp >> 24) & 0xFF)};
    char buf[8];
    char* inp = in;
    std::size_t inLeft = sizeof in;
    char* outp = buf;
    std::size_t outLeft = sizeof buf;
    auto cd = static_cast<iconv_t>(toGb_);
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
    if (iconv(cd, &inp, &inLeft, &outp, &outLeft) == static_cast<std::size_t>(-1) || inLeft != 0)
        return false;
    out.append(buf, static_cast<std::size_t>(outp - buf));
    return true;
}

bool Gb18030Codec::decode(const std::uint8_t* p, std::size_t len, char32_t& cp) {
    if (len == 1 && p[0] < 0x80) {
        cp = p[0];
        return true;
    }
    char in[4];
    for (std::size_t i = 0; i < len && i < 4; ++i)
        in[i] = static_cast<char>(p[i]);
    unsigned char buf[8];
    char* inp = in;
    std::size_t inLeft = len;
    char* outp = reinterpret_cast<char*>(buf);
    std::size_t outLeft = sizeof buf;
    auto cd = static_cast<iconv_t>(fromGb_);
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
    if (len > 4 || iconv(cd, &inp, &inLeft, &outp, &outLeft) == static_cast<std::size_t>(-1) || inLeft != 0 ||
        outLeft != 4)
        return false;
    cp = static_cast<char32_t>(buf[0] | (buf[1] << 8) | (buf[2] << 16) |
                               (static_cast<unsigned>(buf[3]) << 24));
    return true;
}

} // namespace kiosk::printer
