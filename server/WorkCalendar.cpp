// Dates in China Standard Time and working days (see WorkCalendar.h).
//
// Sections: clock | working days | formatting
#include "server/WorkCalendar.h"

#include <cstdio>

namespace kiosk::central {
using namespace std::chrono;

// ---- clock ----
Date todayInChina(system_clock::time_point now) {
    return floor<days>(now + hours(8));
}

int minuteOfDayInChina(system_clock::time_point now) {
    const auto local = now + hours(8);
    return static_cast<int>(duration_cast<minutes>(local - floor<days>(local)).count());
}

std::string isoTimestampChina(system_clock::time_point now) {
    auto local = now + hours(8);
    Date d = floor<days>(local);
    auto secs = duration_cast<seconds>(local - d).count();
    year_month_day ymd(d);
    char buf[96]; // roomy enough for any value the compiler can imagine (-Wformat-truncation)
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02lld:%02lld:%02lld+08:00", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                  static_cast<long long>(secs % 60));
    return buf;
}

// ---- working days ----
bool isWorkingDay(Date d) {
    weekday w(d);
    return w != Saturday && w != Sunday;
}

Date addWorkingDays(Date from, int n) {
    Date d = from;
    int step = n >= 0 ? 1 : -1;
    for (int left = n >= 0 ? n : -n; left > 0;) {
        d += days(step);
        if (isWorkingDay(d)) --left;
    }
    return d;
}

int workingDaysBetween(Date from, Date to) {
    if (to == from) return 0;
    bool forward = to > from;
    Date a = forward ? from : to, b = forward ? to : from;
    int count = 0;
    for (Date d = a + days(1); d <= b; d += days(1))
        if (isWorkingDay(d)) ++count;
    return forward ? count : -count;
}

std::string dueDateAfter(std::int64_t unixMs, int workingDays) {
    return isoDate(addWorkingDays(todayInChina(system_clock::time_point(milliseconds(unixMs))), workingDays));
}

// ---- formatting ----
std::string isoDate(Date d) {
    year_month_day ymd(d);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

std::string isoDateTime(Date d, int minutesAfterMidnight) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "T%02d:%02d:00+08:00", minutesAfterMidnight / 60 % 24,
                  minutesAfterMidnight % 60);
    return isoDate(d) + buf;
}

} // namespace kiosk::central
