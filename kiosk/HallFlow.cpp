#include "kiosk/HallFlow.h"

namespace kiosk {

HallFlow::HallFlow(HallFlowSettings s, CardReaderControl& reader, CaseQueryService& cases)
    : reader_(reader), cases_(cases), idle_(s.idleTimeout, s.idleWarning) {}

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
        caseQuery_.citizen) {
        startQuery(now);
    }
}

void HallFlow::handle(const AppEvent& event, TimePoint now) {
    if (const auto* card = std::get_if<CardPresented>(&event)) {
        if (screen_ != HallScreen::CaseQuery) return; // not asked for; the reader is not even polled then
        endCitizenSession();                          // a new card is a new citizen
        caseQuery_.citizen = card->citizen;
        startQuery(now);
    } else if (std::holds_alternative<CardRemoved>(event)) {
        // The citizen may lift the card and keep reading their results: nothing to do.
    } else if (const auto* st = std::get_if<ReaderStatusChanged>(&event)) {
        readerConnected_ = st->connected;
        readerMessageKey_ = st->messageKey;
    } else if (const auto* q = std::get_if<CaseQueryFinished>(&event)) {
        if (q->requestId != pendingRequest_ || screen_ != HallScreen::CaseQuery) return; // stale
        pendingRequest_ = 0;
        if (q->outcome == QueryOutcome::Ok) {
            caseQuery_.phase = CaseQueryPhase::Results;
            caseQuery_.cases = q->cases;
            sortForCitizen(caseQuery_.cases);
        } else {
            caseQuery_.phase = CaseQueryPhase::Failed;
            caseQuery_.failureKey = q->outcome == QueryOutcome::Offline ? "cases.offline"
                                    : q->outcome == QueryOutcome::Busy  ? "cases.busy"
                                                                        : "cases.server_error";
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
