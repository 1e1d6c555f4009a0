// 办事指南 (kiosk/ServiceGuide, kiosk/ServiceGuideFlow): the catalog read with every field checked,
// searching by the citizen's words, and nothing of one citizen's search left for the next.
#include "HallTerminal.h"
#include "kiosk/ServiceGuideFlow.h"

#include <doctest/doctest.h>

using namespace kiosk;
using kiosk::testing::HallTerminal;

namespace {
const nlohmann::json kCatalog = nlohmann::json::parse(R"({
  "departments": [{"id": "scjg", "name": "区市场监督管理局"}, {"id": "mzj", "name": "区民政局"}],
  "service_items": [
    {"id": "SX001", "department": "scjg", "name": "个体工商户设立登记", "content": "核发营业执照",
     "process": ["提交申请", "受理", 7], "materials": ["身份证件"], "time_limit_days": 1,
     "legal_time_limit_days": 3, "fee": "不收费", "basis": "《条例》"},
    {"id": "SX002", "department": "mzj", "name": "最低生活保障申请", "content": "低保",
     "time_limit_days": -4, "fee": 12},
    {"id": "SX003", "name": ""},
    "not an item"
  ]})");
} // namespace

TEST_CASE("the catalog's items are read with every field checked") {
    const auto items = serviceItemsFromCatalog(kCatalog);
    REQUIRE(items.size() == 2); // no name: not listed; not an object: skipped
    CHECK(items[0].department == "区市场监督管理局");
    CHECK(items[0].process == std::vector<std::string>{"提交申请", "受理"}); // 7 is not a step
    CHECK(items[0].timeLimitDays == 1);
    CHECK(items[0].legalTimeLimitDays == 3);
    CHECK(items[1].timeLimitDays == 0); // a negative limit is not a limit
    CHECK(items[1].fee.empty());        // a number is not a fee text
    CHECK(serviceItemsFromCatalog(nlohmann::json::object()).empty());
    CHECK(serviceItemsFromCatalog(nullptr).empty());
}

TEST_CASE("search: any part of name, department or content; every word must match") {
    const auto items = serviceItemsFromCatalog(kCatalog);
    CHECK(searchServiceItems(items, "").size() == 2);
    CHECK(searchServiceItems(items, "工商") == std::vector<std::size_t>{0});
    CHECK(searchServiceItems(items, "民政") == std::vector<std::size_t>{1});
    CHECK(searchServiceItems(items, "营业执照") == std::vector<std::size_t>{0});
    CHECK(searchServiceItems(items, "区 登记") == std::vector<std::size_t>{0});
    CHECK(searchServiceItems(items, "区 护照").empty());
}

TEST_CASE("the guide flow: an item opened and left; home wipes the search") {
    HallTerminal h;
    h.terminal.setServiceItems(serviceItemsFromCatalog(kCatalog));
    auto& guide = *h.nav.find<ServiceGuideFlow>("service_guide");
    REQUIRE(h.nav.open("service_guide", h.t0));
    h.terminal.textEntry().focus(&guide.search());
    h.terminal.textEntry().insertText("低保");
    CHECK(guide.matches() == std::vector<std::size_t>{1});
    guide.openItem(1);
    CHECK(guide.view().open == 1u);
    guide.openItem(9); // out of range: nothing changes
    CHECK(guide.view().open == 1u);
    guide.backToList();
    CHECK_FALSE(guide.view().open);
    CHECK(guide.search().text() == "低保"); // back to the list keeps the search
    h.nav.goHome();
    CHECK(guide.search().empty());
    CHECK(h.terminal.textEntry().focusedField() == nullptr);
}

TEST_CASE("a catalog change under an open item goes back to the list") {
    HallTerminal h;
    h.terminal.setServiceItems(serviceItemsFromCatalog(kCatalog));
    auto& guide = *h.nav.find<ServiceGuideFlow>("service_guide");
    h.nav.open("service_guide", h.t0);
    guide.openItem(0);
    const auto before = h.terminal.revision();
    h.terminal.setServiceItems({});
    h.nav.handle(CatalogChanged{}, h.t0);
    CHECK_FALSE(guide.view().open);
    CHECK(h.terminal.revision() != before);
}
