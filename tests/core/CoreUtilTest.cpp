// IdleTimer arithmetic, EventQueue wake-ups, WorkerThread ordering.
#include "kiosk/EventQueue.h"
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
