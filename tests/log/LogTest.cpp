// kiosk/Log: the line format, levels, what cleaning removes, and that a state is logged once.
#include "kiosk/Log.h"

#include <doctest/doctest.h>

using namespace kiosk;

namespace {

struct Captured {
    MemorySink* sink;
    Logger log;
    explicit Captured(LogLevel min = LogLevel::Info) : Captured(std::make_unique<MemorySink>(), min) {}

private:
    Captured(std::unique_ptr<MemorySink> s, LogLevel min) : sink(s.get()), log(std::move(s), min) {}
};

} // namespace

TEST_CASE("a line is kiosk[level] component: message") {
    CHECK(formatLogLine(LogLevel::Warning, "reader", "disconnected: /dev/ttyUSB0 vanished") ==
          "kiosk[warning] reader: disconnected: /dev/ttyUSB0 vanished");
    for (LogLevel l : {LogLevel::Error, LogLevel::Warning, LogLevel::Notice, LogLevel::Info, LogLevel::Debug})
        CHECK(parseLogLevel(logLevelName(l)) == l);
    CHECK_FALSE(parseLogLevel("verbose"));
    CHECK(static_cast<int>(LogLevel::Error) == 3); // syslog priorities, as the journal wants them
    CHECK(static_cast<int>(LogLevel::Debug) == 7);
}

TEST_CASE("entries below the minimum level are not written; the minimum can change") {
    Captured c(LogLevel::Notice);
    c.log.info("x", "not written");
    c.log.notice("x", "written");
    c.log.error("x", "written too");
    CHECK(c.sink->entries().size() == 2);
    c.log.setMinimum(LogLevel::Debug);
    c.log.debug("x", "now written");
    CHECK(c.sink->count("x", "now written") == 1);
    c.log.setMinimum(LogLevel::Error);
    c.log.warning("x", "dropped");
    CHECK(c.sink->count("x", "dropped") == 0);
}

TEST_CASE("cleaning: one line, ID-shaped numbers removed, bounded, never a cut character") {
    CHECK(cleanLogMessage("a\nb\tc") == "a b c");
    CHECK(cleanLogMessage("id 11010519491231002X sent") == "id [number removed] sent");
    CHECK(cleanLogMessage("old card 110105491231002 here") == "old card [number removed] here");
    CHECK(cleanLogMessage("last sync 1764633600000 ms") == "last sync 1764633600000 ms"); // 13 digits stay
    CHECK(cleanLogMessage("HTTP 503 after 5001 ms") == "HTTP 503 after 5001 ms");
    const std::string long1(5000, 'x');
    CHECK(cleanLogMessage(long1).size() == 1024);
    std::string zh;
    for (int i = 0; i < 600; ++i)
        zh += "区";
    const std::string cut = cleanLogMessage(zh);
    CHECK(cut.size() <= 1024);
    CHECK(cut.size() % 3 == 0); // whole characters only
}

TEST_CASE("a StateLog writes a state once, however often it is reported") {
    Captured c;
    StateLog reader(c.log, "reader");
    CHECK(reader.set("disconnected", LogLevel::Warning, "disconnected: no such file"));
    for (int i = 0; i < 50; ++i)
        CHECK_FALSE(
            reader.set("disconnected", LogLevel::Warning, "disconnected: retry " + std::to_string(i)));
    CHECK(reader.set("connected", LogLevel::Notice, "connected on /dev/ttyUSB0"));
    CHECK(reader.set("disconnected", LogLevel::Warning, "disconnected: again"));
    CHECK(c.sink->entries().size() == 3);
    CHECK(c.sink->text() == "kiosk[warning] reader: disconnected: no such file\n"
                            "kiosk[notice] reader: connected on /dev/ttyUSB0\n"
                            "kiosk[warning] reader: disconnected: again\n");
}

TEST_CASE("the journal is used only when stderr is the stream JOURNAL_STREAM names") {
    CHECK(journalStreamIs("8:12345", 8, 12345));
    CHECK_FALSE(journalStreamIs("8:12345", 8, 12346));
    CHECK_FALSE(journalStreamIs("8:", 8, 0));
    CHECK_FALSE(journalStreamIs(":5", 0, 5));
    CHECK_FALSE(journalStreamIs("8:5x", 8, 5));
    CHECK_FALSE(journalStreamIs("", 0, 0));
}
