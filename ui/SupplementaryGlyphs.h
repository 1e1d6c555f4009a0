// SupplementaryGlyphs — characters beyond the BMP (𫖮 U+2B5AE, 𬌗 U+2C317) drawn by an ImGui whose
// ImWchar is 16 bits: each one the font has gets a private-use stand-in, with a glyph FreeType renders.
//
// Sections: stand-ins | atlas glyphs
//
// Why: Debian builds Dear ImGui 1.86 with 16-bit ImWchar. Its UTF-8 decoder turns every code point
// above U+FFFF into U+FFFD, and no glyph range can name one, so a rare name from a card or the
// server showed '?'. A custom-rect glyph (ImFontAtlas::AddCustomRectFontGlyph) takes any ImWchar
// as its id, so the character is given a code point of the BMP private-use area (U+E000..U+F8FF)
// and that glyph gets the character's bitmap, rendered here by FreeType and copied into the atlas
// after Build(). The text handed to ImGui carries the stand-in (map()); FontSet does this for every
// widget, and the text a script reads (FrameRegistry) keeps the real character.
//
//   [x] stand-ins from U+E000 upward in order of first sight, never reused or renumbered while the
//       process lives (a resize rebuilds the atlas with the same ones)
//   [x] only characters the face has (FT_Get_Char_Index); the others keep ImGui's fallback glyph
//   [x] rendered as imgui_freetype 1.86 renders its own glyphs: the same face, pixel height in whole
//       pixels (1.86 truncates the size), FT_SIZE_REQUEST_TYPE_REAL_DIM, default hinting, emboldened
//       for the bold size, advance rounded up; so they sit on the baseline like their neighbours
//   [x] a private-use character arriving in text becomes U+FFFD: the stand-ins own that area (the
//       configured Noto Sans CJK has no private-use glyphs, so such text showed '?' before too)
//   [x] its own FreeType face on FontSet's copy of the file (imgui_freetype closes its faces after each
//       build), opened only when the first such character arrives: ~1 MiB (docs/PERFORMANCE.md)
//   [x] at most 6400 stand-ins (the area's size); the configured face has 2590 characters beyond
//       the BMP, so every one of them fits
//   [ ] a second face for characters Noto Sans CJK SC lacks (it has all six test characters; see
//       docs/ARCHITECTURE.md "Fonts and em" for what it covers beyond the BMP)
#pragma once

#include <imgui.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

struct FT_LibraryRec_;
struct FT_FaceRec_;

namespace kiosk::ui {

class SupplementaryGlyphs {
public:
    SupplementaryGlyphs() = default;
    ~SupplementaryGlyphs();
    SupplementaryGlyphs(const SupplementaryGlyphs&) = delete;
    SupplementaryGlyphs& operator=(const SupplementaryGlyphs&) = delete;

    // Takes the font bytes (which must outlive this object) and the face to use. The FreeType face
    // (about 1 MiB) is opened when the first character beyond the BMP is required, so a day
    // without one costs nothing; characters required before open() are checked then.
    void open(const std::vector<char>& fontData, int faceIndex);

    // ---- stand-ins ----
    static constexpr char32_t kFirstStandIn = 0xE000;
    static constexpr char32_t kLastStandIn = 0xF8FF;

    // Gives `cp` (above U+FFFF) a stand-in when the face has it. True when a new stand-in was
    // given: the atlas must be rebuilt for it to show.
    bool require(char32_t cp);
    // The code point ImGui is given for `cp`: itself in the BMP, its stand-in, or U+FFFD (drawn as
    // the font's fallback) for a private-use character or a character without a stand-in.
    ImWchar drawnAs(char32_t cp) const;
    // `utf8` as ImGui must be given it: drawnAs() applied to every character. Invalid bytes are kept
    // as they are (ImGui draws them as it always did).
    std::string map(std::string_view utf8) const;
    std::size_t count() const { return standIns_.size(); }

    // ---- atlas glyphs ----
    // After atlas.Clear(): forgets what an earlier (perhaps failed) build reserved.
    void startAtlas() { reserved_.clear(); }
    // Before atlas.Build(): renders every stand-in at `pixelSize` (bold: as ImGuiFreeTypeBuilderFlags_Bold)
    // and reserves a custom-rect glyph for it in `font`.
    void addToAtlas(ImFontAtlas& atlas, ImFont* font, float pixelSize, bool bold);
    // After atlas.Build(): copies the bitmaps into the atlas texture and puts each glyph on its
    // font's baseline. The renderer's texture must be made from the atlas after this.
    void finishAtlas(ImFontAtlas& atlas);

private:
    struct Reserved {
        int rect = -1;
        ImFont* font = nullptr;
        ImWchar id = 0;
        int width = 0, height = 0;
        int top = 0;    // FreeType's bitmap_top: rows above the baseline
        int ascent = 0; // the font's ascent as computed here, checked against ImGui's after Build()
        std::vector<unsigned char> pixels;
    };

    bool openFace(); // false: FreeType cannot open it (every character then keeps the fallback)

    const std::vector<char>* fontData_ = nullptr;
    int faceIndex_ = 0;
    bool faceFailed_ = false;
    FT_LibraryRec_* library_ = nullptr;
    FT_FaceRec_* face_ = nullptr;
    std::map<char32_t, ImWchar> standIns_;
    std::set<char32_t> lacking_;   // checked: the face has no glyph (not asked again)
    std::set<char32_t> unchecked_; // required before open()
    std::vector<Reserved> reserved_;
};

} // namespace kiosk::ui
