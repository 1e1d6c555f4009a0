// CardReaderStatus — what the screens say about the ID card reader: connected or not, and the words
// for the citizen (请放置证件, 正在读取，请勿移动证件, 证件已移开 ...), from the reader's events.
//
// Terminal state, not the citizen's: it survives sessions (nothing to wipe). The words about a card
// being read change only while a flow waits for a card; connected / disconnected always.
#pragma once

#include "kiosk/AppEvent.h"
#include "kiosk/Watched.h"

#include <cstdint>
#include <string>

namespace kiosk {

struct CardReaderView {
    bool connected = false;
    std::string messageKey = "reader.connecting"; // string-table key
};

class CardReaderStatus {
public:
    const CardReaderView& view() const { return view_.get(); }
    // `cardWanted`: the open flow waits for a card (events about a card elsewhere change nothing).
    void handle(const AppEvent& event, bool cardWanted);
    std::uint64_t revision() const { return view_.revision(); }

private:
    void say(const std::string& key);

    Watched<CardReaderView> view_;
};

} // namespace kiosk
