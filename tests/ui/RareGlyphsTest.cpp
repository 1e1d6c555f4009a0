// RareGlyphs: names with rare characters (issue 11.5) render with the font's own glyphs, never '?'
// or an empty box, in and beyond the BMP (𫖮 U+2B5AE and 𬌗 U+2C317 through private-use stand-ins).
//
// Sections: FreeType's own rendering | atlas glyphs | a drawn line | bad input
//
// The reference is FreeType itself, called here the way imgui_freetype 1.86 calls it (whole-pixel
// REAL_DIM size, default hinting, emboldened for the title size): the atlas glyph of each character
// must be that bitmap, pixel for pixel, and a line drawn by the real widgets in a headless window
// must show it where the character is. A '?' or an empty box has another bitmap and fails both.
#include "kiosk/StringTable.h"
#include "text/Utf8.h"
#include "ui/DeferredActions.h"
#include "ui/FontSet.h"
#include "ui/FrameRegistry.h"
#include "ui/KioskWindow.h"
#include "ui/Theme.h"
#include "ui/Widgets.h"

#include <doctest/doctest.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_SYNTHESIS_H

#include <cmath>
#include <iterator>
#include <string>
#include <vector>

using namespace kiosk::ui;

namespace {

const char* kFont = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
constexpr int kFace = 2;    // Noto Sans CJK SC
constexpr float kEm = 47.f; // em at 1920x1080

// The six test characters, each in a name as a card or the server would give it.
struct Name {
    const char* text;
    char32_t rare;
};
const Name kNames[] = {
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

// ---- a drawn line ----
// The real widgets in a headless window (SDL offscreen, software renderer): the frame's pixels at
// each rare character are FreeType's bitmap blended over the background. Saves the frame as
// tests/ui/screenshots/rare_names.png in the build tree, to be looked at.
TEST_CASE("names with rare characters drawn by the widgets show the font's glyphs on screen") {
    KioskWindow window;
    std::string error;
    const Theme theme;
    REQUIRE_MESSAGE(window.open(WindowOptions{true, false, 1920, 1080}, theme.background, error), error);
    FontSet fonts;
    REQUIRE_MESSAGE(fonts.init(kFont, kFace, kEm, error), error);
    const kiosk::StringTable strings = kiosk::StringTable::load("zh-CN");
    FrameRegistry registry;
    DeferredActions later;
    Ui ui{fonts, strings, registry, theme, kEm, later};
    std::vector<ImVec2> origins;
    auto frame = [&] {
        if (fonts.needsRebuild()) {
            REQUIRE(fonts.rebuild(error));
            window.fontsChanged();
        }
        window.newFrame();
        ImGui::NewFrame();
        registry.beginFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("rare", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground);
        origins.clear();
        ImGui::SetCursorScreenPos(ImVec2(100, 100));
        for (const Name& n : kNames) {
            ImGui::SetCursorScreenPos(ImVec2(100, ImGui::GetCursorScreenPos().y));
            origins.push_back(ImGui::GetCursorScreenPos());
            text(ui, n.text, FontSize::Title, theme.text);
        }
        ImGui::SetCursorScreenPos(ImVec2(800, 100));
        button(ui, "陶𫖮", ImVec2(kEm * 6, kEm * 2.2f));
        ImGui::End();
        registry.endFrame();
        window.render();
    };
    frame(); // the first frame asks for the glyphs
    frame(); // drawn with them
    CHECK_FALSE(fonts.needsRebuild());
    for (const Name& n : kNames)
        CHECK(registry.showsText(n.text)); // a script reads the real characters, not the stand-ins
    CHECK(registry.findTappable("陶𫖮") != nullptr);

    int w = 0, h = 0;
    SDL_GetRendererOutputSize(window.renderer(), &w, &h);
    std::vector<Uint32> px(static_cast<std::size_t>(w) * h);
    REQUIRE(SDL_RenderReadPixels(window.renderer(), nullptr, SDL_PIXELFORMAT_ARGB8888, px.data(), w * 4) ==
            0);
    const std::string png = std::string(KIOSK_BINARY_DIR) + "/tests/ui/screenshots/rare_names.png";
    CHECK_MESSAGE(window.saveScreenshot(png).empty(), png);

    // Coverage seen on screen: how far each pixel went from the background towards the text colour.
    auto coverage = [&](int x, int y) {
        const Uint32 p = px[static_cast<std::size_t>(y) * w + x];
        const float seen = static_cast<float>((p >> 8) & 0xFF); // green channel
        const float bg = static_cast<float>((theme.background >> 8) & 0xFF);
        const float fg = static_cast<float>((theme.text >> 8) & 0xFF);
        return 255.f * (bg - seen) / (bg - fg);
    };
    const Reference ref;
    ImFont* title = fonts.font(FontSize::Title);
    for (std::size_t i = 0; i < std::size(kNames); ++i) {
        const Name& n = kNames[i];
        CAPTURE(n.text);
        const Bitmap want = ref.render(n.rare, title->FontSize, true);
        // The rare character is the second: after the surname's advance.
        const auto first = kiosk::text::decodeUtf8(n.text);
        REQUIRE(first);
        const int x0 =
            static_cast<int>(origins[i].x + title->GetCharAdvance(static_cast<ImWchar>((*first)[0]))) +
            want.left;
        const int y0 = static_cast<int>(origins[i].y) + static_cast<int>(title->Ascent) - want.top;
        double err = 0, ink = 0;
        for (int y = 0; y < want.height; ++y)
            for (int x = 0; x < want.width; ++x) {
                err += std::fabs(coverage(x0 + x, y0 + y) - want.at(x, y));
                ink += want.at(x, y);
            }
        // The software renderer blends in 8 bits: a little rounding, nothing like another glyph.
        CHECK(err / ink < 0.05);
    }
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
