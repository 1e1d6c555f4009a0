// ServiceGuideScreen — 办事指南: a search field with the keyboard, the matching items, an item's
// page (六公开). Draws kiosk/ServiceGuideFlow; holds no state.
//
// Sections: the list | an item's page | the screen
#include "kiosk/ServiceGuideFlow.h"
#include "ui/OnScreenKeyboard.h"
#include "ui/Screens.h"

namespace kiosk::ui {

namespace {

constexpr float kItemHeightEm = 1.8f; // a row of the list

// ---- the list ----
void drawList(Ui& ui, ServiceGuideFlow& flow, TextEntry& entry, float width) {
    const float em = ui.em;
    textField(ui, entry, flow.search(), width);
    const std::vector<std::size_t> found = flow.matches();
    const float keyboard = keyboardHeight(ui, entry);
    // With the keyboard up the room is short: the words stay, one size smaller, and go when even
    // one line does not fit above the keyboard (an 800x480 pad).
    const FontSize say = keyboard > 0 ? FontSize::Body : FontSize::Large;
    const float line = ui.fonts.font(FontSize::Body)->FontSize * 1.3f;
    const bool roomToSay = keyboard == 0 || ImGui::GetContentRegionAvail().y - keyboard - em * 0.3f >= line;
    if (!roomToSay) {
        // the keyboard's own bar says what matters while typing
    } else if (flow.items().empty()) {
        text(ui, ui.t("guide.empty_catalog"), say, ui.theme.textMuted, Align::Center, width);
    } else if (found.empty()) {
        text(ui, ui.t("guide.none"), say, ui.theme.textMuted, Align::Center, width);
    } else {
        // No room for even one item under the keyboard: say how to see them.
        const float room = ImGui::GetContentRegionAvail().y - keyboard - em * 0.3f - line;
        const char* key = room < kItemHeightEm * em ? "guide.count_typing" : "guide.count";
        text(ui, ui.f(key, {std::to_string(found.size())}), FontSize::Body, ui.theme.textMuted);
    }
    const float listH = ImGui::GetContentRegionAvail().y - keyboard - em * 0.3f;
    if (!found.empty() && listH >= kItemHeightEm * em) {
        ImGui::BeginChild("guide-list", ImVec2(width, listH), false);
        dragToScroll();
        for (std::size_t i : found) {
            if (button(ui, flow.items()[i].name, ImVec2(width - em * 0.2f, em * kItemHeightEm),
                       ButtonKind::Secondary, FontSize::Body))
                ui.later.post([&flow, &entry, i] {
                    entry.focus(nullptr); // reading, not typing: the keyboard goes
                    flow.openItem(i);
                });
            ImGui::Dummy(ImVec2(0, em * 0.15f));
        }
        ImGui::EndChild();
    } else {
        ImGui::Dummy(ImVec2(0, std::max(0.f, listH)));
    }
    if (keyboard > 0) {
        // At the bottom, and never over what is above it (then it runs off, and check-layout says so).
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(
            at.x, std::max(at.y, ImGui::GetWindowPos().y + ImGui::GetWindowHeight() - keyboard - em * 0.3f)));
        drawKeyboard(ui, entry, width);
    }
}

// ---- an item's page ----
void section(Ui& ui, std::string_view heading, float width) {
    ImGui::Dummy(ImVec2(0, ui.em * 0.3f));
    text(ui, heading, FontSize::Large, ui.theme.primary, Align::Left, width);
}

void drawItem(Ui& ui, ServiceGuideFlow& flow, const ServiceItem& item, float width) {
    const float em = ui.em;
    if (button(ui, ui.t("guide.back"), ImVec2(em * 6, em * 2), ButtonKind::Secondary))
        ui.later.post([&flow] { flow.backToList(); });
    ImGui::Dummy(ImVec2(0, em * 0.2f));
    ImGui::BeginChild("guide-item", ImVec2(width, ImGui::GetContentRegionAvail().y - em * 0.3f), false, 0);
    dragToScroll();
    const float w = width - em * 0.5f;
    const std::string& notGiven = ui.t("guide.not_given");
    text(ui, item.name, FontSize::Title, ui.theme.text, Align::Left, w);
    if (!item.department.empty())
        text(ui, keepTogether(ui.t("guide.department")) + "  " + item.department, FontSize::Body,
             ui.theme.textMuted, Align::Left, w);
    section(ui, ui.t("guide.content"), w);
    text(ui, item.content.empty() ? notGiven : item.content, FontSize::Body, ui.theme.text, Align::Left, w);
    section(ui, ui.t("guide.process"), w);
    if (item.process.empty()) text(ui, notGiven, FontSize::Body, ui.theme.text, Align::Left, w);
    for (std::size_t i = 0; i < item.process.size(); ++i)
        text(ui, std::to_string(i + 1) + ". " + item.process[i], FontSize::Body, ui.theme.text, Align::Left,
             w);
    section(ui, ui.t("guide.materials"), w);
    if (item.materials.empty()) text(ui, notGiven, FontSize::Body, ui.theme.text, Align::Left, w);
    for (const std::string& m : item.materials)
        text(ui, "· " + m, FontSize::Body, ui.theme.text, Align::Left, w);
    section(ui, ui.t("guide.time_limit"), w);
    std::string limit = notGiven;
    if (item.timeLimitDays > 0 && item.legalTimeLimitDays > 0)
        limit = ui.f("guide.time_limit_both",
                     {std::to_string(item.timeLimitDays), std::to_string(item.legalTimeLimitDays)});
    else if (item.timeLimitDays > 0)
        limit = ui.f("guide.time_limit_promised", {std::to_string(item.timeLimitDays)});
    text(ui, limit, FontSize::Body, ui.theme.text, Align::Left, w);
    section(ui, ui.t("guide.fee"), w);
    text(ui, item.fee.empty() ? notGiven : item.fee, FontSize::Body, ui.theme.text, Align::Left, w);
    section(ui, ui.t("guide.basis"), w);
    text(ui, item.basis.empty() ? notGiven : item.basis, FontSize::Body, ui.theme.text, Align::Left, w);
    ImGui::Dummy(ImVec2(0, em));
    ImGui::EndChild();
}

} // namespace

// ---- the screen ----
void drawServiceGuideScreen(Ui& ui, ServiceGuideFlow& flow, ScreenContext& ctx) {
    if (titleRow(ui, ui.t("guide.title"))) {
        ui.later.post([&navigator = ctx.terminal.navigator()] { navigator.goHome(); });
        return;
    }
    const float width = ImGui::GetContentRegionAvail().x;
    const auto& open = flow.view().open;
    if (open && *open < flow.items().size())
        drawItem(ui, flow, flow.items()[*open], width);
    else
        drawList(ui, flow, ctx.terminal.textEntry(), width);
}

} // namespace kiosk::ui
