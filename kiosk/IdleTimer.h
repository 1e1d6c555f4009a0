// IdleTimer — ends a citizen session after inactivity, with a visible countdown first.
// Pure time arithmetic on steady_clock time points handed in by the caller (testable without sleeping).
#pragma once

#include <chrono>
#include <optional>

namespace kiosk {

using Clock = std::chrono::steady_clock;
using TimePoint = Clock::time_point;

class IdleTimer {
public:
    IdleTimer(std::chrono::seconds timeout, std::chrono::seconds warning)
        : timeout_(timeout), warning_(warning) {}

    void arm(TimePoint now) { lastActivity_ = now; }
    void disarm() { lastActivity_.reset(); }
    bool armed() const { return lastActivity_.has_value(); }
    void activity(TimePoint now) {
        if (lastActivity_) lastActivity_ = now;
    }

    bool expired(TimePoint now) const { return lastActivity_ && now >= *lastActivity_ + timeout_; }
    // Whole seconds left while the countdown is visible (the last `warning` seconds), else nothing.
    std::optional<int> countdown(TimePoint now) const;
    // When the caller must look again: the countdown start, each second of it, or the expiry.
    std::optional<TimePoint> nextDeadline(TimePoint now) const;

private:
    std::chrono::seconds timeout_;
    std::chrono::seconds warning_;
    std::optional<TimePoint> lastActivity_;
};

} // namespace kiosk
