// RequestValidation — every check kiosk-central makes on what a terminal sends before acting on it:
// the body is a JSON object, fields have the right types and lengths, record envelopes, ID numbers in
// a form the case query knows, and the terminal's identity from its client certificate. No HTTP here:
// the routes (server/routes/) turn a rejection into the API's JSON error, so each rule is unit-tested
// on its own (tests/server/test_request_validation.cpp).
//
// Sections: rejections | limits | body | fields | records | requests | terminal identity
// Checklist:
//   [x] body: valid JSON (nlohmann rejects invalid UTF-8 too) and an object, at most kMaxJsonDepth levels
//       deep (checked while parsing, so nothing deeper is ever built, dumped or stored)
//   [x] body size by route (bodyLimitFor), whatever the transfer encoding (the HTTP layer applies it)
//   [x] tracking numbers namespaced by the certificate's terminal id (trackingNumberRejection)
//   [x] each stored record at most kMaxRatingBytes / kMaxComplaintBytes once canonicalised
//   [x] strings: type, required non-empty, byte limits; optional fields may be absent or null
//   [x] record envelope: UUID id, seq >= 1, integer created_ms
//   [x] complaint (known category, content, tracking number, 6-character code, short optional fields)
//       and rating (level 1..5, at most 16 short tags, integer counter, short optional fields)
//   [x] suggestion (title 1..60 and content 10..2000 characters, not only blanks, receipt number namespaced
//       like tracking numbers); case by number (case_no + 4-digit phone_last4)
//   [x] requests: case query, complaint progress, ratings batch (1..500), heartbeat size, enrolment,
//       counter-pad rating request, events long-poll parameters
//   [x] terminal identity: verified chain, leaf signed by our CA key, never the enrolment certificate
//   [ ] one schema shared with the terminal's record builders (offline/SyncProtocol.h): not yet
#pragma once

#include <nlohmann/json.hpp>

#include <openssl/x509.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace kiosk::central {

// ---- rejections ----
// What the API answers instead of acting: HTTP status, stable code, technician message.
struct RequestError {
    int status = 400;
    std::string code;
    std::string message;
};
using Rejection = std::optional<RequestError>; // nullopt: the request may go on

// ---- limits ----
// Nesting: {"a":[{}]} is 3 levels. Deeper bodies are refused while parsing (400 too_deep): a record is
// re-serialised (canonical payload, answers), and nlohmann's dump() recurses once per level.
inline constexpr int kMaxJsonDepth = 32;
// One record's canonical JSON (its known fields have their own limits; this bounds extra fields).
inline constexpr std::size_t kMaxRatingBytes = 8 * 1024;
inline constexpr std::size_t kMaxComplaintBytes = 32 * 1024;
// Request bodies by route (docs/API.md "Limits"); `batchLimit` is the server's setting for ratings
// batches (CentralSettings::maxPayloadBytes). Unknown routes get the smallest limit.
std::size_t bodyLimitFor(std::string_view path, std::size_t batchLimit);

// ---- body ----
// Parses `body` into *out; rejected (400 bad_json) unless it is a JSON object, (400 too_deep) when it
// nests more than kMaxJsonDepth levels.
Rejection parseJsonObject(std::string_view body, nlohmann::json* out);

// ---- fields ----
// `key` is a string of at most maxBytes bytes; when required, present and not empty. An optional
// field may be absent or null.
bool isBoundedString(const nlohmann::json& object, const char* key, std::size_t maxBytes,
                     bool required = true);

// ---- records ----
// Each returns the error code ("bad_id", "bad_category", ...) or an empty string for a valid record.
std::string envelopeError(const nlohmann::json& record);
std::string complaintError(const nlohmann::json& complaint, const std::set<std::string>& categories);
std::string ratingError(const nlohmann::json& rating);
// 区长信箱: title 1..60 characters, content 10..2000 characters (common::limits: written characters for
// the minimum, code points for the maximum), receipt_no, optional short phone / name / id_number.
std::string suggestionError(const nlohmann::json& suggestion);
inline constexpr std::size_t kMaxSuggestionBytes = 16 * 1024;

// ---- requests ----
inline constexpr std::size_t kMaxHeartbeatBytes = 16384;

Rejection caseQueryRejection(const nlohmann::json& body); // id_number of a known form (text/IdNumber.h)
Rejection complaintRejection(const nlohmann::json& complaint, const std::set<std::string>& categories);
// Tracking numbers are namespaced by the terminal that made them: `terminal` (the client certificate's
// CN, never the body) + "-" + 1..12 digits. Anything else is 422 foreign_tracking_no, so a terminal
// misconfigured with another's id cannot squat that terminal's numbers.
// Suggestions' receipt numbers follow the same rule (`field` names the field in the message).
Rejection trackingNumberRejection(const std::string& trackingNo, const std::string& terminal,
                                  const char* field = "tracking_no");
Rejection suggestionRejection(const nlohmann::json& suggestion);
// Case status by number: case_no (1..64 bytes) and phone_last4 (exactly 4 digits).
Rejection caseByNumberRejection(const nlohmann::json& body);
Rejection complaintProgressRejection(const nlohmann::json& body); // tracking_no + verify_code
Rejection ratingsBatchRejection(const nlohmann::json& body);      // "ratings": 1..500 records
Rejection heartbeatRejection(std::size_t bodyBytes);              // 413 above kMaxHeartbeatBytes
Rejection enrolmentRejection(const nlohmann::json& body);         // code + csr strings
Rejection csrRejection(const std::string& csrPem);                // a PEM certificate request
Rejection ratingRequestRejection(const nlohmann::json& body);     // counter 1..kMaxCounter, short fields
// What a counter pad is handed for a rating request: the known fields only, never the raw body.
nlohmann::json ratingRequestEvent(const nlohmann::json& body, const std::string& terminal);
inline constexpr std::int64_t kMaxCounter = 9999;

// GET /api/v1/events?after=N&wait=S&counter=N; absent parameters stay 0.
struct EventsQuery {
    std::int64_t after = 0;
    int wait = 0;
    int counter = 0;
};
struct EventsQueryText {
    std::optional<std::string> after, wait, counter;
};
Rejection parseEventsQuery(const EventsQueryText& text, EventsQuery* out);

// ---- terminal identity ----
// The terminal id (the certificate's CN) when `peer` passed verification (`verifyResult` X509_V_OK)
// and is signed by `caCert`'s key; empty otherwise, and always for the enrolment certificate.
std::string terminalIdOf(X509* peer, long verifyResult, X509* caCert);

} // namespace kiosk::central
