// Events the ReaderService sends to the application (from its worker thread).
// Checklist: [x] card presented (parsed card) [x] card removed [x] reader error [x] connected (SAM id)
//            [x] disconnected (reason) [x] card reading (a card is there, its read starts)
//            [x] card read aborted (the card left the reader during its read: nothing was read)
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
// A card was found and its read starts (about 0.1 s at 115200 baud, over a second at 9600): the screen
// asks the citizen not to move it. Sent before every read attempt of a card not yet reported.
struct CardReading {};
// The read failed and the card is no longer on the reader: it was lifted mid-read. Nothing of it was
// read; no ReaderFault is sent for that read (the reader is fine), the citizen is asked to place it again.
struct CardReadAborted {};
struct ReaderFault {
    ReaderError error; // code (kind + sw3), Chinese message, technician detail
};
struct ReaderConnected {
    std::string samId;
};
struct ReaderDisconnected {
    std::string detail; // technician detail (port path, errno text)
};

using ReaderEvent = std::variant<CardPresented, CardRemoved, ReaderFault, ReaderConnected, ReaderDisconnected,
                                 CardReading, CardReadAborted>;

// "card_presented" | "card_removed" | "reader_error" | "connected" | "disconnected" | "card_reading" |
// "card_read_aborted"
const char* readerEventName(const ReaderEvent& e);

} // namespace kiosk::idcard
