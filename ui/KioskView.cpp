#include "ui/KioskView.h"

namespace kiosk::ui {

KioskView::KioskView(KioskApp& app) : app_(app) {
    info_.hallName = app.config().terminal.hallName;
    info_.terminalId = app.config().terminal.id;
    info_.counter = app.config().terminal.counter;
}

std::string KioskView::signature(TimePoint now) const {
    // Everything a screen shows that can change without input or an event drawn for it.
    HallFlow& hall = app_.hall();
    const auto countdown = hall.idleCountdown(now);
    const auto& sync = app_.syncStatus();
    return std::to_string(static_cast<int>(hall.screen())) + "/" +
           std::to_string(static_cast<int>(hall.caseQuery().phase)) + "/" +
           std::to_string(countdown ? *countdown : -1) + "/" +
           std::to_string(static_cast<int>(hall.slip().phase)) + "/" +
           std::to_string(hall.slip().previewSerial) + "/" + app_.strings().language() + "/" +
           (sync ? std::to_string(sync->online) : "?") + "/" + app_.contacts().hotline;
}

void KioskView::draw(FontSet& fonts, FrameRegistry& registry, SlipTexture& slipTexture, float em,
                     TimePoint now) {
    Ui ui{fonts, app_.strings(), registry, theme_, em, later_};
    info_.online.reset();
    if (app_.syncStatus()) info_.online = app_.syncStatus()->online;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("root", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
    if (drawHeader(ui, info_, em * 2.4f)) {
        ui.later.post([this, now] {
            app_.setLanguage(app_.strings().language() == "en" ? "zh-CN" : "en");
            app_.userActivity(now);
        });
    }
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em * 1.0f, em * 0.8f));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(em * 0.4f, em * 0.25f));
    ImGui::BeginChild("content", ImVec2(0, 0), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);

    HallFlow& hall = app_.hall();
    if (app_.config().terminal.mode == config::Mode::Counter) {
        drawCounterScreen(ui, info_);
    } else {
        switch (hall.screen()) {
        case HallScreen::Home:
            drawHomeScreen(ui, hall, info_, now);
            break;
        case HallScreen::CaseQuery:
            drawCaseQueryScreen(ui, hall, now);
            break;
        case HallScreen::Complaint:
            drawNoticeScreen(ui, hall, "complaint.title", "complaint.not_available", &app_.contacts());
            break;
        case HallScreen::ComplaintTrack:
            drawNoticeScreen(ui, hall, "complaint_track.title", "complaint_track.not_available",
                             &app_.contacts());
            break;
        case HallScreen::ServiceGuide:
            drawNoticeScreen(ui, hall, "guide.title", "guide.not_available", &app_.contacts());
            break;
        }
    }
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::End();

    if (hall.screen() == HallScreen::CaseQuery)
        drawSlipDialog(ui, hall, slipTexture);
    else
        slipTexture.release(); // the citizen left the case screen
    if (auto left = hall.idleCountdown(now)) drawIdleOverlay(ui, hall, *left, now);
    // The frame is complete: now what its taps asked for may change the state it was drawn from.
    later_.run();
}

} // namespace kiosk::ui
