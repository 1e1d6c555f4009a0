// Config parsing and validation: valid files load, every problem is reported with line and key.
#include "config/KioskConfig.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

using namespace kiosk::config;

namespace {

const char* kMinimal = R"(
[terminal]
id = "HALL-07"
state_dir = "state"

[server]
url = "https://central.example:8443"
ca_file = "tls/ca.crt"
)";

bool hasIssue(const LoadResult& r, const std::string& key, int line, const std::string& words) {
    for (const auto& i : r.issues) {
        if (i.key == key && i.line == line && i.message.find(words) != std::string::npos) return true;
    }
    return false;
}

} // namespace

TEST_CASE("a minimal config loads with sensible defaults and resolved paths") {
    const LoadResult r = parseConfig(kMinimal, "k.toml", "/etc/kiosk");
    REQUIRE_MESSAGE(r.ok(), r.report());
    const KioskConfig& c = *r.config;
    CHECK(c.terminal.id == "HALL-07");
    CHECK(c.terminal.mode == Mode::Hall);
    CHECK(c.terminal.stateDir == "/etc/kiosk/state");
    CHECK(c.server.caFile == "/etc/kiosk/tls/ca.crt");
    CHECK(c.terminal.idleTimeoutS == 90);
    CHECK(c.idcard.baud == 115200);
    CHECK(c.idcard.pollIntervalMs == 300);
    CHECK(c.printer.paperWidthMm == 80);
    CHECK(c.ui.fontIndex == 2);
    CHECK(c.ui.fontPath == "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
}

TEST_CASE("every problem is reported at once, with its line and key") {
    const char* text = R"([terminal]
id = "HALL 07"
mode = "kiosk"
state_dir = "/var/lib/kiosk"
idle_timeout_s = 5
[server]
url = "http://central"
[idcard]
baud = 12345
poll_interval_ms = "fast"
[printer]
paper_width_mm = 70
uri = "lpt1"
[ui]
fulscreen = false
[extras]
)";
    const LoadResult r = parseConfig(text, "bad.toml", "");
    CHECK_FALSE(r.ok());
    CHECK_FALSE(r.config.has_value());
    CHECK(hasIssue(r, "terminal.id", 2, "letters, digits"));
    CHECK(hasIssue(r, "terminal.mode", 3, "one of \"hall\", \"counter\""));
    CHECK(hasIssue(r, "terminal.idle_timeout_s", 5, "between 15 and 3600"));
    CHECK(hasIssue(r, "server.url", 7, "https://"));
    CHECK(hasIssue(r, "idcard.baud", 9, "115200"));
    CHECK(hasIssue(r, "idcard.poll_interval_ms", 10, "whole number"));
    CHECK(hasIssue(r, "printer.paper_width_mm", 12, "58 or 80"));
    CHECK(hasIssue(r, "printer.uri", 13, "usb:"));
    CHECK(hasIssue(r, "ui.fulscreen", 15, "unknown key"));
    CHECK(hasIssue(r, "extras", 16, "unknown section"));
    const std::string report = r.report();
    CHECK(report.find("bad.toml:9: key 'idcard.baud':") != std::string::npos);
}

TEST_CASE("missing required keys and sections are named") {
    const LoadResult r = parseConfig("[terminal]\nid = \"A\"\n", "x.toml", "");
    CHECK(hasIssue(r, "terminal.state_dir", 0, "required"));
    CHECK(hasIssue(r, "server", 0, "[server] is required"));
    CHECK(hasIssue(r, "server.url", 0, "required"));
}

TEST_CASE("TOML syntax errors point at the line") {
    const LoadResult r = parseConfig("[terminal]\nid = \"A\"\nmode = \n", "syn.toml", "");
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].line == 3);
    CHECK(r.issues[0].message.find("not valid TOML") == 0);
}

TEST_CASE("a counter pad needs its window number") {
    std::string text = kMinimal;
    text.replace(text.find("id = \"HALL-07\""), 14, "id = \"C-3\"\nmode = \"counter\"");
    CHECK(hasIssue(parseConfig(text, "c.toml", ""), "terminal.counter", 4, "window number"));
    text.replace(text.find("mode = \"counter\""), 16, "mode = \"counter\"\ncounter = 3");
    const LoadResult ok = parseConfig(text, "c.toml", "");
    REQUIRE_MESSAGE(ok.ok(), ok.report());
    CHECK(ok.config->terminal.counter == 3);
}

TEST_CASE("the template is valid for both modes and keeps every value it was given") {
    for (Mode mode : {Mode::Hall, Mode::Counter}) {
        TemplateOptions o;
        o.mode = mode;
        o.serverUrl = "https://192.0.2.1:9443";
        o.stateDir = "/srv/kiosk";
        o.counter = 12;
        const LoadResult r = parseConfig(configTemplate(o), "t.toml", "");
        REQUIRE_MESSAGE(r.ok(), r.report());
        CHECK(r.config->terminal.mode == mode);
        CHECK(r.config->server.url == "https://192.0.2.1:9443");
        CHECK(r.config->server.certFile == "/srv/kiosk/tls/client.crt");
        CHECK(r.config->terminal.counter == (mode == Mode::Counter ? 12 : 0));
    }
}

TEST_CASE("a missing file is one clear issue") {
    const LoadResult r = loadConfigFile("/nonexistent/kiosk.toml");
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].message.find("file not found") == 0);
}

TEST_CASE("invalid UTF-8 in the file is refused, not loaded") {
    std::string text = kMinimal;
    text.replace(text.find("HALL-07"), 7, "HALL\xff");
    CHECK_FALSE(parseConfig(text, "u.toml", "").ok());
}

TEST_CASE("[terminal] time_zone: Asia/Shanghai by default; a name tzdata lacks or a path is refused") {
    const LoadResult def = parseConfig(kMinimal, "k.toml", "/etc/kiosk");
    REQUIRE(def.ok());
    CHECK(def.config->terminal.timeZone == "Asia/Shanghai");
    auto withZone = [](const std::string& zone) {
        const std::string text = std::string(kMinimal).replace(std::string(kMinimal).find("state_dir"), 0,
                                                               "time_zone = \"" + zone + "\"\n");
        return parseConfig(text, "k.toml", "/etc/kiosk");
    };
    for (const char* bad :
         {"../../etc/passwd", "/etc/localtime", "Asia//Shanghai", "Asia/", "", "Asia/上海"}) {
        CAPTURE(bad);
        const LoadResult r = withZone(bad);
        CHECK_FALSE(r.ok());
        CHECK(hasIssue(r, "terminal.time_zone", 4, "Asia/Shanghai"));
    }
    if (std::getenv("TZDIR") == nullptr && std::filesystem::is_directory("/usr/share/zoneinfo")) {
        CHECK(withZone("Asia/Urumqi").ok());
        const LoadResult typo = withZone("Asia/Shangai");
        CHECK_FALSE(typo.ok());
        CHECK(hasIssue(typo, "terminal.time_zone", 4, "/usr/share/zoneinfo/Asia/Shangai"));
    } else {
        MESSAGE("no /usr/share/zoneinfo here: only the name rule is checked");
    }
    CHECK(configTemplate(TemplateOptions{}).find("time_zone = \"Asia/Shanghai\"") != std::string::npos);
}
