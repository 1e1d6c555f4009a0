// WireProtocol — the names and numbers the terminal and kiosk-central must agree on, in one place so
// the two ends cannot drift apart: endpoint paths, the enrolment certificate's name, the keep-alive
// timing and the words of a ratings batch answer (docs/API.md is the prose version).
//
// Sections: endpoints | enrolment | connections | batch answers | what citizens write
// Checklist:
//   [x] every endpoint path the terminal calls and the server routes
//   [x] the enrolment certificate's common name (the one CN a terminal id may never be)
//   [x] keep-alive: the client drops an idle connection before the server closes it
//   [x] ratings batch: per-record status words and the largest batch the server takes
//   [x] the length rules of what citizens write (complaint, 区长信箱), checked by the form and the server
//   [ ] the record bodies' fields: validated by the server (server/RequestValidation.h), built by the
//       terminal (offline/SyncProtocol.h); not yet one schema
#pragma once

#include <cstddef>

namespace kiosk::common {

// ---- endpoints ----
namespace api {
inline constexpr const char* kEnroll = "/api/v1/enroll";
inline constexpr const char* kCatalog = "/api/v1/catalog";
inline constexpr const char* kRoster = "/api/v1/roster";
inline constexpr const char* kCasesQuery = "/api/v1/cases/query";
inline constexpr const char* kCasesByNumber = "/api/v1/cases/by-number"; // case number + phone last 4
inline constexpr const char* kComplaints = "/api/v1/complaints";
inline constexpr const char* kComplaintProgress = "/api/v1/complaints/progress";
inline constexpr const char* kSuggestions = "/api/v1/suggestions"; // 区长信箱, one record per request
inline constexpr const char* kRatingsBatch = "/api/v1/ratings/batch";
inline constexpr const char* kHeartbeat = "/api/v1/heartbeat";
inline constexpr const char* kRatingRequest = "/api/v1/events/rating-request";
inline constexpr const char* kEvents = "/api/v1/events"; // ?after=N&wait=S&counter=N (long poll)
} // namespace api

// ---- enrolment ----
// The self-signed certificate a terminal presents before it has one from the CA. The server lets it
// through the handshake but serves it nothing except kEnroll.
inline constexpr const char* kEnrolmentCommonName = "kiosk-enrolment";

// ---- connections ----
// kiosk-central closes a keep-alive connection after this many seconds without a request (its
// CentralSettings::keepAliveTimeoutS defaults to it). The client stops reusing a connection 2 s
// earlier: libcurl counts idle time in whole seconds, so a connection is at most
// kClientMaxIdleS + 1 s old when reused, still before the server closes it.
inline constexpr int kServerKeepAliveS = 10;
inline constexpr int kClientMaxIdleS = kServerKeepAliveS - 2;
static_assert(kClientMaxIdleS + 1 < kServerKeepAliveS);

// ---- batch answers ----
// {"results":[{"id":..., "status": one of these, ...}]}
inline constexpr const char* kBatchStored = "stored";
inline constexpr const char* kBatchDuplicate = "duplicate";
inline constexpr const char* kBatchRejected = "rejected";
inline constexpr std::size_t kMaxRatingsPerBatch = 500;

// ---- what citizens write ----
// Lengths in characters: a minimum counts what is written (text::countVisible, blanks left out), a
// maximum every code point. The terminal's form refuses outside them with a reason; the server
// refuses a record outside them (400), so a terminal that skipped the form is caught too.
namespace limits {
inline constexpr std::size_t kComplaintContentMin = 10;
inline constexpr std::size_t kComplaintContentMax = 500;
inline constexpr std::size_t kSuggestionTitleMax = 60;
inline constexpr std::size_t kSuggestionContentMin = 10;
inline constexpr std::size_t kSuggestionContentMax = 2000;
} // namespace limits

} // namespace kiosk::common
