#include "ui/SupplementaryGlyphs.h"

#include "text/Utf8.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_SYNTHESIS_H

#include <cstring>

namespace kiosk::ui {

namespace {

constexpr ImWchar kReplacement = 0xFFFD;

bool isPrivateUse(char32_t cp) {
    return cp >= SupplementaryGlyphs::kFirstStandIn && cp <= SupplementaryGlyphs::kLastStandIn;
}

// FreeType's 26.6 fixed point, rounded up to whole pixels (as imgui_freetype does).
long ceilPixels(long v) {
    return (v + 63) / 64;
}

} // namespace

SupplementaryGlyphs::~SupplementaryGlyphs() {
    if (face_) FT_Done_Face(face_);
    if (library_) FT_Done_FreeType(library_);
}

void SupplementaryGlyphs::open(const std::vector<char>& fontData, int faceIndex) {
    if (fontData_) return;
    fontData_ = &fontData;
    faceIndex_ = faceIndex;
    const std::set<char32_t> before = std::move(unchecked_);
    unchecked_.clear();
    for (char32_t cp : before)
        require(cp);
}

bool SupplementaryGlyphs::openFace() {
    if (face_) return true;
    if (faceFailed_ || !fontData_) return false;
    faceFailed_ = true; // tried once: a face FreeType cannot open will not open later either
    if (!library_ && FT_Init_FreeType(&library_) != 0) {
        library_ = nullptr;
        return false;
    }
    if (FT_New_Memory_Face(library_, reinterpret_cast<const FT_Byte*>(fontData_->data()),
                           static_cast<FT_Long>(fontData_->size()), faceIndex_, &face_) != 0) {
        face_ = nullptr;
        return false;
    }
    if (FT_Select_Charmap(face_, FT_ENCODING_UNICODE) != 0) {
        FT_Done_Face(face_);
        face_ = nullptr;
        return false;
    }
    faceFailed_ = false;
    return true;
}

// ---- stand-ins ----
bool SupplementaryGlyphs::require(char32_t cp) {
    if (cp <= 0xFFFF || cp > 0x10FFFF) return false;
    if (standIns_.count(cp) || lacking_.count(cp)) return false;
    if (!fontData_) { // FontSet requires the string tables before the font is read
        unchecked_.insert(cp);
        return false;
    }
    const char32_t next = kFirstStandIn + static_cast<char32_t>(standIns_.size());
    if (next > kLastStandIn || !openFace() || FT_Get_Char_Index(face_, cp) == 0) {
        lacking_.insert(cp);
        return false;
    }
    standIns_.emplace(cp, static_cast<ImWchar>(next));
    return true;
}

ImWchar SupplementaryGlyphs::drawnAs(char32_t cp) const {
    if (cp <= 0xFFFF) return isPrivateUse(cp) ? kReplacement : static_cast<ImWchar>(cp);
    const auto it = standIns_.find(cp);
    return it == standIns_.end() ? kReplacement : it->second;
}

std::string SupplementaryGlyphs::map(std::string_view s) const {
    // Nearly all text has neither a 4-byte sequence (lead F0..F4) nor a private-use one (EE, or
    // EF 80..A3): then it goes to ImGui unchanged.
    bool plain = true;
    for (std::size_t i = 0; i < s.size() && plain; ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b == 0xEE || b >= 0xF0) plain = false;
        if (b == 0xEF && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA4) plain = false;
    }
    if (plain) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t pos = 0; pos < s.size();) {
        const std::size_t start = pos;
        char32_t cp = 0;
        if (!text::nextCodePoint(s, pos, cp)) {
            out.append(s.substr(start, pos - start));
            continue;
        }
        const ImWchar drawn = drawnAs(cp);
        if (drawn == cp)
            out.append(s.substr(start, pos - start));
        else
            text::appendCodePoint(out, drawn);
    }
    return out;
}

// ---- atlas glyphs ----
void SupplementaryGlyphs::addToAtlas(ImFontAtlas& atlas, ImFont* font, float pixelSize, bool bold) {
    if (!face_ || !font || standIns_.empty()) return;
    // What imgui_freetype 1.86 does for its own glyphs: the size is requested as the real extent
    // (ascender - descender) in whole pixels; the fractional part of the ImGui size only scales
    // the layout, not the rendering.
    FT_Size_RequestRec req{};
    req.type = FT_SIZE_REQUEST_TYPE_REAL_DIM;
    req.height = static_cast<FT_Long>(static_cast<unsigned>(pixelSize)) * 64;
    if (FT_Request_Size(face_, &req) != 0) return;
    const int ascent = static_cast<int>(ceilPixels(face_->size->metrics.ascender));
    for (const auto& [cp, id] : standIns_) {
        if (FT_Load_Glyph(face_, FT_Get_Char_Index(face_, cp), FT_LOAD_NO_BITMAP | FT_LOAD_TARGET_NORMAL) !=
            0)
            continue;
        FT_GlyphSlot slot = face_->glyph;
        if (bold) FT_GlyphSlot_Embolden(slot);
        if (FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL) != 0) continue;
        const FT_Bitmap& bm = slot->bitmap;
        if (bm.width == 0 || bm.rows == 0 || bm.pixel_mode != FT_PIXEL_MODE_GRAY) continue; // stays '?'
        Reserved r;
        r.font = font;
        r.id = id;
        r.width = static_cast<int>(bm.width);
        r.height = static_cast<int>(bm.rows);
        r.top = slot->bitmap_top;
        r.ascent = ascent;
        r.pixels.resize(static_cast<std::size_t>(r.width) * r.height);
        for (int y = 0; y < r.height; ++y)
            std::memcpy(&r.pixels[static_cast<std::size_t>(y) * r.width], bm.buffer + y * bm.pitch, r.width);
        // The offset is from the top of the line, as ImGui places its glyphs (ascent - bitmap_top).
        r.rect = atlas.AddCustomRectFontGlyph(
            font, id, r.width, r.height, static_cast<float>(ceilPixels(slot->advance.x)),
            ImVec2(static_cast<float>(slot->bitmap_left), static_cast<float>(ascent - r.top)));
        reserved_.push_back(std::move(r));
    }
}

void SupplementaryGlyphs::finishAtlas(ImFontAtlas& atlas) {
    for (const Reserved& r : reserved_) {
        const ImFontAtlasCustomRect* rect = atlas.GetCustomRectByIndex(r.rect);
        if (!rect->IsPacked()) continue;
        for (int y = 0; y < r.height; ++y) {
            const unsigned char* src = &r.pixels[static_cast<std::size_t>(y) * r.width];
            const std::size_t row = static_cast<std::size_t>(rect->Y + y) * atlas.TexWidth + rect->X;
            if (atlas.TexPixelsAlpha8) {
                std::memcpy(atlas.TexPixelsAlpha8 + row, src, r.width);
            } else if (atlas.TexPixelsRGBA32) { // a colour atlas: white with the coverage as alpha
                for (int x = 0; x < r.width; ++x)
                    atlas.TexPixelsRGBA32[row + x] = IM_COL32(255, 255, 255, src[x]);
            }
        }
        // ImGui's ascent for this font should be the one computed in addToAtlas(); if it is not,
        // move the glyph so that it still sits on ImGui's baseline.
        const int shift = static_cast<int>(r.font->Ascent) - r.ascent;
        if (shift != 0 && r.id < r.font->IndexLookup.Size &&
            r.font->IndexLookup[r.id] != static_cast<ImWchar>(-1)) {
            ImFontGlyph& g = r.font->Glyphs[r.font->IndexLookup[r.id]];
            g.Y0 += static_cast<float>(shift);
            g.Y1 += static_cast<float>(shift);
        }
    }
    reserved_.clear();
}

} // namespace kiosk::ui
