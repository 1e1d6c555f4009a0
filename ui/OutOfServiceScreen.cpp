// OutOfServiceScreen — what the hall sees when the kiosk cannot start (the config file has problems):
// a plain notice for the citizen, in the terminal's language and the other one, and, small at the
// bottom, what is wrong and where, for the technician. Never a desktop, never a crash dialog.
//
//   [x] citizen: "本机暂停服务" and where to go instead, both languages (string tables)
//   [x] technician: the file, line and problem (LoadResult::report), the first lines of it
//   [x] lays out from 800x480 to 1920x1080, portrait too (everything wraps; nothing is tappable)
#include "ui/Screens.h"

namespace kiosk::ui {

void drawOutOfServiceScreen(Ui& ui, const StringTable& other, const OutOfServiceInfo& info) {
    const float em = ui.em;
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::Dummy(ImVec2(0, em * 1.5f));
    text(ui, ui.t("out_of_service.title"), FontSize::Title, ui.theme.text, Align::Center, width);
    ImGui::Dummy(ImVec2(0, em * 0.8f));
    text(ui, ui.t("out_of_service.message"), FontSize::Large, ui.theme.textMuted, Align::Center, width);
    ImGui::Dummy(ImVec2(0, em * 1.2f));
    text(ui, other.get("out_of_service.title"), FontSize::Body, ui.theme.textMuted, Align::Center, width);
    text(ui, other.get("out_of_service.message"), FontSize::Body, ui.theme.textMuted, Align::Center, width);

    // The technician's part: below the notice, separated by a rule, in the smallest size.
    ImGui::Dummy(ImVec2(0, em * 1.5f));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(p, ImVec2(p.x + width, p.y), ui.theme.panelBorder,
                                        std::max(1.f, em * 0.05f));
    ImGui::Dummy(ImVec2(0, em * 0.5f));
    text(ui, ui.t("out_of_service.technician"), FontSize::Body, ui.theme.bad, Align::Left, width);
    text(ui, info.detail, FontSize::Body, ui.theme.textMuted, Align::Left, width);
}

} // namespace kiosk::ui
