// SlipDialog — what happened to the slip the citizen asked for. When the printer cannot print,
// the citizen still gets what the slip says: its picture, on screen, to read or photograph.
#include "ui/Screens.h"

namespace kiosk::ui {

void drawSlipDialog(Ui& ui, SlipTracker& slips, SlipTexture& texture) {
    const SlipView& slip = slips.view();
    if (slip.phase == SlipPhase::None) {
        texture.release();
        return;
    }
    const float em = ui.em;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImDrawList* dl = beginDimmedOverlay(ui, "slip");

    const ImTextureID tex = texture.get(slip.preview, slip.previewSerial);
    const bool hasPicture = tex != nullptr && slip.phase != SlipPhase::Printing;
    // The panel: message on top, the slip picture scaled to the height left, close button below.
    const float panelW = std::min(display.x - em * 2, hasPicture ? em * 24 : em * 20);
    const float panelH = hasPicture ? display.y - em * 2 : em * 8;
    const ImVec2 p((display.x - panelW) * 0.5f, (display.y - panelH) * 0.5f);
    dl->AddRectFilled(p, ImVec2(p.x + panelW, p.y + panelH), ui.theme.panel, em * 0.4f);
    const float inner = panelW - em * 2;
    ImGui::SetCursorScreenPos(ImVec2(p.x + em, p.y + em * 0.8f));
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(inner, 0));
    switch (slip.phase) {
    case SlipPhase::Printing:
        text(ui, ui.t("print.printing"), FontSize::Large, ui.theme.text, Align::Center, inner);
        break;
    case SlipPhase::Printed:
        text(ui, ui.t("print.done"), FontSize::Large, ui.theme.good, Align::Center, inner);
        break;
    case SlipPhase::Failed:
        text(ui, ui.f("print.failed", {ui.t(slip.failureKey)}), FontSize::Large, ui.theme.bad, Align::Center,
             inner);
        text(ui, ui.t("print.preview_note"), FontSize::Body, ui.theme.textMuted, Align::Center, inner);
        break;
    case SlipPhase::None:
        break;
    }
    if (hasPicture) {
        // The picture is the citizen's copy when the paper is out, so it must be readable: printed
        // text is 24 dots high, shown at least 0.8 em, as wide as the panel allows. What does not fit
        // in height scrolls (drag with a finger, or the wide scroll bar).
        const float top = ImGui::GetCursorScreenPos().y + em * 0.3f;
        const float maxH = p.y + panelH - top - em * 3.4f;
        const float w = static_cast<float>(slip.preview.width), h = static_cast<float>(slip.preview.height);
        const float fitAll = std::min(inner / w, maxH / h);
        const float readable = std::min(inner / w, em * 0.8f / 24.f);
        const float scale = std::max(fitAll, readable);
        const ImVec2 size(w * scale, h * scale);
        const float boxW = std::min(inner, size.x + em * 0.8f);
        ImGui::SetCursorScreenPos(ImVec2(p.x + (panelW - boxW) * 0.5f, top));
        ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, em * 0.7f);
        ImGui::BeginChild("slip-picture", ImVec2(boxW, std::min(maxH, size.y)), false);
        dragToScroll();
        ImGui::Image(tex, size);
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddRect(a, b, ui.theme.panelBorder);
        // What the texture really holds, not what the flow meant to show (see SlipTexture).
        for (const std::string& line : texture.shownLines())
            ui.registry.addPictureText(line, a.x, a.y, b.x - a.x, b.y - a.y);
        ImGui::EndChild();
        ImGui::PopStyleVar();
    }
    if (slip.phase != SlipPhase::Printing) {
        const ImVec2 size(em * 6, em * 2.2f);
        ImGui::SetCursorScreenPos(ImVec2(p.x + (panelW - size.x) * 0.5f, p.y + panelH - size.y - em * 0.6f));
        if (button(ui, ui.t("print.close"), size)) ui.later.post([&slips] { slips.close(); });
    }
    ImGui::EndGroup();
    ImGui::End();
}

} // namespace kiosk::ui
