// CitizenSession — the one citizen at the terminal, shared by every flow: who they are (from the
// card), the language and elder mode they chose, and the idle timer that ends their session.
//
// Sections: settings | session (who, choices, idle timer, end)
//
// The flows' own data (cases shown, a complaint being written) lives in the flows; the navigator
// ends a session by wiping every flow and then this (kiosk/Navigator.h). No ImGui, no I/O.
//
//   [x] identity from the card, wiped (kiosk/SecureWipe) when replaced or when the session ends
//   [x] language and elder mode chosen by the citizen; back to the terminal's defaults after a
//       time-out, so the next citizen starts as the terminal is configured
//   [x] idle timer: armed while a flow is open, countdown before the end (适老化: warned first)
//   [x] every change counted (kiosk/Watched.h) so the screen is drawn again
//   [ ] elder mode's effect on screens and speech (issue 15): today only the choice is kept
#pragma once

#include "kiosk/CitizenIdentity.h"
#include "kiosk/IdleTimer.h"
#include "kiosk/Watched.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace kiosk {

// ---- settings ----
struct SessionSettings {
    std::chrono::seconds idleTimeout{90};
    std::chrono::seconds idleWarning{20};
    std::string language = "zh-CN"; // the terminal's own: every session starts in it
};

// ---- session ----
class CitizenSession {
public:
    explicit CitizenSession(SessionSettings settings);
    ~CitizenSession() { wipe(); }
    CitizenSession(const CitizenSession&) = delete;
    CitizenSession& operator=(const CitizenSession&) = delete;

    // Who: set from a presented card; the previous identity is wiped first.
    const std::optional<CitizenIdentity>& citizen() const { return state_->citizen; }
    void setCitizen(const CitizenIdentity& citizen);

    // Choices.
    const std::string& language() const { return state_->language; }
    void setLanguage(std::string language);
    bool elderMode() const { return state_->elderMode; }
    void setElderMode(bool on);

    // Idle timer: a flow was opened (arm), the citizen touched something (activity), home (disarm).
    void armIdle(TimePoint now) { idle_.arm(now); }
    void disarmIdle() { idle_.disarm(); }
    void activity(TimePoint now) { idle_.activity(now); }
    bool idleExpired(TimePoint now) const { return idle_.expired(now); }
    // Whole seconds left while the countdown is shown, else nothing (changes by time: the view asks).
    std::optional<int> idleCountdown(TimePoint now) const { return idle_.countdown(now); }
    std::optional<TimePoint> nextDeadline(TimePoint now) const { return idle_.nextDeadline(now); }

    // End: the identity goes (every end of a session). After a time-out the choices go back to the
    // terminal's defaults too; a citizen who taps 返回首页 keeps the language they picked.
    void wipe();
    void restoreDefaults();

    std::uint64_t revision() const { return state_.revision(); }

private:
    struct State {
        std::optional<CitizenIdentity> citizen;
        std::string language;
        bool elderMode = false;
    };
    SessionSettings settings_;
    Watched<State> state_;
    IdleTimer idle_;
};

} // namespace kiosk
