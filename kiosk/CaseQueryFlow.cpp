#include "kiosk/CaseQueryFlow.h"

#include "kiosk/HallTime.h"
#include "kiosk/SlipTemplates.h"
#include "text/Masking.h"

namespace kiosk {

namespace {
TextFieldSpec caseNoSpec() {
    TextFieldSpec s;
    s.labelKey = "cases.case_no";
    s.hintKey = "cases.case_no_hint";
    s.kind = InputKind::Code;
    s.maxChars = 32;
    return s;
}
TextFieldSpec last4Spec() {
    TextFieldSpec s;
    s.labelKey = "cases.phone_last4";
    s.hintKey = "cases.phone_last4_hint";
    s.kind = InputKind::Digits;
    s.maxChars = 4;
    s.personal = true;
    return s;
}
} // namespace

CaseQueryFlow::CaseQueryFlow(CitizenSession& session, CaseQueryService& cases, SlipTracker& slips,
                             const StringTable& strings, std::string terminalId)
    : session_(session), cases_(cases), slips_(slips), strings_(strings), terminalId_(std::move(terminalId)),
      caseNo_(caseNoSpec()), phoneLast4_(last4Spec()) {}

void CaseQueryFlow::chooseByNumber(TimePoint now) {
    if (view().phase == CaseQueryPhase::Loading) return;
    session_.activity(now);
    CaseQueryView& v = edit();
    v = CaseQueryView{};
    v.phase = CaseQueryPhase::ByNumber;
}

void CaseQueryFlow::backToCard(TimePoint now) {
    session_.activity(now);
    caseNo_.wipe();
    phoneLast4_.wipe();
    pendingRequest_ = 0;
    edit() = CaseQueryView{};
}

void CaseQueryFlow::queryByNumber(TimePoint now) {
    if (view().phase != CaseQueryPhase::ByNumber &&
        !(view().phase == CaseQueryPhase::Failed && view().byNumber))
        return;
    session_.activity(now);
    std::string number;
    for (char c : caseNo_.text())
        if (c != ' ') number += c;
    if (number.size() < 4) {
        edit().phase = CaseQueryPhase::ByNumber;
        edit().problemKey = "cases.case_no_invalid";
        return;
    }
    if (phoneLast4_.length() != 4) {
        edit().phase = CaseQueryPhase::ByNumber;
        edit().problemKey = "cases.phone_last4_invalid";
        return;
    }
    CaseQueryView& v = edit();
    v.phase = CaseQueryPhase::Loading;
    v.byNumber = true;
    v.problemKey.clear();
    v.cases.clear();
    v.failureKey.clear();
    v.failureDetail.clear();
    pendingRequest_ = nextRequestId_++;
    cases_.queryCaseByNumber(pendingRequest_, number, phoneLast4_.text());
}

void CaseQueryFlow::enter(TimePoint now) {
    (void)now; // waits for a card: wipe() left the view at WaitingForCard
}

void CaseQueryFlow::wipe() {
    // The cases are the citizen's (their applications, dates, notes): gone with the session.
    const bool typed = !caseNo_.empty() || !phoneLast4_.empty();
    caseNo_.wipe();
    phoneLast4_.wipe();
    if (typed || view().phase != CaseQueryPhase::WaitingForCard || !view().cases.empty())
        edit() = CaseQueryView{};
    pendingRequest_ = 0; // a late answer for the previous citizen is dropped
}

void CaseQueryFlow::startQuery(TimePoint now) {
    if (!session_.citizen()) return;
    CaseQueryView& v = edit();
    v.phase = CaseQueryPhase::Loading;
    v.byNumber = false;
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
                   : q.outcome == QueryOutcome::NotFound      ? "cases.not_found_by_number"
                                                              : "cases.server_error";
    // The same card would be refused again: no 重试, the message says where to go instead. A number
    // not found would be too: the citizen checks it (back to the fields) rather than repeats it.
    v.retryable = q.outcome != QueryOutcome::IdNotAccepted && q.outcome != QueryOutcome::NotFound;
    v.failureDetail = q.detail;
}

void CaseQueryFlow::retry(TimePoint now) {
    if (view().phase != CaseQueryPhase::Failed || !view().retryable) return;
    if (view().byNumber)
        queryByNumber(now);
    else
        startQuery(now);
}

void CaseQueryFlow::printCase(size_t index, TimePoint now) {
    const CaseQueryView& v = view();
    if (v.phase != CaseQueryPhase::Results || index >= v.cases.size() ||
        (!session_.citizen() && !v.byNumber) || !slips_.available() ||
        slips_.view().phase == SlipPhase::Printing)
        return; // one slip at a time
    session_.activity(now);
    const CaseRecord& c = v.cases[index];
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
    if (session_.citizen() && !v.byNumber) {
        d.applicantName = text::maskName(session_.citizen()->name);
        d.applicantIdNumber = session_.citizen()->maskedIdNumber;
    }
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
