#include "kiosk/IdleTimer.h"

namespace kiosk {

std::optional<int> IdleTimer::countdown(TimePoint now) const {
    if (!lastActivity_) return std::nullopt;
    const TimePoint end = *lastActivity_ + timeout_;
    if (now < end - warning_) return std::nullopt;
    if (now >= end) return 0;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - now).count();
    return static_cast<int>((left + 999) / 1000); // 19.2 s left shows "20"
}

std::optional<TimePoint> IdleTimer::nextDeadline(TimePoint now) const {
    if (!lastActivity_) return std::nullopt;
    const TimePoint end = *lastActivity_ + timeout_;
    const TimePoint warnStart = end - warning_;
    if (now < warnStart) return warnStart;
    if (now >= end) return now;
    // The next whole-second boundary counted back from the end, so the number changes on time.
    const auto left = end - now;
    const auto whole = std::chrono::duration_cast<std::chrono::seconds>(left);
    const auto frac = left - whole;
    return now +
           (frac.count() > 0 ? frac : std::chrono::duration_cast<Clock::duration>(std::chrono::seconds(1)));
}

} // namespace kiosk
