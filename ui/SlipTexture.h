// SlipTexture — a slip picture (8-bit grey, from the printer driver) as a texture ImGui can draw.
// Re-uploaded only when the picture's serial changes. Serials are unique for the terminal's life
// (kiosk/SlipTracker never reuses one), so a cached texture cannot pass for another citizen's slip. The
// texture also keeps the words of the picture it holds: the dialog registers those, so a script
// checks what is really on screen, not what the flow meant to show.
#pragma once

#include "drivers/printer/SlipImage.h"

#include <SDL.h>
#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::ui {

class SlipTexture {
public:
    explicit SlipTexture(SDL_Renderer* renderer) : renderer_(renderer) {}
    ~SlipTexture();
    SlipTexture(const SlipTexture&) = delete;
    SlipTexture& operator=(const SlipTexture&) = delete;

    // The texture for `image` (null when the image is empty or cannot be uploaded).
    ImTextureID get(const printer::SlipImage& image, std::uint64_t serial);
    // Drops the picture (the dialog closed, the citizen left): nothing of one citizen's slip stays
    // in video memory for the next.
    void release();
    // The words of the picture the texture holds now (empty when none).
    const std::vector<std::string>& shownLines() const { return lines_; }

private:
    SDL_Renderer* renderer_;
    SDL_Texture* texture_ = nullptr;
    std::uint64_t serial_ = 0;
    std::vector<std::string> lines_;
};

} // namespace kiosk::ui
