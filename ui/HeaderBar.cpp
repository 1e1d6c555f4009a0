// HeaderBar — the hall's name on the government-blue bar, and the language switch.
#include "ui/Screens.h"

namespace kiosk::ui {

bool drawHeader(Ui& ui, const ScreenInfo& info, float height) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), ui.theme.header);
    const std::string title = info.hallName.empty() ? ui.t("app.name") : info.hallName;
    ImFont* font = ui.fonts.font(FontSize::Large);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + ui.em * 0.8f, pos.y + (height - font->FontSize) * 0.5f));
    text(ui, title, FontSize::Large, ui.theme.headerText, Align::Left, width * 0.7f);

    const std::string& lang = ui.t("app.language_switch");
    const ImVec2 size(ui.em * 4.5f, height - ui.em * 0.5f);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + width - size.x - ui.em * 0.6f, pos.y + ui.em * 0.25f));
    const bool tapped = button(ui, lang, size, ButtonKind::Secondary, FontSize::Body);
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + height));
    return tapped;
}

} // namespace kiosk::ui
