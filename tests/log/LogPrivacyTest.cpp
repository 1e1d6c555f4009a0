// The log while citizens use the terminal (issue 8.12): the demo environment (reader simulator on a pty,
// reference server over HTTPS, virtual printer) drives the real adapters; the log is captured.
// It must hold the state changes, each once, and nothing of any sample card: no name, no ID number,
// no address, not even a number the cleaner had to remove.
#include "drivers/idcard/SimCardSet.h"
#include "kiosk/CaseQueryFlow.h"
#include "kiosk/KioskApp.h"
#include "kiosk/Log.h"
#include "kiosk/demo/DemoEnvironment.h"
#include "tests/server/TempDir.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <thread>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

// Pumps the app until `done` or the time-out; false on time-out.
bool pumpUntil(KioskApp& app, const std::function<bool()>& done, std::chrono::seconds timeout = 20s) {
    const auto end = Clock::now() + timeout;
    while (Clock::now() < end) {
        app.pump(Clock::now());
        if (done()) return true;
        std::this_thread::sleep_for(20ms);
    }
    return false;
}

bool queryDone(KioskApp& app) {
    const auto phase = app.terminal().navigator().find<CaseQueryFlow>("case_query")->view().phase;
    return phase == CaseQueryPhase::Results || phase == CaseQueryPhase::Failed;
}

} // namespace

TEST_CASE("card queries, prints and outages are logged as state changes, without personal data") {
    kiosk::testing::TempDir dir("logprivacy");
    DemoOptions o;
    o.stateDir = dir.path();
    std::string error;
    auto env = DemoEnvironment::start(o, error);
    REQUIRE_MESSAGE(env, error);
    auto owned = std::make_unique<MemorySink>();
    MemorySink& sink = *owned;
    Logger log(std::move(owned), LogLevel::Debug); // everything the kiosk can say
    {
        KioskApp app(env->config(), log);
        env->attach(&app.events());
        Navigator& nav = app.terminal().navigator();
        CaseQueryFlow& cq = *nav.find<CaseQueryFlow>("case_query");
        nav.open("case_query", Clock::now());
        REQUIRE(pumpUntil(app, [&] { return app.terminal().reader().connected; }));

        // Three citizens query and print a slip each.
        const auto names = env->cardNames();
        REQUIRE(names.size() >= 3);
        for (size_t i = 0; i < 3; ++i) {
            CAPTURE(names[i]);
            nav.open("case_query", Clock::now());
            REQUIRE(env->presentCard(names[i]));
            REQUIRE(pumpUntil(app, [&] { return queryDone(app); }));
            REQUIRE(cq.view().phase == CaseQueryPhase::Results);
            if (!cq.view().cases.empty()) {
                cq.printCase(0, Clock::now());
                REQUIRE(pumpUntil(
                    app, [&] { return app.terminal().slips().view().phase != SlipPhase::Printing; }));
            }
            env->removeCard();
            nav.goHome();
        }

        // The server goes away: the first failure is logged, the retries of the same outage are not.
        REQUIRE(env->setServerRunning(false, error));
        nav.open("case_query", Clock::now());
        REQUIRE(env->presentCard(names[0]));
        REQUIRE(pumpUntil(app, [&] { return queryDone(app); }));
        REQUIRE(cq.view().phase == CaseQueryPhase::Failed);
        for (int i = 0; i < 3; ++i) {
            cq.retry(Clock::now());
            REQUIRE(pumpUntil(app, [&] { return queryDone(app); }));
        }
        REQUIRE(env->setServerRunning(true, error));
        cq.retry(Clock::now());
        REQUIRE(pumpUntil(app, [&] { return cq.view().phase == CaseQueryPhase::Results; }));

        // Paper runs out: each failed slip is logged (the citizen saw it), the printer's state once.
        REQUIRE(env->setPaper("out"));
        for (int i = 0; i < 2; ++i) {
            app.terminal().slips().close();
            cq.printCase(0, Clock::now());
            REQUIRE(pumpUntil(app, [&] { return app.terminal().slips().view().phase == SlipPhase::Failed; }));
        }
        env->removeCard();

        // The session times out (time handed in, no waiting), once.
        const TimePoint later = Clock::now() + 1h;
        app.pump(later);
        app.pump(later + 1s);
        env->attach(nullptr);
    }

    const std::string text = sink.text();
    CAPTURE(text);
    // Nothing of any sample card, in any form the card carries it.
    const auto cards = nlohmann::json::parse(idcard::demoCardSetJson());
    for (const auto& card : cards["cards"]) {
        for (const char* field : {"name", "name_en", "id_number", "address", "additional_address"}) {
            if (!card.contains(field) || !card[field].is_string()) continue;
            const std::string value = card[field];
            if (value.size() < 2) continue;
            CHECK_MESSAGE(text.find(value) == std::string::npos, field, ": ", value);
        }
    }
    CHECK(text.find("[number removed]") == std::string::npos); // nobody even tried to log an ID number
    // The state changes, each once.
    CHECK(sink.count("reader", "connected on") == 1);
    CHECK(sink.count("reader", "disconnected") == 0);
    CHECK(sink.count("cases", "case query failed") == 1);
    CHECK(sink.count("cases", "answers case queries") == 2); // at the first answer, and after the outage
    CHECK(sink.count("printer", "not printed: paper_out") == 2);
    CHECK(sink.count("printer", "cannot print") <= 1);
    CHECK(sink.count("session", "session ended") == 1);
    CHECK(sink.count("sync", "reachable") <= 2); // reachable / unreachable at most once per outage
}
