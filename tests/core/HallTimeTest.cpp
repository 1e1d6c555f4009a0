// Hall time (issue 8.6): every time on screen and paper is the hall's wall time whatever the machine's
// TZ. ctest runs the "hall time:" cases three times: as is, with TZ=UTC and with TZ=America/New_York
// (tests/core/CMakeLists.txt); the expected values are Beijing wall times computed without the C
// library's time zone code.
#include "kiosk/HallTime.h"
#include "HallTerminal.h"
#include "kiosk/CaseRecord.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>

#include <unistd.h>

using namespace kiosk;
using namespace std::chrono;
using namespace std::chrono_literals;

namespace {

// 2026-11-20 04:57:00 UTC = 2026-11-20 12:57 in Beijing.
const sys_seconds kInstant = sys_days{2026y / November / 20} + 4h + 57min;

// Beijing wall time of an instant by plain arithmetic (+8 h, then UTC fields).
std::string beijing(system_clock::time_point tp) {
    const std::time_t t = system_clock::to_time_t(tp + 8h);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

struct ZoneGuard { // tests that change the hall zone put the default back
    ~ZoneGuard() { setHallTimeZone(HallTimeZone{}); }
};

struct TempZoneinfo {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("kiosk-zoneinfo-" + std::to_string(::getpid()));
    TempZoneinfo() { std::filesystem::create_directories(dir / "Test"); }
    ~TempZoneinfo() { std::filesystem::remove_all(dir); }
    void write(const std::string& name, const std::string& bytes) const {
        std::ofstream(dir / name, std::ios::binary) << bytes;
    }
    // The smallest file the loader accepts: a TZif v2 header (44 bytes) and the rule at the end.
    static std::string tzif(const std::string& rule) {
        std::string h = "TZif2";
        h.resize(44, '\0');
        return h + "\n" + rule + "\n";
    }
};

} // namespace

TEST_CASE("hall time: the machine's TZ in this run") {
    // Not a check of our code: says which run this is, and proves the TZ runs really differ from
    // Beijing (otherwise the cases below could not fail in them).
    const char* tz = std::getenv("TZ");
    const std::time_t t = system_clock::to_time_t(kInstant);
    std::tm tm{};
    localtime_r(&t, &tm);
    MESSAGE("TZ=" << std::string(tz ? tz : "(unset)") << ", local UTC offset " << tm.tm_gmtoff << " s");
    if (tz && (std::string(tz) == "UTC" || std::string(tz) == "America/New_York"))
        CHECK(tm.tm_gmtoff != 8 * 3600);
}

TEST_CASE("hall time: server times in any offset are shown as Beijing wall time") {
    CHECK(hallTimeZone().utcOffsetS == 8 * 3600); // the default, before any config
    CHECK(displayTime("2026-11-20T12:57:00+08:00") == "2026-11-20 12:57");
    CHECK(displayTime("2026-11-20T04:57:00Z") == "2026-11-20 12:57");
    CHECK(displayTime("2026-11-19T23:57:00-05:00") == "2026-11-20 12:57");
    CHECK(displayTime("2026-11-20T04:57:00.250+0000") == "2026-11-20 12:57");
    CHECK(displayTime("2026-11-20T12:57") == "2026-11-20 12:57"); // no offset: already hall time
    CHECK(displayDate("2026-11-19T20:30:00Z") == "2026-11-20");   // 04:30 the next day in Beijing
    CHECK(displayDate("2026-11-20T12:57:00+08:00") == "2026-11-20");
    CHECK(displayTime("2026-11-20") == "2026-11-20");
    CHECK(displayDate("2026-11-20") == "2026-11-20");
    CHECK(displayTime("") == "");
    CHECK(displayTime("soon") == "soon"); // shown as it came, never guessed at
    CHECK_FALSE(parseIsoTime("2026-02-30T10:00:00+08:00"));
    CHECK_FALSE(parseIsoTime("2026-11-20T25:00:00+08:00"));
    CHECK_FALSE(parseIsoTime("2026-11-20T10:00:00+08:00 trailing"));
    CHECK(parseIsoTime("2026-11-20T12:57:00+08:00") == kInstant);
}

TEST_CASE("hall time: instants are formatted in the hall's zone, not the machine's") {
    CHECK(formatHallTime(kInstant) == "2026-11-20 12:57");
    CHECK(formatHallDate(sys_days{2026y / November / 20} + 16h + 30min) == "2026-11-21");
    CHECK(hallDay(sys_days{2026y / December / 31} + 16h) == 2027y / January / 1);
    const auto now = system_clock::now();
    CHECK(formatHallTime(now) == beijing(now));

    ZoneGuard g;
    setHallTimeZone(HallTimeZone{"Asia/Kathmandu", 5 * 3600 + 45 * 60});
    CHECK(formatHallTime(kInstant) == "2026-11-20 10:42");
    CHECK(displayTime("2026-11-20T12:57:00+08:00") == "2026-11-20 10:42");
}

TEST_CASE("hall time: the slip's 打印时间 is Beijing time") {
    testing::HallTerminal hall;
    Navigator& nav = hall.nav;
    CaseQueryFlow& cq = hall.cq;
    const StringTable& strings = hall.strings;
    const TimePoint t0 = hall.t0;
    nav.open("case_query", t0);
    CitizenIdentity who;
    who.name = "王秀英";
    who.idNumber = "110105195603121529";
    who.maskedIdNumber = "110105********1529";
    nav.handle(CardPresented{who}, t0);
    CaseRecord c;
    c.caseNo = "QH-1";
    c.itemName = "item";
    c.department = "dept";
    c.status = CaseStatus::Processing;
    c.acceptedAt = "2026-11-20T04:57:00Z";
    nav.handle(CaseQueryFinished{hall.cases.last(), QueryOutcome::Ok, {c}, ""}, t0);

    const auto before = system_clock::now();
    cq.printCase(0, t0);
    const auto after = system_clock::now();
    REQUIRE(hall.printer.jobs.size() == 1);
    std::string printedAt, acceptedAt;
    for (const auto& b : hall.printer.jobs[0].blocks)
        if (const auto* kv = std::get_if<printer::KeyValueBlock>(&b)) {
            if (kv->key == strings.get("slip.printed_at")) printedAt = kv->value;
            if (kv->key == strings.get("slip.accepted_at")) acceptedAt = kv->value;
        }
    CHECK(acceptedAt == "2026-11-20 12:57");
    CHECK((printedAt == beijing(before) || printedAt == beijing(after))); // a minute may turn between
}

TEST_CASE("hall time: the zone is read from its zoneinfo file, with a fallback that says why") {
    const HallTimeZoneLoad sh = loadHallTimeZone("Asia/Shanghai");
    if (!std::filesystem::exists("/usr/share/zoneinfo/Asia/Shanghai") && !std::getenv("TZDIR")) {
        MESSAGE("tzdata is not installed: only the fallback can be checked here");
        CHECK(sh.zone.utcOffsetS == 8 * 3600);
        CHECK(sh.warning.find("tzdata") != std::string::npos);
    } else {
        CHECK(sh.zone.utcOffsetS == 8 * 3600);
        CHECK(sh.warning.empty());
        const HallTimeZoneLoad ny = loadHallTimeZone("America/New_York");
        CHECK(ny.zone.utcOffsetS == -5 * 3600);                         // its standard offset ...
        CHECK(ny.warning.find("daylight saving") != std::string::npos); // ... and a warning
        CHECK(loadHallTimeZone("Asia/Kolkata").zone.utcOffsetS == 5 * 3600 + 1800);
    }

    TempZoneinfo z;
    z.write("Test/Plus545", TempZoneinfo::tzif("<+0545>-5:45"));
    z.write("Test/V1", "TZif" + std::string(40, '\0'));
    z.write("Test/Garbage", "not a zone file at all, just text................................\n");
    z.write("Test/BadRule", TempZoneinfo::tzif("??"));
    CHECK(loadHallTimeZone("Test/Plus545", z.dir).zone.utcOffsetS == 5 * 3600 + 45 * 60);
    CHECK(loadHallTimeZone("Test/Plus545", z.dir).warning.empty());
    for (const char* bad : {"Test/Missing", "Test/V1", "Test/Garbage", "Test/BadRule"}) {
        CAPTURE(bad);
        const HallTimeZoneLoad l = loadHallTimeZone(bad, z.dir);
        CHECK(l.zone.utcOffsetS == 8 * 3600);
        CHECK(l.warning.find(bad) != std::string::npos);
        CHECK(l.warning.find("+08:00") != std::string::npos);
    }
}

TEST_CASE("POSIX TZ rules: standard offset and DST flag") {
    bool dst = true;
    CHECK(posixTzStandardOffsetS("CST-8", &dst) == 8 * 3600);
    CHECK_FALSE(dst);
    CHECK(posixTzStandardOffsetS("EST5EDT,M3.2.0,M11.1.0", &dst) == -5 * 3600);
    CHECK(dst);
    CHECK(posixTzStandardOffsetS("<+06>-6") == 6 * 3600);
    CHECK(posixTzStandardOffsetS("IST-5:30") == 5 * 3600 + 1800);
    CHECK_FALSE(posixTzStandardOffsetS(""));
    CHECK_FALSE(posixTzStandardOffsetS("CS-8"));
    CHECK_FALSE(posixTzStandardOffsetS("CST"));
    CHECK_FALSE(posixTzStandardOffsetS("<+06-6"));
}
