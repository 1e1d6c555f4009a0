// KioskApp — the composition root of the application core: from a config it builds the event
// queue, the device and network services and the terminal (session, navigator, the flows of the
// terminal's kind from kiosk/FlowCatalog), and pumps worker events into it.
// No ImGui here: ui/ draws what KioskApp holds and calls its flows.
//
//   [x] hall mode: the hall's flows with the ID card reader and the central case query
//   [x] counter mode: the window sign (rating flow: later issue)
//   [x] receipt printer (ESC/POS print queue) when [printer] uri is not "none"
//   [x] the language shown (string table); back to the configured one when a session times out
//   [x] sync engine: heartbeats with device health, catalog / roster refresh, connectivity for the screen
//   [x] logs (kiosk/Log.h) the state dir's privacy, enrolment files, central server reachable or not,
//       store problems, refused records and session time-outs; each state change once
//   [x] the state directory is created 0700 (or narrowed to it) before any worker starts
//   [x] the pinyin engine on its own thread; the hall's vocabulary from the catalog and roster
//   [x] the outbox writer (kiosk/KioskOutbox) for complaints and suggestions; complaint follow-ups
//       (kiosk/CentralComplaintProgress); ratings come with the counter pad (issue 13)
#pragma once

#include "config/KioskConfig.h"
#include "kiosk/EventQueue.h"
#include "kiosk/HallContacts.h"
#include "kiosk/Log.h"
#include "kiosk/PinyinService.h"
#include "kiosk/StringTable.h"
#include "kiosk/Terminal.h"

#include <atomic>
#include <memory>
#include <optional>
#include <string>

namespace kiosk::offline {
class SyncEngine;
}

namespace kiosk {

class KioskApp {
public:
    // `log` is main()'s and outlives the app; the adapters log through it from their threads.
    KioskApp(const config::KioskConfig& config, Logger& log);
    ~KioskApp();

    const config::KioskConfig& config() const { return config_; }
    EventQueue& events() { return events_; }
    Terminal& terminal() { return *terminal_; }
    const Terminal& terminal() const { return *terminal_; }
    const StringTable& strings() const { return strings_; }
    // The sync engine's last word (nothing before its first cycle).
    const std::optional<SyncStatusChanged>& syncStatus() const { return syncStatus_; }
    // Asks the sync engine to upload now; a later syncStatus() whose wakeServed reaches the returned
    // ticket counted everything committed before this call (0: no sync engine).
    std::uint64_t requestUpload();
    // The district's hotline, address and hours from the catalog (empty until it first arrives).
    const HallContacts& contacts() const { return contacts_; }
    // The staff on duty per window, as the server last sent it (null until it first arrives).
    const nlohmann::json& roster() const { return roster_; }
    // The citizen's choice for this session (the next citizen after a time-out gets the terminal's).
    void setLanguage(std::string_view language);
    // Moves whenever anything on screen may have changed: the terminal's flows and session, the
    // connection state, the district's contacts, the language.
    std::uint64_t revision() const { return changes_ + terminal_->revision(); }

    // Delivers every queued worker event to the flows, then lets time-outs fire. Returns the
    // number of events delivered (the runner redraws when it is not zero).
    int pump(TimePoint now);
    Logger& log() { return log_; }
    std::optional<TimePoint> nextDeadline(TimePoint now) const {
        return terminal_->navigator().nextDeadline(now);
    }
    void userActivity(TimePoint now) { terminal_->navigator().userActivity(now); }
    // A worker owes an answer the screen waits for (the keyboard's candidates): scripts wait for it.
    bool answerPending() const { return pinyin_->busy(); }

private:
    void checkStateAndEnrolment();
    void logSync(const SyncStatusChanged& s);
    void checkConnection(const CaseQueryFinished& q);
    void note(const AppEvent& e); // what the app itself keeps of an event
    void followSessionLanguage();

    config::KioskConfig config_;
    Logger& log_;
    StateLog syncLog_;  // UI thread: reachable or not
    StateLog storeLog_; // UI thread: store problems
    EventQueue events_;
    std::unique_ptr<CardReaderControl> reader_;
    std::unique_ptr<CaseQueryService> cases_;
    std::unique_ptr<PrintService> printer_;
    std::unique_ptr<PinyinService> pinyin_;
    std::unique_ptr<OutboxService> outbox_;
    std::unique_ptr<ComplaintProgressService> complaintProgress_;
    std::atomic<bool> readerConnected_{false}; // read by the sync thread for heartbeats
    std::unique_ptr<offline::SyncEngine> sync_;
    std::optional<SyncStatusChanged> syncStatus_;
    HallContacts contacts_;
    nlohmann::json roster_; // the latest roster, for the counter pad (issue 13)
    StringTable strings_;
    std::string stringsLanguage_; // the language strings_ was loaded for
    std::unique_ptr<Terminal> terminal_;
    std::uint64_t changes_ = 0; // of what the app itself shows (connection, contacts, language)
    int timeoutsSeen_ = 0;
};

} // namespace kiosk
