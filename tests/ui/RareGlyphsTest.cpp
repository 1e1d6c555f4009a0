// RareGlyphs: names with rare characters (issue 11.5) render with the font's own glyphs, never '?'
// or an empty box, in and beyond the BMP (𫖮 U+2B5AE and 𬌗 U+2C317 through private-use stand-ins).
//
// Sections: atlas glyphs | bad input
//
// The reference is FreeType itself (FreeTypeReference.h): the atlas glyph of each character must be
// that bitmap, pixel for pixel, placed as FreeType places it. A '?' or an empty box has another
// bitmap and fails. RareGlyphsScreenTest checks the same characters in a drawn frame.
#include "tests/ui/FreeTypeReference.h"
#include "text/Utf8.h"
#include "ui/FontSet.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

using namespace kiosk::ui;
using namespace kiosk::ui::test;

namespace {

// The code point ImGui is given for `rare` in the drawable form of `name`.
char32_t drawnCodePoint(const FontSet& fonts, const Name& n) {
    const auto cps = kiosk::text::decodeUtf8(fonts.drawable(n.text));
    REQUIRE(cps);
    REQUIRE(cps->size() == 2);
    return (*cps)[1];
}

// The atlas pixels of a glyph.
Bitmap atlasPixels(const ImFontGlyph& g) {
    unsigned char* tex = nullptr;
    int tw = 0, th = 0;
    ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&tex, &tw, &th);
    Bitmap b;
    b.width = static_cast<int>(g.X1 - g.X0);
    b.height = static_cast<int>(g.Y1 - g.Y0);
    const int x0 = static_cast<int>(std::lround(g.U0 * tw)), y0 = static_cast<int>(std::lround(g.V0 * th));
    for (int y = 0; y < b.height; ++y)
        for (int x = 0; x < b.width; ++x)
            b.pixels.push_back(tex[(y0 + y) * tw + x0 + x]);
    return b;
}

} // namespace

// ---- atlas glyphs ----
TEST_CASE("every rare character of the test names is the font's own glyph, in the BMP and beyond") {
    ImGui::CreateContext();
    FontSet fonts;
    std::string error;
    REQUIRE_MESSAGE(fonts.init(kFont, kFace, kEm, error), error);
    for (const Name& n : kNames)
        fonts.require(n.text);
    CHECK(fonts.needsRebuild()); // characters never seen before
    REQUIRE_MESSAGE(fonts.rebuild(error), error);
    CHECK(fonts.supplementaryCount() == 2);
    const Reference ref;
    const Bitmap question = ref.render(U'?', kEm, false);

    for (const Name& n : kNames) {
        const char32_t drawn = drawnCodePoint(fonts, n);
        if (n.rare > 0xFFFF) {
            CHECK(drawn >= SupplementaryGlyphs::kFirstStandIn);
            CHECK(drawn <= SupplementaryGlyphs::kLastStandIn);
        } else {
            CHECK(drawn == n.rare);
        }
        for (FontSize size : {FontSize::Body, FontSize::Large, FontSize::Title}) {
            CAPTURE(n.text);
            CAPTURE(static_cast<int>(size));
            ImFont* font = fonts.font(size);
            const ImFontGlyph* g = font->FindGlyphNoFallback(static_cast<ImWchar>(drawn));
            REQUIRE(g != nullptr);
            CHECK(g != font->FallbackGlyph);
            CHECK(g->Visible);
            const Bitmap want = ref.render(n.rare, font->FontSize, size == FontSize::Title);
            REQUIRE(want.glyphIndex != 0);                     // the face has it: not its .notdef box
            CHECK(want.ink() > want.width * want.height * 40); // a real character: plenty of ink
            // Placed as ImGui places its own glyphs: on the baseline, with FreeType's advance.
            CHECK(g->X0 == doctest::Approx(want.left));
            CHECK(g->Y0 == doctest::Approx(font->Ascent - want.top));
            CHECK(g->AdvanceX == doctest::Approx(want.advance));
            const Bitmap got = atlasPixels(*g);
            REQUIRE(got.width == want.width);
            REQUIRE(got.height == want.height);
            long diff = 0;
            for (std::size_t i = 0; i < got.pixels.size(); ++i)
                diff += std::abs(got.pixels[i] - want.pixels[i]);
            CHECK(diff == 0);
            CHECK((got.width != question.width || got.height != question.height));
        }
    }
    ImGui::DestroyContext();
}

TEST_CASE("stand-ins stay the same for the process life: a resize rebuilds with the same ones") {
    ImGui::CreateContext();
    FontSet fonts;
    std::string error;
    REQUIRE(fonts.init(kFont, kFace, kEm, error));
    fonts.require("张𬌗");
    fonts.require("陶𫖮");
    REQUIRE(fonts.rebuild(error));
    const std::string before = fonts.drawable("陶𫖮 张𬌗");
    REQUIRE(fonts.init(kFont, kFace, 26.f, error)); // the window became 1024x600
    CHECK(fonts.drawable("陶𫖮 张𬌗") == before);
    fonts.require("陶𫖮张𬌗");
    CHECK_FALSE(fonts.needsRebuild());
    const ImFontGlyph* g = fonts.font(FontSize::Body)->FindGlyphNoFallback(static_cast<ImWchar>(0xE000));
    REQUIRE(g != nullptr);
    CHECK(g->AdvanceX == doctest::Approx(Reference().render(0x2C317, 26.f, false).advance));
    ImGui::DestroyContext();
}

TEST_CASE("a rare character required before the font is read (the string tables) gets its stand-in") {
    ImGui::CreateContext();
    FontSet fonts;
    fonts.require("陶𫖮");
    CHECK(fonts.supplementaryCount() == 0); // not known yet whether the face has it
    std::string error;
    REQUIRE(fonts.init(kFont, kFace, kEm, error));
    CHECK(fonts.supplementaryCount() == 1);
    CHECK(fonts.drawable("陶𫖮") == "陶\xEE\x80\x80");
    CHECK(fonts.font(FontSize::Title)->FindGlyphNoFallback(static_cast<ImWchar>(0xE000)) != nullptr);
    ImGui::DestroyContext();
}

// ---- bad input ----
TEST_CASE("private-use text, characters the font lacks and invalid bytes keep the fallback") {
    ImGui::CreateContext();
    FontSet fonts;
    std::string error;
    REQUIRE(fonts.init(kFont, kFace, kEm, error));
    fonts.require("\xEE\x80\x80");     // U+E000 from the server: the stand-ins' area
    fonts.require("\xF0\x9F\x98\x80"); // U+1F600, an emoji: Noto Sans CJK has none
    fonts.require("\xF3\xB0\x80\x80"); // U+F0000, supplementary private use
    CHECK(fonts.supplementaryCount() == 0);
    CHECK(fonts.drawable("a\xEE\x80\x80") == "a\xEF\xBF\xBD"); // U+FFFD: drawn as the fallback
    CHECK(fonts.drawable("\xF0\x9F\x98\x80") == "\xEF\xBF\xBD");
    CHECK(fonts.drawable("x\xFFy") == "x\xFFy");     // invalid bytes: as ImGui always drew them
    CHECK(fonts.drawable("，。（）") == "，。（）"); // full-width forms (EF BC ..) are not private use
    fonts.require("陶𫖮");
    const std::string drawn = fonts.drawable("陶𫖮");
    CHECK(drawn == "陶\xEE\x80\x80");                 // the first stand-in
    CHECK(fonts.drawable(drawn) == "陶\xEF\xBF\xBD"); // a stand-in in text is not taken as the glyph
    ImGui::DestroyContext();
}
