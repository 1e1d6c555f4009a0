// CentralCaseQuery — CaseQueryService over HTTPS to the central server (POST /api/v1/cases/query, and
// /api/v1/cases/by-number for a case number with the applicant phone's last four digits).
// Case status is online-only (privacy: nothing of it is cached on the terminal); a failure is
// reported as Offline / Busy / ServerError so the screen can say which in plain words; a card number
// the server does not look cases up by (checked here first, or a 400 bad_id_number) is IdNotAccepted.
#pragma once

#include "kiosk/EventQueue.h"
#include "kiosk/Log.h"
#include "kiosk/Services.h"
#include "kiosk/WorkerThread.h"
#include "offline/HttpsClient.h"

#include <atomic>
#include <memory>

namespace kiosk {

class CentralCaseQuery : public CaseQueryService {
public:
    // Failures are logged with the technician detail (never the ID number), once per change of outcome.
    CentralCaseQuery(offline::HttpsSettings settings, EventQueue& events, Logger& log);
    ~CentralCaseQuery() override;

    void queryCases(std::uint64_t requestId, const std::string& idNumber) override;
    void queryCaseByNumber(std::uint64_t requestId, const std::string& caseNo,
                           const std::string& phoneLast4) override;

private:
    EventQueue& events_;
    StateLog state_;                               // used on worker_ only
    std::atomic<bool> stopping_{false};            // aborts a request in flight at shutdown
    std::unique_ptr<offline::HttpsClient> client_; // used only on worker_
    WorkerThread worker_;                          // last: joined before client_ goes
};

// Maps an HTTP result to the event the UI receives (pure; unit-tested).
// A 404 case_not_found (a case looked up by number) is NotFound.
CaseQueryFinished caseQueryOutcome(std::uint64_t requestId, const offline::HttpResult& result);

} // namespace kiosk
