// dlopen'ed vendor photo decoder. Sections: load · decode. Checklist: see PhotoDecoder.h.
#include "drivers/idcard/PhotoDecoder.h"

#include "drivers/idcard/IdCard.h"

#include <dlfcn.h>

namespace kiosk::idcard {

// ---- load ----
PhotoDecoder::~PhotoDecoder() {
    if (handle_) ::dlclose(handle_);
}

bool PhotoDecoder::load(const std::string& path, std::string& error) {
    if (handle_) ::dlclose(handle_);
    handle_ = nullptr;
    unpack_ = nullptr;
    void* h = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char* e = ::dlerror();
        error = "cannot load photo decoder " + path + ": " + (e ? e : "unknown error");
        return false;
    }
    void* sym = ::dlsym(h, "unpack");
    if (!sym) {
        error = "photo decoder " + path + " has no symbol 'unpack'";
        ::dlclose(h);
        return false;
    }
    handle_ = h;
    unpack_ = reinterpret_cast<UnpackFn>(sym);
    return true;
}

// ---- decode ----
std::optional<std::vector<std::uint8_t>> PhotoDecoder::decode(const std::vector<std::uint8_t>& wlt) const {
    if (!unpack_ || wlt.size() != 1024) return std::nullopt;
    std::vector<std::uint8_t> src(wlt);
    // Vendors differ (raw pixels, BMP with header); 64 KiB covers every known layout with room to spare.
    std::vector<std::uint8_t> dst(65536, 0);
    const int rc = unpack_(reinterpret_cast<char*>(src.data()), reinterpret_cast<char*>(dst.data()), 0);
    wipeBytes(src);
    if (rc != 1) {
        wipeBytes(dst);
        return std::nullopt;
    }
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(kPhotoWidth * kPhotoHeight * 3));
    for (int y = 0; y < kPhotoHeight; ++y) {
        const std::size_t srcRow = static_cast<std::size_t>(kPhotoHeight - 1 - y) * kVendorStride;
        for (int x = 0; x < kPhotoWidth; ++x) {
            const std::size_t s = srcRow + static_cast<std::size_t>(x) * 3;
            const std::size_t d =
                (static_cast<std::size_t>(y) * kPhotoWidth + static_cast<std::size_t>(x)) * 3;
            rgb[d] = dst[s + 2];
            rgb[d + 1] = dst[s + 1];
            rgb[d + 2] = dst[s];
        }
    }
    wipeBytes(dst);
    return rgb;
}

} // namespace kiosk::idcard
