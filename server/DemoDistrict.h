// The demo district (--demo-data): departments, service items with the six public items (六公开), complaint
// categories, 好差评 levels and reason tags, counters and staff, and demo cases for the ID card simulator's
// sample citizens. The JSON lives in server/data/demo_district.json and is compiled into the binary.
//
// Sections: embedded data | district
// Checklist:
//   [x] embedded at build time (CMake turns the JSON into a byte array)
//   [x] validated on load: every case refers to a known service item and department
//   [x] every demo case has the applicant's phone (11 digits) for the lookup by case number
//   [x] demo complaints (server/DemoComplaints.h) at several stages, fixed numbers and codes
//   [x] case dates are relative ("working days ago") and resolved against the server's current date
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace kiosk::central {

// ---- embedded data ----
std::string_view embeddedDemoDistrictJson(); // generated at build time

// ---- district ----
// Parses and validates the embedded district; throws std::runtime_error with the reason on a broken file.
nlohmann::json loadDemoDistrict();

} // namespace kiosk::central
