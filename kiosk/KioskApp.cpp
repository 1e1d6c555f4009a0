#include "kiosk/KioskApp.h"

#include "kiosk/CentralCaseQuery.h"
#include "kiosk/IdCardReader.h"

namespace kiosk {

namespace {

// Counter pads have no card reader; the hall flow still needs the interface.
struct NoCardReader : CardReaderControl {
    void setCardWanted(bool) override {}
};

} // namespace

KioskApp::KioskApp(const config::KioskConfig& c) : config_(c) {
    if (c.terminal.mode == config::Mode::Hall && !c.idcard.port.empty()) {
        idcard::ReaderSettings rs;
        rs.port = c.idcard.port;
        rs.baud = c.idcard.baud;
        rs.pollIntervalMs = c.idcard.pollIntervalMs;
        rs.photoDecoderPath = c.idcard.photoDecoder;
        reader_ = std::make_unique<IdCardReader>(rs, events_);
    } else {
        reader_ = std::make_unique<NoCardReader>();
    }
    offline::HttpsSettings hs;
    hs.baseUrl = c.server.url;
    hs.caFile = c.server.caFile;
    hs.certFile = c.server.certFile;
    hs.keyFile = c.server.keyFile;
    hs.pinnedPubkey = c.server.pinnedPubkey;
    hs.connectTimeoutMs = c.server.connectTimeoutS * 1000;
    hs.totalTimeoutMs = c.server.requestTimeoutS * 1000;
    cases_ = std::make_unique<CentralCaseQuery>(hs, events_);
    HallFlowSettings fs;
    fs.idleTimeout = std::chrono::seconds(c.terminal.idleTimeoutS);
    fs.idleWarning = std::chrono::seconds(c.terminal.idleWarningS);
    hall_ = std::make_unique<HallFlow>(fs, *reader_, *cases_);
}

KioskApp::~KioskApp() {
    // Workers first (they push into events_), then the flows they report to.
    cases_.reset();
    reader_.reset();
}

int KioskApp::pump(TimePoint now) {
    std::vector<AppEvent> events = events_.drain();
    for (const AppEvent& e : events)
        hall_->handle(e, now);
    for (AppEvent& e : events) {
        if (auto* p = std::get_if<CardPresented>(&e)) p->citizen.wipe();
    }
    hall_->tick(now);
    return static_cast<int>(events.size());
}

} // namespace kiosk
