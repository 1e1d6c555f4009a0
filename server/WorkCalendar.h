// Dates as the service hall sees them: China Standard Time (UTC+8, no daylight saving) and working days
// (Monday to Friday) for 承诺时限 arithmetic.
//
// Sections: clock | working days | formatting
// Checklist:
//   [x] today's date and an ISO 8601 timestamp in +08:00
//   [x] add/subtract working days, signed working-day distance between two dates, a due date
//   [ ] statutory holidays and make-up working days (调休): not modelled, weekends only (documented in
//   API.md)
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace kiosk::central {

using Date = std::chrono::sys_days;

// ---- clock ----
Date todayInChina(std::chrono::system_clock::time_point now = std::chrono::system_clock::now());
// Minutes since midnight, China time (0..1439).
int minuteOfDayInChina(std::chrono::system_clock::time_point now = std::chrono::system_clock::now());
std::string isoTimestampChina(std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

// ---- working days ----
bool isWorkingDay(Date d);
Date addWorkingDays(Date from, int n);      // n < 0 goes back
int workingDaysBetween(Date from, Date to); // working days in (from, to]; negative when to < from
// YYYY-MM-DD of the China date `workingDays` working days after the instant `unixMs` (a due date).
std::string dueDateAfter(std::int64_t unixMs, int workingDays);

// ---- formatting ----
std::string isoDate(Date d);                               // YYYY-MM-DD
std::string isoDateTime(Date d, int minutesAfterMidnight); // YYYY-MM-DDTHH:MM:00+08:00

} // namespace kiosk::central
