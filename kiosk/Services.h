// Services — the small interfaces flows use to reach devices and the network.
// Implementations run their work on worker threads and answer through the EventQueue;
// every call here returns at once (the UI thread never blocks on I/O).
#pragma once

#include "drivers/printer/Receipt.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace kiosk {

class CardReaderControl {
public:
    virtual ~CardReaderControl() = default;
    // Poll the reader only while a screen waits for a card.
    virtual void setCardWanted(bool wanted) = 0;
};

class CaseQueryService {
public:
    virtual ~CaseQueryService() = default;
    // Answers later with CaseQueryFinished{requestId}. The implementation wipes its copy of idNumber.
    virtual void queryCases(std::uint64_t requestId, const std::string& idNumber) = 0;
    // One case by its number and the applicant phone's last four digits (no card). Answers later
    // with CaseQueryFinished{requestId}: one case, or NotFound for an unknown number or wrong digits.
    virtual void queryCaseByNumber(std::uint64_t requestId, const std::string& caseNo,
                                   const std::string& phoneLast4) = 0;
};

// The durable outbox (offline/StoreWriter): what a citizen submits is committed before the screen
// says it was received, and uploaded by the sync engine whenever the network allows.
class OutboxService {
public:
    virtual ~OutboxService() = default;
    // `kind` is "complaint" or "suggestion". Answers later with RecordCommitted{requestId}; the
    // implementation wipes its copy of the payload once committed.
    virtual void submit(std::uint64_t requestId, std::string kind, nlohmann::json payload) = 0;
};

// 投诉查询: a complaint's progress by tracking number and verification code. This terminal's outbox
// is asked first (a complaint not uploaded yet is registered and waiting), then the central server.
class ComplaintProgressService {
public:
    virtual ~ComplaintProgressService() = default;
    // Answers later with ComplaintProgressFinished{requestId}.
    virtual void follow(std::uint64_t requestId, const std::string& trackingNo,
                        const std::string& verifyCode) = 0;
};

class PrintService {
public:
    virtual ~PrintService() = default;
    // False when the terminal has no printer (the screens then offer no print button).
    virtual bool available() const = 0;
    // Queues the receipt; answers later with PrintFinished{jobId}. Never blocks.
    virtual std::uint64_t print(printer::Receipt receipt) = 0;
};

} // namespace kiosk
