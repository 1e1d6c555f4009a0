// ServiceGuideScreen — 办事指南: the search field with the keyboard over the departments (or what the
// search finds), a department's items, an item's page (六公开) with its print button. Draws
// kiosk/ServiceGuideFlow; holds no state. The slip dialog is drawn above every screen (KioskView).
//
// Sections: shared pieces | the top | a department | an item's page | the screen
#include "kiosk/ServiceGuideFlow.h"
#include "ui/OnScreenKeyboard.h"
#include "ui/Screens.h"

#include <algorithm>

namespace kiosk::ui {

namespace {

constexpr float kItemHeightEm = 1.8f; // the least a row of a list takes

// ---- shared pieces ----
// A button as wide as its words (English labels are long), at least 6 em.
bool fitButton(Ui& ui, const std::string& label, ButtonKind kind) {
    ImFont* font = ui.fonts.font(FontSize::Large);
    const std::string drawn = ui.fonts.drawable(label);
    const float w =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.f, drawn.data(), drawn.data() + drawn.size()).x;
    return button(ui, label, ImVec2(std::max(ui.em * 6, w + ui.em * 1.2f), ui.em * 2), kind);
}

// A scrolling list `height` tall of rows; `row(i, w)` draws row i `w` wide (it posts its tap). A wide
// screen lays the rows out in columns of at least 14 em, so landscape is not a few rows and air.
template <class Row>
void scrollingList(Ui& ui, const char* id, std::size_t count, float width, float height, Row row) {
    const float em = ui.em;
    const float inner = width - em * 0.4f; // room for the scroll bar
    const std::size_t cols = std::clamp<std::size_t>(static_cast<std::size_t>(inner / (em * 14)), 1, 3);
    const float gap = em * 0.4f;
    const float cellW = (inner - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    ImGui::BeginChild(id, ImVec2(width, height), false);
    dragToScroll();
    for (std::size_t i = 0; i < count; ++i) {
        if (i % cols != 0) ImGui::SameLine(0, gap);
        ImGui::BeginGroup();
        row(i, cellW);
        ImGui::EndGroup();
        if (i % cols == cols - 1 || i + 1 == count) ImGui::Dummy(ImVec2(0, em * 0.15f));
    }
    ImGui::EndChild();
}

// ---- the top ----
void drawTop(Ui& ui, ServiceGuideFlow& flow, TextEntry& entry, float width) {
    const float em = ui.em;
    textField(ui, entry, flow.search(), width);
    const float keyboard = keyboardHeight(ui, entry);
    // Letters still composing on the 拼音 layout may be initials ("gtgsh"): searched as they are typed.
    const std::string& composing =
        entry.focusedField() == &flow.search() ? entry.view().composing : std::string();
    std::vector<std::size_t> found = flow.matchesComposing(composing);
    const bool searching = flow.searching() || !found.empty();
    if (searching && found.empty()) found = flow.matches();
    const std::vector<ServiceDepartment> departments = flow.departments();
    // With the keyboard up the room is short: the words stay, one size smaller, and go when even
    // one line does not fit above the keyboard (an 800x480 pad).
    const FontSize say = keyboard > 0 ? FontSize::Body : FontSize::Large;
    const float line = ui.fonts.font(FontSize::Body)->FontSize * 1.3f;
    const bool roomToSay = keyboard == 0 || ImGui::GetContentRegionAvail().y - keyboard - em * 0.3f >= line;
    if (!roomToSay) {
        // the keyboard's own bar says what matters while typing
    } else if (flow.items().empty()) {
        // Never fetched (or nothing in it): said plainly, never an empty list.
        text(ui, ui.t("guide.empty_catalog"), say, ui.theme.textMuted, Align::Center, width);
    } else if (!searching) {
        text(ui, ui.t("guide.departments"), FontSize::Body, ui.theme.textMuted, Align::Left, width);
    } else if (found.empty()) {
        text(ui, ui.t("guide.none"), say, ui.theme.textMuted, Align::Center, width);
    } else {
        // No room for even one item under the keyboard: say how to see them.
        const float room = ImGui::GetContentRegionAvail().y - keyboard - em * 0.3f - line;
        const char* key = room < kItemHeightEm * em ? "guide.count_typing" : "guide.count";
        text(ui, ui.f(key, {std::to_string(found.size())}), FontSize::Body, ui.theme.textMuted);
    }
    const float listH = ImGui::GetContentRegionAvail().y - keyboard - em * 0.3f;
    const std::size_t rows = searching ? found.size() : departments.size();
    if (rows > 0 && listH >= kItemHeightEm * em) {
        if (searching) {
            scrollingList(ui, "guide-found", rows, width, listH, [&](std::size_t r, float w) {
                const std::size_t i = found[r];
                if (listRow(ui, flow.items()[i].name, flow.items()[i].department, w))
                    ui.later.post([&flow, &entry, i] {
                        entry.focus(nullptr); // reading, not typing: the keyboard goes
                        flow.openItem(i);
                    });
            });
        } else {
            scrollingList(ui, "guide-departments", rows, width, listH, [&](std::size_t d, float w) {
                const ServiceDepartment& dep = departments[d];
                const std::string& name = dep.name.empty() ? ui.t("guide.other_department") : dep.name;
                if (listRow(ui, name, ui.f("guide.department_items", {std::to_string(dep.items.size())}), w))
                    ui.later.post([&flow, &entry, d] {
                        entry.focus(nullptr);
                        flow.openDepartment(d);
                    });
            });
        }
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

// ---- a department ----
void drawDepartment(Ui& ui, ServiceGuideFlow& flow, float width) {
    const float em = ui.em;
    const std::vector<ServiceDepartment> departments = flow.departments();
    const std::size_t d = flow.view().department;
    if (fitButton(ui, ui.t("guide.back_departments"), ButtonKind::Secondary))
        ui.later.post([&flow] { flow.back(); });
    if (d >= departments.size()) return;
    const ServiceDepartment& dep = departments[d];
    const std::string& name = dep.name.empty() ? ui.t("guide.other_department") : dep.name;
    ImGui::Dummy(ImVec2(0, em * 0.2f));
    text(ui, ui.f("guide.department_title", {name}), FontSize::Large, ui.theme.text, Align::Left, width);
    ImGui::Dummy(ImVec2(0, em * 0.2f));
    const float listH = ImGui::GetContentRegionAvail().y - em * 0.3f;
    if (listH < kItemHeightEm * em) return;
    scrollingList(ui, "guide-items", dep.items.size(), width, listH, [&](std::size_t r, float w) {
        const std::size_t i = dep.items[r];
        const ServiceItem& item = flow.items()[i];
        const std::string detail =
            keepTogether(ui.t("guide.time_limit")) + "  " + guideTimeLimitText(item, ui.strings);
        if (listRow(ui, item.name, detail, w)) ui.later.post([&flow, i] { flow.openItem(i); });
    });
}

// ---- an item's page ----
void section(Ui& ui, std::string_view heading, float width) {
    ImGui::Dummy(ImVec2(0, ui.em * 0.3f));
    text(ui, heading, FontSize::Large, ui.theme.primary, Align::Left, width);
}

void drawItem(Ui& ui, ServiceGuideFlow& flow, const ServiceItem& item, float width) {
    const float em = ui.em;
    if (fitButton(ui, ui.t("guide.back"), ButtonKind::Secondary)) ui.later.post([&flow] { flow.back(); });
    if (flow.canPrint()) {
        // No printer, no button: a citizen is never offered what cannot happen.
        ImGui::SameLine(0, em * 0.6f);
        if (fitButton(ui, ui.t("guide.print"), ButtonKind::Primary))
            ui.later.post([&flow] { flow.printMaterials(); });
    }
    ImGui::Dummy(ImVec2(0, em * 0.2f));
    ImGui::BeginChild("guide-item", ImVec2(width, ImGui::GetContentRegionAvail().y - em * 0.3f), false, 0);
    dragToScroll();
    const float w = width - em * 0.5f;
    const std::string& notGiven = ui.t("guide.not_given");
    text(ui, item.name, FontSize::Title, ui.theme.text, Align::Left, w);
    if (!item.department.empty())
        text(ui, keepTogether(ui.t("guide.department")) + "  " + item.department, FontSize::Body,
             ui.theme.textMuted, Align::Left, w);
    // Where to go first: it is what a citizen standing in the hall needs most.
    text(ui, keepTogether(ui.t("guide.window")) + "  " + guideWindowsText(item, ui.strings), FontSize::Large,
         ui.theme.text, Align::Left, w);
    // A wide screen reads in two columns (what it is and how; what to bring, how long, what it costs),
    // so the whole page is in view at 1920x1080; a narrow one in one column, scrolled.
    const bool twoColumns = w >= em * 30;
    const float colGap = em * 1.2f;
    const float cw = twoColumns ? (w - colGap) * 0.5f : w;
    ImGui::BeginGroup();
    section(ui, ui.t("guide.content"), cw);
    text(ui, item.content.empty() ? notGiven : item.content, FontSize::Body, ui.theme.text, Align::Left, cw);
    section(ui, ui.t("guide.process"), cw);
    if (item.process.empty()) text(ui, notGiven, FontSize::Body, ui.theme.text, Align::Left, cw);
    for (std::size_t i = 0; i < item.process.size(); ++i)
        text(ui, std::to_string(i + 1) + ". " + item.process[i], FontSize::Body, ui.theme.text, Align::Left,
             cw);
    section(ui, ui.t("guide.basis"), cw);
    text(ui, item.basis.empty() ? notGiven : item.basis, FontSize::Body, ui.theme.text, Align::Left, cw);
    ImGui::EndGroup();
    if (twoColumns) ImGui::SameLine(0, colGap);
    ImGui::BeginGroup();
    section(ui, ui.t("guide.materials"), cw);
    if (item.materials.empty()) text(ui, notGiven, FontSize::Body, ui.theme.text, Align::Left, cw);
    bool anyOptional = false;
    for (std::size_t i = 0; i < item.materials.size(); ++i) {
        const ServiceMaterial& m = item.materials[i];
        anyOptional = anyOptional || !m.required;
        const std::string mark = ui.t(m.required ? "guide.material_required" : "guide.material_optional");
        text(ui, std::to_string(i + 1) + ". " + m.name + ui.f("guide.material_mark", {mark}), FontSize::Body,
             m.required ? ui.theme.text : ui.theme.textMuted, Align::Left, cw);
    }
    if (anyOptional)
        text(ui, ui.t("guide.materials_legend"), FontSize::Body, ui.theme.textMuted, Align::Left, cw);
    section(ui, ui.t("guide.time_limit"), cw);
    text(ui, guideTimeLimitText(item, ui.strings), FontSize::Body, ui.theme.text, Align::Left, cw);
    section(ui, ui.t("guide.fee"), cw);
    text(ui, guideFeeText(item, ui.strings), FontSize::Body, ui.theme.text, Align::Left, cw);
    ImGui::EndGroup();
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
    const ServiceGuideView& v = flow.view();
    if (v.page == GuidePage::Item && v.open && *v.open < flow.items().size())
        drawItem(ui, flow, flow.items()[*v.open], width);
    else if (v.page == GuidePage::Department)
        drawDepartment(ui, flow, width);
    else
        drawTop(ui, flow, ctx.terminal.textEntry(), width);
}

} // namespace kiosk::ui
