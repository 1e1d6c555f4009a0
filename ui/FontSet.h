// FontSet — the CJK fonts the screens use, sized in em, with glyphs added as text appears.
//
// Sections: sizes | glyph tracking | atlas build
//
// Why glyphs are tracked instead of loading a fixed range: names from ID cards and text from the
// server can hold any CJK character (李䶮), and a full-range atlas at 1080p sizes is 64+ MiB.
// Every string drawn goes through require(); an unseen character schedules a rebuild before the
// next frame (that frame shows '?' once; the runner draws again right after the rebuild).
//
// Characters beyond the BMP (𫖮 U+2B5AE) cannot be named by Debian's 16-bit ImWchar: they get a
// private-use stand-in with a FreeType-rendered glyph (SupplementaryGlyphs.h), and every string
// goes to ImGui through drawable(), which swaps them in. The widgets (Widgets.cpp) are the one
// place text reaches ImGui, so they are the one place that calls it.
//
//   [x] Noto Sans CJK SC (face index from config, 2 = SC) through FreeType
//   [x] three sizes (body, large, title) from one em
//   [x] glyph set = ASCII + the string tables + every character required since start
//   [x] characters beyond the BMP that the face has, through private-use stand-ins (stable for the
//       process life); the others still show '?'
//   [ ] shrinking the set again (a kiosk restarts nightly; the set stays small: a few thousand chars)
#pragma once

#include "ui/SupplementaryGlyphs.h"

#include <imgui.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

// ---- sizes ----
enum class FontSize { Body, Large, Title };

class FontSet {
public:
    // Fails (returns false, fills error) when the font file is missing or FreeType cannot load it.
    bool init(const std::string& path, int faceIndex, float emPixels, std::string& error);

    ImFont* font(FontSize size) const;
    float em() const { return em_; }

    // ---- glyph tracking ----
    // Marks every character of utf8 as needed. Cheap when all are known.
    void require(std::string_view utf8);
    bool needsRebuild() const { return dirty_; }
    // `utf8` as ImGui must be given it (to draw or to measure): characters beyond the BMP become
    // their stand-ins. Draw only what went through here; keep the original for the FrameRegistry.
    std::string drawable(std::string_view utf8) const { return supplementary_.map(utf8); }
    // The ImWchar ImGui draws for one code point (its advance measures the character).
    ImWchar drawnAs(char32_t cp) const { return supplementary_.drawnAs(cp); }
    std::size_t supplementaryCount() const { return supplementary_.count(); }

    // ---- atlas build ----
    // Rebuilds the atlas (between frames only). The renderer's font texture must be recreated after.
    bool rebuild(std::string& error);
    size_t glyphCount() const { return codepoints_.size() + supplementary_.count(); }

private:
    std::string path_;
    int faceIndex_ = 2;
    float em_ = 32.f;
    std::set<ImWchar> codepoints_;
    ImVector<ImWchar> ranges_;          // must outlive the atlas build
    std::vector<char> fontData_;        // the font file, read once
    SupplementaryGlyphs supplementary_; // reads fontData_: declared after it, destroyed before it
    ImFont* fonts_[3] = {nullptr, nullptr, nullptr};
    bool dirty_ = true;
};

} // namespace kiosk::ui
