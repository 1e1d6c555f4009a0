// Slip rendering. Sections: FreeType glyph cache · canvas · line layout (glyph cells, the line buffer) ·
// symbols (QR, barcode, raster) · render (every op in order: text, feeds, styles, symbols, cut).
#include "drivers/printer/SlipRenderer.h"

#include "drivers/printer/QrMatrix.h"

#include "drivers/printer/Code128.h"
#include "drivers/printer/EscposEncoder.h"
#include "text/Utf8.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <map>
#include <tuple>

namespace kiosk::printer {

// ---- FreeType glyph cache ----
namespace {

struct GlyphBitmap {
    int width = 0, rows = 0, left = 0, top = 0, advance = 0;
    std::vector<std::uint8_t> coverage;
};

struct LineItem {
    char32_t cp = 0;
    int x = 0;     // from the left of the line
    int cellW = 0; // dots
    int cellH = 0;
    bool bold = false;
    bool wide = false;
};

constexpr int kCellH = 24;      // font A height
constexpr int kNarrowCell = 12; // single-byte character width
constexpr int kWideCell = 24;   // double-byte character width
constexpr int kDefaultLineSpacing = 30;

} // namespace

struct SlipRenderer::Impl {
    SlipRenderOptions opt;
    FT_Library lib = nullptr;
    FT_Face face = nullptr;
    std::string fontError;
    std::map<std::tuple<char32_t, int, int>, GlyphBitmap> cache;

    // Per-render state.
    SlipImage img;
    std::vector<std::string>* warnings = nullptr;
    int dots = 576;
    int y = 0;
    bool heightExceeded = false;
    int align = 0;
    bool bold = false;
    int widthMul = 1, heightMul = 1;
    int lineSpacing = kDefaultLineSpacing;
    std::vector<LineItem> line;
    int lineX = 0;

    explicit Impl(SlipRenderOptions o) : opt(std::move(o)) {
        dots = printableDotsForPaper(opt.paperWidthMm);
        if (FT_Init_FreeType(&lib) != 0) {
            fontError = "FreeType initialisation failed";
            lib = nullptr;
            return;
        }
        if (FT_New_Face(lib, opt.fontPath.c_str(), opt.fontFaceIndex, &face) != 0) {
            fontError = "cannot load font " + opt.fontPath + " face " + std::to_string(opt.fontFaceIndex);
            face = nullptr;
        }
    }
    ~Impl() {
        if (face) FT_Done_Face(face);
        if (lib) FT_Done_FreeType(lib);
    }

    void warn(std::string w) {
        if (warnings) warnings->push_back(std::move(w));
    }

    const GlyphBitmap* glyph(char32_t cp, int xpx, int ypx) {
        if (!face) return nullptr;
        const auto key = std::make_tuple(cp, xpx, ypx);
        auto it = cache.find(key);
        if (it != cache.end()) return &it->second;
        GlyphBitmap g;
        if (FT_Set_Pixel_Sizes(face, static_cast<FT_UInt>(xpx), static_cast<FT_UInt>(ypx)) == 0 &&
            FT_Load_Char(face, cp, FT_LOAD_RENDER) == 0) {
            const FT_Bitmap& bm = face->glyph->bitmap;
            g.width = static_cast<int>(bm.width);
            g.rows = static_cast<int>(bm.rows);
            g.left = face->glyph->bitmap_left;
            g.top = face->glyph->bitmap_top;
            g.advance = static_cast<int>(face->glyph->advance.x >> 6);
            if (bm.pixel_mode == FT_PIXEL_MODE_GRAY) {
                g.coverage.resize(static_cast<std::size_t>(g.width) * g.rows);
                for (int r = 0; r < g.rows; ++r)
                    for (int c = 0; c < g.width; ++c)
                        g.coverage[static_cast<std::size_t>(r) * g.width + c] = bm.buffer[r * bm.pitch + c];
            } else {
                g.width = g.rows = 0;
            }
        }
        return &cache.emplace(key, std::move(g)).first->second;
    }

    // ---- canvas ----
    bool ensureHeight(int bottom) {
        if (bottom > opt.maxHeightDots) {
            if (!heightExceeded)
                warn("slip longer than " + std::to_string(opt.maxHeightDots) + " dots: cut short");
            heightExceeded = true;
            return false;
        }
        if (bottom > img.height) {
            img.pixels.resize(static_cast<std::size_t>(img.width) * bottom, 255);
            img.height = bottom;
        }
        return true;
    }
    // x is relative to the printable area.
    void darken(int x, int py, std::uint8_t coverage) {
        const int px = x + opt.marginDots;
        if (px < opt.marginDots || px >= opt.marginDots + dots || py < 0 || py >= img.height) return;
        std::uint8_t& p = img.pixels[static_cast<std::size_t>(py) * img.width + px];
        p = std::min<std::uint8_t>(p, static_cast<std::uint8_t>(255 - coverage));
    }
    void fillRect(int x, int py, int w, int h) {
        if (!ensureHeight(py + h)) return;
        for (int r = 0; r < h; ++r)
            for (int c = 0; c < w; ++c)
                darken(x + c, py + r, 255);
    }
    int alignOffset(int contentWidth) const {
        if (align == 1) return std::max(0, (dots - contentWidth) / 2);
        if (align == 2) return std::max(0, dots - contentWidth);
        return 0;
    }

    // ---- line layout ----
    void drawGlyph(const LineItem& it, int originX, int cellTop) {
        if (it.cp == ' ') return;
        // Single-byte cells are half as wide as double-byte ones: Latin glyphs are drawn at a narrower
        // horizontal size (20/24 of the height per 12 dots of cell) so they fit their cell.
        const int xpx = it.wide ? it.cellW : it.cellW * 5 / 3;
        const GlyphBitmap* g = glyph(it.cp, std::max(1, xpx), std::max(1, it.cellH));
        if (g && !it.wide && g->advance > it.cellW) // wide Latin letters (m, W): squeeze into the cell
            g = glyph(it.cp, std::max(1, xpx * it.cellW / g->advance), std::max(1, it.cellH));
        if (!g || g->width == 0) {
            if (it.cp != 0x3000) { // missing glyph or no font: an outlined box keeps the character visible
                const int bx = originX + 2, by = cellTop + 3, bw = std::max(2, it.cellW - 4),
                          bh = it.cellH - 6;
                for (int c = 0; c < bw; ++c)
                    darken(bx + c, by, 255), darken(bx + c, by + bh - 1, 255);
                for (int r = 0; r < bh; ++r)
                    darken(bx, by + r, 255), darken(bx + bw - 1, by + r, 255);
            }
            return;
        }
        const int baseline = cellTop + it.cellH * 86 / 100;
        const int gx = originX + (it.cellW - g->advance) / 2 + g->left;
        const int gy = baseline - g->top;
        for (int pass = 0; pass < (it.bold ? 2 : 1); ++pass)
            for (int r = 0; r < g->rows; ++r)
                for (int c = 0; c < g->width; ++c) {
                    const std::uint8_t cov = g->coverage[static_cast<std::size_t>(r) * g->width + c];
                    if (cov) darken(gx + c + pass, gy + r, cov);
                }
    }
    void addGlyph(const EscposGlyph& g) {
        const int cellW = (g.wide ? kWideCell : kNarrowCell) * widthMul;
        const int cellH = kCellH * heightMul;
        if (lineX + cellW > dots) printLine(false);
        line.push_back(LineItem{g.cp, lineX, cellW, cellH, bold, g.wide});
        lineX += cellW;
    }

    // Prints the line buffer. An LF with an empty buffer feeds one line.
    void printLine(bool fromLineFeed) {
        if (line.empty()) {
            if (fromLineFeed) y += lineSpacing;
            return;
        }
        int height = 0;
        for (const LineItem& it : line)
            height = std::max(height, it.cellH);
        const int advance = std::max(lineSpacing, height + (lineSpacing > kCellH ? lineSpacing - kCellH : 0));
        std::string words;
        for (const LineItem& it : line)
            text::appendCodePoint(words, it.cp);
        img.lines.push_back(std::move(words));
        if (ensureHeight(y + advance)) {
            const int off = alignOffset(lineX);
            for (const LineItem& it : line)
                drawGlyph(it, off + it.x, y + height - it.cellH);
        }
        y += advance;
        line.clear();
        lineX = 0;
    }

    void drawText(const std::string& ascii, int top) {
        // Centred single-byte text (barcode HRI).
        const int width = static_cast<int>(ascii.size()) * kNarrowCell;
        const int off = std::max(0, (dots - width) / 2);
        img.lines.push_back(ascii);
        if (!ensureHeight(top + kCellH)) return;
        for (std::size_t i = 0; i < ascii.size(); ++i)
            drawGlyph(LineItem{static_cast<unsigned char>(ascii[i]), 0, kNarrowCell, kCellH, false, false},
                      off + static_cast<int>(i) * kNarrowCell, top);
    }

    // ---- symbols ----
    void drawQr(const OpQr& q) {
        printLine(false);
        if (q.model != 0x32) warn("QR model " + std::to_string(q.model) + " drawn as model 2");
        const std::optional<QrMatrix> code = encodeQr(q.data, q.level);
        if (!code) {
            warn("QR data cannot be encoded (" + std::to_string(q.data.size()) + " bytes)");
            return;
        }
        const int m = std::clamp(q.moduleSize, 1, 16);
        const int size = code->width * m;
        if (size > dots)
            warn("QR symbol " + std::to_string(size) + " dots wide is wider than the paper: clipped");
        const int quiet = 4 * m;
        const int top = y + quiet;
        if (ensureHeight(top + size + quiet)) {
            const int off = alignOffset(size);
            for (int r = 0; r < code->width; ++r)
                for (int c = 0; c < code->width; ++c)
                    if (code->at(r, c)) fillRect(off + c * m, top + r * m, m, m);
        }
        y = top + size + quiet;
    }

    void drawBarcode(const OpBarcode& b) {
        printLine(false);
        if (b.system != 73) {
            warn("barcode system " + std::to_string(b.system) + " not drawn; its data is printed as text");
            drawText(b.data, y);
            y += lineSpacing;
            return;
        }
        const Code128Symbol sym = layoutCode128(b.data);
        if (!sym.valid) {
            warn("CODE128 not drawn: " + sym.error);
            return;
        }
        int modules = 0;
        for (int w : sym.moduleWidths)
            modules += w;
        const int mw = std::clamp(b.moduleWidth, 1, 6);
        const int width = modules * mw;
        if (width > dots)
            warn("CODE128 " + std::to_string(width) + " dots wide is wider than the paper: clipped");
        if (b.hriPosition & 1) {
            drawText(sym.humanReadable, y);
            y += kCellH + 4;
        }
        if (ensureHeight(y + b.heightDots)) {
            int x = alignOffset(width);
            bool bar = true;
            for (int w : sym.moduleWidths) {
                if (bar) fillRect(x, y, w * mw, b.heightDots);
                x += w * mw;
                bar = !bar;
            }
        }
        y += b.heightDots;
        if (b.hriPosition & 2) {
            y += 4;
            drawText(sym.humanReadable, y);
            y += kCellH;
        }
        y += 6;
    }

    void drawRaster(const OpRaster& r) {
        printLine(false);
        const int sx = (r.mode & 1) ? 2 : 1, sy = (r.mode & 2) ? 2 : 1;
        const int width = r.widthBytes * 8 * sx;
        if (width > dots)
            warn("raster image " + std::to_string(width) + " dots wide is wider than the paper: clipped");
        if (!ensureHeight(y + r.heightDots * sy)) return;
        const int off = alignOffset(std::min(width, dots));
        for (int row = 0; row < r.heightDots; ++row)
            for (int bx = 0; bx < r.widthBytes; ++bx) {
                const std::uint8_t byte = r.bits[static_cast<std::size_t>(row) * r.widthBytes + bx];
                if (!byte) continue;
                for (int bit = 0; bit < 8; ++bit)
                    if (byte & (0x80 >> bit)) {
                        const int px = off + (bx * 8 + bit) * sx;
                        if (px >= dots) break;
                        fillRect(px, y + row * sy, sx, sy);
                    }
            }
        y += r.heightDots * sy;
    }

    // ---- render ----
    void resetState() {
        align = 0;
        bold = false;
        widthMul = heightMul = 1;
        lineSpacing = kDefaultLineSpacing;
    }

    SlipImage render(const EscposJob& job, std::vector<std::string>* w) {
        warnings = w;
        img = SlipImage{};
        img.width = dots + 2 * opt.marginDots;
        y = opt.marginDots;
        heightExceeded = false;
        line.clear();
        lineX = 0;
        resetState();
        ensureHeight(y);
        for (const EscposOp& op : job.ops) {
            if (heightExceeded) break;
            std::visit(
                [&](const auto& o) {
                    using T = std::decay_t<decltype(o)>;
                    if constexpr (std::is_same_v<T, OpText>) {
                        for (const EscposGlyph& g : o.glyphs)
                            addGlyph(g);
                    } else if constexpr (std::is_same_v<T, OpLineFeed>) {
                        printLine(true);
                    } else if constexpr (std::is_same_v<T, OpFeedLines>) {
                        printLine(false);
                        y += o.lines * lineSpacing;
                    } else if constexpr (std::is_same_v<T, OpFeedDots>) {
                        printLine(false);
                        y += o.dots;
                    } else if constexpr (std::is_same_v<T, OpReset>) {
                        line.clear(); // ESC @ clears the print buffer
                        lineX = 0;
                        resetState();
                    } else if constexpr (std::is_same_v<T, OpAlign>) {
                        align = o.align;
                    } else if constexpr (std::is_same_v<T, OpBold>) {
                        bold = o.on;
                    } else if constexpr (std::is_same_v<T, OpSize>) {
                        widthMul = std::clamp(o.width, 1, 8);
                        heightMul = std::clamp(o.height, 1, 8);
                    } else if constexpr (std::is_same_v<T, OpLineSpacing>) {
                        lineSpacing = o.dots < 0 ? kDefaultLineSpacing : o.dots;
                    } else if constexpr (std::is_same_v<T, OpQr>) {
                        drawQr(o);
                    } else if constexpr (std::is_same_v<T, OpBarcode>) {
                        drawBarcode(o);
                    } else if constexpr (std::is_same_v<T, OpRaster>) {
                        drawRaster(o);
                    } else if constexpr (std::is_same_v<T, OpCut>) {
                        printLine(false);
                    }
                },
                op);
        }
        if (!heightExceeded) printLine(false);
        ensureHeight(std::min(opt.maxHeightDots, y + opt.marginDots));
        warnings = nullptr;
        return std::move(img);
    }
};

SlipRenderer::SlipRenderer(SlipRenderOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
SlipRenderer::~SlipRenderer() = default;
bool SlipRenderer::fontLoaded() const {
    return impl_->face != nullptr;
}
const std::string& SlipRenderer::fontError() const {
    return impl_->fontError;
}
SlipImage SlipRenderer::render(const EscposJob& job, std::vector<std::string>* warnings) {
    return impl_->render(job, warnings);
}

} // namespace kiosk::printer
