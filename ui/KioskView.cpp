#include "ui/KioskView.h"

namespace kiosk::ui {

KioskView::KioskView(KioskApp& app) : app_(app), tiles_(homeTiles(app.terminal().navigator())) {
    info_.hallName = app.config().terminal.hallName;
    info_.terminalId = app.config().terminal.id;
    info_.counter = app.config().terminal.counter;
}

std::string KioskView::signature(TimePoint now) const {
    // The countdown changes with time alone; everything else moves the app's revision.
    const auto countdown = app_.terminal().navigator().idleCountdown(now);
    return std::to_string(app_.revision()) + "/" + std::to_string(countdown ? *countdown : -1);
}

void KioskView::drawContent(Ui& ui, ScreenContext& ctx) {
    Navigator& navigator = app_.terminal().navigator();
    if (Flow* flow = navigator.current()) {
        if (const FlowScreen* screen = screenFor(navigator.currentId())) screen->draw(ui, *flow, ctx);
        return;
    }
    if (DrawHome home = homeScreenFor(app_.terminal().flowSet())) home(ui, ctx, tiles_);
}

void KioskView::draw(FontSet& fonts, FrameRegistry& registry, SlipTexture& slipTexture, float em,
                     TimePoint now) {
    Ui ui{fonts, app_.strings(), registry, theme_, em, later_};
    info_.online.reset();
    if (app_.syncStatus()) info_.online = app_.syncStatus()->online;
    ScreenContext ctx{app_.terminal(), app_.contacts(), info_, now};
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
    drawContent(ui, ctx);
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::End();

    Navigator& navigator = app_.terminal().navigator();
    if (navigator.current())
        drawSlipDialog(ui, app_.terminal().slips(), slipTexture);
    else
        slipTexture.release(); // the citizen left for home
    if (auto left = navigator.idleCountdown(now)) drawIdleOverlay(ui, navigator, *left, now);
    // The frame is complete: now what its taps asked for may change the state it was drawn from.
    later_.run();
}

} // namespace kiosk::ui
