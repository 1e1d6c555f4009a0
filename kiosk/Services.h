// Services — the small interfaces flows use to reach devices and the network.
// Implementations run their work on worker threads and answer through the EventQueue;
// every call here returns at once (the UI thread never blocks on I/O).
#pragma once

#include "drivers/printer/Receipt.h"

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
