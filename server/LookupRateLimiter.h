// Token-bucket rate limit for lookups (case status, complaint progress) per terminal, so a stolen terminal
// certificate cannot be used to enumerate ID numbers quickly.
//
// Sections: limiter
// Checklist:
//   [x] per-key bucket, refill rate per minute, burst size; thread-safe
//   [x] tells the caller how long to wait (for Retry-After)
//   [ ] persistence across restarts: not needed (a restart refills every bucket)
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace kiosk::central {

// ---- limiter ----
class LookupRateLimiter {
public:
    LookupRateLimiter(double perMinute, double burst) : perSecond_(perMinute / 60.0), burst_(burst) {}
    // 0 when the lookup may proceed (a token was taken), else whole seconds until the next token.
    int acquire(const std::string& key,
                std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now());

private:
    struct Bucket {
        double tokens;
        std::chrono::steady_clock::time_point last;
    };
    std::mutex mutex_;
    std::map<std::string, Bucket> buckets_;
    double perSecond_, burst_;
};

} // namespace kiosk::central
