#include "kiosk/HallFlow.h"

#include "drivers/printer/ReceiptSlips.h"
#include "text/Masking.h"

namespace kiosk {

HallFlow::HallFlow(HallFlowSettings s, CardReaderControl& reader, CaseQueryService& cases,
                   PrintService& printer, const StringTable& strings)
    : reader_(reader), cases_(cases), printer_(printer), strings_(strings),
      terminalId_(std::move(s.terminalId)), idle_(s.idleTimeout, s.idleWarning) {}

void HallFlow::open(HallScreen screen, TimePoint now) {
    if (screen == HallScreen::Home) {
        goHome();
        return;
    }
    endCitizenSession(); // entries start from a clean slate
    screen_ = screen;
    idle_.arm(now);
    reader_.setCardWanted(screen == HallScreen::CaseQuery);
}

void HallFlow::goHome() {
    endCitizenSession();
    screen_ = HallScreen::Home;
    idle_.disarm();
    reader_.setCardWanted(false);
}

void HallFlow::endCitizenSession() {
    if (caseQuery_.citizen) caseQuery_.citizen->wipe();
    caseQuery_ = CaseQueryView{};
    slip_ = SlipView{};
    pendingRequest_ = 0; // a late answer for the previous citizen is dropped
}

void HallFlow::startQuery(TimePoint now) {
    caseQuery_.phase = CaseQueryPhase::Loading;
    caseQuery_.cases.clear();
    caseQuery_.failureKey.clear();
    caseQuery_.failureDetail.clear();
    pendingRequest_ = nextRequestId_++;
    cases_.queryCases(pendingRequest_, caseQuery_.citizen->idNumber);
    idle_.activity(now);
}

void HallFlow::retryCaseQuery(TimePoint now) {
    if (screen_ == HallScreen::CaseQuery && caseQuery_.phase == CaseQueryPhase::Failed &&
        caseQuery_.retryable && caseQuery_.citizen) {
        startQuery(now);
    }
}

void HallFlow::printCase(size_t index, TimePoint now) {
    if (screen_ != HallScreen::CaseQuery || caseQuery_.phase != CaseQueryPhase::Results ||
        index >= caseQuery_.cases.size() || !printer_.available() || slip_.phase == SlipPhase::Printing) {
        return;
    }
    idle_.activity(now);
    const CaseRecord& c = caseQuery_.cases[index];
    printer::CaseStatusData d;
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
    d.applicantName = text::maskName(caseQuery_.citizen->name);
    d.applicantIdNumber = caseQuery_.citizen->maskedIdNumber;
    for (const CaseStep& step : c.steps) {
        d.steps.push_back({step.name, strings_.get(stepStateKey(step.state)), displayDate(step.finishedAt)});
    }
    printer::SlipContext ctx;
    ctx.terminalId = terminalId_;
    ctx.printedAt = std::chrono::system_clock::now();
    ctx.formatTime = formatHallTime; // the hall's wall time, whatever the machine's TZ (issue 8.6)
    ctx.text = [this](std::string_view key) { return strings_.get(key); };
    slip_ = SlipView{};
    slip_.phase = SlipPhase::Printing;
    slip_.jobId = printer_.print(printer::caseStatusSlip(d, ctx));
    printsInFlight_.insert(slip_.jobId);
}

void HallFlow::handle(const AppEvent& event, TimePoint now) {
    if (const auto* card = std::get_if<CardPresented>(&event)) {
        if (screen_ != HallScreen::CaseQuery) return; // not asked for; the reader is not even polled then
        endCitizenSession();                          // a new card is a new citizen
        caseQuery_.citizen = card->citizen;
        if (readerMessageKey_ == "reader.error" || readerMessageKey_ == "reader.reading" ||
            readerMessageKey_ == "reader.lifted")
            readerMessageKey_ = "reader.place_card"; // it read fine now
        startQuery(now);
    } else if (std::holds_alternative<CardReading>(event)) {
        if (screen_ == HallScreen::CaseQuery) readerMessageKey_ = "reader.reading"; // 请勿移动证件
    } else if (const auto* lifted = std::get_if<CardReadAborted>(&event)) {
        if (screen_ == HallScreen::CaseQuery) readerMessageKey_ = lifted->messageKey; // place it again
    } else if (std::holds_alternative<CardRemoved>(event)) {
        // The citizen may lift the card and keep reading their results: nothing to do.
    } else if (const auto* st = std::get_if<ReaderStatusChanged>(&event)) {
        readerConnected_ = st->connected;
        readerMessageKey_ = st->messageKey;
    } else if (const auto* p = std::get_if<PrintFinished>(&event)) {
        printsInFlight_.erase(p->jobId);
        if (slip_.phase != SlipPhase::Printing || p->jobId != slip_.jobId) return; // not this citizen's
        if (p->ok) {
            slip_.phase = SlipPhase::Printed;
        } else {
            slip_.phase = SlipPhase::Failed;
            slip_.failureKey = p->failureKey;
            slip_.preview = p->preview;
            slip_.previewSerial = ++lastPreviewSerial_;
        }
    } else if (const auto* r = std::get_if<SlipRendered>(&event)) {
        // Only the demo has a printer that can show what it printed. A rendering carries no job id, so
        // it is taken only when this citizen's job is the one job the printer can be drawing: never
        // a late picture of the previous citizen's slip.
        const bool onlyOurs = printsInFlight_.size() == 1 && printsInFlight_.count(slip_.jobId) == 1;
        if ((slip_.phase == SlipPhase::Printing && onlyOurs) ||
            (slip_.phase == SlipPhase::Printed && printsInFlight_.empty() && slip_.previewSerial == 0)) {
            slip_.preview = r->image;
            slip_.previewSerial = ++lastPreviewSerial_;
        }
    } else if (const auto* q = std::get_if<CaseQueryFinished>(&event)) {
        if (q->requestId != pendingRequest_ || screen_ != HallScreen::CaseQuery) return; // stale
        pendingRequest_ = 0;
        if (q->outcome == QueryOutcome::Ok) {
            caseQuery_.phase = CaseQueryPhase::Results;
            caseQuery_.cases = q->cases;
            sortForCitizen(caseQuery_.cases);
        } else {
            caseQuery_.phase = CaseQueryPhase::Failed;
            caseQuery_.failureKey = q->outcome == QueryOutcome::Offline         ? "cases.offline"
                                    : q->outcome == QueryOutcome::Busy          ? "cases.busy"
                                    : q->outcome == QueryOutcome::IdNotAccepted ? "cases.id_not_accepted"
                                                                                : "cases.server_error";
            // The same card would be refused again: no 重试, the message says where to go instead.
            caseQuery_.retryable = q->outcome != QueryOutcome::IdNotAccepted;
            caseQuery_.failureDetail = q->detail;
        }
    }
}

void HallFlow::tick(TimePoint now) {
    if (idle_.expired(now)) {
        ++idleTimeouts_;
        goHome();
    }
}

} // namespace kiosk
