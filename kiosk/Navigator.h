// Navigator — which flow is open: opens and leaves flows, routes worker events to the open one, and
// ends the citizen session by wiping every flow.
//
// Sections: building (flows in catalog order) | where the citizen is | inputs | session end
//
// There is no history and no "back" between flows: every flow is entered from home and left to home,
// and both wipe the session first, so nothing of one citizen is reachable by the next. The shared
// pieces (session, slip tracking, the reader's words) are held by kiosk/Terminal and referenced here.
//
//   [x] open(id) / goHome(); open() of an id the terminal's mode has not: refused, nothing changes
//   [x] session end = wipe() on every flow, the slip, the identity (home, time-out, a new card; the
//       first card on a step that asks the citizen to identify themself joins their session instead)
//   [x] the reader polled only while the open flow wants a card
//   [x] idle time-out: home, and the next citizen gets the terminal's language and elder mode
//   [x] events: printer events to the slip tracker always, reader words and pinyin always, the rest to
//       the open flow
//   [x] the keyboard (kiosk/TextEntry) wiped with the session: composition, candidates, focus
//   [ ] a flow opened by an event (the counter pad's rating request, issue 13)
#pragma once

#include "kiosk/AppEvent.h"
#include "kiosk/CardReaderStatus.h"
#include "kiosk/CitizenSession.h"
#include "kiosk/Flow.h"
#include "kiosk/Services.h"
#include "kiosk/SlipTracker.h"
#include "kiosk/TextEntry.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

class Navigator {
public:
    Navigator(CitizenSession& session, SlipTracker& slips, CardReaderStatus& readerStatus,
              CardReaderControl& reader, TextEntry& textEntry);

    // ---- building ----
    void add(std::string id, std::unique_ptr<Flow> flow);
    std::vector<std::string_view> flowIds() const; // in the order added (the catalog's)
    Flow* find(std::string_view id) const;
    template <class F>
    F* find(std::string_view id) const {
        return dynamic_cast<F*>(find(id));
    }

    // ---- where the citizen is ----
    Flow* current() const { return current_ ? current_->flow.get() : nullptr; }
    std::string_view currentId() const {
        return current_ ? std::string_view(current_->id) : std::string_view();
    }

    // ---- inputs ----
    // From home (or another flow: the session ends first). False for an id this terminal has not.
    bool open(std::string_view id, TimePoint now);
    void goHome();
    void userActivity(TimePoint now) { session_.activity(now); }
    void handle(const AppEvent& event, TimePoint now);
    void tick(TimePoint now);
    std::optional<int> idleCountdown(TimePoint now) const { return session_.idleCountdown(now); }
    // The earliest of the session's idle deadline and the open flow's own.
    std::optional<TimePoint> nextDeadline(TimePoint now) const;
    // Sessions ended so far by time-out (logged, and used by tests).
    int idleTimeouts() const { return idleTimeouts_; }

    // ---- session end ----
    // Every flow forgets the citizen, the slip goes, the identity is wiped. The open flow stays open.
    void endCitizenSession();

    // Moves whenever anything a screen shows of the flows, the session or the shared pieces changes.
    std::uint64_t revision() const;

private:
    struct Entry {
        std::string id;
        std::unique_ptr<Flow> flow;
    };
    void pollReaderIfWanted();

    CitizenSession& session_;
    SlipTracker& slips_;
    CardReaderStatus& readerStatus_;
    CardReaderControl& reader_;
    TextEntry& textEntry_;
    std::vector<Entry> flows_;
    const Entry* current_ = nullptr;
    std::uint64_t moves_ = 0; // opens and homes: the screen shown changed
    std::optional<bool> cardWanted_;
    int idleTimeouts_ = 0;
};

} // namespace kiosk
