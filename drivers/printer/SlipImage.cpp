// PNG output through stb_image_write. Sections: writeSlipPng · encodeSlipPng.
#include "drivers/printer/SlipImage.h"

#include <stb_image_write.h>

#include <cerrno>
#include <cstring>

namespace kiosk::printer {

bool writeSlipPng(const SlipImage& image, const std::string& path, std::string* error) {
    if (image.width <= 0 || image.height <= 0) {
        if (error) *error = "empty image";
        return false;
    }
    errno = 0;
    if (stbi_write_png(path.c_str(), image.width, image.height, 1, image.pixels.data(), image.width) == 0) {
        if (error) *error = "cannot write " + path + (errno ? std::string(": ") + std::strerror(errno) : "");
        return false;
    }
    return true;
}

std::vector<std::uint8_t> encodeSlipPng(const SlipImage& image) {
    std::vector<std::uint8_t> out;
    if (image.width <= 0 || image.height <= 0) return out;
    stbi_write_png_to_func(
        [](void* ctx, void* data, int size) {
            auto* v = static_cast<std::vector<std::uint8_t>*>(ctx);
            auto* p = static_cast<std::uint8_t*>(data);
            v->insert(v->end(), p, p + size);
        },
        &out, image.width, image.height, 1, image.pixels.data(), image.width);
    return out;
}

} // namespace kiosk::printer
