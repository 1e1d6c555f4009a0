// ComplaintScreen — 效能投诉, step by step: category, identity, whom it is about, what happened, a
// phone, the review, and the received screen with 受理编号, 验证码 and their QR. Draws
// kiosk/ComplaintFlow; holds no state.
//
// Sections: choosing (category, identity, target) | typing (description, phone) | review | outcome |
// the screen
#include "kiosk/ComplaintFlow.h"
#include "kiosk/SlipTemplates.h"
#include "text/Masking.h"
#include "ui/FormLayout.h"
#include "ui/OnScreenKeyboard.h"
#include "ui/Screens.h"

namespace kiosk::ui {

namespace {

constexpr int kSteps = 6; // category, identity, target, description, phone, review

// ---- choosing ----
void drawCategory(Ui& ui, ComplaintFlow& flow, ScreenContext& ctx, float width) {
    const float em = ui.em;
    stepHeading(ui, ui.t("complaint.step_category"), 1, kSteps);
    const auto& cats = flow.directory().categories;
    if (cats.empty()) {
        text(ui, ui.t("complaint.no_catalog"), FontSize::Large, ui.theme.warn, Align::Left, width);
        return;
    }
    problemLine(ui, flow.view().problemKey, width);
    ImGui::BeginChild("categories", ImVec2(width, ImGui::GetContentRegionAvail().y - em * 0.3f), false);
    dragToScroll();
    const int columns = width >= em * 30 ? 2 : 1;
    const float gap = em * 0.5f;
    const float w = (width - em * 0.4f - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    for (std::size_t i = 0; i < cats.size(); ++i) {
        if (i % static_cast<std::size_t>(columns) != 0) ImGui::SameLine(0, gap);
        ImGui::PushID(static_cast<int>(i));
        if (tile(ui, cats[i].name, cats[i].hint, ImVec2(w, em * 3.6f)))
            ui.later.post([&flow, i, now = ctx.now] { flow.chooseCategory(i, now); });
        ImGui::PopID();
    }
    ImGui::EndChild();
}

void drawIdentity(Ui& ui, ComplaintFlow& flow, ScreenContext& ctx, float width) {
    const float em = ui.em;
    stepHeading(ui, ui.t("complaint.step_identity"), 2, kSteps);
    beginPage(ui, ctx.terminal.textEntry(), "identity", width, navRowHeight(ui));
    const auto& who = ctx.terminal.session().citizen();
    const float w = width - em * 0.4f;
    if (who) {
        text(ui, ui.f("complaint.identified", {text::maskName(who->name)}), FontSize::Large, ui.theme.text,
             Align::Left, w);
        if (button(ui, ui.t("complaint.use_identity"),
                   buttonSizeFor(ui, ui.t("complaint.use_identity"), 14, em * 2.4f, w)))
            ui.later.post([&flow, now = ctx.now] { flow.useIdentifiedCitizen(now); });
    } else {
        text(ui, ui.t("complaint.real_name_card"), FontSize::Large, ui.theme.text, Align::Left, w);
        const CardReaderView& reader = ctx.terminal.reader();
        text(ui, ui.t(reader.connected ? "reader.place_card" : reader.messageKey), FontSize::Body,
             reader.connected ? ui.theme.textMuted : ui.theme.bad, Align::Left, w);
    }
    ImGui::Dummy(ImVec2(0, em * 0.6f));
    text(ui, ui.t("complaint.anonymous_explain"), FontSize::Body, ui.theme.textMuted, Align::Left, w);
    if (button(ui, ui.t("complaint.anonymous"),
               buttonSizeFor(ui, ui.t("complaint.anonymous"), 14, em * 2.4f, w), ButtonKind::Secondary))
        ui.later.post([&flow, now = ctx.now] { flow.chooseAnonymous(now); });
    endPage();
    if (navRow(ui, "form.back", "", width) == NavTap::Back)
        ui.later.post([&flow, now = ctx.now] { flow.back(now); });
}

// A list of choices, the chosen one highlighted; tapping it again clears it.
template <class Label>
void choiceList(Ui& ui, const char* id, std::size_t count, std::optional<std::size_t> chosen, float width,
                Label label, std::function<void(std::optional<std::size_t>)> choose) {
    const float em = ui.em;
    ImGui::PushID(id);
    const int columns = width >= em * 30 ? 3 : 2;
    const float gap = em * 0.4f;
    const float w = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    for (std::size_t i = 0; i < count; ++i) {
        if (i % static_cast<std::size_t>(columns) != 0) ImGui::SameLine(0, gap);
        ImGui::PushID(static_cast<int>(i));
        const bool on = chosen && *chosen == i;
        if (button(ui, label(i), ImVec2(w, em * 2.f), on ? ButtonKind::Primary : ButtonKind::Secondary,
                   FontSize::Body))
            ui.later.post([choose, i, on] { choose(on ? std::nullopt : std::optional<std::size_t>(i)); });
        ImGui::PopID();
    }
    ImGui::PopID();
}

void drawTarget(Ui& ui, ComplaintFlow& flow, ScreenContext& ctx, float width) {
    const float em = ui.em;
    const ComplaintView& v = flow.view();
    stepHeading(ui, ui.t("complaint.step_target"), 3, kSteps);
    text(ui, ui.t("complaint.target_optional"), FontSize::Body, ui.theme.textMuted, Align::Left, width);
    beginPage(ui, ctx.terminal.textEntry(), "target", width, navRowHeight(ui));
    const float w = width - em * 0.6f;
    const HallDirectory& d = flow.directory();
    const TimePoint now = ctx.now;
    text(ui, ui.t("complaint.department"), FontSize::Large, ui.theme.text);
    std::optional<std::size_t> dept;
    for (std::size_t i = 0; i < d.departments.size(); ++i)
        if (v.department && d.departments[i].id == v.department->id) dept = i;
    choiceList(
        ui, "departments", d.departments.size(), dept, w,
        [&](std::size_t i) { return d.departments[i].name; },
        [&flow, now](std::optional<std::size_t> i) { flow.chooseDepartment(i, now); });
    const std::vector<std::size_t> staff = flow.staffChoices();
    if (!staff.empty()) {
        ImGui::Dummy(ImVec2(0, em * 0.3f));
        text(ui, ui.t("complaint.staff"), FontSize::Large, ui.theme.text);
        std::optional<std::size_t> chosen;
        for (std::size_t k = 0; k < staff.size(); ++k)
            if (v.staff && d.staff[staff[k]].id == v.staff->id) chosen = k;
        choiceList(
            ui, "staff", staff.size(), chosen, w,
            [&](std::size_t k) {
                const StaffMember& s = d.staff[staff[k]];
                return s.counter > 0 ? ui.f("complaint.staff_at", {s.name, std::to_string(s.counter)})
                                     : s.name;
            },
            [&flow, now, staff](std::optional<std::size_t> k) {
                flow.chooseStaff(k ? std::optional<std::size_t>(staff[*k]) : std::nullopt, now);
            });
    }
    if (v.realName) {
        ImGui::Dummy(ImVec2(0, em * 0.3f));
        text(ui, ui.t("complaint.related_case"), FontSize::Large, ui.theme.text);
        if (v.ownCasesLoading)
            text(ui, ui.t("complaint.cases_loading"), FontSize::Body, ui.theme.textMuted);
        else if (v.ownCases.empty())
            text(ui, ui.t("complaint.cases_none"), FontSize::Body, ui.theme.textMuted);
        std::optional<std::size_t> chosen;
        for (std::size_t i = 0; i < v.ownCases.size(); ++i)
            if (v.relatedCase && v.ownCases[i].caseNo == *v.relatedCase) chosen = i;
        choiceList(
            ui, "cases", v.ownCases.size(), chosen, w,
            [&](std::size_t i) { return v.ownCases[i].itemName + " " + v.ownCases[i].caseNo; },
            [&flow, now](std::optional<std::size_t> i) { flow.chooseRelatedCase(i, now); });
    }
    endPage();
    const NavTap tap = navRow(ui, "form.back", "form.next", width);
    if (tap == NavTap::Back) ui.later.post([&flow, now] { flow.back(now); });
    if (tap == NavTap::Next) ui.later.post([&flow, now] { flow.next(now); });
}

// ---- typing ----
void drawTyping(Ui& ui, ComplaintFlow& flow, ScreenContext& ctx, float width, bool description) {
    TextEntry& entry = ctx.terminal.textEntry();
    TextField& field = description ? flow.description() : flow.phone();
    stepHeading(ui, ui.t(description ? "complaint.step_description" : "complaint.step_phone"),
                description ? 4 : 5, kSteps);
    beginPage(ui, entry, description ? "description" : "phone", width,
              footerHeight(ui, flow.view().problemKey, width));
    const float w = width - ui.em * 0.4f;
    if (description && flow.view().category && !flow.view().category->hint.empty())
        text(ui, flow.view().category->name + "：" + flow.view().category->hint, FontSize::Body,
             ui.theme.textMuted, Align::Left, w);
    if (!description)
        text(ui, ui.t("complaint.phone_why"), FontSize::Body, ui.theme.textMuted, Align::Left, w);
    textField(ui, entry, field, w, description ? 4 : 1);
    endPage();
    problemLine(ui, flow.view().problemKey, width);
    const NavTap tap = navRow(ui, "form.back", "form.next", width);
    const TimePoint now = ctx.now;
    if (tap == NavTap::Back)
        ui.later.post([&flow, &entry, now] {
            entry.focus(nullptr);
            flow.back(now);
        });
    if (tap == NavTap::Next)
        ui.later.post([&flow, &entry, now] {
            entry.focus(nullptr);
            flow.next(now);
        });
    keyboardAtBottom(ui, entry, width);
}

// ---- review ----
void drawReview(Ui& ui, ComplaintFlow& flow, ScreenContext& ctx, float width) {
    const float em = ui.em;
    const ComplaintView& v = flow.view();
    stepHeading(ui, ui.t("complaint.step_review"), 6, kSteps);
    const bool warn = flow.cannotReceiveResult();
    beginPage(ui, ctx.terminal.textEntry(), "review", width, navRowHeight(ui));
    const float w = width - em * 0.6f;
    const std::string none = ui.t("complaint.not_given");
    reviewRow(ui, ui.t("complaint.category"), v.category ? v.category->name : none, w);
    std::string target = v.department ? v.department->name : std::string();
    if (v.staff) target += (target.empty() ? "" : " ") + v.staff->name;
    reviewRow(ui, ui.t("complaint.target"), target.empty() ? none : target, w);
    if (v.relatedCase) reviewRow(ui, ui.t("complaint.related_case"), *v.relatedCase, w);
    reviewRow(ui, ui.t("complaint.description"), flow.description().text(), w);
    reviewRow(ui, ui.t("complaint.phone"), flow.phone().empty() ? none : text::maskPhone(flow.phone().text()),
              w);
    const auto& who = ctx.terminal.session().citizen();
    reviewRow(ui, ui.t("complaint.how"),
              v.realName && who ? ui.f("complaint.real_name_as", {text::maskName(who->name)})
                                : ui.t("complaint.anonymous"),
              w);
    if (warn) {
        ImGui::Dummy(ImVec2(0, em * 0.3f));
        text(ui, ui.t("complaint.no_result_warning"), FontSize::Large, ui.theme.warn, Align::Left, w);
    }
    text(ui, ui.f("complaint.handling_promise", {std::to_string(flow.settings().handlingDays)}),
         FontSize::Body, ui.theme.textMuted, Align::Left, w);
    endPage();
    const NavTap tap = navRow(ui, "form.back", "complaint.submit", width);
    if (tap == NavTap::Back) ui.later.post([&flow, now = ctx.now] { flow.back(now); });
    if (tap == NavTap::Next) ui.later.post([&flow, now = ctx.now] { flow.submit(now); });
}

// ---- outcome ----
void drawReceived(Ui& ui, ComplaintFlow& flow, ScreenContext& ctx, float width) {
    const float em = ui.em;
    const ComplaintView& v = flow.view();
    ImGui::BeginChild("received", ImVec2(width, ImGui::GetContentRegionAvail().y - em * 0.3f), false);
    dragToScroll();
    const float w = width - em * 0.6f;
    text(ui, ui.t("complaint.received"), FontSize::Title, ui.theme.good, Align::Left, w);
    // The numbers on the left, the QR holding both on the right (below them on a narrow screen).
    const float qr = std::min(em * 9.f, w * 0.4f);
    const bool beside = w >= em * 26;
    const float numbersW = beside ? w - qr - em : w;
    const ImVec2 top = ImGui::GetCursorPos();
    ImGui::BeginGroup();
    text(ui, ui.t("complaint.tracking_no"), FontSize::Body, ui.theme.textMuted);
    text(ui, v.trackingNo, FontSize::Title, ui.theme.text, Align::Left, numbersW);
    text(ui, ui.t("complaint.verify_code"), FontSize::Body, ui.theme.textMuted);
    text(ui, v.verifyCode, FontSize::Title, ui.theme.text, Align::Left, numbersW);
    ImGui::EndGroup();
    const float after = ImGui::GetCursorPosY();
    if (beside) ImGui::SetCursorPos(ImVec2(top.x + w - qr, top.y));
    qrSymbol(ui, complaintQrText(v.trackingNo, v.verifyCode), qr);
    if (beside) ImGui::SetCursorPosY(std::max(after, ImGui::GetCursorPosY()));
    text(ui, ui.f("complaint.received_limit", {std::to_string(flow.settings().handlingDays)}),
         FontSize::Large, ui.theme.text, Align::Left, w);
    text(ui, ui.t("complaint.how_to_follow"), FontSize::Body, ui.theme.text, Align::Left, w);
    if (ctx.info.online != true)
        text(ui, ui.t("complaint.will_upload"), FontSize::Body, ui.theme.warn, Align::Left, w);
    if (ctx.terminal.slips().available() && ctx.terminal.slips().view().phase != SlipPhase::Printing) {
        ImGui::Dummy(ImVec2(0, em * 0.3f));
        if (button(ui, ui.t("complaint.print_again"),
                   buttonSizeFor(ui, ui.t("complaint.print_again"), 9, em * 2.2f, w), ButtonKind::Secondary))
            ui.later.post([&flow, now = ctx.now] { flow.printReceipt(now); });
    }
    ImGui::EndChild();
}

void drawFailed(Ui& ui, ComplaintFlow& flow, ScreenContext& ctx, float width) {
    const float em = ui.em;
    ImGui::Dummy(ImVec2(0, em));
    text(ui, ui.t(flow.view().failureKey), FontSize::Large, ui.theme.bad, Align::Left, width);
    text(ui, ui.t("complaint.kept"), FontSize::Body, ui.theme.text, Align::Left, width);
    const NavTap tap = navRow(ui, "form.back", "app.retry", width);
    if (tap == NavTap::Back) ui.later.post([&flow, now = ctx.now] { flow.back(now); });
    if (tap == NavTap::Next) ui.later.post([&flow, now = ctx.now] { flow.submit(now); });
}

} // namespace

// ---- the screen ----
void drawComplaintScreen(Ui& ui, ComplaintFlow& flow, ScreenContext& ctx) {
    if (titleRow(ui, ui.t("complaint.title"))) {
        ui.later.post([&navigator = ctx.terminal.navigator()] { navigator.goHome(); });
        return;
    }
    const float width = ImGui::GetContentRegionAvail().x;
    switch (flow.view().step) {
    case ComplaintStep::Category:
        drawCategory(ui, flow, ctx, width);
        break;
    case ComplaintStep::Identity:
        drawIdentity(ui, flow, ctx, width);
        break;
    case ComplaintStep::Target:
        drawTarget(ui, flow, ctx, width);
        break;
    case ComplaintStep::Description:
        drawTyping(ui, flow, ctx, width, true);
        break;
    case ComplaintStep::Phone:
        drawTyping(ui, flow, ctx, width, false);
        break;
    case ComplaintStep::Review:
        drawReview(ui, flow, ctx, width);
        break;
    case ComplaintStep::Submitting:
        ImGui::Dummy(ImVec2(0, ui.em * 2));
        text(ui, ui.t("complaint.submitting"), FontSize::Large, ui.theme.text, Align::Center, width);
        break;
    case ComplaintStep::Received:
        drawReceived(ui, flow, ctx, width);
        break;
    case ComplaintStep::Failed:
        drawFailed(ui, flow, ctx, width);
        break;
    }
}

} // namespace kiosk::ui
