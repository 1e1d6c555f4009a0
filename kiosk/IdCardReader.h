// IdCardReader — the GA 467 reader driver (drivers/idcard) seen from the app: CardReaderControl
// for the flows, AppEvents out. It keeps only what the session needs of a card (CitizenIdentity);
// the driver's full card (address, photo ...) is wiped as soon as it is converted.
#pragma once

#include "drivers/idcard/ReaderService.h"
#include "kiosk/EventQueue.h"
#include "kiosk/Services.h"

namespace kiosk {

class IdCardReader : public CardReaderControl {
public:
    IdCardReader(idcard::ReaderSettings settings, EventQueue& events);
    ~IdCardReader() override;

    void setCardWanted(bool wanted) override { service_.setWanted(wanted); }

private:
    EventQueue& events_;
    idcard::ReaderService service_;
};

// Driver event -> app event (pure; unit-tested). Returns false for events the app ignores.
bool toAppEvent(const idcard::ReaderEvent& in, AppEvent& out);

} // namespace kiosk
