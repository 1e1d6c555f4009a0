#include "kiosk/CardReaderStatus.h"

namespace kiosk {

void CardReaderStatus::say(const std::string& key) {
    if (view_->messageKey != key) view_.edit().messageKey = key;
}

void CardReaderStatus::handle(const AppEvent& event, bool cardWanted) {
    if (const auto* st = std::get_if<ReaderStatusChanged>(&event)) {
        if (st->connected != view_->connected) view_.edit().connected = st->connected;
        say(st->messageKey);
        return;
    }
    if (!cardWanted) return; // a late event on a screen that asked for no card
    const std::string& key = view_->messageKey;
    if (std::holds_alternative<CardPresented>(event)) {
        if (key == "reader.error" || key == "reader.reading" || key == "reader.lifted")
            say("reader.place_card"); // it read fine now
    } else if (std::holds_alternative<CardReading>(event)) {
        say("reader.reading"); // 请勿移动证件
    } else if (const auto* lifted = std::get_if<CardReadAborted>(&event)) {
        say(lifted->messageKey); // place it again
    }
}

} // namespace kiosk
