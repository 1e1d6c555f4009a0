// FreeTypeReference — the test names of issue 11.5 and FreeType's own rendering of their characters,
// called the way imgui_freetype 1.86 calls it (whole-pixel FT_SIZE_REQUEST_TYPE_REAL_DIM size,
// default hinting, emboldened for the title size). The yardstick of RareGlyphsTest (the atlas) and
// RareGlyphsScreenTest (the frame).
//
// Sections: the test names | FreeType's own rendering
//
//   [x] the six characters of the issue (𫖮 𬌗 beyond the BMP; 䶮 喆 堃 㛃 in it), each in a name
//   [x] a bitmap with FreeType's placement (left, top, ascent, advance) and its glyph index
#pragma once

#include <doctest/doctest.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_SYNTHESIS_H

#include <string>
#include <vector>

namespace kiosk::ui::test {

// ---- the test names ----

inline constexpr const char* kFont = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
constexpr int kFace = 2;    // Noto Sans CJK SC
constexpr float kEm = 47.f; // em at 1920x1080

// The six test characters, each in a name as a card or the server would give it.
struct Name {
    const char* text;
    char32_t rare;
};
inline const Name kNames[] = {
    {"陶𫖮", 0x2B5AE}, {"张𬌗", 0x2C317}, {"李䶮", 0x4DAE},
    {"王喆", 0x5586},  {"刘堃", 0x5803},     {"陈㛃", 0x36C3},
};

// ---- FreeType's own rendering ----
struct Bitmap {
    int width = 0, height = 0, left = 0, top = 0, ascent = 0, advance = 0;
    unsigned glyphIndex = 0;
    std::vector<unsigned char> pixels;
    int at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * width + x]; }
    long ink() const {
        long s = 0;
        for (unsigned char p : pixels)
            s += p;
        return s;
    }
};

class Reference {
public:
    Reference() {
        REQUIRE(FT_Init_FreeType(&lib_) == 0);
        REQUIRE(FT_New_Face(lib_, kFont, kFace, &face_) == 0);
    }
    ~Reference() {
        FT_Done_Face(face_);
        FT_Done_FreeType(lib_);
    }
    Bitmap render(char32_t cp, float size, bool bold) const {
        FT_Size_RequestRec req{};
        req.type = FT_SIZE_REQUEST_TYPE_REAL_DIM;
        req.height = static_cast<FT_Long>(size) * 64;
        FT_Request_Size(face_, &req);
        Bitmap b;
        b.glyphIndex = FT_Get_Char_Index(face_, cp);
        b.ascent = static_cast<int>((face_->size->metrics.ascender + 63) / 64);
        FT_Load_Glyph(face_, b.glyphIndex, FT_LOAD_NO_BITMAP);
        if (bold) FT_GlyphSlot_Embolden(face_->glyph);
        FT_Render_Glyph(face_->glyph, FT_RENDER_MODE_NORMAL);
        const FT_Bitmap& bm = face_->glyph->bitmap;
        b.width = static_cast<int>(bm.width);
        b.height = static_cast<int>(bm.rows);
        b.left = face_->glyph->bitmap_left;
        b.top = face_->glyph->bitmap_top;
        b.advance = static_cast<int>((face_->glyph->advance.x + 63) / 64);
        for (int y = 0; y < b.height; ++y)
            b.pixels.insert(b.pixels.end(), bm.buffer + y * bm.pitch, bm.buffer + y * bm.pitch + b.width);
        return b;
    }

private:
    FT_Library lib_ = nullptr;
    FT_Face face_ = nullptr;
};

} // namespace kiosk::ui::test
