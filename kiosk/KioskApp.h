// KioskApp — the composition root of the application core: from a config it builds the event
// queue, the device and network services and the flows, and pumps worker events into the flows.
// No ImGui here: ui/ draws what KioskApp holds and calls its flows.
//
//   [x] hall mode: HallFlow with the ID card reader and the central case query
//   [x] counter mode: the window sign (rating flow: later issue)
//   [ ] printer queue, outbox and sync engine (their issues wire them in here)
#pragma once

#include "config/KioskConfig.h"
#include "kiosk/EventQueue.h"
#include "kiosk/HallFlow.h"

#include <memory>
#include <string>

namespace kiosk {

class KioskApp {
public:
    explicit KioskApp(const config::KioskConfig& config);
    ~KioskApp();

    const config::KioskConfig& config() const { return config_; }
    EventQueue& events() { return events_; }
    HallFlow& hall() { return *hall_; }

    // Delivers every queued worker event to the flows, then lets time-outs fire. Returns the
    // number of events delivered (the runner redraws when it is not zero).
    int pump(TimePoint now);
    std::optional<TimePoint> nextDeadline(TimePoint now) const { return hall_->nextDeadline(now); }
    void userActivity(TimePoint now) { hall_->userActivity(now); }

private:
    config::KioskConfig config_;
    EventQueue events_;
    std::unique_ptr<CardReaderControl> reader_;
    std::unique_ptr<CaseQueryService> cases_;
    std::unique_ptr<HallFlow> hall_;
};

} // namespace kiosk
