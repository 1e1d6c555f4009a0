#include "kiosk/CentralCaseQuery.h"

#include "kiosk/SecureWipe.h"

#include <nlohmann/json.hpp>

namespace kiosk {

namespace {

// A request body holding an ID number, wiped however the job ends (run, or dropped at shutdown).
struct WipedBody {
    std::string text;
    ~WipedBody() { secureWipe(text); }
};

} // namespace

CentralCaseQuery::CentralCaseQuery(offline::HttpsSettings settings, EventQueue& events)
    : events_(events), client_(std::make_unique<offline::HttpsClient>(std::move(settings))) {
    client_->setAbortFlag(&stopping_);
}

CentralCaseQuery::~CentralCaseQuery() {
    stopping_ = true; // a request in flight ends now instead of at its time-out; worker_ then joins
}

void CentralCaseQuery::queryCases(std::uint64_t requestId, const std::string& idNumber) {
    auto body = std::make_shared<WipedBody>();
    body->text = nlohmann::json{{"id_number", idNumber}}.dump();
    worker_.post([this, requestId, body] {
        const offline::HttpResult r = client_->postJson("/api/v1/cases/query", body->text);
        if (!stopping_) events_.push(caseQueryOutcome(requestId, r));
    });
}

CaseQueryFinished caseQueryOutcome(std::uint64_t requestId, const offline::HttpResult& r) {
    CaseQueryFinished ev;
    ev.requestId = requestId;
    if (!r.transportOk()) {
        ev.outcome = QueryOutcome::Offline;
        ev.detail = r.error.empty() ? "no response from the central server" : r.error;
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
