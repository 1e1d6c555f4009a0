// HallTime (see HallTime.h).
//
// Sections: zone file | POSIX rule | current zone | parsing | formatting
#include "kiosk/HallTime.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>

namespace kiosk {

using namespace std::chrono;

namespace {

constexpr std::streamsize kMaxZoneFileBytes = 1 << 20; // real ones are a few KiB

// ---- zone file ----
// The POSIX TZ rule a TZif v2+ file ends with ("\nCST-8\n"), or nullopt with the reason.
std::optional<std::string> footerRule(const std::string& path, std::string* why) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        *why = "cannot read " + path;
        return std::nullopt;
    }
    std::string data;
    data.resize(static_cast<size_t>(kMaxZoneFileBytes) + 1);
    in.read(data.data(), kMaxZoneFileBytes + 1);
    data.resize(static_cast<size_t>(in.gcount()));
    if (data.size() > static_cast<size_t>(kMaxZoneFileBytes)) {
        *why = path + " is larger than 1 MiB: not a zoneinfo file";
        return std::nullopt;
    }
    if (data.size() < 44 || data.compare(0, 4, "TZif") != 0) {
        *why = path + " is not a zoneinfo (TZif) file";
        return std::nullopt;
    }
    if (data[4] < '2' || data.back() != '\n') {
        *why = path + " is a version 1 zoneinfo file without a TZ rule; reinstall tzdata";
        return std::nullopt;
    }
    const size_t start = data.rfind('\n', data.size() - 2);
    if (start == std::string::npos) {
        *why = path + " has no TZ rule at its end";
        return std::nullopt;
    }
    return data.substr(start + 1, data.size() - start - 2);
}

// [+-]hh[:mm[:ss]] -> seconds; advances i. POSIX TZ offsets are west of UTC (CST-8 is UTC+8).
std::optional<int> posixOffset(std::string_view s, size_t& i) {
    int sign = 1;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) sign = s[i++] == '-' ? -1 : 1;
    int parts[3] = {0, 0, 0};
    for (int p = 0; p < 3; ++p) {
        if (p > 0) {
            if (i >= s.size() || s[i] != ':') break;
            ++i;
        }
        size_t digits = 0;
        int v = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && digits < 3) {
            v = v * 10 + (s[i++] - '0');
            ++digits;
        }
        if (digits == 0) return std::nullopt;
        parts[p] = v;
    }
    if (parts[0] > 24 || parts[1] > 59 || parts[2] > 59) return std::nullopt;
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
}

// A zone abbreviation: 3+ letters, or <...> with letters, digits, '+' and '-'. Advances i.
bool posixName(std::string_view s, size_t& i) {
    const size_t from = i;
    if (i < s.size() && s[i] == '<') {
        while (++i < s.size() && s[i] != '>') {
            const char c = s[i];
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-')) return false;
        }
        if (i >= s.size()) return false;
        ++i;
        return i - from >= 5; // "<" + 3 + ">"
    }
    while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i])))
        ++i;
    return i - from >= 3;
}

} // namespace

// ---- POSIX rule ----
std::optional<int> posixTzStandardOffsetS(std::string_view rule, bool* hasDst) {
    size_t i = 0;
    if (!posixName(rule, i)) return std::nullopt;
    const std::optional<int> west = posixOffset(rule, i);
    if (!west) return std::nullopt;
    if (hasDst) *hasDst = i < rule.size();
    return -*west;
}

HallTimeZoneLoad loadHallTimeZone(const std::string& name, const std::string& zoneinfoDir) {
    HallTimeZoneLoad out;
    out.zone.name = name.empty() ? kDefaultHallTimeZone : name;
    std::string dir = zoneinfoDir;
    if (dir.empty()) {
        const char* env = std::getenv("TZDIR");
        dir = env && *env ? env : "/usr/share/zoneinfo";
    }
    auto fallback = [&](const std::string& why) {
        out.zone.utcOffsetS = kChinaStandardOffsetS;
        out.warning = "time zone " + out.zone.name + ": " + why +
                      "; showing times at a fixed +08:00 (China Standard Time). Install the tzdata "
                      "package (scripts/setup-deps.sh) to use the configured zone.";
        return out;
    };
    std::string why;
    const std::optional<std::string> rule = footerRule(dir + "/" + out.zone.name, &why);
    if (!rule) return fallback(why);
    bool dst = false;
    const std::optional<int> offset = posixTzStandardOffsetS(*rule, &dst);
    if (!offset) return fallback("its TZ rule '" + rule->substr(0, 40) + "' is not understood");
    out.zone.utcOffsetS = *offset;
    if (dst) {
        out.warning = "time zone " + out.zone.name +
                      " has daylight saving time, which the terminal does "
                      "not apply: times are shown at its standard offset all year";
    }
    return out;
}

// ---- current zone ----
namespace {
HallTimeZone& currentZone() {
    static HallTimeZone zone; // written once at start-up, before the workers that read it start
    return zone;
}
} // namespace

void setHallTimeZone(const HallTimeZone& zone) {
    currentZone() = zone;
}

const HallTimeZone& hallTimeZone() {
    return currentZone();
}

// ---- parsing ----
namespace {

bool digitsAt(std::string_view s, size_t at, size_t n, int& value) {
    if (at + n > s.size()) return false;
    value = 0;
    for (size_t k = at; k < at + n; ++k) {
        if (s[k] < '0' || s[k] > '9') return false;
        value = value * 10 + (s[k] - '0');
    }
    return true;
}

std::optional<year_month_day> isoDate(std::string_view s) {
    int y = 0, m = 0, d = 0;
    if (s.size() < 10 || !digitsAt(s, 0, 4, y) || s[4] != '-' || !digitsAt(s, 5, 2, m) || s[7] != '-' ||
        !digitsAt(s, 8, 2, d))
        return std::nullopt;
    const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    return ymd;
}

} // namespace

std::optional<sys_seconds> parseIsoTime(std::string_view s) {
    const std::optional<year_month_day> date = isoDate(s);
    int hh = 0, mm = 0, ss = 0;
    if (!date || s.size() < 16 || (s[10] != 'T' && s[10] != ' ') || !digitsAt(s, 11, 2, hh) || s[13] != ':' ||
        !digitsAt(s, 14, 2, mm) || hh > 23 || mm > 59)
        return std::nullopt;
    size_t i = 16;
    if (i < s.size() && s[i] == ':') {
        if (!digitsAt(s, i + 1, 2, ss) || ss > 60) return std::nullopt;
        i += 3;
        if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
            ++i;
            const size_t from = i;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9')
                ++i;
            if (i == from) return std::nullopt;
        }
    }
    int offsetS = hallTimeZone().utcOffsetS; // no offset: the hall's wall time
    if (i < s.size()) {
        if (s[i] == 'Z' || s[i] == 'z') {
            offsetS = 0;
            ++i;
        } else if (s[i] == '+' || s[i] == '-') {
            const int sign = s[i] == '-' ? -1 : 1;
            int oh = 0, om = 0;
            if (!digitsAt(s, i + 1, 2, oh)) return std::nullopt;
            i += 3;
            if (i < s.size() && s[i] == ':') ++i;
            if (!digitsAt(s, i, 2, om) || oh > 23 || om > 59) return std::nullopt;
            i += 2;
            offsetS = sign * (oh * 3600 + om * 60);
        }
        if (i != s.size()) return std::nullopt;
    }
    return sys_days{*date} + hours{hh} + minutes{mm} + seconds{ss} - seconds{offsetS};
}

// ---- formatting ----
namespace {

// The hall's wall clock for an instant, as a sys_seconds value whose "UTC" fields read as local.
sys_seconds hallWall(system_clock::time_point tp) {
    return floor<seconds>(tp) + seconds{hallTimeZone().utcOffsetS};
}

std::string ymdText(const year_month_day& d) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

} // namespace

year_month_day hallDay(system_clock::time_point tp) {
    return year_month_day{floor<days>(hallWall(tp))};
}

std::string formatHallDate(system_clock::time_point tp) {
    return ymdText(hallDay(tp));
}

std::string formatHallTime(system_clock::time_point tp) {
    const sys_seconds wall = hallWall(tp);
    const sys_days day = floor<days>(wall);
    const hh_mm_ss<seconds> t{wall - day};
    char buf[24];
    std::snprintf(buf, sizeof buf, " %02d:%02d", static_cast<int>(t.hours().count()),
                  static_cast<int>(t.minutes().count()));
    return ymdText(year_month_day{day}) + buf;
}

std::string displayTime(const std::string& iso) {
    if (iso.empty()) return {};
    if (const std::optional<sys_seconds> t = parseIsoTime(iso)) return formatHallTime(*t);
    if (iso.size() == 10 && isoDate(iso)) return iso;
    return iso.substr(0, std::min<size_t>(16, iso.size()));
}

std::string displayDate(const std::string& iso) {
    if (iso.empty()) return {};
    if (const std::optional<sys_seconds> t = parseIsoTime(iso)) return formatHallDate(*t);
    return iso.substr(0, std::min<size_t>(10, iso.size()));
}

} // namespace kiosk
