// NoticeScreens — screens that only say something: a service not available here yet, and the
// counter pad's window sign until rating lands.
#include "ui/Screens.h"

namespace kiosk::ui {

void drawNoticeScreen(Ui& ui, HallFlow& flow, std::string_view titleKey, std::string_view messageKey,
                      const HallContacts* contacts) {
    const float em = ui.em;
    if (titleRow(ui, ui.t(titleKey))) {
        ui.later.post([&flow] { flow.goHome(); });
        return;
    }
    ImGui::Dummy(ImVec2(0, em * 0.8f));
    const float width = ImGui::GetContentRegionAvail().x - em * 2;
    ImGui::Indent(em);
    text(ui, ui.t(messageKey), FontSize::Large, ui.theme.textMuted, Align::Center, width);
    // Where to turn instead, from the district's own data (the catalog), when the server sent it.
    if (contacts && !contacts->empty()) {
        ImGui::Dummy(ImVec2(0, em * 0.8f));
        if (!contacts->hotline.empty())
            text(ui, keepTogether(ui.t("contacts.hotline") + " " + contacts->hotline), FontSize::Title,
                 ui.theme.text, Align::Center, width);
        if (!contacts->address.empty())
            text(ui, ui.t("contacts.address") + " " + contacts->address, FontSize::Body, ui.theme.text,
                 Align::Center, width);
        if (!contacts->hours.empty())
            text(ui, ui.t("contacts.hours") + " " + contacts->hours, FontSize::Body, ui.theme.text,
                 Align::Center, width);
    }
    ImGui::Unindent(em);
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
