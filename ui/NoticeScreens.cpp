// NoticeScreens — screens that only say something: the counter pad's window sign until its rating
// flow lands (issue 13).
#include "ui/Screens.h"

namespace kiosk::ui {

void drawCounterScreen(Ui& ui, ScreenContext& ctx, std::span<const HomeTile> tiles) {
    (void)tiles; // the counter pad has no flows yet (issue 13)
    const ScreenInfo& info = ctx.info;
    const float em = ui.em;
    ImGui::Dummy(ImVec2(0, em * 1.5f));
    text(ui, ui.f("counter.title", {std::to_string(info.counter)}), FontSize::Title, ui.theme.text,
         Align::Center);
    ImGui::Dummy(ImVec2(0, em));
    text(ui, ui.t("counter.not_available"), FontSize::Large, ui.theme.textMuted, Align::Center);
}

} // namespace kiosk::ui
