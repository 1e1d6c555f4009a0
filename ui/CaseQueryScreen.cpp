// CaseQueryScreen — 办件查询: place the card, then the citizen's cases with their steps and time left.
//
// Sections: waiting for a card | one case card (its steps, the print button) | results | by number | the
// screen (loading, failure)
#include "ui/Screens.h"

#include "kiosk/CaseQueryFlow.h"
#include "text/Masking.h"
#include "ui/FormLayout.h"
#include "ui/OnScreenKeyboard.h"

namespace kiosk::ui {

namespace {

ImU32 statusColor(const Theme& th, const CaseRecord& c) {
    if (c.overdue()) return th.bad;
    switch (c.status) {
    case CaseStatus::Completed:
        return th.good;
    case CaseStatus::Rejected:
        return th.bad;
    case CaseStatus::Suspended:
        return th.warn;
    default:
        return th.active;
    }
}

// ---- waiting for a card ----

void drawWaitingWords(Ui& ui, const CardReaderView& reader);

void drawWaiting(Ui& ui, const CardReaderView& reader) {
    const float em = ui.em;
    // A card on a reader, drawn: the citizen sees where to put it. The words below it matter more:
    // on a short screen (or at a large text scale) the picture shrinks, or goes, to leave them room.
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float words = ui.fonts.font(FontSize::Title)->FontSize + em * 0.4f +
                        ui.fonts.font(FontSize::Body)->FontSize * 2 + em * 0.4f +
                        ui.fonts.font(FontSize::Large)->FontSize;
    const float ch = std::min(em * 4.4f, avail.y - words - em * 3.2f); // 1.2 em above, 1.6 below, slack
    if (ch < em * 1.5f) {
        drawWaitingWords(ui, reader);
        return;
    }
    ImGui::Dummy(ImVec2(0, em * 1.2f));
    const float cw = ch * (7.f / 4.4f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c0(p.x + (avail.x - cw) * 0.5f, p.y);
    dl->AddRectFilled(ImVec2(c0.x - em * 0.6f, c0.y + ch * 0.55f),
                      ImVec2(c0.x + cw + em * 0.6f, c0.y + ch + em * 0.8f), ui.theme.panelBorder, em * 0.3f);
    dl->AddRectFilled(c0, ImVec2(c0.x + cw, c0.y + ch), IM_COL32(214, 228, 244, 255), em * 0.35f);
    dl->AddRect(c0, ImVec2(c0.x + cw, c0.y + ch), ui.theme.primary, em * 0.35f, 0, em * 0.08f);
    dl->AddRectFilled(ImVec2(c0.x + cw * 0.68f, c0.y + ch * 0.2f), ImVec2(c0.x + cw * 0.9f, c0.y + ch * 0.7f),
                      ui.theme.pending, em * 0.1f);
    for (int i = 0; i < 3; ++i) {
        const float y = c0.y + ch * (0.25f + 0.17f * i);
        dl->AddRectFilled(ImVec2(c0.x + cw * 0.1f, y), ImVec2(c0.x + cw * 0.58f, y + em * 0.25f),
                          ui.theme.pending);
    }
    ImGui::Dummy(ImVec2(0, ch + em * 1.6f));
    drawWaitingWords(ui, reader);
}

void drawWaitingWords(Ui& ui, const CardReaderView& reader) {
    const float em = ui.em;
    if (!reader.connected) {
        text(ui, ui.t(reader.messageKey), FontSize::Large, ui.theme.bad, Align::Center);
        return;
    }
    const std::string& key = reader.messageKey;
    if (key == "reader.reading") { // a card is being read: keep it still
        text(ui, ui.t("reader.reading"), FontSize::Title, ui.theme.active, Align::Center);
        return;
    }
    text(ui, ui.t("reader.place_card"), FontSize::Title, ui.theme.text, Align::Center);
    ImGui::Dummy(ImVec2(0, em * 0.4f));
    text(ui, ui.t("reader.place_card_hint"), FontSize::Body, ui.theme.textMuted, Align::Center);
    if (key == "reader.error" || key == "reader.lifted") {
        ImGui::Dummy(ImVec2(0, em * 0.4f));
        text(ui, ui.t(key), FontSize::Large, ui.theme.warn, Align::Center);
    }
}

// ---- one case card ----

// The steps left to right, like a progress bar a citizen knows from parcel tracking: a filled dot
// for done, a ring with a dot for in progress (several at once = parallel approval), an empty ring
// for not started; the words under each dot say the same without colour.
void drawSteps(Ui& ui, const CaseRecord& c, float width) {
    const float em = ui.em;
    const size_t n = c.steps.size();
    const float slot = width / static_cast<float>(n);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float r = em * 0.35f;
    const float cy = origin.y + r + em * 0.1f;
    float bottom = cy + r;
    for (size_t i = 0; i < n; ++i) {
        const CaseStep& s = c.steps[i];
        const ImU32 col = s.state == StepState::Done     ? ui.theme.good
                          : s.state == StepState::Active ? ui.theme.active
                                                         : ui.theme.pending;
        const float cx = origin.x + slot * (static_cast<float>(i) + 0.5f);
        if (i + 1 < n) {
            const bool doneLink = s.state == StepState::Done;
            dl->AddLine(ImVec2(cx + r, cy), ImVec2(cx + slot - r, cy),
                        doneLink ? ui.theme.good : ui.theme.panelBorder, em * 0.08f);
        }
        if (s.state == StepState::Done) {
            dl->AddCircleFilled(ImVec2(cx, cy), r, col);
        } else {
            dl->AddCircle(ImVec2(cx, cy), r, col, 0, em * 0.1f);
            if (s.state == StepState::Active) dl->AddCircleFilled(ImVec2(cx, cy), r * 0.45f, col);
        }
        const float textWidth = slot - em * 0.3f;
        ImGui::SetCursorScreenPos(ImVec2(cx - textWidth * 0.5f, cy + r + em * 0.25f));
        ImGui::BeginGroup();
        ImGui::PushItemWidth(textWidth);
        ImGui::Dummy(ImVec2(textWidth, 0));
        text(ui, s.name, FontSize::Body, s.state == StepState::Pending ? ui.theme.textMuted : ui.theme.text,
             Align::Center, textWidth);
        std::string words = ui.t(stepStateKey(s.state));
        if (s.finishedAt.size() >= 10) words += " " + s.finishedAt.substr(5, 5);
        text(ui, words, FontSize::Body, col, Align::Center, textWidth);
        ImGui::PopItemWidth();
        ImGui::EndGroup();
        bottom = std::max(bottom, ImGui::GetItemRectMax().y);
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, bottom + em * 0.2f));
    ImGui::Dummy(ImVec2(width, 0));
}

// Draws one case as a card at `start`, `width` wide; returns its bottom edge.
float drawCaseCard(Ui& ui, CaseQueryFlow& flow, ScreenContext& ctx, size_t index, ImVec2 start, float width) {
    const CaseRecord& c = flow.view().cases[index];
    const float em = ui.em;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    // The print button sits in the card's top-right corner, visible as soon as the card is.
    float printWidth = 0.f;
    if (ctx.terminal.slips().available()) {
        const ImVec2 size(em * 5.2f, em * 1.8f);
        printWidth = size.x + em * 0.5f;
        ImGui::SetCursorScreenPos(ImVec2(start.x + width - size.x - em * 0.6f, start.y + em * 0.5f));
        ImGui::PushID(static_cast<int>(index));
        if (button(ui, ui.t("print.button"), size, ButtonKind::Secondary, FontSize::Body))
            ui.later.post([&flow, index, now = ctx.now] { flow.printCase(index, now); });
        ImGui::PopID();
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x + em * 0.8f, start.y + em * 0.6f));
    ImGui::BeginGroup();
    const float inner = width - em * 1.6f;
    ImGui::PushItemWidth(inner);
    badge(ui, ui.t(caseStatusKey(c)), statusColor(ui.theme, c)); // 不予受理 / 不予批准, not just 未通过
    ImGui::SameLine(0, em * 0.6f);
    text(ui, c.itemName, FontSize::Large, ui.theme.text, Align::Left,
         inner - ImGui::GetItemRectSize().x - em - printWidth);
    text(ui, c.caseNo + "    " + keepTogether(c.department), FontSize::Body, ui.theme.textMuted, Align::Left,
         inner);
    // Each label stays with its value on one line (no-break spaces); lines break between the pairs.
    // A case refused at intake was never accepted: its date is when it was applied for.
    const bool refusedAtIntake = c.status == CaseStatus::Rejected && c.refusal == Refusal::NotAccepted;
    const char* dateKey = refusedAtIntake ? "cases.applied_at" : "cases.accepted_at";
    std::string dates = keepTogether(ui.t(dateKey) + " " + displayTime(c.acceptedAt)) + "    " +
                        keepTogether(ui.f("cases.time_limit", {std::to_string(c.timeLimitDays)}));
    if (!c.dueDate.empty() && c.completedAt.empty())
        dates += "    " + keepTogether(ui.t("cases.due_date") + " " + c.dueDate);
    text(ui, dates, FontSize::Body, ui.theme.text, Align::Left, inner);
    if (!c.completedAt.empty()) {
        text(ui, ui.t("cases.completed_at") + " " + displayTime(c.completedAt), FontSize::Large,
             ui.theme.good, Align::Left, inner);
    } else if (c.daysLeft) {
        const int d = *c.daysLeft;
        if (d < 0)
            text(ui, ui.f("cases.overdue", {std::to_string(-d)}), FontSize::Large, ui.theme.bad, Align::Left,
                 inner);
        else if (d == 0)
            text(ui, ui.t("cases.due_today"), FontSize::Large, ui.theme.warn, Align::Left, inner);
        else
            text(ui, ui.f("cases.days_left", {std::to_string(d)}), FontSize::Large, ui.theme.active,
                 Align::Left, inner);
    }
    // Why a case is suspended or refused, and what to bring: the server's own words.
    if (!c.note.empty()) {
        const ImU32 col = c.status == CaseStatus::Rejected ? ui.theme.bad : ui.theme.warn;
        text(ui, ui.t("cases.note") + "：" + c.note, FontSize::Body, col, Align::Left, inner);
    }
    if (c.activeSteps() > 1) {
        text(ui, ui.f("cases.parallel", {std::to_string(c.activeSteps())}), FontSize::Body, ui.theme.active,
             Align::Left, inner);
    }
    if (!c.steps.empty()) {
        ImGui::Dummy(ImVec2(0, em * 0.3f));
        drawSteps(ui, c, inner);
    }
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + em * 0.6f;

    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(start, ImVec2(start.x + width, bottom), ui.theme.panel, em * 0.3f);
    dl->AddRect(start, ImVec2(start.x + width, bottom), ui.theme.panelBorder, em * 0.3f, 0,
                std::max(1.f, em * 0.04f));
    dl->AddRectFilled(start, ImVec2(start.x + em * 0.2f, bottom), statusColor(ui.theme, c), em * 0.3f,
                      ImDrawFlags_RoundCornersLeft);
    dl->ChannelsMerge();
    return bottom;
}

// ---- results ----

void drawResults(Ui& ui, CaseQueryFlow& flow, ScreenContext& ctx) {
    const CaseQueryView& view = flow.view();
    const float em = ui.em;
    if (view.byNumber) {
        text(ui, ui.t("cases.by_number_result"), FontSize::Large, ui.theme.text);
    } else {
        if (!ctx.terminal.session().citizen()) return; // results are always someone's: never reached
        const CitizenIdentity& who = *ctx.terminal.session().citizen();
        text(ui, ui.f("cases.citizen", {text::maskName(who.name), who.maskedIdNumber}), FontSize::Large,
             ui.theme.text);
        if (!who.idChecksumOk) text(ui, ui.t("cases.checksum_warning"), FontSize::Body, ui.theme.warn);
        if (who.expired) text(ui, ui.t("cases.card_expired"), FontSize::Body, ui.theme.warn);
    }
    if (view.cases.empty()) {
        ImGui::Dummy(ImVec2(0, em));
        text(ui, ui.t("cases.none"), FontSize::Large, ui.theme.textMuted, Align::Center);
        return;
    }
    text(ui, ui.f("cases.count", {std::to_string(view.cases.size())}) + "    " + ui.t("cases.privacy"),
         FontSize::Body, ui.theme.textMuted);
    ImGui::Dummy(ImVec2(0, em * 0.3f));
    // A wide scrollbar shows there is more below; a finger can drag the list or the bar.
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, em * 0.7f);
    ImGui::PushStyleColor(ImGuiCol_ScrollbarBg, ImGui::ColorConvertU32ToFloat4(ui.theme.secondary));
    ImGui::PushStyleColor(ImGuiCol_ScrollbarGrab, ImGui::ColorConvertU32ToFloat4(ui.theme.primary));
    ImGui::PushStyleColor(ImGuiCol_ScrollbarGrabActive,
                          ImGui::ColorConvertU32ToFloat4(ui.theme.primaryPressed));
    ImGui::PushStyleColor(ImGuiCol_ScrollbarGrabHovered, ImGui::ColorConvertU32ToFloat4(ui.theme.primary));
    ImGui::BeginChild("cases", ImVec2(0, 0), false);
    dragToScroll();
    // Two columns where the screen is wide enough (landscape), one otherwise; rows as tall as their
    // taller card.
    const float gap = em * 0.6f;
    const float avail = ImGui::GetContentRegionAvail().x;
    // A card narrower than 24 em wraps the item's name into short lines: two columns only when
    // both get that much (wide landscape screens at a small text scale).
    const int columns = avail >= em * 48.6f ? 2 : 1;
    const float cardWidth = (avail - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    ImVec2 rowStart = ImGui::GetCursorScreenPos();
    float rowBottom = rowStart.y;
    for (size_t i = 0; i < view.cases.size(); ++i) {
        const int col = static_cast<int>(i % static_cast<size_t>(columns));
        if (col == 0 && i > 0) rowStart.y = rowBottom + gap;
        const ImVec2 at(rowStart.x + static_cast<float>(col) * (cardWidth + gap), rowStart.y);
        rowBottom = std::max(rowBottom, drawCaseCard(ui, flow, ctx, i, at, cardWidth));
    }
    ImGui::SetCursorScreenPos(ImVec2(rowStart.x, rowBottom + gap));
    ImGui::Dummy(ImVec2(avail, 0));
    ImGui::EndChild();
    ImGui::PopStyleColor(4);
    ImGui::PopStyleVar();
}

// ---- by number ----
void drawByNumber(Ui& ui, CaseQueryFlow& flow, ScreenContext& ctx) {
    TextEntry& entry = ctx.terminal.textEntry();
    const float width = ImGui::GetContentRegionAvail().x;
    beginPage(ui, entry, "by-number", width, footerHeight(ui, flow.view().problemKey, width));
    const float w = width - ui.em * 0.4f;
    text(ui, ui.t("cases.by_number_explain"), FontSize::Body, ui.theme.textMuted, Align::Left, w);
    twoFields(ui, entry, flow.caseNumber(), flow.phoneLast4(), w);
    endPage();
    problemLine(ui, flow.view().problemKey, width);
    const NavTap tap = navRow(ui, "cases.by_card", "cases.query", width);
    if (tap != NavTap::None)
        ui.later.post([&flow, &entry, tap, now = ctx.now] {
            entry.focus(nullptr);
            if (tap == NavTap::Back)
                flow.backToCard(now);
            else
                flow.queryByNumber(now);
        });
    keyboardAtBottom(ui, entry, width);
}

} // namespace

// ---- the screen ----

void drawCaseQueryScreen(Ui& ui, CaseQueryFlow& flow, ScreenContext& ctx) {
    const float em = ui.em;
    const CaseQueryView& view = flow.view();
    if (titleRow(ui, ui.t("cases.title"))) {
        ui.later.post([&navigator = ctx.terminal.navigator()] { navigator.goHome(); });
        return;
    }

    switch (view.phase) {
    case CaseQueryPhase::WaitingForCard: {
        // No card at hand: a case number and the phone's last four digits find one case. Above the
        // card's picture, which shrinks to the room left, so the button is on every screen size.
        const float bh = em * 2.2f;
        const std::string& label = ui.t("cases.by_number");
        const ImVec2 size = buttonSizeFor(ui, label, 12, bh, ImGui::GetContentRegionAvail().x);
        ImGui::SetCursorPosX(ImGui::GetWindowWidth() - size.x - em);
        if (button(ui, label, size, ButtonKind::Secondary))
            ui.later.post([&flow, now = ctx.now] { flow.chooseByNumber(now); });
        drawWaiting(ui, ctx.terminal.reader());
        break;
    }
    case CaseQueryPhase::ByNumber:
        drawByNumber(ui, flow, ctx);
        break;
    case CaseQueryPhase::Loading: {
        const auto& who = ctx.terminal.session().citizen();
        if (view.byNumber) {
            ImGui::Dummy(ImVec2(0, em * 3));
            text(ui, ui.t("cases.loading_by_number"), FontSize::Large, ui.theme.text, Align::Center);
            break;
        }
        ImGui::Dummy(ImVec2(0, em * 3));
        text(ui, ui.f("cases.loading", {who ? text::maskName(who->name) : std::string()}), FontSize::Large,
             ui.theme.text, Align::Center);
        break;
    }
    case CaseQueryPhase::Results:
        drawResults(ui, flow, ctx);
        break;
    case CaseQueryPhase::Failed: {
        ImGui::Dummy(ImVec2(0, em * 2));
        text(ui, ui.t(view.failureKey), FontSize::Large, ui.theme.bad, Align::Center);
        if (view.byNumber) { // back to the numbers, to check them (and 重试 where it can help)
            ImGui::Dummy(ImVec2(0, em));
            const NavTap tap = navRow(ui, "cases.check_numbers", view.retryable ? "app.retry" : "",
                                      ImGui::GetContentRegionAvail().x);
            if (tap == NavTap::Back) ui.later.post([&flow, now = ctx.now] { flow.chooseByNumber(now); });
            if (tap == NavTap::Next) ui.later.post([&flow, now = ctx.now] { flow.retry(now); });
            break;
        }
        // A card this terminal cannot use is not helped by trying again: no 重试 then.
        if (!view.retryable) break;
        ImGui::Dummy(ImVec2(0, em));
        const ImVec2 size(em * 6, em * 2.4f);
        ImGui::SetCursorPosX((ImGui::GetWindowWidth() - size.x) * 0.5f);
        if (button(ui, ui.t("app.retry"), size)) ui.later.post([&flow, now = ctx.now] { flow.retry(now); });
        break;
    }
    }
}

} // namespace kiosk::ui
