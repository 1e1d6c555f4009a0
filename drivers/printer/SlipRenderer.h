// Draws a parsed ESC/POS job as the printer would put it on paper (the virtual printer's output side).
//
// Sections: SlipRenderOptions · SlipRenderer (FreeType face kept for the renderer's life, glyph cache).
// Checklist:
//   [x] text in 12x24 (single-byte) and 24x24 (double-byte) cells with width/height multipliers, bold,
//       left/centre/right alignment, automatic wrap at the printable width, line spacing (ESC 2 / ESC 3)
//   [x] QR codes as real modules (libqrencode, model 2) with a 4-module quiet zone above and below
//   [x] CODE128 (GS k 73) bars with HRI text above/below; raster images (GS v 0, all four scale modes)
//   [x] feeds (ESC d, ESC J, GS V feed), cut; bounded height (maxHeightDots) with a warning
//   [ ] other barcode systems (drawn as their data text with a warning), underline, reverse, page mode
#pragma once

#include "drivers/printer/EscposParser.h"
#include "drivers/printer/SlipImage.h"

#include <memory>
#include <string>
#include <vector>

namespace kiosk::printer {

// ---- SlipRenderOptions ----
struct SlipRenderOptions {
    int paperWidthMm = 80;
    std::string fontPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    int fontFaceIndex = 2; // Noto Sans CJK SC in the collection
    int marginDots = 16;   // white paper left and right of the printable area, and above/below the job
    int maxHeightDots = 20000;
};

// ---- SlipRenderer ----
class SlipRenderer {
public:
    explicit SlipRenderer(SlipRenderOptions options = {});
    ~SlipRenderer();
    SlipRenderer(const SlipRenderer&) = delete;
    SlipRenderer& operator=(const SlipRenderer&) = delete;

    // False if the font could not be loaded: text is then drawn as boxes (fontError() says why).
    bool fontLoaded() const;
    const std::string& fontError() const;

    // Renders one job. Rendering problems (unknown barcode system, QR too large...) are appended to
    // *warnings if given.
    SlipImage render(const EscposJob& job, std::vector<std::string>* warnings = nullptr);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace kiosk::printer
