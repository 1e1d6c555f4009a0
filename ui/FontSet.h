// FontSet — the CJK fonts the screens use, sized in em, with glyphs added as text appears.
//
// Sections: sizes | glyph tracking | atlas build
//
// Why glyphs are tracked instead of loading a fixed range: names from ID cards and text from the
// server can hold any CJK character (李䶮), and a full-range atlas at 1080p sizes is 64+ MiB.
// Every string drawn goes through require(); an unseen character schedules a rebuild before the
// next frame (that frame shows '?' once; the runner draws again right after the rebuild).
//
//   [x] Noto Sans CJK SC (face index from config, 2 = SC) through FreeType
//   [x] three sizes (body, large, title) from one em
//   [x] glyph set = ASCII + the string tables + every character required since start
//   [ ] shrinking the set again (a kiosk restarts nightly; the set stays small: a few thousand chars)
#pragma once

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

    // ---- atlas build ----
    // Rebuilds the atlas (between frames only). The renderer's font texture must be recreated after.
    bool rebuild(std::string& error);
    size_t glyphCount() const { return codepoints_.size(); }

private:
    std::string path_;
    int faceIndex_ = 2;
    float em_ = 32.f;
    std::set<ImWchar> codepoints_;
    ImVector<ImWchar> ranges_;   // must outlive the atlas build
    std::vector<char> fontData_; // the font file, read once
    ImFont* fonts_[3] = {nullptr, nullptr, nullptr};
    bool dirty_ = true;
};

} // namespace kiosk::ui
