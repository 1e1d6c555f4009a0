// NoticeScreens — screens that only say something: a service not available here yet, and the
// counter pad's window sign until rating lands.
#include "ui/Screens.h"

#include "kiosk/NoticeFlow.h"

namespace kiosk::ui {

void drawNoticeScreen(Ui& ui, NoticeFlow& flow, ScreenContext& ctx) {
    const float em = ui.em;
    if (titleRow(ui, ui.t(flow.view().titleKey))) {
        ui.later.post([&navigator = ctx.terminal.navigator()] { navigator.goHome(); });
        return;
    }
    ImGui::Dummy(ImVec2(0, em * 0.8f));
    const float width = ImGui::GetContentRegionAvail().x - em * 2;
    ImGui::Indent(em);
    text(ui, ui.t(flow.view().messageKey), FontSize::Large, ui.theme.textMuted, Align::Center, width);
    // Where to turn instead, from the district's own data (the catalog), when the server sent it.
    const HallContacts* contacts = &ctx.contacts;
    if (!contacts->empty()) {
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
