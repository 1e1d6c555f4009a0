// NoticeScreens — screens that only say something: a service not available here yet, and the
// counter pad's window sign until rating lands.
#include "ui/Screens.h"

namespace kiosk::ui {

void drawNoticeScreen(Ui& ui, HallFlow& flow, std::string_view titleKey, std::string_view messageKey) {
    const float em = ui.em;
    ImGui::Dummy(ImVec2(0, em * 0.8f));
    text(ui, ui.t(titleKey), FontSize::Title, ui.theme.text, Align::Center);
    ImGui::Dummy(ImVec2(0, em * 1.5f));
    ImGui::Indent(em * 2);
    text(ui, ui.t(messageKey), FontSize::Large, ui.theme.textMuted, Align::Center,
         ImGui::GetContentRegionAvail().x - em * 2);
    ImGui::Unindent(em * 2);
    ImGui::Dummy(ImVec2(0, em * 1.5f));
    const ImVec2 size(em * 8, em * 2.6f);
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - size.x) * 0.5f);
    if (button(ui, ui.t("app.back_home"), size)) flow.goHome();
}

void drawCounterScreen(Ui& ui, const ScreenInfo& info) {
    const float em = ui.em;
    ImGui::Dummy(ImVec2(0, em * 1.5f));
    text(ui, ui.f("counter.title", {std::to_string(info.counter)}), FontSize::Title, ui.theme.text,
         Align::Center);
    ImGui::Dummy(ImVec2(0, em));
    text(ui, ui.t("counter.not_available"), FontSize::Large, ui.theme.textMuted, Align::Center);
}

} // namespace kiosk::ui
