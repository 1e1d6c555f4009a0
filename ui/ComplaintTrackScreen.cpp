// ComplaintTrackScreen — 投诉查询: the two numbers on keypads, then the complaint's timeline.
// Draws kiosk/ComplaintTrackFlow; holds no state.
//
// Sections: entering | the timeline | the screen
//   [x] landscape: the timeline and, beside it, where the complaint stands and the reply
//   [x] portrait: where it stands and the reply first, the timeline below
#include "kiosk/ComplaintTrackFlow.h"
#include "kiosk/HallTime.h"
#include "ui/FormLayout.h"
#include "ui/OnScreenKeyboard.h"
#include "ui/Screens.h"

namespace kiosk::ui {

namespace {

const char* stageKey(ComplaintStage s) {
    switch (s) {
    case ComplaintStage::Received:
        return "complaint_track.stage.received";
    case ComplaintStage::Assigned:
        return "complaint_track.stage.assigned";
    case ComplaintStage::Handling:
        return "complaint_track.stage.handling";
    case ComplaintStage::Replied:
        return "complaint_track.stage.replied";
    case ComplaintStage::Closed:
        return "complaint_track.stage.closed";
    case ComplaintStage::Revisited:
        return "complaint_track.stage.revisited";
    }
    return "complaint_track.stage.received";
}

// ---- entering ----
void drawEntering(Ui& ui, ComplaintTrackFlow& flow, ScreenContext& ctx, float width) {
    TextEntry& entry = ctx.terminal.textEntry();
    beginPage(ui, entry, "track-fields", width, footerHeight(ui, flow.view().problemKey, width));
    const float w = width - ui.em * 0.4f;
    text(ui, ui.t("complaint_track.explain"), FontSize::Body, ui.theme.textMuted, Align::Left, w);
    twoFields(ui, entry, flow.trackingNo(), flow.verifyCode(), w);
    endPage();
    problemLine(ui, flow.view().problemKey, width);
    if (navRow(ui, "", "complaint_track.query", width) == NavTap::Next)
        ui.later.post([&flow, &entry, now = ctx.now] {
            entry.focus(nullptr);
            flow.query(now);
        });
    keyboardAtBottom(ui, entry, width);
}

// ---- the timeline ----
// One row per stage the complaint has reached, oldest first; the stages still ahead are listed
// greyed, so the citizen sees the whole road (受理 → 转办 → 办理 → 回复 → 办结 → 回访).
void drawTimeline(Ui& ui, const ComplaintProgress& p, float width) {
    const float em = ui.em;
    int reached = -1;
    for (const ComplaintMilestone& m : p.timeline)
        reached = std::max(reached, static_cast<int>(m.stage));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int i = 0; i < kComplaintStageCount; ++i) {
        const auto stage = static_cast<ComplaintStage>(i);
        const ComplaintMilestone* m = nullptr;
        for (const ComplaintMilestone& x : p.timeline)
            if (x.stage == stage) m = &x;
        const bool done = m != nullptr;
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float r = em * 0.35f;
        const ImU32 col = done ? (i == reached ? ui.theme.active : ui.theme.good) : ui.theme.pending;
        if (done)
            dl->AddCircleFilled(ImVec2(at.x + r, at.y + em * 0.6f), r, col);
        else
            dl->AddCircle(ImVec2(at.x + r, at.y + em * 0.6f), r, col, 0, em * 0.1f);
        ImGui::SetCursorScreenPos(ImVec2(at.x + r * 2 + em * 0.5f, at.y));
        ImGui::BeginGroup();
        const float tw = width - r * 2 - em * 0.6f;
        std::string head = ui.t(stageKey(stage));
        if (m && !m->at.empty()) head += "    " + displayTime(m->at);
        // Words as well as colour: 已完成 / 进行中 / 未到 (never colour alone).
        head += "    " + ui.t(!done          ? "complaint_track.ahead"
                              : i == reached ? "complaint_track.current"
                                             : "complaint_track.done");
        text(ui, head, FontSize::Large, done ? ui.theme.text : ui.theme.textMuted, Align::Left, tw);
        if (m && !m->unit.empty())
            text(ui, ui.t("complaint_track.unit") + " " + m->unit, FontSize::Body, ui.theme.textMuted,
                 Align::Left, tw);
        // The reply is shown once, under 答复内容, not again as the 回复 stage's note.
        if (m && !m->note.empty() && !(stage == ComplaintStage::Replied && m->note == p.reply))
            text(ui, m->note, FontSize::Body, ui.theme.text, Align::Left, tw);
        ImGui::EndGroup();
        ImGui::Dummy(ImVec2(0, em * 0.3f));
    }
}

// Where the complaint stands: the stage reached, the unit, the due date and the reply. Beside the
// timeline on a landscape screen (the reply is what the citizen came for: it must not be below the
// fold), above it on a portrait one.
void drawStanding(Ui& ui, const ComplaintProgress& p, float w) {
    int reached = -1;
    for (const ComplaintMilestone& m : p.timeline)
        reached = std::max(reached, static_cast<int>(m.stage));
    if (reached >= 0)
        text(ui, ui.t("complaint_track.now") + " " + ui.t(stageKey(static_cast<ComplaintStage>(reached))),
             FontSize::Large, ui.theme.primary, Align::Left, w);
    if (!p.department.empty())
        text(ui, ui.t("complaint_track.department") + " " + p.department, FontSize::Body, ui.theme.text,
             Align::Left, w);
    if (!p.dueDate.empty())
        text(ui, ui.t("complaint_track.due") + " " + p.dueDate, FontSize::Body, ui.theme.text, Align::Left,
             w);
    if (!p.reply.empty()) {
        ImGui::Dummy(ImVec2(0, ui.em * 0.3f));
        text(ui, ui.t("complaint_track.reply"), FontSize::Large, ui.theme.primary, Align::Left, w);
        text(ui, p.reply, FontSize::Body, ui.theme.text, Align::Left, w);
    }
}

void drawShown(Ui& ui, ComplaintTrackFlow& flow, ScreenContext& ctx, float width) {
    const float em = ui.em;
    const ComplaintTrackView& v = flow.view();
    beginPage(ui, ctx.terminal.textEntry(), "track-result", width, navRowHeight(ui));
    const float w = width - em * 0.6f;
    text(ui, ui.t("complaint_track.tracking_no") + " " + v.progress.trackingNo, FontSize::Large,
         ui.theme.text, Align::Left, w);
    if (v.outcome == ProgressOutcome::WaitingUpload) {
        text(ui, ui.t("complaint_track.waiting_upload"), FontSize::Large, ui.theme.warn, Align::Left, w);
        if (v.progress.createdMs > 0)
            text(ui,
                 ui.t("complaint_track.registered_at") + " " +
                     formatHallTime(std::chrono::system_clock::time_point(
                         std::chrono::milliseconds(v.progress.createdMs))),
                 FontSize::Body, ui.theme.text, Align::Left, w);
    } else {
        ImGui::Dummy(ImVec2(0, em * 0.3f));
        const ImVec2 display = ImGui::GetIO().DisplaySize;
        if (display.x > display.y && w > em * 30) {
            const float left = w * 0.55f, gap = em, right = w - left - gap;
            const ImVec2 at = ImGui::GetCursorScreenPos();
            ImGui::BeginGroup();
            drawTimeline(ui, v.progress, left);
            ImGui::EndGroup();
            const float bottom = ImGui::GetCursorScreenPos().y;
            ImGui::SetCursorScreenPos(ImVec2(at.x + left + gap, at.y));
            ImGui::BeginGroup();
            drawStanding(ui, v.progress, right);
            ImGui::EndGroup();
            if (ImGui::GetCursorScreenPos().y < bottom) ImGui::SetCursorScreenPos(ImVec2(at.x, bottom));
        } else {
            drawStanding(ui, v.progress, w);
            ImGui::Dummy(ImVec2(0, em * 0.3f));
            drawTimeline(ui, v.progress, w);
        }
    }
    endPage();
    if (navRow(ui, "", "complaint_track.another", width, ButtonKind::Secondary) == NavTap::Next)
        ui.later.post([&flow, now = ctx.now] { flow.again(now); });
}

} // namespace

// ---- the screen ----
void drawComplaintTrackScreen(Ui& ui, ComplaintTrackFlow& flow, ScreenContext& ctx) {
    if (titleRow(ui, ui.t("complaint_track.title"))) {
        ui.later.post([&navigator = ctx.terminal.navigator()] { navigator.goHome(); });
        return;
    }
    const float width = ImGui::GetContentRegionAvail().x;
    const ComplaintTrackView& v = flow.view();
    switch (v.phase) {
    case TrackPhase::Entering:
        drawEntering(ui, flow, ctx, width);
        break;
    case TrackPhase::Loading:
        ImGui::Dummy(ImVec2(0, ui.em * 2));
        text(ui, ui.t("complaint_track.loading"), FontSize::Large, ui.theme.text, Align::Center, width);
        break;
    case TrackPhase::Shown:
        drawShown(ui, flow, ctx, width);
        break;
    case TrackPhase::Failed: {
        ImGui::Dummy(ImVec2(0, ui.em));
        text(ui, ui.t(v.failureKey), FontSize::Large, ui.theme.bad, Align::Left, width);
        const NavTap tap = navRow(ui, "complaint_track.check_numbers", v.retryable ? "app.retry" : "", width);
        if (tap == NavTap::Back) ui.later.post([&flow, now = ctx.now] { flow.again(now); });
        if (tap == NavTap::Next) ui.later.post([&flow, now = ctx.now] { flow.retry(now); });
        break;
    }
    }
}

} // namespace kiosk::ui
