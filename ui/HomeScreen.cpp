// HomeScreen — the hall's entries as large tiles: 2 or 3 columns in landscape, a column in portrait.
// The tiles are the hall's flows, in the catalog's order, each with its strings (ui/ScreenCatalog.cpp).
#include "ui/Screens.h"

namespace kiosk::ui {

void drawHomeScreen(Ui& ui, ScreenContext& ctx, std::span<const HomeTile> tiles) {
    const float em = ui.em;
    const ScreenInfo& info = ctx.info;
    const int count = static_cast<int>(tiles.size());

    // What fits decides what is shown: at a large text scale or on a short screen the greeting,
    // then the tiles' second lines give way, so the tiles' titles never clip (checked by the
    // layout matrix test at every size and scale).
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float startY = ImGui::GetCursorScreenPos().y;
    const float startX = ImGui::GetCursorScreenPos().x;
    // The footer (terminal id, connection state) is reserved at the height it wraps to: the English
    // offline notice takes two lines on a narrow screen or at a large text scale.
    std::string footerText = ui.f("home.footer", {info.terminalId});
    if (info.online) footerText += "    " + ui.t(*info.online ? "home.online" : "home.offline");
    const float footer = textHeight(ui, footerText, FontSize::Body, avail.x) + em * 0.6f;
    const bool portrait = avail.x < avail.y;
    // Landscape: two columns for up to four tiles, three beyond (five tiles in 2x3 would push the
    // greeting off a 1080p screen); portrait: one column.
    const int cols = portrait ? 1 : (count > 4 ? 3 : 2);
    const int rows = std::max(1, (count + cols - 1) / cols);
    const float gap = em * 0.8f;
    const float titleH = ui.fonts.font(FontSize::Title)->FontSize;
    const float bodyH = ui.fonts.font(FontSize::Body)->FontSize;
    const float tileWithSub = titleH + em * 0.4f + bodyH + em * 1.2f;
    const float tileTitleOnly = titleH + em * 0.8f;
    const float greeting = em * 0.8f + titleH + em * 0.2f + bodyH + em * 0.8f;
    auto tileSpace = [&](bool withGreeting) {
        return (avail.y - footer - (withGreeting ? greeting : em * 0.4f) -
                gap * static_cast<float>(rows - 1)) /
               static_cast<float>(rows);
    };
    const bool showGreeting = tileSpace(true) >= tileWithSub;
    if (showGreeting) {
        ImGui::Dummy(ImVec2(0, em * 0.8f));
        text(ui, ui.t("home.welcome"), FontSize::Title, ui.theme.text, Align::Center);
        ImGui::Dummy(ImVec2(0, em * 0.2f));
        text(ui, ui.t("home.hint"), FontSize::Body, ui.theme.textMuted, Align::Center);
        ImGui::Dummy(ImVec2(0, em * 0.8f));
    } else {
        ImGui::Dummy(ImVec2(0, em * 0.4f));
    }
    // Measured after the greeting, which may have wrapped onto more lines than estimated.
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float space = (startY + avail.y - footer - origin.y - gap * static_cast<float>(rows - 1)) /
                        static_cast<float>(rows);
    const bool showSub = space >= tileWithSub;
    const float margin = em * 1.2f;
    const float w = (avail.x - 2 * margin - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    // Portrait screens give the tiles the height they have (no half-empty screen), up to 9 em.
    const float h = std::max(tileTitleOnly, std::min(portrait ? em * 9.f : em * 5.5f, space));
    const float used = h * static_cast<float>(rows) + gap * static_cast<float>(rows - 1);
    // Room left over (tall portrait screens) goes a third above the tiles, two thirds below.
    const float top = origin.y + std::max(0.f, (avail.y - footer - (origin.y - startY) - used) / 3.f);
    for (int i = 0; i < count; ++i) {
        const int r = i / cols, c = i % cols;
        // A last row with fewer tiles is centred under the others.
        const int inRow = std::min(cols, count - r * cols);
        const float shift = static_cast<float>(cols - inRow) * (w + gap) * 0.5f;
        ImGui::SetCursorScreenPos(ImVec2(origin.x + margin + shift + static_cast<float>(c) * (w + gap),
                                         top + static_cast<float>(r) * (h + gap)));
        const HomeTile& t = tiles[static_cast<size_t>(i)];
        if (tile(ui, ui.t(t.titleKey), showSub ? ui.t(t.subKey) : std::string_view(), ImVec2(w, h)))
            ui.later.post([&navigator = ctx.terminal.navigator(), id = t.flowId, now = ctx.now] {
                navigator.open(id, now);
            });
    }
    const float winBottom = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
    ImGui::SetCursorScreenPos(ImVec2(startX, winBottom - footer + em * 0.3f));
    text(ui, footerText, FontSize::Body, ui.theme.textMuted, Align::Center, avail.x);
}

} // namespace kiosk::ui
