// PNG output through stb_image_write. Sections: writeSlipPng · encodeSlipPng.
#include "drivers/printer/SlipImage.h"

#include <stb_image_write.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kiosk::printer {

// ---- writeSlipPng ----
bool writeSlipPng(const SlipImage& image, const std::string& path, std::string* error) {
    if (image.width <= 0 || image.height <= 0) {
        if (error) *error = "empty image";
        return false;
    }
    // A slip shows a citizen's (masked) name and case: the picture is 0600 whatever the umask, so it is
    // encoded in memory and written through a file opened with that mode (stbi_write_png would fopen
    // it 0666 & ~umask).
    const std::vector<std::uint8_t> png = encodeSlipPng(image);
    if (png.empty()) {
        if (error) *error = "cannot encode the slip picture as PNG";
        return false;
    }
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        if (error) *error = "cannot write " + path + ": " + std::strerror(errno);
        return false;
    }
    bool ok = ::fchmod(fd, 0600) == 0; // an existing, wider file is narrowed too
    for (std::size_t off = 0; ok && off < png.size();) {
        const ssize_t n = ::write(fd, png.data() + off, png.size() - off);
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) off += static_cast<std::size_t>(n);
    }
    int err = errno;
    if (::close(fd) != 0 && ok) {
        ok = false;
        err = errno;
    }
    if (!ok && error) *error = "cannot write " + path + ": " + std::strerror(err);
    return ok;
}

// ---- encodeSlipPng ----
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
