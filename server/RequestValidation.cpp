// Request validation (see RequestValidation.h).
//
// Sections: limits | body | fields | records | requests | terminal identity
#include "server/RequestValidation.h"

#include "common/TlsCredentials.h"
#include "common/Uuid7.h"
#include "common/WireProtocol.h"
#include "text/IdNumber.h"
#include "text/Utf8.h"

#include <cctype>

namespace kiosk::central {
namespace {

namespace limits = common::limits;

Rejection reject(std::string code, std::string message, int status = 400) {
    return RequestError{status, std::move(code), std::move(message)};
}

} // namespace

// ---- limits ----
std::size_t bodyLimitFor(std::string_view path, std::size_t batchLimit) {
    namespace api = common::api;
    if (path == api::kRatingsBatch) return batchLimit;
    if (path == api::kComplaints) return 64 * 1024;
    if (path == api::kSuggestions) return 2 * kMaxSuggestionBytes;
    if (path == api::kEnroll) return 32 * 1024; // a CSR (at most 16 KiB) and a code
    if (path == api::kHeartbeat) return kMaxHeartbeatBytes;
    return 4 * 1024; // case query, complaint progress, rating request; GETs carry no body
}

// ---- body ----
namespace {
struct TooDeep {};
} // namespace

Rejection parseJsonObject(std::string_view body, nlohmann::json* out) {
    // The callback sees the depth of each container as it opens (the root is 0) and stops the parse
    // at the first one past the limit, before it is built.
    auto depthGuard = [](int depth, nlohmann::json::parse_event_t event, nlohmann::json&) {
        if ((event == nlohmann::json::parse_event_t::object_start ||
             event == nlohmann::json::parse_event_t::array_start) &&
            depth >= kMaxJsonDepth)
            throw TooDeep{};
        return true;
    };
    try {
        *out = nlohmann::json::parse(body, depthGuard, false);
    } catch (const TooDeep&) {
        *out = nlohmann::json();
        return reject("too_deep",
                      "request body nests deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    }
    if (out->is_discarded()) return reject("bad_json", "request body is not valid JSON");
    if (!out->is_object()) return reject("bad_json", "request body must be a JSON object");
    return std::nullopt;
}

// ---- fields ----
bool isBoundedString(const nlohmann::json& o, const char* key, std::size_t maxBytes, bool required) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return !required;
    return it->is_string() && !(required && it->get_ref<const std::string&>().empty()) &&
           it->get_ref<const std::string&>().size() <= maxBytes;
}

// ---- records ----
std::string envelopeError(const nlohmann::json& r) {
    if (!r.is_object()) return "bad_record";
    auto id = r.find("id");
    if (id == r.end() || !id->is_string() || !common::isUuid(id->get<std::string>())) return "bad_id";
    auto seq = r.find("seq");
    if (seq == r.end() || !seq->is_number_integer() || seq->get<std::int64_t>() < 1) return "bad_seq";
    auto created = r.find("created_ms");
    if (created == r.end() || !created->is_number_integer()) return "bad_created_ms";
    return {};
}

namespace {
// A string field with at least minChars written characters and at most maxChars code points
// (common::limits). nlohmann has already refused invalid UTF-8 while parsing the body.
bool hasCharacters(const nlohmann::json& o, const char* key, std::size_t minChars, std::size_t maxChars) {
    auto it = o.find(key);
    if (it == o.end() || !it->is_string()) return false;
    const std::string& s = it->get_ref<const std::string&>();
    if (s.size() > maxChars * 4 || !text::isValidUtf8(s)) return false;
    return text::countVisible(s) >= std::max<std::size_t>(minChars, 1) &&
           text::countCodePoints(s) <= maxChars;
}
} // namespace

std::string complaintError(const nlohmann::json& c, const std::set<std::string>& categories) {
    if (std::string e = envelopeError(c); !e.empty()) return e;
    if (!isBoundedString(c, "category", 32) || !categories.count(c.at("category").get<std::string>()))
        return "bad_category";
    if (!hasCharacters(c, "content", limits::kComplaintContentMin, limits::kComplaintContentMax))
        return "bad_content";
    if (!isBoundedString(c, "tracking_no", 64)) return "bad_tracking_no";
    auto code = c.find("verify_code");
    if (code == c.end() || !code->is_string() || code->get<std::string>().size() != 6)
        return "bad_verify_code";
    for (const char* k : {"phone", "name", "id_number", "item_id", "department", "staff_id", "case_no"})
        if (!isBoundedString(c, k, 256, false)) return std::string("bad_") + k;
    if (c.dump().size() > kMaxComplaintBytes) return "record_too_large";
    return {};
}

std::string suggestionError(const nlohmann::json& s) {
    if (std::string e = envelopeError(s); !e.empty()) return e;
    if (!isBoundedString(s, "receipt_no", 64)) return "bad_receipt_no";
    if (!hasCharacters(s, "title", 1, limits::kSuggestionTitleMax)) return "bad_title";
    if (!hasCharacters(s, "content", limits::kSuggestionContentMin, limits::kSuggestionContentMax))
        return "bad_content";
    for (const char* k : {"phone", "name", "id_number"})
        if (!isBoundedString(s, k, 256, false)) return std::string("bad_") + k;
    if (s.dump().size() > kMaxSuggestionBytes) return "record_too_large";
    return {};
}

std::string ratingError(const nlohmann::json& r) {
    if (std::string e = envelopeError(r); !e.empty()) return e;
    auto level = r.find("level");
    // get<std::int64_t>: a huge unsigned wraps negative and is refused; get<int> would truncate it.
    if (level == r.end() || !level->is_number_integer() || level->get<std::int64_t>() < 1 ||
        level->get<std::int64_t>() > 5)
        return "bad_level";
    if (auto t = r.find("tags"); t != r.end() && !t->is_null()) {
        if (!t->is_array() || t->size() > 16) return "bad_tags";
        for (const auto& x : *t)
            if (!x.is_string() || x.get<std::string>().size() > 64) return "bad_tags";
    }
    if (auto c = r.find("counter");
        c != r.end() && !c->is_null() &&
        (!c->is_number_integer() || c->get<std::int64_t>() < 0 || c->get<std::int64_t>() > kMaxCounter))
        return "bad_counter";
    for (const char* k : {"staff_id", "case_no", "item_id"})
        if (!isBoundedString(r, k, 128, false)) return std::string("bad_") + k;
    if (!isBoundedString(r, "comment", 2000, false)) return "bad_comment";
    if (r.dump().size() > kMaxRatingBytes) return "record_too_large";
    return {};
}

// ---- requests ----
Rejection caseQueryRejection(const nlohmann::json& body) {
    auto id = body.find("id_number");
    // 18 characters (resident cards, HK/Macao/Taiwan permits, 2023 foreign permanent resident
    // cards) or the 15-character 2017 foreign permanent resident card (issue 8.5).
    if (id == body.end() || !id->is_string() ||
        text::idNumberForm(id->get_ref<const std::string&>()) == text::IdNumberForm::Invalid)
        return reject("bad_id_number",
                      "id_number must be 17 digits and a check character (0-9 or X), or a 2017 "
                      "foreign permanent resident card number (3 capital letters and 12 digits)");
    return std::nullopt;
}

Rejection complaintRejection(const nlohmann::json& complaint, const std::set<std::string>& categories) {
    if (std::string e = complaintError(complaint, categories); !e.empty())
        return reject(e, "complaint rejected: " + e +
                             (e == "bad_content" ? " (10..500 characters written, not only blanks)" : ""));
    return std::nullopt;
}

Rejection trackingNumberRejection(const std::string& trackingNo, const std::string& terminal,
                                  const char* field) {
    const std::string prefix = terminal + "-";
    bool ok = !terminal.empty() && trackingNo.starts_with(prefix) && trackingNo.size() > prefix.size() &&
              trackingNo.size() <= prefix.size() + 12;
    for (size_t i = prefix.size(); ok && i < trackingNo.size(); ++i)
        ok = trackingNo[i] >= '0' && trackingNo[i] <= '9';
    if (ok) return std::nullopt;
    return reject("foreign_tracking_no",
                  std::string(field) +
                      " must be this terminal's id (from its certificate), '-' and up to 12 digits",
                  422);
}

Rejection suggestionRejection(const nlohmann::json& suggestion) {
    if (std::string e = suggestionError(suggestion); !e.empty())
        return reject(e, "suggestion rejected: " + e +
                             (e == "bad_title"     ? " (1..60 characters, not only blanks)"
                              : e == "bad_content" ? " (10..2000 characters, not only blanks)"
                                                   : ""));
    return std::nullopt;
}

Rejection caseByNumberRejection(const nlohmann::json& body) {
    if (!isBoundedString(body, "case_no", 64))
        return reject("bad_case_no", "case_no (1..64 bytes) is required");
    auto last4 = body.find("phone_last4");
    bool ok = last4 != body.end() && last4->is_string() && last4->get_ref<const std::string&>().size() == 4;
    for (size_t i = 0; ok && i < 4; ++i)
        ok = std::isdigit(static_cast<unsigned char>(last4->get_ref<const std::string&>()[i])) != 0;
    if (!ok)
        return reject("bad_phone_last4", "phone_last4 must be the last 4 digits of the applicant's phone");
    return std::nullopt;
}

Rejection complaintProgressRejection(const nlohmann::json& body) {
    if (!isBoundedString(body, "tracking_no", 64) || !isBoundedString(body, "verify_code", 16))
        return reject("bad_request", "tracking_no and verify_code are required");
    return std::nullopt;
}

Rejection ratingsBatchRejection(const nlohmann::json& body) {
    auto list = body.find("ratings");
    if (list == body.end() || !list->is_array() || list->empty() ||
        list->size() > common::kMaxRatingsPerBatch)
        return reject("bad_batch", "ratings must be an array of 1.." +
                                       std::to_string(common::kMaxRatingsPerBatch) + " records");
    return std::nullopt;
}

Rejection heartbeatRejection(std::size_t bodyBytes) {
    if (bodyBytes > kMaxHeartbeatBytes)
        return reject("payload_too_large", "heartbeat larger than 16 KiB", 413);
    return std::nullopt;
}

Rejection enrolmentRejection(const nlohmann::json& body) {
    if (!isBoundedString(body, "code", 64) || !isBoundedString(body, "csr", 16384))
        return reject("bad_enrolment", "code and csr (PEM) are required");
    return std::nullopt;
}

Rejection csrRejection(const std::string& csrPem) {
    if (!common::loadCsrPem(csrPem)) return reject("bad_csr", "csr is not a PEM certificate request");
    return std::nullopt;
}

Rejection ratingRequestRejection(const nlohmann::json& body) {
    auto counter = body.find("counter");
    if (counter == body.end() || !counter->is_number_integer() || counter->get<std::int64_t>() < 1 ||
        counter->get<std::int64_t>() > kMaxCounter)
        return reject("bad_counter",
                      "counter (window number 1.." + std::to_string(kMaxCounter) + ") is required");
    for (const char* k : {"case_no", "item_id", "item_name", "staff_id"})
        if (!isBoundedString(body, k, 128, false))
            return reject(std::string("bad_") + k, std::string(k) + " must be a short string");
    return std::nullopt;
}

nlohmann::json ratingRequestEvent(const nlohmann::json& body, const std::string& terminal) {
    nlohmann::json event = {{"counter", body.at("counter")}, {"requested_by", terminal}};
    for (const char* k : {"case_no", "item_id", "item_name", "staff_id"})
        if (auto it = body.find(k); it != body.end() && it->is_string()) event[k] = *it;
    return event;
}

Rejection parseEventsQuery(const EventsQueryText& text, EventsQuery* out) {
    *out = EventsQuery{};
    try { // std::sto*: leading blanks and trailing text are accepted, as they always were
        if (text.after) out->after = std::stoll(*text.after);
        if (text.wait) out->wait = std::stoi(*text.wait);
        if (text.counter) out->counter = std::stoi(*text.counter);
    } catch (const std::exception&) {
        return reject("bad_request", "after, wait and counter must be integers");
    }
    return std::nullopt;
}

// ---- terminal identity ----
std::string terminalIdOf(X509* peer, long verifyResult, X509* caCert) {
    if (!peer || !caCert || verifyResult != X509_V_OK) return {};
    // Belt and braces: the leaf must be signed by our CA key (the enrolment bypass never passes this).
    if (X509_verify(peer, X509_get0_pubkey(caCert)) != 1) return {};
    std::string cn = common::commonNameOf(peer);
    return cn == common::kEnrolmentCommonName ? std::string() : cn;
}

} // namespace kiosk::central
