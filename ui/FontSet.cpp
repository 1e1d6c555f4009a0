#include "ui/FontSet.h"

#include "text/Utf8.h"

#include <imgui_freetype.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace kiosk::ui {

bool FontSet::init(const std::string& path, int faceIndex, float emPixels, std::string& error) {
    path_ = path;
    faceIndex_ = faceIndex;
    em_ = emPixels;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        error = "font file not found: " + path +
                " (install fonts-noto-cjk, or set [ui] font_path in the config to a CJK font)";
        return false;
    }
    // Read once at start-up: rebuilds (new glyphs from a card or the server) then work from memory
    // and never touch the disk on the UI thread.
    if (fontData_.empty()) {
        std::ifstream in(path, std::ios::binary);
        fontData_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        if (!in.good() && !in.eof()) fontData_.clear();
        if (fontData_.empty()) {
            error = "font file cannot be read: " + path + " (check its permissions)";
            return false;
        }
    }
    supplementary_.open(fontData_, faceIndex_);
    for (ImWchar c = 0x20; c < 0x7F; ++c)
        codepoints_.insert(c);
    // Full-width punctuation used everywhere in Chinese text.
    require("，。、；：？！“”‘’（）《》【】…—·￥％");
    return rebuild(error);
}

ImFont* FontSet::font(FontSize size) const {
    return fonts_[static_cast<int>(size)];
}

void FontSet::require(std::string_view s) {
    // ImWchar is 16 bits in Debian's build: characters beyond the BMP go to their stand-ins, and
    // the private-use area is theirs (a private-use character in text is drawn as U+FFFD).
    std::size_t pos = 0;
    char32_t cp = 0;
    while (pos < s.size()) {
        if (!text::nextCodePoint(s, pos, cp)) continue; // drawn as '?' by the line breaker
        if (cp < 0x20) continue;
        if (cp > 0xFFFF) {
            if (supplementary_.require(cp)) dirty_ = true;
            continue;
        }
        if (cp >= SupplementaryGlyphs::kFirstStandIn && cp <= SupplementaryGlyphs::kLastStandIn) continue;
        if (codepoints_.insert(static_cast<ImWchar>(cp)).second) dirty_ = true;
    }
}

bool FontSet::rebuild(std::string& error) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    supplementary_.startAtlas();
    atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();

    ImFontGlyphRangesBuilder builder;
    for (ImWchar c : codepoints_)
        builder.AddChar(c);
    ranges_.clear();
    builder.BuildRanges(&ranges_);

    const float sizes[3] = {em_, em_ * 1.4f, em_ * 1.9f};
    for (int i = 0; i < 3; ++i) {
        ImFontConfig cfg;
        cfg.FontNo = faceIndex_;
        cfg.OversampleH = cfg.OversampleV =
            1; // FreeType renders at exact size; oversampling only costs memory
        cfg.PixelSnapH = true;
        // SupplementaryGlyphs renders its glyphs as these flags make imgui_freetype render (default
        // hinting, bold for the title): change both together (tests/ui/RareGlyphsTest compares them).
        cfg.FontBuilderFlags = i == 2 ? ImGuiFreeTypeBuilderFlags_Bold : 0;
        std::snprintf(cfg.Name, sizeof(cfg.Name), "NotoSansCJK-%d", static_cast<int>(sizes[i]));
        cfg.FontDataOwnedByAtlas = false; // fontData_ outlives every atlas built from it
        fonts_[i] = atlas->AddFontFromMemoryTTF(fontData_.data(), static_cast<int>(fontData_.size()),
                                                sizes[i], &cfg, ranges_.Data);
        if (!fonts_[i]) {
            error = "cannot load font " + path_ + " face " + std::to_string(faceIndex_);
            return false;
        }
        supplementary_.addToAtlas(*atlas, fonts_[i], sizes[i], i == 2);
    }
    if (!atlas->Build()) {
        error = "font atlas build failed for " + path_ + " face " + std::to_string(faceIndex_) +
                " (is it a CJK .ttc with that face index?)";
        return false;
    }
    supplementary_.finishAtlas(*atlas);
    dirty_ = false;
    return true;
}

} // namespace kiosk::ui
