// CaseQueryFlow — 办件查询: the citizen places their ID card, the terminal asks the central server
// for their cases and shows them with steps and time left; a slip per case on request.
//
// Sections: the view its screen renders | the flow (events, actions, wipe)
//
//   [x] wait for a card -> query the central server -> results / a failure in plain words
//   [x] a new card is a new citizen (the navigator wipes the session first)
//   [x] an answer for an earlier query (a previous card, a wiped session) is dropped
//   [x] 重试 where trying again can help; none for a card the server never looks up (issue 8.5)
//   [x] a case status slip per case, through the shared SlipTracker
//   [x] a case looked up by its number and the applicant phone's last four digits, without a card
//       (one answer for an unknown number and wrong digits: no oracle; rate-limited by the server)
#pragma once

#include "kiosk/CaseRecord.h"
#include "kiosk/CitizenSession.h"
#include "kiosk/Flow.h"
#include "kiosk/Services.h"
#include "kiosk/SlipTracker.h"
#include "kiosk/StringTable.h"
#include "kiosk/TextField.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk {

// ---- the view its screen renders ----
// ByNumber: the citizen chose to type a case number and the phone's last four digits instead.
enum class CaseQueryPhase { WaitingForCard, ByNumber, Loading, Results, Failed };

struct CaseQueryView {
    CaseQueryPhase phase = CaseQueryPhase::WaitingForCard;
    std::vector<CaseRecord> cases;
    std::string failureKey; // string-table key when phase == Failed
    std::string failureDetail;
    bool retryable = true;  // Failed: false when trying again cannot help (no 重试 button; issue 8.5)
    bool byNumber = false;  // the results came from a case number, not a card
    std::string problemKey; // ByNumber: what stops 查询
};

// ---- the flow ----
class CaseQueryFlow final : public FlowWithView<CaseQueryView> {
public:
    // The citizen comes from `session` (set by the navigator from the card); slips go through `slips`.
    CaseQueryFlow(CitizenSession& session, CaseQueryService& cases, SlipTracker& slips,
                  const StringTable& strings, std::string terminalId);

    void enter(TimePoint now) override;
    void handle(const AppEvent& event, TimePoint now) override;
    void wipe() override;

    // Actions from the screen.
    void retry(TimePoint now);
    // Prints the status slip of case `index` of the results shown.
    void printCase(size_t index, TimePoint now);
    // By number: the two fields, and the way there and back.
    void chooseByNumber(TimePoint now);
    void backToCard(TimePoint now);
    void queryByNumber(TimePoint now);
    TextField& caseNumber() { return caseNo_; }
    TextField& phoneLast4() { return phoneLast4_; }
    const TextField& caseNumber() const { return caseNo_; }
    const TextField& phoneLast4() const { return phoneLast4_; }
    bool wantsCard() const override { return view().phase != CaseQueryPhase::ByNumber; }

private:
    void startQuery(TimePoint now);
    void finish(const CaseQueryFinished& answer);

    CitizenSession& session_;
    CaseQueryService& cases_;
    SlipTracker& slips_;
    const StringTable& strings_;
    std::string terminalId_; // printed on slips
    std::uint64_t nextRequestId_ = 1;
    std::uint64_t pendingRequest_ = 0; // 0: no answer is awaited
    TextField caseNo_;
    TextField phoneLast4_;
};

} // namespace kiosk
