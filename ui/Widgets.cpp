#include "ui/Widgets.h"

#include <imgui_internal.h>

namespace kiosk::ui {

namespace {

// Only what the citizen can see counts: text scrolled out of view is not "on screen", and a
// widget is tappable only when its centre (where a script taps) is visible.
void registerItem(Ui& ui, std::string_view s, ImVec2 min, ImVec2 max, bool tappable) {
    if (!ImGui::IsRectVisible(min, max)) return;
    const ImVec2 centre((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
    const bool centreVisible = ImGui::IsRectVisible(centre, ImVec2(centre.x + 1, centre.y + 1));
    ui.registry.add(s, min.x, min.y, max.x - min.x, max.y - min.y, tappable && centreVisible);
}

} // namespace

void text(Ui& ui, std::string_view s, FontSize size, ImU32 color, Align align, float wrapWidth) {
    ui.fonts.require(s);
    ImFont* font = ui.fonts.font(size);
    ImGui::PushFont(font);
    // The box the text is aligned in: the given wrap width, else the rest of the content width.
    const float avail = wrapWidth > 0.f ? wrapWidth : ImGui::GetContentRegionAvail().x;
    const float wrap = avail;
    const ImVec2 textSize = ImGui::CalcTextSize(s.data(), s.data() + s.size(), false, wrap);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    if (align == Align::Center) pos.x += std::max(0.f, (avail - textSize.x) * 0.5f);
    if (align == Align::Right) pos.x += std::max(0.f, avail - textSize.x);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddText(font, font->FontSize, pos, color ? color : ui.theme.text, s.data(), s.data() + s.size(),
                wrap);
    ImGui::Dummy(ImVec2(align == Align::Left ? textSize.x : avail, textSize.y));
    registerItem(ui, s, pos, ImVec2(pos.x + textSize.x, pos.y + textSize.y), false);
    ImGui::PopFont();
}

bool button(Ui& ui, std::string_view label, ImVec2 size, ButtonKind kind, FontSize fontSize) {
    ui.fonts.require(label);
    ImGui::PushID(label.data(), label.data() + label.size());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool tapped = ImGui::InvisibleButton("##b", size);
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    const bool primary = kind == ButtonKind::Primary;
    const ImU32 fill = primary ? (held ? ui.theme.primaryPressed : ui.theme.primary)
                               : (held ? ui.theme.secondaryPressed : ui.theme.secondary);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, max, fill, ui.em * 0.3f);
    if (!primary) dl->AddRect(pos, max, ui.theme.primary, ui.em * 0.3f, 0, std::max(1.f, ui.em * 0.06f));
    ImFont* font = ui.fonts.font(fontSize);
    const ImVec2 ts =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.f, label.data(), label.data() + label.size());
    dl->AddText(font, font->FontSize, ImVec2(pos.x + (size.x - ts.x) * 0.5f, pos.y + (size.y - ts.y) * 0.5f),
                primary ? ui.theme.primaryText : ui.theme.primary, label.data(), label.data() + label.size());
    registerItem(ui, label, pos, max, true);
    if (tapped) ui.registry.noteTap();
    return tapped;
}

bool tile(Ui& ui, std::string_view title, std::string_view subtitle, ImVec2 size) {
    ui.fonts.require(title);
    ui.fonts.require(subtitle);
    ImGui::PushID(title.data(), title.data() + title.size());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool tapped = ImGui::InvisibleButton("##tile", size);
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = ui.em * 0.4f;
    dl->AddRectFilled(pos, max, held ? ui.theme.primaryPressed : ui.theme.primary, r);
    ImFont* big = ui.fonts.font(FontSize::Title);
    ImFont* small = ui.fonts.font(FontSize::Body);
    const float wrap = size.x - ui.em * 1.2f;
    const ImVec2 ts =
        big->CalcTextSizeA(big->FontSize, FLT_MAX, 0.f, title.data(), title.data() + title.size());
    const ImVec2 ss = small->CalcTextSizeA(small->FontSize, FLT_MAX, wrap, subtitle.data(),
                                           subtitle.data() + subtitle.size());
    const float gap = ui.em * 0.4f;
    const float top = pos.y + (size.y - ts.y - gap - ss.y) * 0.5f;
    dl->AddText(big, big->FontSize, ImVec2(pos.x + (size.x - ts.x) * 0.5f, top), ui.theme.primaryText,
                title.data(), title.data() + title.size());
    const ImVec2 subPos(pos.x + (size.x - std::min(ss.x, wrap)) * 0.5f, top + ts.y + gap);
    dl->AddText(small, small->FontSize, subPos, IM_COL32(220, 232, 248, 255), subtitle.data(),
                subtitle.data() + subtitle.size(), wrap);
    registerItem(ui, title, pos, max, true);
    registerItem(ui, subtitle, subPos, ImVec2(subPos.x + ss.x, subPos.y + ss.y), false);
    if (tapped) ui.registry.noteTap();
    return tapped;
}

void badge(Ui& ui, std::string_view words, ImU32 color) {
    ui.fonts.require(words);
    ImFont* font = ui.fonts.font(FontSize::Body);
    const ImVec2 ts =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.f, words.data(), words.data() + words.size());
    const ImVec2 pad(ui.em * 0.4f, ui.em * 0.12f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 max(pos.x + ts.x + pad.x * 2, pos.y + ts.y + pad.y * 2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, max, color, ui.em * 0.25f);
    dl->AddText(font, font->FontSize, ImVec2(pos.x + pad.x, pos.y + pad.y), IM_COL32(255, 255, 255, 255),
                words.data(), words.data() + words.size());
    ImGui::Dummy(ImVec2(max.x - pos.x, max.y - pos.y));
    registerItem(ui, words, pos, max, false);
}

ImDrawList* beginDimmedOverlay(Ui& ui, const char* id) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBackground);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), display, ui.theme.overlay);
    return dl;
}

void dragToScroll() {
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        ImGui::IsMouseDragging(0, 4.f)) {
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    }
}

} // namespace kiosk::ui
