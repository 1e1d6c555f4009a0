// HallDirectory — who and what a complaint can be about, as the catalog and the roster say: the
// complaint categories (推诿扯皮, 吃拿卡要 ... with the hint that says what each means), the departments
// and the staff on duty at the windows. The complaint flow offers them to pick from.
//
// Sections: entries | reading the documents
//
// The documents come from the server (cached for offline use); every field is checked and an entry
// with a missing or mistyped field is left out, so a picker never shows garbage.
//
//   [x] categories {id, name, hint}; departments {id, name}; staff {id, staff_no, name, title,
//       department, counter}
//   [x] bounded: at most 200 entries of each kind, each text at most 200 bytes
//   [ ] staff photos (the counter pad's business, issue 13)
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kiosk {

// ---- entries ----
struct ComplaintCategory {
    std::string id, name, hint;
    bool operator==(const ComplaintCategory&) const = default;
};
struct Department {
    std::string id, name;
    bool operator==(const Department&) const = default;
};
struct StaffMember {
    std::string id, staffNo, name, title, department; // department: its id
    int counter = 0;                                  // 0: not at a window
    bool operator==(const StaffMember&) const = default;
};

struct HallDirectory {
    std::vector<ComplaintCategory> categories;
    std::vector<Department> departments;
    std::vector<StaffMember> staff;
    bool operator==(const HallDirectory&) const = default;
};

// ---- reading the documents ----
// From the catalog: categories and departments (staff stays empty).
HallDirectory directoryFromCatalog(const nlohmann::json& catalog);
// From the roster: the staff.
std::vector<StaffMember> staffFromRoster(const nlohmann::json& roster);

} // namespace kiosk
