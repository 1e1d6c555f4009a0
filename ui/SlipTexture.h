// SlipTexture — a slip picture (8-bit grey, from the printer driver) as a texture ImGui can draw.
// Re-uploaded only when the picture's version changes.
#pragma once

#include "drivers/printer/SlipImage.h"

#include <SDL.h>
#include <imgui.h>

namespace kiosk::ui {

class SlipTexture {
public:
    explicit SlipTexture(SDL_Renderer* renderer) : renderer_(renderer) {}
    ~SlipTexture();
    SlipTexture(const SlipTexture&) = delete;
    SlipTexture& operator=(const SlipTexture&) = delete;

    // The texture for `image` (null when the image is empty or cannot be uploaded).
    ImTextureID get(const printer::SlipImage& image, int version);

private:
    SDL_Renderer* renderer_;
    SDL_Texture* texture_ = nullptr;
    int version_ = -1;
};

} // namespace kiosk::ui
