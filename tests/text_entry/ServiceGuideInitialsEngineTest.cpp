// The guide's pinyin initials with the real engine (Debian's libgooglepinyin): built on the pinyin
// service's thread from the demo district's item names, `gtgsh` finds 个体工商户设立登记 (issue 12.7),
// and a heteronym matches each of its readings.
#include "kiosk/GooglePinyinEngine.h"
#include "kiosk/PinyinService.h"
#include "kiosk/ServiceGuide.h"
#include "kiosk/ServiceGuideInitials.h"

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <thread>

using namespace kiosk;

namespace {

nlohmann::json demoCatalog() {
    std::ifstream in(KIOSK_DEMO_DISTRICT_JSON);
    REQUIRE(in.good());
    return nlohmann::json::parse(in);
}

ServiceInitialsReady waitForInitials(EventQueue& events) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < until) {
        for (AppEvent& e : events.drain())
            if (auto* x = std::get_if<ServiceInitialsReady>(&e)) return *x;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    FAIL("no initials from the pinyin service");
    return {};
}

// Knows only 个 (g) and 体 (t); no candidates.
struct FakeEngine : PinyinEngine {
    bool open(std::string&) override { return true; }
    PinyinSearch search(std::string_view, std::size_t) override { return {}; }
    std::u32string charactersFor(std::string_view s) override {
        return s == "g" ? U"个" : s == "t" ? U"体" : U"";
    }
};

} // namespace

TEST_CASE("the pinyin service's initials: the names' order kept, nothing without an engine") {
    {
        EventQueue events;
        PinyinService service(events, [] { return std::make_unique<FakeEngine>(); });
        service.indexInitials({"个体", "体个户"});
        const ServiceInitialsReady r = waitForInitials(events);
        CHECK(r.names == std::vector<std::string>{"个体", "体个户"});
        REQUIRE(r.initials.size() == 2);
        CHECK(initialsMatch(r.initials[0], "gt"));
        CHECK(initialsMatch(r.initials[1], "tg"));
        CHECK(r.initials[1].size() == 3); // 户 is unknown to this engine: it stays, matching nothing
        CHECK_FALSE(initialsMatch(r.initials[1], "tgh"));
    }
    {
        EventQueue events;
        PinyinService service(events, [] { return std::unique_ptr<PinyinEngine>(); });
        service.indexInitials({"个体", "户"});
        const ServiceInitialsReady r = waitForInitials(events);
        CHECK(r.names.size() == 2);
        REQUIRE(r.initials.size() == 2); // one (empty) per name: words still search, initials find nothing
        CHECK(r.initials[0].empty());
        CHECK(r.initials[1].empty());
    }
}

TEST_CASE("the pinyin service builds the guide's initials off the caller's thread: gtgsh finds the item") {
    std::vector<ServiceItem> items = serviceItemsFromCatalog(demoCatalog());
    REQUIRE(items.size() >= 20);
    EventQueue events;
    PinyinService service(events, [] { return std::make_unique<GooglePinyinEngine>(); });
    std::vector<std::string> names;
    for (const ServiceItem& it : items)
        names.push_back(it.name);
    const auto asked = std::chrono::steady_clock::now();
    service.indexInitials(names);
    CHECK(service.busy()); // the script runner waits for it as for a candidate answer
    const ServiceInitialsReady ready = waitForInitials(events);
    const auto took =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - asked);
    MESSAGE("initials of " << names.size() << " names (table included) in " << took.count() << " ms");
    REQUIRE(ready.names == names);
    REQUIRE(ready.initials.size() == names.size());
    for (std::size_t i = 0; i < items.size(); ++i)
        items[i].nameInitials = ready.initials[i];
    const auto found = searchServiceItems(items, "gtgsh");
    REQUIRE(found.size() == 1);
    CHECK(items[found[0]].name == "个体工商户设立登记");
    // 食品经营许可（新办）: the brackets are skipped.
    const auto food = searchServiceItems(items, "spjyxkxb");
    REQUIRE(food.size() == 1);
    CHECK(items[food[0]].name == "食品经营许可（新办）");
    CHECK(searchServiceItems(items, "jhdj").size() == 1); // 结婚登记
    CHECK(searchServiceItems(items, "qqqqqq").empty());
}

TEST_CASE("the real dictionary's initials: every reading of a heteronym counts") {
    GooglePinyinEngine engine;
    std::string error;
    REQUIRE(engine.open(error));
    const InitialsTable table =
        initialsTableFrom([&engine](std::string_view l) { return engine.charactersFor(l); });
    MESSAGE("characters in the initials table: " << table.size());
    CHECK(table.size() > 5000);                // the dictionary's single characters
    const auto xz = initialsOf("行政", table); // xing and hang
    CHECK(initialsMatch(xz, "xz"));
    CHECK(initialsMatch(xz, "hz"));
    const auto zz = initialsOf("重庆", table); // chong and zhong
    CHECK(initialsMatch(zz, "cq"));
    CHECK(initialsMatch(zz, "zq"));
}
