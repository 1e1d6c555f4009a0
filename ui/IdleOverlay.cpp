// IdleOverlay — before a citizen session ends for inactivity, dim the screen and count down,
// with one large button to keep going (适老化: no time-out without warning).
#include "ui/Screens.h"

namespace kiosk::ui {

void drawIdleOverlay(Ui& ui, Navigator& navigator, int secondsLeft, TimePoint now) {
    const float em = ui.em;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImDrawList* dl = beginDimmedOverlay(ui, "idle");

    const ImVec2 box(std::min(display.x - em * 2, em * 20), em * 9);
    const ImVec2 p((display.x - box.x) * 0.5f, (display.y - box.y) * 0.5f);
    dl->AddRectFilled(p, ImVec2(p.x + box.x, p.y + box.y), ui.theme.panel, em * 0.4f);
    ImGui::SetCursorScreenPos(ImVec2(p.x + em, p.y + em * 0.8f));
    ImGui::BeginGroup();
    ImGui::PushClipRect(p, ImVec2(p.x + box.x, p.y + box.y), true);
    const float inner = box.x - em * 2;
    ImGui::Dummy(ImVec2(inner, 0));
    text(ui, ui.t("idle.title"), FontSize::Title, ui.theme.text, Align::Center, inner);
    ImGui::Dummy(ImVec2(0, em * 0.3f));
    text(ui, ui.f("idle.countdown", {std::to_string(secondsLeft)}), FontSize::Body, ui.theme.textMuted,
         Align::Center, inner);
    ImGui::Dummy(ImVec2(0, em * 0.6f));
    const ImVec2 size(em * 8, em * 2.4f);
    ImGui::SetCursorScreenPos(ImVec2(p.x + (box.x - size.x) * 0.5f, ImGui::GetCursorScreenPos().y));
    if (button(ui, ui.t("idle.continue"), size))
        ui.later.post([&navigator, now] { navigator.userActivity(now); });
    ImGui::PopClipRect();
    ImGui::EndGroup();
    ImGui::End();
}

} // namespace kiosk::ui
