// Services — the small interfaces flows use to reach devices and the network.
// Implementations run their work on worker threads and answer through the EventQueue;
// every call here returns at once (the UI thread never blocks on I/O).
#pragma once

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

} // namespace kiosk
