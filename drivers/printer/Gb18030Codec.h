// GB18030 <-> Unicode for single characters, through glibc's iconv (no extra package).
//
// Sections: gb18030CharLength · Gb18030Codec (encode one code point, decode one GB18030 character).
// Checklist:
//   [x] 1-, 2- and 4-byte GB18030 sequences both ways
//   [x] one iconv descriptor pair per codec object (iconv state is not shared between threads)
//   [ ] bulk conversion (per-character calls are fast enough for slips: see docs/PRINTER.md)
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace kiosk::printer {

// ---- gb18030CharLength ----
// Length of the GB18030 character starting at p (1, 2 or 4), or 0 if the bytes are not a valid
// lead sequence; `avail` bytes are readable. Returns -1 if more bytes are needed.
int gb18030CharLength(const std::uint8_t* p, std::size_t avail);

// ---- Gb18030Codec ----
class Gb18030Codec {
public:
    Gb18030Codec(); // throws std::runtime_error if glibc lacks the GB18030 converter
    ~Gb18030Codec();
    Gb18030Codec(const Gb18030Codec&) = delete;
    Gb18030Codec& operator=(const Gb18030Codec&) = delete;

    // Appends the GB18030 bytes of cp to out; false (out untouched) if cp has no GB18030 form.
    bool encode(char32_t cp, std::string& out);
    // Decodes one complete character of `len` bytes (as measured by gb18030CharLength).
    bool decode(const std::uint8_t* p, std::size_t len, char32_t& cp);

private:
    void* toGb_;   // iconv_t UTF-32LE -> GB18030
    void* fromGb_; // iconv_t GB18030 -> UTF-32LE
};

} // namespace kiosk::printer
