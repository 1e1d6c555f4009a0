// CentralComplaintProgress — ComplaintProgressService: this terminal's outbox first (a complaint not
// uploaded yet is registered and waiting; one the server refused is kept for the technician), then
// the central server (POST /api/v1/complaints/progress), on a worker thread.
//
// The outbox answers only when the number AND the code match a record (the code is inside the
// encrypted payload), so it is no oracle either. Progress is online-only otherwise: nothing of it is
// cached on the terminal.
#pragma once

#include "kiosk/EventQueue.h"
#include "kiosk/Log.h"
#include "kiosk/Services.h"
#include "kiosk/WorkerThread.h"
#include "offline/HttpsClient.h"
#include "offline/OfflineStore.h"

#include <atomic>
#include <memory>
#include <optional>

namespace kiosk {

class CentralComplaintProgress : public ComplaintProgressService {
public:
    CentralComplaintProgress(offline::HttpsSettings settings, offline::StorePaths store,
                             std::string terminalId, EventQueue& events, Logger& log);
    ~CentralComplaintProgress() override;

    void follow(std::uint64_t requestId, const std::string& trackingNo,
                const std::string& verifyCode) override;

private:
    std::optional<ComplaintProgressFinished>
    fromOutbox(std::uint64_t requestId, const std::string& trackingNo, const std::string& verifyCode);

    EventQueue& events_;
    StateLog state_;
    offline::StorePaths storePaths_;
    std::string terminalId_;
    std::unique_ptr<offline::OfflineStore> store_; // opened on worker_ at first use
    std::atomic<bool> stopping_{false};
    std::unique_ptr<offline::HttpsClient> client_;
    WorkerThread worker_; // last: joined before the members it uses go
};

// The answer the citizen gets from an outbox record with this number and code (pure; unit-tested):
// pending → WaitingUpload, rejected → RefusedByServer, sent or no such record → nullopt (ask the server).
std::optional<ComplaintProgressFinished> outboxProgress(std::uint64_t requestId,
                                                        const std::vector<offline::OutboxRecord>& records,
                                                        const std::string& trackingNo,
                                                        const std::string& verifyCode);
// Maps the server's HTTP answer to the event (pure; unit-tested).
ComplaintProgressFinished complaintProgressOutcome(std::uint64_t requestId,
                                                   const offline::HttpResult& result);

} // namespace kiosk
