// CentralComplaintProgress (see the header).
//
// Sections: pure outcomes | the service
#include "kiosk/CentralComplaintProgress.h"

#include "common/WireProtocol.h"
#include "kiosk/SecureWipe.h"

namespace kiosk {

// ---- pure outcomes ----
std::optional<ComplaintProgressFinished> outboxProgress(std::uint64_t requestId,
                                                        const std::vector<offline::OutboxRecord>& records,
                                                        const std::string& trackingNo,
                                                        const std::string& verifyCode) {
    for (const offline::OutboxRecord& r : records) {
        if (r.kind != "complaint" || r.trackingNo != trackingNo || !r.payload.is_object()) continue;
        auto code = r.payload.find("verify_code");
        if (code == r.payload.end() || !code->is_string() || code->get<std::string>() != verifyCode) continue;
        ComplaintProgressFinished ev;
        ev.requestId = requestId;
        ev.outcome =
            r.state == "rejected" ? ProgressOutcome::RefusedByServer : ProgressOutcome::WaitingUpload;
        ev.progress.trackingNo = r.trackingNo;
        ev.progress.category = r.payload.value("category", std::string());
        ev.progress.createdMs = r.createdMs;
        ev.detail = r.state == "rejected" ? "the central server refused this complaint: " + r.lastError : "";
        return ev;
    }
    return std::nullopt;
}

ComplaintProgressFinished complaintProgressOutcome(std::uint64_t requestId, const offline::HttpResult& r) {
    ComplaintProgressFinished ev;
    ev.requestId = requestId;
    if (!r.transportOk()) {
        ev.outcome = ProgressOutcome::Offline;
        ev.detail = r.error.empty() ? "no response from the central server" : r.error;
    } else if (r.status == 404) {
        ev.outcome = ProgressOutcome::NotFound; // unknown number and wrong code alike
    } else if (r.status == 429 || r.status == 503) {
        ev.outcome = ProgressOutcome::Busy;
        ev.detail = "central server busy or rate limit reached (HTTP " + std::to_string(r.status) + ")";
    } else if (r.status != 200) {
        ev.outcome = ProgressOutcome::ServerError;
        ev.detail = "central server answered HTTP " + std::to_string(r.status);
    } else {
        ComplaintProgressParse parsed = parseComplaintProgress(r.body);
        if (!parsed.error.empty()) {
            ev.outcome = ProgressOutcome::ServerError;
            ev.detail = "central server sent an invalid progress answer: " + parsed.error;
        } else {
            ev.outcome = ProgressOutcome::Found;
            ev.progress = std::move(parsed.progress);
        }
    }
    return ev;
}

// ---- the service ----
namespace {
struct WipedText {
    std::string text;
    ~WipedText() { secureWipe(text); }
};
} // namespace

CentralComplaintProgress::CentralComplaintProgress(offline::HttpsSettings settings, offline::StorePaths store,
                                                   std::string terminalId, EventQueue& events, Logger& log)
    : events_(events), state_(log, "complaint-progress"), storePaths_(std::move(store)),
      terminalId_(std::move(terminalId)),
      client_(std::make_unique<offline::HttpsClient>(std::move(settings))) {
    client_->setAbortFlag(&stopping_);
}

CentralComplaintProgress::~CentralComplaintProgress() {
    stopping_ = true;
}

std::optional<ComplaintProgressFinished> CentralComplaintProgress::fromOutbox(std::uint64_t requestId,
                                                                              const std::string& trackingNo,
                                                                              const std::string& verifyCode) {
    try {
        if (!store_) store_ = std::make_unique<offline::OfflineStore>(storePaths_, terminalId_);
        // Only a record still holding its payload can match: a pending or rejected one (a sent
        // record's payload is purged; the server answers for it).
        std::vector<offline::OutboxRecord> found;
        if (auto r = store_->recordWithTrackingNo(trackingNo)) found.push_back(std::move(*r));
        return outboxProgress(requestId, found, trackingNo, verifyCode);
    } catch (const std::exception& e) {
        state_.set("store", LogLevel::Warning,
                   std::string("outbox not readable for a follow-up: ") + e.what());
    }
    return std::nullopt;
}

void CentralComplaintProgress::follow(std::uint64_t requestId, const std::string& trackingNo,
                                      const std::string& verifyCode) {
    auto code = std::make_shared<WipedText>();
    code->text = verifyCode;
    worker_.post([this, requestId, trackingNo, code] {
        if (auto local = fromOutbox(requestId, trackingNo, code->text)) {
            events_.push(std::move(*local));
            return;
        }
        WipedText body;
        body.text = nlohmann::json{{"tracking_no", trackingNo}, {"verify_code", code->text}}.dump();
        const offline::HttpResult r = client_->postJson(common::api::kComplaintProgress, body.text);
        if (stopping_) return;
        ComplaintProgressFinished ev = complaintProgressOutcome(requestId, r);
        if (ev.outcome == ProgressOutcome::Offline || ev.outcome == ProgressOutcome::ServerError)
            state_.set("failed", LogLevel::Warning, "complaint follow-up failed: " + ev.detail);
        else
            state_.set("ok", LogLevel::Info, "the central server answers complaint follow-ups");
        events_.push(std::move(ev));
    });
}

} // namespace kiosk
