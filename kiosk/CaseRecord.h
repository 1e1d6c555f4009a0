// CaseRecord — a citizen's case (办件) as the central server reports it, and its parser.
//
// Implemented:
//   [x] every field of POST /api/v1/cases/query (docs/API.md), validated: a server that sends
//       something else is reported as a server error, never half-shown
//   [x] parallel approval: several steps active at once
//   [x] the server's note (why suspended / refused, what to bring): control characters removed,
//       at most kMaxNoteBytes (cut at a character boundary, marked with "…")
//   [x] a refused case says what happened: 不予受理 (not accepted) or 不予批准 (not approved)
//   [ ] working-day arithmetic on the terminal (the server sends days_left; it knows the holidays)
#pragma once

#include "kiosk/HallTime.h" // displayTime / displayDate: how the card and the slip show these times

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

enum class CaseStatus { Accepted, Processing, Suspended, Completed, Rejected };
enum class StepState { Done, Active, Pending };
// For a Rejected case: refused at intake (不予受理) or after review (不予批准). Unspecified when the
// server does not say (older servers); the label is then the neutral 未通过.
enum class Refusal { Unspecified, NotAccepted, NotApproved };

inline constexpr size_t kMaxNoteBytes = 600; // ~200 Chinese characters: what fits a card and a slip

struct CaseStep {
    std::string name;       // 受理, 审查, 决定 ... (from the server, already in Chinese)
    std::string department; //
    StepState state = StepState::Pending;
    std::string finishedAt; // ISO 8601, empty while not finished
};

struct CaseRecord {
    std::string caseNo;
    std::string itemName;
    std::string department;
    CaseStatus status = CaseStatus::Accepted;
    std::string acceptedAt;                 // ISO 8601
    int timeLimitDays = 0;                  // 承诺时限, working days
    std::string dueDate;                    // YYYY-MM-DD
    std::optional<int> daysLeft;            // negative when overdue; empty when completed or rejected
    std::string completedAt;                // empty while open
    Refusal refusal = Refusal::Unspecified; // only meaningful when status == Rejected
    std::string note;                       // why suspended / refused, what to bring; may be empty
    std::vector<CaseStep> steps;

    bool overdue() const { return daysLeft && *daysLeft < 0; }
    int activeSteps() const;
};

// Status words are string-table keys so the screen and the slip show them in the citizen's language.
const char* caseStatusKey(CaseStatus status); // "case.status.accepted" ...
// What the card and the slip show: as above, except that a refused case names the refusal
// ("case.status.not_accepted" / "case.status.not_approved"; "case.status.rejected" when unspecified).
const char* caseStatusKey(const CaseRecord& c);
const char* stepStateKey(StepState state); // "case.step.done" ...

struct CaseQueryParse {
    std::vector<CaseRecord> cases;
    std::string error; // empty on success; technician detail otherwise
};

// Orders cases the way a citizen wants to read them: overdue first, then open cases by time
// left, suspended ones, and finished ones (completed, rejected) last, newest first.
void sortForCitizen(std::vector<CaseRecord>& cases);

// Parses the response body of POST /api/v1/cases/query.
CaseQueryParse parseCaseQueryResponse(const std::string& body);

} // namespace kiosk
