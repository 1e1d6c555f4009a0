// Sync protocol helpers (see SyncProtocol.h).
//
// Sections: requests | responses | status classes | back-off
#include "offline/SyncProtocol.h"

#include "common/WireProtocol.h"

#include <algorithm>

namespace kiosk::offline {

// ---- requests ----
nlohmann::json recordEnvelope(const OutboxRecord& record) {
    nlohmann::json j = record.payload.is_object() ? record.payload : nlohmann::json::object();
    j["id"] = record.id;
    j["seq"] = record.seq;
    j["created_ms"] = record.createdMs;
    return j;
}

// ---- responses ----
std::optional<std::vector<BatchItemResult>> parseBatchResults(std::string_view body) {
    nlohmann::json doc = nlohmann::json::parse(body, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
    auto results = doc.find("results");
    if (results == doc.end() || !results->is_array()) return std::nullopt;
    std::vector<BatchItemResult> out;
    for (const auto& r : *results) {
        if (!r.is_object()) continue;
        auto id = r.find("id");
        auto status = r.find("status");
        if (id == r.end() || !id->is_string() || status == r.end() || !status->is_string()) continue;
        BatchItemResult item;
        item.id = id->get<std::string>();
        std::string s = status->get<std::string>();
        if (s == common::kBatchStored)
            item.status = BatchItemResult::Status::Stored;
        else if (s == common::kBatchDuplicate)
            item.status = BatchItemResult::Status::Duplicate;
        else if (s == common::kBatchRejected)
            item.status = BatchItemResult::Status::Rejected;
        else
            continue; // unknown status: treat as not answered (the record is retried)
        if (auto res = r.find("result"); res != r.end()) item.result = res->dump();
        if (item.status == BatchItemResult::Status::Rejected) {
            long code = 400;
            if (auto h = r.find("http_status"); h != r.end() && h->is_number_integer()) code = h->get<long>();
            nlohmann::json err = {{"error", r.contains("error") ? r.at("error") : nlohmann::json(nullptr)}};
            item.error = describeHttpError(code, err.dump());
        }
        out.push_back(std::move(item));
    }
    return out;
}

std::string describeHttpError(long status, std::string_view body) {
    std::string out = "HTTP " + std::to_string(status);
    nlohmann::json doc = nlohmann::json::parse(body, nullptr, false);
    if (!doc.is_discarded() && doc.is_object()) {
        auto err = doc.find("error");
        if (err != doc.end() && err->is_object()) {
            if (auto c = err->find("code"); c != err->end() && c->is_string())
                out += " " + c->get<std::string>();
            if (auto m = err->find("message"); m != err->end() && m->is_string())
                out += ": " + m->get<std::string>();
        }
    }
    if (out.size() > 200) out.resize(200);
    return out;
}

// ---- status classes ----
StatusClass classifyStatus(long status) {
    if (status >= 200 && status < 300) return StatusClass::Accepted;
    if (status == 0 || status >= 500 || status == 408 || status == 425 || status == 429 || status == 401 ||
        status == 403 || status == 404)
        return StatusClass::Retry;
    if (status >= 400) return StatusClass::Reject;
    return StatusClass::Retry; // 1xx/3xx are not part of the protocol: try again later
}

// ---- back-off ----
std::int64_t Backoff::nextDelayMs(long retryAfterS) {
    std::int64_t ceiling = baseMs_;
    for (int i = 0; i < failures_ && ceiling < capMs_; ++i)
        ceiling *= 2;
    ceiling = std::min(ceiling, capMs_);
    ++failures_;
    std::uniform_int_distribution<std::int64_t> dist(0, std::max<std::int64_t>(0, ceiling));
    std::int64_t delay = dist(rng_);
    if (retryAfterS > 0) delay = std::max(delay, std::min<std::int64_t>(retryAfterS, 3600) * 1000);
    return delay;
}

} // namespace kiosk::offline
