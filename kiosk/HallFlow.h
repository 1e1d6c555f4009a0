// HallFlow — the hall terminal's citizen session as a state machine (no ImGui, no I/O).
//
// Sections: screens and phases | the view screens render | inputs (screens, workers, time)
//
// Implemented:
//   [x] home with the hall's four entries; every other screen goes back home only (no history:
//       nothing of one citizen is reachable by the next)
//   [x] 办件查询: wait for a card -> query the central server -> results / plain-words failure
//   [x] a new card replaces the previous citizen (wiped first)
//   [x] idle time-out with a visible countdown; "continue" keeps the session; expiry wipes it
//   [x] reader connected / disconnected shown where a card is needed
//   [x] a case status slip per case; a failed print shows the slip's content on screen instead
//   [ ] 效能投诉, 投诉查询, 办事指南 content (later issues; their screens say so honestly)
#pragma once

#include "kiosk/AppEvent.h"
#include "kiosk/IdleTimer.h"
#include "kiosk/Services.h"
#include "kiosk/StringTable.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kiosk {

enum class HallScreen { Home, CaseQuery, Complaint, ComplaintTrack, ServiceGuide };

enum class CaseQueryPhase { WaitingForCard, Loading, Results, Failed };

struct CaseQueryView {
    CaseQueryPhase phase = CaseQueryPhase::WaitingForCard;
    std::optional<CitizenIdentity> citizen; // set from the card until the session ends
    std::vector<CaseRecord> cases;
    std::string failureKey; // string-table key when phase == Failed
    std::string failureDetail;
    bool retryable = true; // Failed: false when trying again cannot help (no 重试 button; issue 8.5)
};

enum class SlipPhase { None, Printing, Printed, Failed };

struct SlipView {
    SlipPhase phase = SlipPhase::None;
    std::uint64_t jobId = 0;
    std::string failureKey;     // when Failed
    printer::SlipImage preview; // Failed: what the slip says; Printed (demo): what the virtual printer drew
    // Names this picture for the terminal's whole life (0 = none yet): every new picture gets a new
    // serial, across citizens too, so a cached texture can never pass for the next citizen's slip.
    std::uint64_t previewSerial = 0;
};

struct HallFlowSettings {
    std::chrono::seconds idleTimeout{90};
    std::chrono::seconds idleWarning{20};
    std::string terminalId; // printed on slips
};

class HallFlow {
public:
    HallFlow(HallFlowSettings settings, CardReaderControl& reader, CaseQueryService& cases,
             PrintService& printer, const StringTable& strings);

    // ---- state for screens ----
    HallScreen screen() const { return screen_; }
    const CaseQueryView& caseQuery() const { return caseQuery_; }
    bool readerConnected() const { return readerConnected_; }
    const std::string& readerMessageKey() const { return readerMessageKey_; }
    const SlipView& slip() const { return slip_; }
    bool canPrint() const { return printer_.available(); }
    std::optional<int> idleCountdown(TimePoint now) const { return idle_.countdown(now); }
    std::optional<TimePoint> nextDeadline(TimePoint now) const { return idle_.nextDeadline(now); }
    // Sessions ended so far by time-out (shown to technicians, used by tests).
    int idleTimeouts() const { return idleTimeouts_; }

    // ---- inputs from screens ----
    void open(HallScreen screen, TimePoint now);
    void goHome();
    void userActivity(TimePoint now) { idle_.activity(now); }
    void retryCaseQuery(TimePoint now);
    // Prints the status slip of case `index` of the results shown.
    void printCase(size_t index, TimePoint now);
    void closeSlip() { slip_ = SlipView{}; }

    // ---- inputs from workers and time ----
    void handle(const AppEvent& event, TimePoint now);
    void tick(TimePoint now);

private:
    void endCitizenSession();
    void startQuery(TimePoint now);

    CardReaderControl& reader_;
    CaseQueryService& cases_;
    PrintService& printer_;
    const StringTable& strings_;
    std::string terminalId_;
    SlipView slip_;
    std::set<std::uint64_t> printsInFlight_; // job ids sent and not finished, whoever's they were
    std::uint64_t lastPreviewSerial_ = 0;    // never reset: see SlipView::previewSerial
    IdleTimer idle_;
    HallScreen screen_ = HallScreen::Home;
    CaseQueryView caseQuery_;
    std::uint64_t nextRequestId_ = 1;
    std::uint64_t pendingRequest_ = 0;
    bool readerConnected_ = false;
    std::string readerMessageKey_ = "reader.connecting";
    int idleTimeouts_ = 0;
};

} // namespace kiosk
