// An 8-bit grey picture of printed paper (255 = white, 0 = black) and its PNG file form.
//
// Sections: SlipImage · writeSlipPng / encodeSlipPng (stb_image_write from Debian's libstb).
// Checklist: [x] PNG to file and to memory  [ ] colour (thermal paper is one colour)
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::printer {

// ---- SlipImage ----
struct SlipImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels; // row-major, width * height
    // What the picture says, one printed line per entry (UTF-8). Screens register it as the
    // picture's words, so a script (and later a screen reader) knows which slip is on screen.
    std::vector<std::string> lines;

    std::uint8_t at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * width + x]; }
};

// ---- writeSlipPng / encodeSlipPng ----
// Returns false and sets *error (if given) when the file cannot be written.
bool writeSlipPng(const SlipImage& image, const std::string& path, std::string* error = nullptr);
std::vector<std::uint8_t> encodeSlipPng(const SlipImage& image);

} // namespace kiosk::printer
