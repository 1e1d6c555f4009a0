// CaseRecord — a citizen's case (办件) as the central server reports it, and its parser.
//
// Implemented:
//   [x] every field of POST /api/v1/cases/query (docs/API.md), validated: a server that sends
//       something else is reported as a server error, never half-shown
//   [x] parallel approval: several steps active at once
//   [ ] working-day arithmetic on the terminal (the server sends days_left; it knows the holidays)
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kiosk {

enum class CaseStatus { Accepted, Processing, Suspended, Completed, Rejected };
enum class StepState { Done, Active, Pending };

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
    std::string acceptedAt;      // ISO 8601
    int timeLimitDays = 0;       // 承诺时限, working days
    std::string dueDate;         // YYYY-MM-DD
    std::optional<int> daysLeft; // negative when overdue; empty when completed or rejected
    std::string completedAt;     // empty while open
    std::vector<CaseStep> steps;

    bool overdue() const { return daysLeft && *daysLeft < 0; }
    int activeSteps() const;
};

// Status words are string-table keys so the screen and the slip show them in the citizen's language.
const char* caseStatusKey(CaseStatus status); // "case.status.accepted" ...
const char* stepStateKey(StepState state);    // "case.step.done" ...

struct CaseQueryParse {
    std::vector<CaseRecord> cases;
    std::string error; // empty on success; technician detail otherwise
};

// Server times as the screen and the slip show them:
// "2026-11-20T12:57:00+08:00" -> "2026-11-20 12:57" (displayTime) or "2026-11-20" (displayDate).
std::string displayTime(const std::string& iso);
std::string displayDate(const std::string& iso);

// Orders cases the way a citizen wants to read them: overdue first, then open cases by time
// left, suspended ones, and finished ones (completed, rejected) last, newest first.
void sortForCitizen(std::vector<CaseRecord>& cases);

// Parses the response body of POST /api/v1/cases/query.
CaseQueryParse parseCaseQueryResponse(const std::string& body);

} // namespace kiosk
