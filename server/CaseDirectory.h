// Case status as citizens see it: the cases filed under an ID number, resolved to the API's JSON view
// (due date, working days left, approval steps with parallel branches) for a given date.
//
// Sections: directory
// Checklist:
//   [x] demo cases from the demo district, dates relative to the server's current date
//   [x] suspended cases: the clock stops while the citizen supplies materials (due date moves out)
//   [x] completed and rejected: days_left null, completed_at set
//   [x] one case by case number + the last 4 digits of the applicant's phone (demo "applicant_phone")
//   [x] rejected: refusal "not_accepted" (不予受理) or "not_approved" (不予批准); note says why
//   [ ] a real case-management feed: out of scope for the reference server
#pragma once

#include "server/WorkCalendar.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::central {

// ---- directory ----
class CaseDirectory {
public:
    // Takes the demo cases (and the item and department names they refer to) from a loaded district.
    void loadDemo(const nlohmann::json& district);
    // The API's "cases" array for `idNumber` as of `today`; empty array for an unknown person.
    // `minuteNow` (China time): a demo time that would fall later today is moved to now, so no
    // case is ever accepted or finished in the future.
    nlohmann::json casesFor(const std::string& idNumber, Date today, int minuteNow) const;
    // One case by its number, in the same view, when `phoneLast4` are the last four digits of the
    // applicant's phone; nullopt for an unknown number and for wrong digits alike (no oracle). The phone
    // itself is never part of the view.
    std::optional<nlohmann::json> caseByNumber(const std::string& caseNo, const std::string& phoneLast4,
                                               Date today, int minuteNow) const;
    size_t personCount() const { return byIdNumber_.size(); }

private:
    nlohmann::json view(const nlohmann::json& demoCase, Date today, int minuteNow) const;
    std::map<std::string, std::vector<nlohmann::json>> byIdNumber_;
    std::map<std::string, nlohmann::json> byCaseNo_;
    std::map<std::string, nlohmann::json> items_;
    std::map<std::string, std::string> departmentNames_;
};

} // namespace kiosk::central
