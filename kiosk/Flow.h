// Flow — one thing a citizen (or technician) does at the terminal, as a state machine: 办件查询,
// 效能投诉, the counter pad's rating... The navigator (kiosk/Navigator.h) opens one at a time.
//
// Sections: the interface | FlowWithView (the base most flows take)
//
// A flow knows no ImGui and does no I/O: it asks services (kiosk/Services.h) and hears back through
// handle(); its screen in ui/ reads its view and calls its actions. So every flow is unit-tested
// without a window, a device or a network (tests/core).
//
// The two rules that were easy to break when each flow was a few fields in one big class:
//   - wipe() is pure virtual: every flow must say how it forgets a citizen. The navigator calls it
//     on every flow whenever a session ends (home, time-out, a new card), so nothing of one citizen
//     is reachable by the next.
//   - revision() moves whenever what the screen shows changes. FlowWithView makes that structural:
//     the view can only be changed through edit(), which counts (kiosk/Watched.h).
#pragma once

#include "kiosk/AppEvent.h"
#include "kiosk/IdleTimer.h"
#include "kiosk/Watched.h"

#include <cstdint>
#include <optional>

namespace kiosk {

// ---- the interface ----
class Flow {
public:
    virtual ~Flow() = default;

    // Opened from home. The navigator wiped every flow just before: a flow starts from a clean slate.
    virtual void enter(TimePoint now) = 0;
    // Worker events (card, printer, network) while this flow is open.
    virtual void handle(const AppEvent& event, TimePoint now) = 0;
    // Forget everything of the citizen: securely where it is personal data (kiosk/SecureWipe.h).
    // Afterwards the flow is as enter() would find it.
    virtual void wipe() = 0;
    // The reader is polled only while the open flow wants a card.
    virtual bool wantsCard() const { return false; }
    // The card asked for now names the citizen already at the screen (a complaint's real-name step):
    // the first card then joins the session instead of ending it. Everywhere else a card starts a
    // new citizen, so nothing of the one before (a case found by number, a slip) is left.
    virtual bool cardIdentifiesCitizen() const { return false; }
    // The flow's own next deadline (a step time-out), besides the session's idle timer; tick() then.
    virtual std::optional<TimePoint> deadline(TimePoint now) const {
        (void)now;
        return std::nullopt;
    }
    virtual void tick(TimePoint now) { (void)now; }
    // Moves whenever anything the flow's screen shows changes (the runner then draws).
    virtual std::uint64_t revision() const = 0;
};

// ---- FlowWithView ----
// A flow whose screen state is one struct: screens read view(), the flow changes it through edit().
template <class View>
class FlowWithView : public Flow {
public:
    const View& view() const { return view_.get(); }
    std::uint64_t revision() const final { return view_.revision(); }

protected:
    View& edit() { return view_.edit(); }

private:
    Watched<View> view_;
};

} // namespace kiosk
