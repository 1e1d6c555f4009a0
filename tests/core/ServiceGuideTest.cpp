// 办事指南 (kiosk/ServiceGuide, kiosk/ServiceGuideInitials, kiosk/ServiceGuideFlow): the catalog read
// with every field checked (materials in both forms, windows, fees), the departments, searching by
// the citizen's words and by pinyin initials (a fake table), the browse levels and their back buttons,
// the materials slip, the never-fetched message, and nothing of one citizen's search left for the next.
#include "HallTerminal.h"
#include "kiosk/ServiceGuideFlow.h"
#include "kiosk/ServiceGuideInitials.h"

#include <doctest/doctest.h>

using namespace kiosk;
using kiosk::testing::HallTerminal;

namespace {
const nlohmann::json kCatalog = nlohmann::json::parse(R"({
  "departments": [{"id": "scjg", "name": "区市场监督管理局"}, {"id": "mzj", "name": "区民政局"}],
  "service_items": [
    {"id": "SX001", "department": "scjg", "name": "个体工商户设立登记", "content": "核发营业执照",
     "process": ["提交申请", "受理", 7],
     "materials": [{"name": "身份证件", "required": true}, {"name": "委托书", "required": false},
                   {"name": "租赁合同"}, {"required": false}, "申请书", ""],
     "windows": ["1号窗口 综合受理", 3],
     "time_limit_days": 1, "legal_time_limit_days": 3, "fee": "不收费", "basis": "《条例》"},
    {"id": "SX002", "department": "mzj", "name": "最低生活保障申请", "content": "低保",
     "time_limit_days": -4, "fee": 12},
    {"id": "SX003", "name": ""},
    {"id": "SX004", "department": "scjg", "name": "行政许可变更", "fee": ""},
    {"id": "SX005", "name": "ICP备案咨询", "fee": 0, "legal_time_limit_days": 20},
    "not an item"
  ]})");

// A fake dictionary: what each initial letter stands for (行 is xing and hang: under both).
std::u32string fakeCharacters(std::string_view letter) {
    static const std::vector<std::pair<std::string, std::u32string>> table = {
        {"g", U"个工更"}, {"t", U"体"},   {"s", U"商设生"}, {"h", U"户行活"}, {"l", U"立"},   {"d", U"登低"},
        {"j", U"记"},     {"x", U"行许"}, {"z", U"政最"},   {"k", U"可"},     {"b", U"变保"}, {"q", U"请"}};
    for (const auto& [l, chars] : table)
        if (l == letter) return chars;
    return {};
}

std::vector<ServiceItem> indexedItems() {
    std::vector<ServiceItem> items = serviceItemsFromCatalog(kCatalog);
    const InitialsTable table = initialsTableFrom(fakeCharacters);
    for (ServiceItem& it : items)
        it.nameInitials = initialsOf(it.name, table);
    return items;
}

// Every text block of a receipt, joined (what would be printed, before encoding).
std::string receiptText(const printer::Receipt& r) {
    std::string out;
    for (const auto& b : r.blocks) {
        std::visit(
            [&out](const auto& v) {
                if constexpr (requires { v.text; }) out += v.text + "\n";
                if constexpr (requires { v.key; }) out += v.key + "=" + v.value + "\n";
            },
            b);
    }
    return out;
}
} // namespace

TEST_CASE("the catalog's items are read with every field checked") {
    const auto items = serviceItemsFromCatalog(kCatalog);
    REQUIRE(items.size() == 4); // no name: not listed; not an object: skipped
    CHECK(items[0].department == "区市场监督管理局");
    CHECK(items[0].departmentId == "scjg");
    CHECK(items[0].process == std::vector<std::string>{"提交申请", "受理"}); // 7 is not a step
    CHECK(items[0].timeLimitDays == 1);
    CHECK(items[0].legalTimeLimitDays == 3);
    CHECK(items[1].timeLimitDays == 0); // a negative limit is not a limit
    CHECK(items[1].fee.empty());        // a number other than 0 is not a fee text...
    CHECK_FALSE(items[1].free);         // ...and not free either: not published
    CHECK(serviceItemsFromCatalog(nlohmann::json::object()).empty());
    CHECK(serviceItemsFromCatalog(nullptr).empty());
}

TEST_CASE("materials: objects with required, the older plain strings as required, bad entries dropped") {
    const auto items = serviceItemsFromCatalog(kCatalog);
    const std::vector<ServiceMaterial> want = {
        {"身份证件", true}, {"委托书", false}, {"租赁合同", true}, {"申请书", true}};
    CHECK(items[0].materials == want); // a nameless object and an empty string are no material
    CHECK(items[0].windows == std::vector<std::string>{"1号窗口 综合受理"});
}

TEST_CASE("fees: \"\" and 0 are free, a text is the standard, a missing fee is not published") {
    const auto items = serviceItemsFromCatalog(kCatalog);
    const StringTable zh = StringTable::load("zh-CN");
    CHECK(guideFeeText(items[0], zh) == "不收费"); // the published text
    CHECK(items[2].free);
    CHECK(guideFeeText(items[2], zh) == "不收费");
    CHECK(items[3].free);
    CHECK(guideFeeText(items[1], zh) == zh.get("guide.not_given"));
    CHECK(guideFeeText(items[3], StringTable::load("en")) == "Free of charge");
    CHECK(guideTimeLimitText(items[0], zh) == "1 个工作日（法定时限 3 个工作日）");
    CHECK(guideTimeLimitText(items[3], zh) == "法定时限 20 个工作日");
    CHECK(guideWindowsText(items[0], zh) == "1号窗口 综合受理");
    CHECK(guideWindowsText(items[1], zh) == zh.get("guide.window_ask"));
}

TEST_CASE("departments in the catalog's order, items naming none last") {
    const auto deps = serviceDepartments(serviceItemsFromCatalog(kCatalog));
    REQUIRE(deps.size() == 3);
    CHECK(deps[0] == ServiceDepartment{"区市场监督管理局", {0, 2}});
    CHECK(deps[1] == ServiceDepartment{"区民政局", {1}});
    CHECK(deps[2] == ServiceDepartment{"", {3}});
    CHECK(serviceDepartments({}).empty());
}

TEST_CASE("search: any part of name, department or content; every word must match") {
    const auto items = serviceItemsFromCatalog(kCatalog);
    CHECK(searchServiceItems(items, "").size() == 4);
    CHECK(searchServiceItems(items, "工商") == std::vector<std::size_t>{0});
    CHECK(searchServiceItems(items, "民政") == std::vector<std::size_t>{1});
    CHECK(searchServiceItems(items, "营业执照") == std::vector<std::size_t>{0});
    CHECK(searchServiceItems(items, "区 登记") == std::vector<std::size_t>{0});
    CHECK(searchServiceItems(items, "区 护照").empty());
    CHECK(searchServiceItems(items, "icp") == std::vector<std::size_t>{3}); // Latin words, case ignored
}

TEST_CASE("pinyin initials: a run of the name, any reading of a heteronym, case ignored") {
    const InitialsTable table = initialsTableFrom(fakeCharacters);
    const auto gt = initialsOf("个体工商户设立登记", table);
    CHECK(gt.size() == 9);
    CHECK(initialsMatch(gt, "gtgsh"));
    CHECK(initialsMatch(gt, "GTGSH"));
    CHECK(initialsMatch(gt, "sldj"));             // from the middle
    CHECK(initialsMatch(gt, "gtgshsldj"));        // the whole name
    CHECK_FALSE(initialsMatch(gt, "gtgshsldjx")); // longer than the name
    CHECK_FALSE(initialsMatch(gt, "tsh"));        // not consecutive (体工商: t g s)
    CHECK_FALSE(initialsMatch(gt, ""));
    CHECK_FALSE(initialsMatch(gt, "g1"));
    const auto xz = initialsOf("行政许可", table); // 行 is xing and hang
    CHECK(initialsMatch(xz, "xzxk"));
    CHECK(initialsMatch(xz, "hzxk"));
    // Punctuation skipped, Latin letters stand for themselves, unknown Han characters match nothing.
    CHECK(initialsOf("（个）", table).size() == 1);
    CHECK(initialsMatch(initialsOf("ICP备", table), "icp"));
    CHECK_FALSE(initialsMatch(initialsOf("个鬰体", table), "gt"));
    CHECK(initialsOf("\xff", table).empty()); // invalid UTF-8: nothing
    // Without an index (no engine yet), initials find nothing, and the words still do.
    CHECK(searchServiceItems(serviceItemsFromCatalog(kCatalog), "gtgsh").empty());
    const auto items = indexedItems();
    CHECK(searchServiceItems(items, "gtgsh") == std::vector<std::size_t>{0});
    CHECK(searchServiceItems(items, "xzxkbg") == std::vector<std::size_t>{2});
    CHECK(searchServiceItems(items, "hzxkbg") == std::vector<std::size_t>{2});
    CHECK(searchServiceItems(items, "dbzsq").empty());
    CHECK(searchServiceItems(items, "zdsh") == std::vector<std::size_t>{1}); // 最低生活: z d s h
}

TEST_CASE("the guide flow: top → department → item and back, each level") {
    HallTerminal h;
    h.terminal.setServiceItems(serviceItemsFromCatalog(kCatalog));
    auto& guide = *h.nav.find<ServiceGuideFlow>("service_guide");
    REQUIRE(h.nav.open("service_guide", h.t0));
    CHECK(guide.view().page == GuidePage::Top);
    CHECK_FALSE(guide.searching());
    guide.openDepartment(7); // out of range: nothing changes
    CHECK(guide.view().page == GuidePage::Top);
    guide.openDepartment(0);
    CHECK(guide.view().page == GuidePage::Department);
    CHECK(guide.departments()[guide.view().department].name == "区市场监督管理局");
    guide.openItem(2);
    CHECK(guide.view().page == GuidePage::Item);
    CHECK(guide.view().open == 2u);
    guide.openItem(9); // out of range: nothing changes
    CHECK(guide.view().open == 2u);
    guide.back();
    CHECK(guide.view().page == GuidePage::Department); // back to the department it came from
    CHECK(guide.view().department == 0u);
    guide.back();
    CHECK(guide.view().page == GuidePage::Top);
    guide.back(); // at the top: stays
    CHECK(guide.view().page == GuidePage::Top);
}

TEST_CASE("the guide flow: searching by words or initials; an item opened from the search goes back there") {
    HallTerminal h;
    h.terminal.setServiceItems(serviceItemsFromCatalog(kCatalog));
    // The initials arrive later from the pinyin thread, for the names they were built for.
    ServiceInitialsReady ready;
    const InitialsTable table = initialsTableFrom(fakeCharacters);
    for (const ServiceItem& it : h.terminal.serviceItems()) {
        ready.names.push_back(it.name);
        ready.initials.push_back(initialsOf(it.name, table));
    }
    ServiceInitialsReady stale = ready;
    stale.names[0] = "另一个名字";
    stale.initials[0] = {1, 2, 3};
    const auto before = h.terminal.revision();
    h.terminal.setServiceInitials(stale);
    CHECK(h.terminal.serviceItems()[0].nameInitials.empty()); // for another name: ignored
    h.terminal.setServiceInitials(ready);
    CHECK(h.terminal.revision() != before); // a search on screen is drawn again
    // The same catalog again keeps the initials (nothing to index again before it can be found).
    h.terminal.setServiceItems(serviceItemsFromCatalog(kCatalog));
    CHECK_FALSE(h.terminal.serviceItems()[0].nameInitials.empty());

    auto& guide = *h.nav.find<ServiceGuideFlow>("service_guide");
    REQUIRE(h.nav.open("service_guide", h.t0));
    h.terminal.textEntry().focus(&guide.search());
    h.terminal.textEntry().insertText("gtgsh"); // as the Latin layout or a physical keyboard types
    CHECK(guide.searching());
    CHECK(guide.matches() == std::vector<std::size_t>{0});
    guide.openItem(0);
    guide.back();
    CHECK(guide.view().page == GuidePage::Top); // back to the results, the search kept
    CHECK(guide.search().text() == "gtgsh");
    // On the 拼音 layout the letters are still composing, not in the field: initials find them all the same,
    // and letters that are no initials (full pinyin being spelt) filter nothing.
    h.terminal.textEntry().clear();
    CHECK(guide.matchesComposing("gtgsh") == std::vector<std::size_t>{0});
    CHECK(guide.matchesComposing("getigongshang").empty());
    CHECK(guide.matchesComposing("").empty());
    CHECK(guide.matchesComposing("个体").empty()); // picked characters: the field's search does it
    h.terminal.textEntry().insertText("个体");
    CHECK(guide.matchesComposing("gsh") == std::vector<std::size_t>{0}); // the field's words and the initials
    CHECK(guide.matchesComposing("zdsh").empty());
    h.terminal.textEntry().clear();
    h.terminal.textEntry().insertText("低保");
    CHECK(guide.matches() == std::vector<std::size_t>{1});
    h.nav.goHome();
    CHECK(guide.search().empty());
    CHECK(guide.view().page == GuidePage::Top);
    CHECK(h.terminal.textEntry().focusedField() == nullptr);
}

TEST_CASE("printing the materials list: what it says, one at a time, nothing without a printer") {
    HallTerminal h;
    h.terminal.setServiceItems(serviceItemsFromCatalog(kCatalog));
    auto& guide = *h.nav.find<ServiceGuideFlow>("service_guide");
    h.nav.open("service_guide", h.t0);
    CHECK_FALSE(guide.printMaterials()); // no item open
    guide.openDepartment(0);
    guide.openItem(0);
    REQUIRE(guide.canPrint());
    REQUIRE(guide.printMaterials());
    REQUIRE(h.printer.jobs.size() == 1);
    const std::string slip = receiptText(h.printer.jobs[0]);
    CHECK(slip.find("办事材料清单") != std::string::npos);
    CHECK(slip.find("个体工商户设立登记") != std::string::npos);
    CHECK(slip.find("1. 身份证件=必需") != std::string::npos);
    CHECK(slip.find("2. 委托书=可选") != std::string::npos);
    CHECK(slip.find("4. 申请书=必需") != std::string::npos);
    CHECK(slip.find("办理时限=1 个工作日（法定时限 3 个工作日）") != std::string::npos);
    CHECK(slip.find("收费标准=不收费") != std::string::npos);
    CHECK(slip.find("办理窗口=1号窗口 综合受理") != std::string::npos);
    CHECK(slip.find("HALL-9") != std::string::npos);
    CHECK(h.slip().phase == SlipPhase::Printing);
    CHECK_FALSE(guide.printMaterials()); // one slip at a time
    CHECK(h.printer.jobs.size() == 1);
    h.nav.handle(PrintFinished{1, false, "print.failure.paper_out", {}}, h.t0);
    CHECK(h.slip().phase == SlipPhase::Failed); // the slip dialog shows the failure (ui/SlipDialog)
    h.terminal.slips().close();
    h.printer.present = false;
    CHECK_FALSE(guide.canPrint()); // the screen then has no button
    CHECK_FALSE(guide.printMaterials());
    CHECK(h.printer.jobs.size() == 1);
}

TEST_CASE("a catalog never fetched: no items, the guide says so; a catalog change goes back to the top") {
    HallTerminal h;
    auto& guide = *h.nav.find<ServiceGuideFlow>("service_guide");
    REQUIRE(h.nav.open("service_guide", h.t0));
    CHECK(guide.items().empty());
    CHECK(guide.departments().empty());
    const StringTable zh = StringTable::load("zh-CN");
    const StringTable en = StringTable::load("en");
    CHECK(zh.get("guide.empty_catalog").find("尚未从服务中心下载") != std::string::npos);
    CHECK(en.get("guide.empty_catalog").find("never fetched") != std::string::npos);

    h.terminal.setServiceItems(serviceItemsFromCatalog(kCatalog));
    h.nav.handle(CatalogChanged{}, h.t0);
    guide.openDepartment(1);
    guide.openItem(1);
    const auto before = h.terminal.revision();
    h.terminal.setServiceItems({});
    h.nav.handle(CatalogChanged{}, h.t0);
    CHECK(guide.view().page == GuidePage::Top);
    CHECK_FALSE(guide.view().open);
    CHECK(h.terminal.revision() != before);
}
