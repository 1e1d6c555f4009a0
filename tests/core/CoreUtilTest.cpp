// IdleTimer arithmetic, EventQueue wake-ups, WorkerThread ordering, hall contacts from the catalog.
#include "kiosk/EventQueue.h"
#include "kiosk/HallContacts.h"
#include "kiosk/IdleTimer.h"
#include "kiosk/WorkerThread.h"

#include <doctest/doctest.h>

#include <atomic>
#include <future>

using namespace kiosk;
using namespace std::chrono_literals;

TEST_CASE("IdleTimer deadlines land on each visible second") {
    IdleTimer t(30s, 5s);
    const TimePoint t0 = TimePoint{} + 100s;
    CHECK_FALSE(t.nextDeadline(t0).has_value());
    t.arm(t0);
    CHECK(*t.nextDeadline(t0) == t0 + 25s);
    CHECK(*t.nextDeadline(t0 + 25s) == t0 + 26s);
    CHECK(*t.nextDeadline(t0 + 26s + 300ms) == t0 + 27s);
    CHECK(t.countdown(t0 + 26s + 300ms) == 4);
    CHECK_FALSE(t.expired(t0 + 29s + 999ms));
    CHECK(t.expired(t0 + 30s));
    CHECK(t.countdown(t0 + 31s) == 0);
}

TEST_CASE("EventQueue wakes the loop on every push and drains in order") {
    EventQueue q;
    std::atomic<int> wakes{0};
    q.setWaker([&] { ++wakes; });
    std::thread producer([&] {
        for (int i = 0; i < 100; ++i)
            q.push(CaseQueryFinished{static_cast<std::uint64_t>(i), QueryOutcome::Ok, {}, ""});
    });
    producer.join();
    CHECK(wakes == 100);
    auto events = q.drain();
    REQUIRE(events.size() == 100);
    for (int i = 0; i < 100; ++i)
        CHECK(std::get<CaseQueryFinished>(events[i]).requestId == static_cast<std::uint64_t>(i));
    CHECK(q.empty());
}

TEST_CASE("WorkerThread runs jobs in order off the caller's thread") {
    std::vector<int> order;
    std::promise<std::thread::id> where;
    {
        WorkerThread w;
        for (int i = 0; i < 10; ++i)
            w.post([&order, i] { order.push_back(i); });
        w.post([&] { where.set_value(std::this_thread::get_id()); });
        CHECK(where.get_future().get() != std::this_thread::get_id());
    }
    CHECK(order == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
}

TEST_CASE("hall contacts come from the catalog's district block, checked field by field") {
    const auto catalog = nlohmann::json::parse(R"({"district": {"name": "青禾区政务服务中心",
        "address": "青禾区政务路88号", "hotline": "12345", "hours": "周一至周五 9:00-17:30"}})");
    const kiosk::HallContacts c = kiosk::hallContactsFromCatalog(catalog);
    CHECK(c.name == "青禾区政务服务中心");
    CHECK(c.hotline == "12345");
    CHECK(c.address == "青禾区政务路88号");
    CHECK(c.hours == "周一至周五 9:00-17:30");
    CHECK_FALSE(c.empty());

    // What a lying or broken server could send: each bad field is dropped, the rest kept.
    auto bad = catalog;
    bad["district"]["hotline"] = 12345;
    bad["district"]["address"] = std::string(300, 'x');
    bad["district"]["hours"] = std::string("\xff\xfe", 2);
    const kiosk::HallContacts b = kiosk::hallContactsFromCatalog(bad);
    CHECK(b.hotline.empty());
    CHECK(b.address.empty());
    CHECK(b.hours.empty());
    CHECK(b.name == "青禾区政务服务中心");
    CHECK(b.empty());
    CHECK(kiosk::hallContactsFromCatalog(nlohmann::json::array()).empty());
    CHECK(kiosk::hallContactsFromCatalog(nlohmann::json::parse(R"({"district": "x"})")).empty());
}
