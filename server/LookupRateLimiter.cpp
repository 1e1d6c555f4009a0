// Token-bucket rate limit (see LookupRateLimiter.h).
#include "server/LookupRateLimiter.h"

#include <algorithm>
#include <cmath>

namespace kiosk::central {

int LookupRateLimiter::acquire(const std::string& key, std::chrono::steady_clock::time_point now) {
    std::lock_guard lock(mutex_);
    auto [it, inserted] = buckets_.try_emplace(key, Bucket{burst_, now});
    Bucket& b = it->second;
    if (!inserted) {
        double elapsed = std::chrono::duration<double>(now - b.last).count();
        b.tokens = std::min(burst_, b.tokens + elapsed * perSecond_);
        b.last = now;
    }
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return 0;
    }
    if (perSecond_ <= 0) return 3600;
    return std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) / perSecond_)));
}

} // namespace kiosk::central
