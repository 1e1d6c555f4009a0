#include "kiosk/CentralCaseQuery.h"

#include "common/WireProtocol.h"
#include "kiosk/SecureWipe.h"
#include "text/IdNumber.h"

#include <nlohmann/json.hpp>

namespace kiosk {

namespace {

// The "code" of a JSON error body ({"error": {"code": ...}}), empty when there is none.
std::string errorCode(const std::string& body) {
    const nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
    if (!j.is_object() || !j.contains("error") || !j["error"].is_object()) return {};
    const auto code = j["error"].find("code");
    return code != j["error"].end() && code->is_string() ? code->get<std::string>() : std::string();
}

// A request body holding an ID number, wiped however the job ends (run, or dropped at shutdown).
struct WipedBody {
    std::string text;
    ~WipedBody() { secureWipe(text); }
};

} // namespace

CentralCaseQuery::CentralCaseQuery(offline::HttpsSettings settings, EventQueue& events, Logger& log)
    : events_(events), state_(log, "cases"),
      client_(std::make_unique<offline::HttpsClient>(std::move(settings))) {
    client_->setAbortFlag(&stopping_);
}

CentralCaseQuery::~CentralCaseQuery() {
    stopping_ = true; // a request in flight ends now instead of at its time-out; worker_ then joins
}

void CentralCaseQuery::queryCases(std::uint64_t requestId, const std::string& idNumber) {
    if (text::idNumberForm(idNumber) == text::IdNumberForm::Invalid) {
        // Not a number the server looks cases up by (the same rule it applies): say so at once
        // instead of a round trip that ends in "try again" (issue 8.5).
        CaseQueryFinished ev;
        ev.requestId = requestId;
        ev.outcome = QueryOutcome::IdNotAccepted;
        ev.detail = "the card's number is not an 18-character or 15-character ID number; not sent";
        events_.push(std::move(ev));
        return;
    }
    auto body = std::make_shared<WipedBody>();
    body->text = nlohmann::json{{"id_number", idNumber}}.dump();
    worker_.post([this, requestId, body] {
        const offline::HttpResult r = client_->postJson(common::api::kCasesQuery, body->text);
        if (stopping_) return;
        CaseQueryFinished ev = caseQueryOutcome(requestId, r);
        // The outcome kind is the state (the detail of one failure varies: "after 3 ms"); only the
        // technician detail is written, which never holds the request body.
        if (ev.outcome == QueryOutcome::Ok)
            state_.set("ok", LogLevel::Info, "the central server answers case queries");
        else
            state_.set("failed " + std::to_string(static_cast<int>(ev.outcome)), LogLevel::Warning,
                       "case query failed: " + ev.detail);
        events_.push(std::move(ev));
    });
}

void CentralCaseQuery::queryCaseByNumber(std::uint64_t requestId, const std::string& caseNo,
                                         const std::string& phoneLast4) {
    auto body = std::make_shared<WipedBody>();
    body->text = nlohmann::json{{"case_no", caseNo}, {"phone_last4", phoneLast4}}.dump();
    worker_.post([this, requestId, body] {
        const offline::HttpResult r = client_->postJson(common::api::kCasesByNumber, body->text);
        if (stopping_) return;
        CaseQueryFinished ev = caseQueryOutcome(requestId, r);
        if (ev.outcome == QueryOutcome::Offline || ev.outcome == QueryOutcome::ServerError)
            state_.set("failed " + std::to_string(static_cast<int>(ev.outcome)), LogLevel::Warning,
                       "case query by number failed: " + ev.detail);
        events_.push(std::move(ev));
    });
}

CaseQueryFinished caseQueryOutcome(std::uint64_t requestId, const offline::HttpResult& r) {
    CaseQueryFinished ev;
    ev.requestId = requestId;
    if (!r.transportOk()) {
        ev.outcome = QueryOutcome::Offline;
        ev.detail = r.error.empty() ? "no response from the central server" : r.error;
    } else if (r.status == 400 && errorCode(r.body) == "bad_id_number") {
        // An older central server that knows only 18-character numbers answers a 2017 foreign
        // permanent resident card like this: a plain message, never a 重试 that fails again.
        ev.outcome = QueryOutcome::IdNotAccepted;
        ev.detail = "central server does not accept this card's number (HTTP 400 bad_id_number)";
    } else if (r.status == 404) {
        ev.outcome = QueryOutcome::NotFound; // by number: unknown number and wrong digits alike
        ev.detail = "no case with this number and phone digits (HTTP 404)";
    } else if (r.status == 429 || r.status == 503) {
        ev.outcome = QueryOutcome::Busy;
        ev.detail = "central server busy (HTTP " + std::to_string(r.status) + ")";
    } else if (r.status != 200) {
        ev.outcome = QueryOutcome::ServerError;
        ev.detail = "central server answered HTTP " + std::to_string(r.status);
    } else {
        CaseQueryParse parsed = parseCaseQueryResponse(r.body);
        if (!parsed.error.empty()) {
            ev.outcome = QueryOutcome::ServerError;
            ev.detail = "central server sent an invalid case list: " + parsed.error;
        } else {
            ev.outcome = QueryOutcome::Ok;
            ev.cases = std::move(parsed.cases);
        }
    }
    return ev;
}

} // namespace kiosk
