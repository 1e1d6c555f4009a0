// HomeScreen — the hall's four entries as large tiles: 2x2 in landscape, a column in portrait.
#include "ui/Screens.h"

namespace kiosk::ui {

void drawHomeScreen(Ui& ui, HallFlow& flow, const ScreenInfo& info, TimePoint now) {
    const float em = ui.em;
    ImGui::Dummy(ImVec2(0, em * 0.8f));
    text(ui, ui.t("home.welcome"), FontSize::Title, ui.theme.text, Align::Center);
    ImGui::Dummy(ImVec2(0, em * 0.2f));
    text(ui, ui.t("home.hint"), FontSize::Body, ui.theme.textMuted, Align::Center);
    ImGui::Dummy(ImVec2(0, em * 0.8f));

    struct Entry {
        const char* title;
        const char* sub;
        HallScreen screen;
    };
    const Entry entries[] = {
        {"home.case_query", "home.case_query_sub", HallScreen::CaseQuery},
        {"home.complaint", "home.complaint_sub", HallScreen::Complaint},
        {"home.complaint_track", "home.complaint_track_sub", HallScreen::ComplaintTrack},
        {"home.service_guide", "home.service_guide_sub", HallScreen::ServiceGuide},
    };

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float footer = em * 1.6f;
    const bool portrait = avail.x < avail.y;
    const int cols = portrait ? 1 : 2;
    const int rows = 4 / cols;
    const float gap = em * 0.8f;
    const float margin = em * 1.2f;
    const float w = (avail.x - 2 * margin - gap * (cols - 1)) / cols;
    const float h = std::min(em * 5.5f, (avail.y - footer - gap * (rows - 1)) / rows);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    for (int i = 0; i < 4; ++i) {
        const int r = i / cols, c = i % cols;
        ImGui::SetCursorScreenPos(ImVec2(origin.x + margin + c * (w + gap), origin.y + r * (h + gap)));
        if (tile(ui, ui.t(entries[i].title), ui.t(entries[i].sub), ImVec2(w, h)))
            flow.open(entries[i].screen, now);
    }
    const ImVec2 win = ImGui::GetWindowPos();
    const ImVec2 winSize = ImGui::GetWindowSize();
    ImGui::SetCursorScreenPos(ImVec2(win.x, win.y + winSize.y - footer + em * 0.3f));
    std::string footerText = ui.f("home.footer", {info.terminalId});
    if (info.online) footerText += "    " + ui.t(*info.online ? "home.online" : "home.offline");
    text(ui, footerText, FontSize::Body, ui.theme.textMuted, Align::Center);
}

} // namespace kiosk::ui
