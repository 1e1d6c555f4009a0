// Events the ReaderService sends to the application (from its worker thread).
// Checklist: [x] card presented (parsed card) [x] card removed [x] reader error [x] connected (SAM id)
//            [x] disconnected (reason)
#pragma once

#include "drivers/idcard/IdCard.h"
#include "drivers/idcard/ReaderError.h"

#include <string>
#include <variant>

namespace kiosk::idcard {

struct CardPresented {
    IdCard card; // wiped when the event is destroyed; the app copies what it needs and wipes it later
};
struct CardRemoved {};
struct ReaderFault {
    ReaderError error; // code (kind + sw3), Chinese message, technician detail
};
struct ReaderConnected {
    std::string samId;
};
struct ReaderDisconnected {
    std::string detail; // technician detail (port path, errno text)
};

using ReaderEvent =
    std::variant<CardPresented, CardRemoved, ReaderFault, ReaderConnected, ReaderDisconnected>;

// "card_presented" | "card_removed" | "reader_error" | "connected" | "disconnected"
const char* readerEventName(const ReaderEvent& e);

} // namespace kiosk::idcard
