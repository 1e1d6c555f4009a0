// The string tables: both languages hold the same keys; formatting; every key the code uses exists.
#include "kiosk/StringTable.h"
#include "kiosk/CaseRecord.h"

#include <doctest/doctest.h>

#include <stdexcept>

using namespace kiosk;

TEST_CASE("zh-CN and en hold exactly the same keys, none empty") {
    const StringTable zh = StringTable::load("zh-CN");
    const StringTable en = StringTable::load("en");
    CHECK(zh.keys() == en.keys());
    CHECK(zh.keys().size() > 40);
    for (const auto& k : zh.keys()) {
        CHECK_MESSAGE(!zh.get(k).empty(), k);
        CHECK_MESSAGE(!en.get(k).empty(), k);
    }
    CHECK(zh.get("home.case_query") == "办件查询");
    CHECK(en.get("home.case_query") == "My cases");
}

TEST_CASE("status keys used by the core exist") {
    const StringTable zh = StringTable::load("zh-CN");
    for (CaseStatus s : {CaseStatus::Accepted, CaseStatus::Processing, CaseStatus::Suspended,
                         CaseStatus::Completed, CaseStatus::Rejected}) {
        CHECK(zh.has(caseStatusKey(s)));
    }
    for (StepState s : {StepState::Done, StepState::Active, StepState::Pending})
        CHECK(zh.has(stepStateKey(s)));
    CaseRecord refused;
    refused.status = CaseStatus::Rejected;
    for (Refusal k : {Refusal::Unspecified, Refusal::NotAccepted, Refusal::NotApproved}) {
        refused.refusal = k;
        CHECK(zh.has(caseStatusKey(refused)));
    }
    for (const char* k :
         {"cases.offline", "cases.busy", "cases.server_error", "reader.connecting", "reader.disconnected"}) {
        CHECK(zh.has(k));
    }
}

TEST_CASE("format fills placeholders; missing keys are visible, not fatal") {
    const StringTable zh = StringTable::load("zh-CN");
    CHECK(zh.format("cases.days_left", {"3"}) == "剩余 3 个工作日");
    CHECK(zh.format("idle.countdown", {"9"}).find("9 秒后") == 0);
    CHECK(zh.get("no.such.key") == "[no.such.key]");
    CHECK_THROWS_AS(StringTable::parse("a = [1, 2]\n", "bad"), std::runtime_error);
    CHECK_THROWS_AS(StringTable::parse("a = \n", "bad"), std::runtime_error);
}
