// RareGlyphsScreen: names with rare characters (issue 11.5) drawn by the real widgets in a headless
// window (SDL offscreen, software renderer) show the font's glyphs on screen, not '?' or a box.
//
// Sections: a drawn line
//
// Its own executable: it starts SDL, whose system libraries leave one-time allocations that
// LeakSanitizer cannot name (see tests/ui/CMakeLists.txt); the atlas checks stay in test_ui.
#include "kiosk/StringTable.h"
#include "tests/ui/FreeTypeReference.h"
#include "text/Utf8.h"
#include "ui/DeferredActions.h"
#include "ui/FontSet.h"
#include "ui/FrameRegistry.h"
#include "ui/KioskWindow.h"
#include "ui/Theme.h"
#include "ui/Widgets.h"

#include <doctest/doctest.h>

#include <cmath>
#include <iterator>
#include <string>
#include <vector>

using namespace kiosk::ui;
using namespace kiosk::ui::test;

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
