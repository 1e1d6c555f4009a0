// The demo district's case views: made-up clock times never lie in the future.
#include "server/CaseDirectory.h"
#include "server/DemoDistrict.h"

#include <doctest/doctest.h>

#include <string>

using namespace kiosk::central;

TEST_CASE("a demo case accepted today is never accepted later than now") {
    CaseDirectory directory;
    directory.loadDemo(loadDemoDistrict());
    const Date today = std::chrono::sys_days{std::chrono::year{2026} / 12 / 2};
    // 陈家明's case is accepted today; early in the morning its made-up 09:00-14:59 time would be ahead.
    const nlohmann::json early = directory.casesFor("810000199408230021", today, 8 * 60 + 5);
    REQUIRE(early.size() == 1);
    const std::string accepted = early[0].at("accepted_at").get<std::string>();
    CHECK(accepted.substr(0, 10) == "2026-12-02");
    CHECK(accepted.substr(11, 5) <= "08:05");
    for (const auto& step : early[0].at("steps")) {
        if (step.at("finished_at").is_string())
            CHECK(step.at("finished_at").get<std::string>().substr(11, 5) <= "08:05");
    }
    // Late in the day the demo's own time of day stands (between 09:00 and 14:59).
    const nlohmann::json late = directory.casesFor("810000199408230021", today, 23 * 60);
    const std::string lateAccepted = late[0].at("accepted_at").get<std::string>();
    CHECK(lateAccepted.substr(11, 5) >= "09:00");
    CHECK(lateAccepted.substr(11, 5) <= "14:59");
}
