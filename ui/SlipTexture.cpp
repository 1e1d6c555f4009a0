#include "ui/SlipTexture.h"

#include <vector>

namespace kiosk::ui {

SlipTexture::~SlipTexture() {
    release();
}

void SlipTexture::release() {
    if (texture_) SDL_DestroyTexture(texture_), texture_ = nullptr;
    serial_ = 0;
    lines_.clear();
}

ImTextureID SlipTexture::get(const printer::SlipImage& image, std::uint64_t serial) {
    if (image.width <= 0 || image.height <= 0 || serial == 0) return nullptr;
    if (texture_ && serial == serial_) return texture_;
    if (texture_) SDL_DestroyTexture(texture_), texture_ = nullptr;
    lines_.clear();
    std::vector<Uint32> rgba(static_cast<size_t>(image.width) * image.height);
    for (size_t i = 0; i < rgba.size(); ++i) {
        const Uint32 g = image.pixels[i];
        rgba[i] = 0xFF000000u | (g << 16) | (g << 8) | g; // ARGB8888
    }
    texture_ = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC, image.width,
                                 image.height);
    if (!texture_) return nullptr;
    SDL_UpdateTexture(texture_, nullptr, rgba.data(), image.width * 4);
    serial_ = serial;
    lines_ = image.lines;
    return texture_;
}

} // namespace kiosk::ui
