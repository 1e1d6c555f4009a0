// The rules the terminal and kiosk-central share (config/ConfigRules.h), and the config template's hall
// name (`kioskctl config init --hall-name`).
#include "config/ConfigRules.h"
#include "config/KioskConfig.h"

#include <doctest/doctest.h>

#include <string>

using namespace kiosk::config;

TEST_CASE("terminal ids: letters, digits, '-' and '_', 1..64, never the enrolment name") {
    for (const char* ok : {"HALL-01", "COUNTER-03", "a", "hall_2", "0"})
        CHECK_MESSAGE(isValidTerminalId(ok), ok);
    CHECK(isValidTerminalId(std::string(64, 'A')));
    CHECK_FALSE(isValidTerminalId(std::string(65, 'A')));
    for (const char* bad : {"", "HALL 01", "HALL/01", "柜台1", "HALL-01\n", "kiosk-enrolment", "a.b", "é"})
        CHECK_MESSAGE(!isValidTerminalId(bad), bad);
    // The config validator applies the very same rule.
    const std::string text = "[terminal]\nid = \"kiosk-enrolment\"\nstate_dir = \"/s\"\n[server]\nurl = "
                             "\"https://c:8443\"\n";
    const LoadResult r = parseConfig(text, "k.toml", "");
    REQUIRE_FALSE(r.ok());
    CHECK(r.report().find("key 'terminal.id': must be 1 to 64 letters") != std::string::npos);
}

TEST_CASE("server URLs: https:// only; http:// is told to use https://") {
    CHECK(serverUrlProblem("https://central.example.gov.cn:8443").empty());
    CHECK(serverUrlProblem("https://10.0.0.1").empty());
    const std::string http = serverUrlProblem("http://10.0.0.1:8443");
    CHECK(http.find("use https://10.0.0.1:8443") != std::string::npos);
    CHECK(serverUrlProblem("ftp://x").find("must start with https://") != std::string::npos);
    CHECK_FALSE(serverUrlProblem("https://").empty());
    CHECK_FALSE(serverUrlProblem("https://:8443").empty());
    CHECK_FALSE(serverUrlProblem("").empty());
    const std::string text =
        "[terminal]\nid = \"H\"\nstate_dir = \"/s\"\n[server]\nurl = \"http://c:8443\"\n";
    const LoadResult r = parseConfig(text, "k.toml", "");
    REQUIRE_FALSE(r.ok());
    CHECK(r.report().find("k.toml:5: key 'server.url': plain http:// is not allowed: use https://c:8443") !=
          std::string::npos);
}

TEST_CASE("the template carries the hall name it is given, quotes and backslashes included") {
    TemplateOptions o;
    CHECK(o.hallName == "区政务服务中心"); // the default, as before
    for (const std::string& name : {std::string("某某区政务服务中心"),
                                    std::string("北京市\"朝阳区\"\\服务中心"), std::string("tab\there")}) {
        o.hallName = name;
        const LoadResult r = parseConfig(configTemplate(o), "t.toml", "");
        REQUIRE_MESSAGE(r.ok(), r.report());
        CHECK(r.config->terminal.hallName == name);
    }
}
