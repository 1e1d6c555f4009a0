// SuggestionScreen — 区长信箱: write (标题, 内容), contact (phone, real name by card), review, the
// receipt number. Draws kiosk/SuggestionFlow; holds no state.
//
// Sections: steps | the screen
#include "kiosk/SuggestionFlow.h"
#include "text/Masking.h"
#include "ui/FormLayout.h"
#include "ui/OnScreenKeyboard.h"
#include "ui/Screens.h"

namespace kiosk::ui {

namespace {

// ---- steps ----
void drawWrite(Ui& ui, SuggestionFlow& flow, ScreenContext& ctx, float width) {
    TextEntry& entry = ctx.terminal.textEntry();
    stepHeading(ui, ui.t("mailbox.step_write"), 1, 3);
    beginPage(ui, entry, "write", width, footerHeight(ui, flow.view().problemKey, width));
    const float w = width - ui.em * 0.4f;
    textField(ui, entry, flow.title(), w);
    textField(ui, entry, flow.content(), w, 4);
    endPage();
    problemLine(ui, flow.view().problemKey, width);
    if (navRow(ui, "", "form.next", width) == NavTap::Next)
        ui.later.post([&flow, &entry, now = ctx.now] {
            entry.focus(nullptr);
            flow.next(now);
        });
    keyboardAtBottom(ui, entry, width);
}

void drawContact(Ui& ui, SuggestionFlow& flow, ScreenContext& ctx, float width) {
    const float em = ui.em;
    TextEntry& entry = ctx.terminal.textEntry();
    stepHeading(ui, ui.t("mailbox.step_contact"), 2, 3);
    beginPage(ui, entry, "contact", width, footerHeight(ui, flow.view().problemKey, width));
    const float w = width - em * 0.4f;
    text(ui, ui.t("mailbox.contact_optional"), FontSize::Body, ui.theme.textMuted, Align::Left, w);
    textField(ui, entry, flow.phone(), w);
    const auto& who = ctx.terminal.session().citizen();
    if (flow.view().realName && who) {
        text(ui, ui.f("mailbox.signed_as", {text::maskName(who->name)}), FontSize::Large, ui.theme.text,
             Align::Left, w);
        if (button(ui, ui.t("mailbox.unsign"), buttonSizeFor(ui, ui.t("mailbox.unsign"), 10, em * 2.f, w),
                   ButtonKind::Secondary))
            ui.later.post([&flow, now = ctx.now] { flow.stayAnonymous(now); });
    } else if (who) {
        const std::string sign = ui.f("mailbox.sign_as", {text::maskName(who->name)});
        if (button(ui, sign, buttonSizeFor(ui, sign, 14, em * 2.f, w), ButtonKind::Secondary))
            ui.later.post([&flow, now = ctx.now] { flow.useIdentifiedCitizen(now); });
    } else {
        text(ui, ui.t("mailbox.sign_with_card"), FontSize::Body, ui.theme.text, Align::Left, w);
    }
    endPage();
    problemLine(ui, flow.view().problemKey, width);
    const NavTap tap = navRow(ui, "form.back", "form.next", width);
    if (tap != NavTap::None)
        ui.later.post([&flow, &entry, tap, now = ctx.now] {
            entry.focus(nullptr);
            if (tap == NavTap::Back)
                flow.back(now);
            else
                flow.next(now);
        });
    keyboardAtBottom(ui, entry, width);
}

void drawReview(Ui& ui, SuggestionFlow& flow, ScreenContext& ctx, float width) {
    const float em = ui.em;
    stepHeading(ui, ui.t("mailbox.step_review"), 3, 3);
    beginPage(ui, ctx.terminal.textEntry(), "review", width, navRowHeight(ui));
    const float w = width - em * 0.6f;
    reviewRow(ui, ui.t("mailbox.subject"), flow.title().text(), w);
    reviewRow(ui, ui.t("mailbox.content"), flow.content().text(), w);
    reviewRow(ui, ui.t("complaint.phone"),
              flow.phone().empty() ? ui.t("complaint.not_given") : text::maskPhone(flow.phone().text()), w);
    const auto& who = ctx.terminal.session().citizen();
    reviewRow(ui, ui.t("mailbox.signature"),
              flow.view().realName && who ? text::maskName(who->name) : ui.t("mailbox.unsigned"), w);
    endPage();
    const NavTap tap = navRow(ui, "form.back", "mailbox.submit", width);
    if (tap == NavTap::Back) ui.later.post([&flow, now = ctx.now] { flow.back(now); });
    if (tap == NavTap::Next) ui.later.post([&flow, now = ctx.now] { flow.submit(now); });
}

} // namespace

// ---- the screen ----
void drawSuggestionScreen(Ui& ui, SuggestionFlow& flow, ScreenContext& ctx) {
    if (titleRow(ui, ui.t("mailbox.title"))) {
        ui.later.post([&navigator = ctx.terminal.navigator()] { navigator.goHome(); });
        return;
    }
    const float width = ImGui::GetContentRegionAvail().x;
    const SuggestionView& v = flow.view();
    switch (v.step) {
    case SuggestionStep::Write:
        drawWrite(ui, flow, ctx, width);
        break;
    case SuggestionStep::Contact:
        drawContact(ui, flow, ctx, width);
        break;
    case SuggestionStep::Review:
        drawReview(ui, flow, ctx, width);
        break;
    case SuggestionStep::Submitting:
        ImGui::Dummy(ImVec2(0, ui.em * 2));
        text(ui, ui.t("complaint.submitting"), FontSize::Large, ui.theme.text, Align::Center, width);
        break;
    case SuggestionStep::Received:
        ImGui::Dummy(ImVec2(0, ui.em));
        text(ui, ui.t("mailbox.received"), FontSize::Title, ui.theme.good, Align::Left, width);
        text(ui, ui.t("mailbox.receipt_no"), FontSize::Body, ui.theme.textMuted);
        text(ui, v.receiptNo, FontSize::Title, ui.theme.text, Align::Left, width);
        text(ui, ui.t("mailbox.received_note"), FontSize::Body, ui.theme.text, Align::Left, width);
        if (ctx.info.online != true)
            text(ui, ui.t("complaint.will_upload"), FontSize::Body, ui.theme.warn, Align::Left, width);
        break;
    case SuggestionStep::Failed: {
        ImGui::Dummy(ImVec2(0, ui.em));
        text(ui, ui.t(v.failureKey), FontSize::Large, ui.theme.bad, Align::Left, width);
        text(ui, ui.t("complaint.kept"), FontSize::Body, ui.theme.text, Align::Left, width);
        const NavTap tap = navRow(ui, "form.back", "app.retry", width);
        if (tap == NavTap::Back) ui.later.post([&flow, now = ctx.now] { flow.back(now); });
        if (tap == NavTap::Next) ui.later.post([&flow, now = ctx.now] { flow.submit(now); });
        break;
    }
    }
}

} // namespace kiosk::ui
