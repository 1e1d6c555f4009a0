// IdCardReader — the GA 467 reader driver (drivers/idcard) seen from the app: CardReaderControl
// for the flows, AppEvents out. It keeps only what the session needs of a card (CitizenIdentity);
// the driver's full card (address, photo ...) is wiped as soon as it is converted.
// Reader state changes (connected, disconnected, error, reading again) are logged once each, without
// anything of a card.
#pragma once

#include "drivers/idcard/ReaderService.h"
#include "kiosk/EventQueue.h"
#include "kiosk/Log.h"
#include "kiosk/Services.h"

namespace kiosk {

class IdCardReader : public CardReaderControl {
public:
    IdCardReader(idcard::ReaderSettings settings, EventQueue& events, Logger& log);
    ~IdCardReader() override;

    void setCardWanted(bool wanted) override { service_.setWanted(wanted); }

private:
    void logState(const idcard::ReaderEvent& e); // on the reader's thread

    EventQueue& events_;
    std::string port_;
    StateLog state_;                // used on the reader's thread only
    idcard::ReaderService service_; // last: its thread calls the members above
};

// Driver event -> app event (pure; unit-tested). Returns false for events the app ignores.
bool toAppEvent(const idcard::ReaderEvent& in, AppEvent& out);

} // namespace kiosk
