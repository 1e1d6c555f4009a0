// HallTerminal — the hall terminal's citizen side (kiosk/Terminal) built from the catalog with fake
// services, for tests that drive flows without a window, a device or a network.
#pragma once

#include "kiosk/CaseQueryFlow.h"
#include "kiosk/Terminal.h"

#include <chrono>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace kiosk::testing {

struct FakeReader : CardReaderControl {
    bool wanted = false;
    void setCardWanted(bool w) override { wanted = w; }
};

struct FakeCases : CaseQueryService {
    std::vector<std::pair<std::uint64_t, std::string>> queries; // request id, ID number
    void queryCases(std::uint64_t id, const std::string& number) override {
        queries.emplace_back(id, number);
    }
    std::vector<std::tuple<std::uint64_t, std::string, std::string>> byNumber; // id, case no, last 4
    void queryCaseByNumber(std::uint64_t id, const std::string& caseNo, const std::string& last4) override {
        byNumber.emplace_back(id, caseNo, last4);
    }
    std::uint64_t last() const { return queries.empty() ? 0 : queries.back().first; }
};

// The outbox: what was submitted, answered by the test (a RecordCommitted) as kiosk/KioskOutbox would.
struct FakeOutbox : OutboxService {
    struct Submission {
        std::uint64_t id;
        std::string kind;
        nlohmann::json payload;
    };
    std::vector<Submission> submitted;
    void submit(std::uint64_t id, std::string kind, nlohmann::json payload) override {
        submitted.push_back({id, std::move(kind), std::move(payload)});
    }
};

struct FakeProgress : ComplaintProgressService {
    std::vector<std::tuple<std::uint64_t, std::string, std::string>> asked; // id, number, code
    void follow(std::uint64_t id, const std::string& number, const std::string& code) override {
        asked.emplace_back(id, number, code);
    }
};

struct FakePrinter : PrintService {
    bool present = true;
    std::vector<printer::Receipt> jobs;
    bool available() const override { return present; }
    std::uint64_t print(printer::Receipt r) override {
        jobs.push_back(std::move(r));
        return jobs.size();
    }
};

// The keyboard's lookups, answered by the test (answer()) as kiosk/PinyinService would.
struct FakePinyin : PinyinLookup {
    std::vector<std::pair<std::uint64_t, std::string>> asked; // seq, letters
    void lookUp(std::uint64_t seq, std::string letters) override {
        asked.emplace_back(seq, std::move(letters));
    }
    std::uint64_t lastSeq() const { return asked.empty() ? 0 : asked.back().first; }
    std::string lastLetters() const { return asked.empty() ? std::string() : asked.back().second; }
};

inline TerminalSettings hallSettings() {
    TerminalSettings s;
    s.flows = FlowSet::Hall;
    s.session.idleTimeout = std::chrono::seconds(60);
    s.session.idleWarning = std::chrono::seconds(10);
    s.session.language = "zh-CN";
    s.terminalId = "HALL-9";
    return s;
}

struct HallTerminal {
    FakeReader reader;
    FakeCases cases;
    FakePrinter printer;
    FakePinyin pinyin;
    FakeOutbox outbox;
    FakeProgress complaintProgress;
    StringTable strings = StringTable::load("zh-CN");
    TimePoint t0 = TimePoint{} + std::chrono::seconds(1000);
    Terminal terminal{hallSettings(),
                      TerminalServices{reader, cases, printer, strings, pinyin, outbox, complaintProgress}};
    Navigator& nav = terminal.navigator();
    CaseQueryFlow& cq = *nav.find<CaseQueryFlow>("case_query");

    // The services a flow is built with, around another session and slip tracker (catalog tests).
    FlowServices flowServices(CitizenSession& session, SlipTracker& slips,
                              const std::vector<ServiceItem>& items) {
        return FlowServices{
            session, slips, cases, strings, "T-1", items, outbox, complaintProgress, terminal.directory(),
            15};
    }

    bool onHome() const { return nav.current() == nullptr; }
    const std::optional<CitizenIdentity>& citizen() const { return terminal.session().citizen(); }
    const SlipView& slip() const { return terminal.slips().view(); }
};

} // namespace kiosk::testing
