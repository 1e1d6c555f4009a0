// The terminal's side of the sync protocol that needs no network: building request bodies from outbox
// records, reading the server's answers, classifying HTTP statuses, and the retry back-off.
// Kept apart from SyncEngine so it can be unit-tested and fuzzed (tests/fuzz/fuzz_api_responses.cpp).
//
// Sections: requests | responses | status classes | back-off
// Checklist:
//   [x] record envelope {id, seq, created_ms, ...payload} (docs/API.md)
//   [x] ratings batch results parser: tolerant of missing / extra fields, never throws
//   [x] technician error text from a JSON error body, bounded length, no request data
//   [x] exponential back-off with full jitter, capped, Retry-After honoured (up to an hour)
#pragma once

#include "offline/OfflineStore.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::offline {

// ---- requests ----
nlohmann::json recordEnvelope(const OutboxRecord& record); // payload fields + id, seq, created_ms

// ---- responses ----
struct BatchItemResult {
    enum class Status { Stored, Duplicate, Rejected } status = Status::Rejected;
    std::string id;
    std::string result; // JSON text kept as the server's acknowledgement
    std::string error;  // for Rejected: "422 payload_mismatch: ..."
};
// nullopt when the body is not a results document.
std::optional<std::vector<BatchItemResult>> parseBatchResults(std::string_view body);
// "HTTP 400 bad_category: complaint rejected: bad_category" (at most ~200 bytes).
std::string describeHttpError(long status, std::string_view body);

// ---- status classes ----
enum class StatusClass { Accepted, Retry, Reject };
// 2xx Accepted; 408, 425, 429, 5xx and 401/403/404 (server or enrolment problems the record cannot be blamed
// for) Retry; every other 4xx Reject.
StatusClass classifyStatus(long status);

// ---- back-off ----
class Backoff {
public:
    Backoff(std::int64_t baseMs, std::int64_t capMs, std::uint64_t seed)
        : baseMs_(baseMs), capMs_(capMs), rng_(seed) {}
    // Delay before the next attempt after one more failure: uniform in [0, min(cap, base * 2^failures)],
    // and at least Retry-After when the server gave one (capped at one hour).
    std::int64_t nextDelayMs(long retryAfterS = -1);
    void reset() { failures_ = 0; }
    int failures() const { return failures_; }

private:
    std::int64_t baseMs_, capMs_;
    int failures_ = 0;
    std::mt19937_64 rng_;
};

} // namespace kiosk::offline
