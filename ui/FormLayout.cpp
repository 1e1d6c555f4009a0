// FormLayout (see the header).
//
// Sections: steps | pages and the keyboard | review rows | QR
#include "ui/FormLayout.h"

#include "drivers/printer/QrMatrix.h"
#include "ui/OnScreenKeyboard.h"

#include <algorithm>

namespace kiosk::ui {

namespace {
constexpr float kNavHeightEm = 2.2f;
constexpr float kNavWidthEm = 7.f;
} // namespace

// ---- steps ----
void stepHeading(Ui& ui, std::string_view stepTitle, int step, int steps) {
    text(ui, ui.f("form.step", {std::to_string(step), std::to_string(steps)}) + "  " + std::string(stepTitle),
         FontSize::Large, ui.theme.primary);
    ImGui::Dummy(ImVec2(0, ui.em * 0.2f));
}

float navRowHeight(const Ui& ui) {
    return ui.em * (kNavHeightEm + 0.4f);
}

float footerHeight(Ui& ui, std::string_view problemKey, float width) {
    const float problem =
        problemKey.empty() ? 0.f : textHeight(ui, ui.t(problemKey), FontSize::Body, width) + ui.em * 0.2f;
    return problem + navRowHeight(ui);
}

NavTap navRow(Ui& ui, std::string_view backKey, std::string_view nextKey, float width, ButtonKind nextKind) {
    const float em = ui.em;
    NavTap tap = NavTap::None;
    ImGui::Dummy(ImVec2(0, em * 0.2f));
    const float x0 = ImGui::GetCursorPosX();
    // Each button as wide as its words need (English is longer), at least kNavWidthEm, at most
    // a little under half the row so the two never meet.
    const float most = std::max(em * 4, width * 0.48f);
    if (!backKey.empty()) {
        const std::string label = ui.t(backKey);
        if (button(ui, label, buttonSizeFor(ui, label, kNavWidthEm, em * kNavHeightEm, most),
                   ButtonKind::Secondary))
            tap = NavTap::Back;
        ImGui::SameLine();
    }
    if (!nextKey.empty()) {
        const std::string label = ui.t(nextKey);
        const ImVec2 size = buttonSizeFor(ui, label, kNavWidthEm, em * kNavHeightEm, most);
        ImGui::SetCursorPosX(x0 + width - size.x);
        if (button(ui, label, size, nextKind)) tap = NavTap::Next;
    }
    return tap;
}

ImVec2 buttonSizeFor(Ui& ui, std::string_view label, float minEm, float height, float maxWidth) {
    ImGui::PushFont(ui.fonts.font(FontSize::Large));
    const float words = ImGui::CalcTextSize(label.data(), label.data() + label.size()).x;
    ImGui::PopFont();
    return ImVec2(std::min(maxWidth, std::max(ui.em * minEm, words + ui.em * 2)), height);
}

void problemLine(Ui& ui, std::string_view key, float width) {
    if (key.empty()) return;
    text(ui, ui.t(key), FontSize::Body, ui.theme.bad, Align::Left, width);
}

// ---- pages and the keyboard ----
void beginPage(Ui& ui, const TextEntry& entry, const char* id, float width, float reserveBelow) {
    const float keyboard = keyboardHeight(ui, entry);
    const float h =
        std::max(ui.em * 2.f, ImGui::GetContentRegionAvail().y - keyboard - reserveBelow - ui.em * 0.3f);
    ImGui::BeginChild(id, ImVec2(width, h), false);
    dragToScroll();
}

void endPage() {
    ImGui::EndChild();
}

void twoFields(Ui& ui, TextEntry& entry, TextField& first, TextField& second, float width) {
    const float gap = ui.em;
    if (width < ui.em * 30) {
        textField(ui, entry, first, width);
        textField(ui, entry, second, width);
        return;
    }
    const float w = (width - gap) * 0.5f;
    const ImVec2 at = ImGui::GetCursorPos();
    ImGui::BeginGroup();
    textField(ui, entry, first, w);
    ImGui::EndGroup();
    const float bottom = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(at.x + w + gap, at.y));
    ImGui::BeginGroup();
    textField(ui, entry, second, w);
    ImGui::EndGroup();
    ImGui::SetCursorPos(ImVec2(at.x, std::max(bottom, ImGui::GetCursorPosY())));
}

void keyboardAtBottom(Ui& ui, TextEntry& entry, float width) {
    const float keyboard = keyboardHeight(ui, entry);
    if (keyboard <= 0) return;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(
        at.x, std::max(at.y, ImGui::GetWindowPos().y + ImGui::GetWindowHeight() - keyboard - ui.em * 0.3f)));
    drawKeyboard(ui, entry, width);
}

// ---- review rows ----
void reviewRow(Ui& ui, std::string_view label, std::string_view value, float width) {
    const float em = ui.em;
    const float labelW = std::min(em * 6.f, width * 0.35f);
    const float y = ImGui::GetCursorPosY();
    const float x = ImGui::GetCursorPosX();
    text(ui, label, FontSize::Body, ui.theme.textMuted, Align::Left, labelW);
    const float afterLabel = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(x + labelW + em * 0.5f, y));
    text(ui, value, FontSize::Body, ui.theme.text, Align::Left, width - labelW - em * 0.5f);
    ImGui::SetCursorPos(ImVec2(x, std::max(afterLabel, ImGui::GetCursorPosY()) + em * 0.15f));
}

// ---- QR ----
void qrSymbol(Ui& ui, std::string_view data, float side) {
    const std::optional<printer::QrMatrix> qr = printer::encodeQr(data);
    if (!qr || qr->width <= 0) return;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float module = std::floor(side / static_cast<float>(qr->width + 8)); // 4 modules of quiet zone
    if (module < 1.f) return;
    const float drawn = module * static_cast<float>(qr->width + 8);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + drawn, p.y + drawn), IM_COL32(255, 255, 255, 255));
    const float q = module * 4;
    for (int r = 0; r < qr->width; ++r)
        for (int c = 0; c < qr->width; ++c)
            if (qr->at(r, c))
                dl->AddRectFilled(ImVec2(p.x + q + module * c, p.y + q + module * r),
                                  ImVec2(p.x + q + module * (c + 1), p.y + q + module * (r + 1)),
                                  IM_COL32(0, 0, 0, 255));
    ImGui::Dummy(ImVec2(drawn, drawn));
    (void)ui;
}

} // namespace kiosk::ui
