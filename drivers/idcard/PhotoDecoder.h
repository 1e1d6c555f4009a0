// Optional vendor WLT photo decoder, loaded at run time with dlopen:
//   int unpack(char* src, char* dst, int bmpSave)   (1 = success)
//
// Checklist:
//   [x] loaded only when configured; a missing library or symbol is a clear error, never fatal
//   [x] bmpSave is always 0 (vendor libraries write a BMP file when it is 1: the photo must never be stored)
//   [x] output buffer generously oversized; result taken as 102 x 126 BGR rows (bottom-up, each row padded
//       to 4 bytes, as in a 24-bit BMP pixel array) [verify on a vendor library] and returned as RGB top-down
//   [x] every intermediate buffer wiped
//   [ ] no built-in WLT decoder (every decoder is a licensed vendor binary): callers show a placeholder
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::idcard {

class PhotoDecoder {
public:
    PhotoDecoder() = default;
    PhotoDecoder(const PhotoDecoder&) = delete;
    PhotoDecoder& operator=(const PhotoDecoder&) = delete;
    ~PhotoDecoder();

    // Loads the library; on failure returns false with `error` for the technician.
    bool load(const std::string& path, std::string& error);
    bool loaded() const { return unpack_ != nullptr; }
    // Decodes a 1024-byte WLT blob into 102*126*3 RGB bytes; nullopt when not loaded or unpack fails.
    std::optional<std::vector<std::uint8_t>> decode(const std::vector<std::uint8_t>& wlt) const;

    // Row stride of the vendor's 24-bit output for a 102-pixel row (306 -> 308 bytes).
    static constexpr std::size_t kVendorStride = 308;

private:
    using UnpackFn = int (*)(char*, char*, int);
    void* handle_ = nullptr;
    UnpackFn unpack_ = nullptr;
};

} // namespace kiosk::idcard
