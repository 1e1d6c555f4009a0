// HallTime — every time a citizen sees, in the hall's time zone, whatever the machine's TZ is.
//
// Sections: zone | parsing | formatting
// Checklist:
//   [x] the zone comes from the config ([terminal] time_zone, default Asia/Shanghai) and is read once
//       at start-up from its zoneinfo file (the POSIX TZ rule at the end of a TZif v2+ file)
//   [x] no setenv/tzset/localtime: formatting is plain arithmetic with the zone's offset, so it is
//       thread-safe and independent of the process's TZ (tested with TZ=UTC and America/New_York)
//   [x] tzdata missing or the file unreadable: a fixed +08:00 (China Standard Time) and a warning
//   [x] server times with any offset (+08:00, Z, -05:00) are converted, not cut out of the string
//   [ ] daylight saving time: the zone's standard offset is used all year, with a warning for zones
//       that have DST. Every zone in China has a fixed offset (none since 1991), so a hall never
//       sees this; the price is one small parser instead of a full TZif reader.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// ---- zone ----
inline constexpr const char* kDefaultHallTimeZone = "Asia/Shanghai";
inline constexpr int kChinaStandardOffsetS = 8 * 3600;

struct HallTimeZone {
    std::string name = kDefaultHallTimeZone;
    int utcOffsetS = kChinaStandardOffsetS; // east of UTC
};

struct HallTimeZoneLoad {
    HallTimeZone zone;
    std::string warning; // for the technician's log; empty when the zone was read as configured
};

// Reads `<zoneinfoDir>/<name>`; zoneinfoDir empty = $TZDIR or /usr/share/zoneinfo. Never fails: a
// problem gives the +08:00 fallback (or the standard offset of a DST zone) and a warning.
HallTimeZoneLoad loadHallTimeZone(const std::string& name, const std::string& zoneinfoDir = {});

// The offset of a POSIX TZ rule ("CST-8" -> +8 h, "<+0545>-5:45" -> +5:45); nullopt when malformed.
// *hasDst is set when the rule names a daylight-saving part.
std::optional<int> posixTzStandardOffsetS(std::string_view rule, bool* hasDst = nullptr);

// Set once at start-up (KioskApp, before any worker starts); default Asia/Shanghai, +08:00.
void setHallTimeZone(const HallTimeZone& zone);
const HallTimeZone& hallTimeZone();

// ---- parsing ----
// "YYYY-MM-DDTHH:MM[:SS[.fff]]" followed by "Z", "+HH:MM", "-HH:MM" or "+HHMM"; without an offset
// the time is taken as the hall's wall time. nullopt when it is not such a time.
std::optional<std::chrono::sys_seconds> parseIsoTime(std::string_view iso);

// ---- formatting ----
// The one formatter for the screen and the slip: "2026-11-20 12:57" / "2026-11-20" in the hall's zone.
std::string formatHallTime(std::chrono::system_clock::time_point tp);
std::string formatHallDate(std::chrono::system_clock::time_point tp);
// The hall's calendar date of an instant (today = hallDay(system_clock::now())).
std::chrono::year_month_day hallDay(std::chrono::system_clock::time_point tp);

// Server times as the screen and the slip show them, in the hall's zone:
// "2026-11-20T12:57:00+08:00" -> "2026-11-20 12:57" (displayTime) or "2026-11-20" (displayDate);
// "2026-11-20T04:57:00Z" -> the same. A plain date stays as it is; empty stays empty; anything else
// is shown as it came (cut to 16 characters), never guessed at.
std::string displayTime(const std::string& iso);
std::string displayDate(const std::string& iso);

} // namespace kiosk
