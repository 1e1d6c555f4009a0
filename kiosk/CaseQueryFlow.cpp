#include "kiosk/CaseQueryFlow.h"

#include "kiosk/HallTime.h"
#include "kiosk/SlipTemplates.h"
#include "text/Masking.h"

namespace kiosk {

CaseQueryFlow::CaseQueryFlow(CitizenSession& session, CaseQueryService& cases, SlipTracker& slips,
                             const StringTable& strings, std::string terminalId)
    : session_(session), cases_(cases), slips_(slips), strings_(strings), terminalId_(std::move(terminalId)) {
}

void CaseQueryFlow::enter(TimePoint now) {
    (void)now; // waits for a card: wipe() left the view at WaitingForCard
}

void CaseQueryFlow::wipe() {
    // The cases are the citizen's (their applications, dates, notes): gone with the session.
    if (view().phase != CaseQueryPhase::WaitingForCard || !view().cases.empty()) edit() = CaseQueryView{};
    pendingRequest_ = 0; // a late answer for the previous citizen is dropped
}

void CaseQueryFlow::startQuery(TimePoint now) {
    if (!session_.citizen()) return;
    CaseQueryView& v = edit();
    v.phase = CaseQueryPhase::Loading;
    v.cases.clear();
    v.failureKey.clear();
    v.failureDetail.clear();
    pendingRequest_ = nextRequestId_++;
    cases_.queryCases(pendingRequest_, session_.citizen()->idNumber);
    session_.activity(now);
}

void CaseQueryFlow::handle(const AppEvent& event, TimePoint now) {
    if (std::holds_alternative<CardPresented>(event)) {
        startQuery(now); // the navigator put the card's citizen in the session
    } else if (const auto* q = std::get_if<CaseQueryFinished>(&event)) {
        if (q->requestId != pendingRequest_ || pendingRequest_ == 0) return; // stale
        pendingRequest_ = 0;
        finish(*q);
    }
}

void CaseQueryFlow::finish(const CaseQueryFinished& q) {
    CaseQueryView& v = edit();
    if (q.outcome == QueryOutcome::Ok) {
        v.phase = CaseQueryPhase::Results;
        v.cases = q.cases;
        sortForCitizen(v.cases);
        return;
    }
    v.phase = CaseQueryPhase::Failed;
    v.failureKey = q.outcome == QueryOutcome::Offline         ? "cases.offline"
                   : q.outcome == QueryOutcome::Busy          ? "cases.busy"
                   : q.outcome == QueryOutcome::IdNotAccepted ? "cases.id_not_accepted"
                                                              : "cases.server_error";
    // The same card would be refused again: no 重试, the message says where to go instead.
    v.retryable = q.outcome != QueryOutcome::IdNotAccepted;
    v.failureDetail = q.detail;
}

void CaseQueryFlow::retry(TimePoint now) {
    if (view().phase == CaseQueryPhase::Failed && view().retryable) startQuery(now);
}

void CaseQueryFlow::printCase(size_t index, TimePoint now) {
    const CaseQueryView& v = view();
    if (v.phase != CaseQueryPhase::Results || index >= v.cases.size() || !session_.citizen() ||
        !slips_.available() || slips_.view().phase == SlipPhase::Printing)
        return; // one slip at a time
    session_.activity(now);
    const CaseRecord& c = v.cases[index];
    const CitizenIdentity& who = *session_.citizen();
    CaseStatusData d;
    d.caseNumber = c.caseNo;
    d.itemName = c.itemName;
    d.department = c.department;
    d.statusText = strings_.get(caseStatusKey(c)); // names the refusal (不予受理 / 不予批准)
    d.acceptedAt = displayTime(c.acceptedAt);
    d.notAccepted = c.status == CaseStatus::Rejected && c.refusal == Refusal::NotAccepted;
    d.dueDate = c.dueDate;
    d.completedAt = displayTime(c.completedAt);
    d.note = c.note;
    // Only masked forms leave the session: the printer module never sees the full name or number.
    d.applicantName = text::maskName(who.name);
    d.applicantIdNumber = who.maskedIdNumber;
    for (const CaseStep& step : c.steps) {
        d.steps.push_back({step.name, strings_.get(stepStateKey(step.state)), displayDate(step.finishedAt)});
    }
    SlipContext ctx;
    ctx.terminalId = terminalId_;
    ctx.printedAt = std::chrono::system_clock::now();
    ctx.formatTime = formatHallTime; // the hall's wall time, whatever the machine's TZ (issue 8.6)
    ctx.text = [this](std::string_view key) { return strings_.get(key); };
    slips_.print(caseStatusSlip(d, ctx));
}

} // namespace kiosk
