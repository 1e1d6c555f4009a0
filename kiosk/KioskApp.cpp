#include "kiosk/KioskApp.h"

#include "kiosk/CentralCaseQuery.h"
#include "kiosk/IdCardReader.h"
#include "kiosk/ReceiptPrinter.h"
#include "kiosk/SyncSettingsFromConfig.h"
#include "offline/SyncEngine.h"

namespace kiosk {

namespace {

// Counter pads have no card reader; the hall flow still needs the interface.
struct NoCardReader : CardReaderControl {
    void setCardWanted(bool) override {}
};

// [printer] uri = "none": no print buttons.
struct NoPrinter : PrintService {
    bool available() const override { return false; }
    std::uint64_t print(printer::Receipt) override { return 0; }
};

} // namespace

KioskApp::KioskApp(const config::KioskConfig& c)
    : config_(c), strings_(StringTable::load(c.terminal.language)) {
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
    // The same HTTPS settings as the sync engine (one mapping: TLS file defaults, URL clean-up).
    cases_ = std::make_unique<CentralCaseQuery>(syncSettingsFor(c).https, events_);
    if (c.printer.uri != "none" && !c.printer.uri.empty()) {
        printer::PrinterSettings ps;
        ps.uri = c.printer.uri;
        ps.paperWidthMm = c.printer.paperWidthMm;
        ps.timeoutMs = c.printer.timeoutMs;
        printer::SlipRenderOptions preview;
        preview.paperWidthMm = c.printer.paperWidthMm;
        preview.fontPath = c.ui.fontPath;
        preview.fontFaceIndex = c.ui.fontIndex;
        printer_ = std::make_unique<ReceiptPrinter>(ps, preview, events_);
    } else {
        printer_ = std::make_unique<NoPrinter>();
    }
    HallFlowSettings fs;
    fs.idleTimeout = std::chrono::seconds(c.terminal.idleTimeoutS);
    fs.idleWarning = std::chrono::seconds(c.terminal.idleWarningS);
    fs.terminalId = c.terminal.id;
    hall_ = std::make_unique<HallFlow>(fs, *reader_, *cases_, *printer_, strings_);

    // The sync engine: uploads the outbox, sends heartbeats with device health, refreshes the catalog.
    offline::SyncSettings ss = syncSettingsFor(c);
    auto* receiptPrinter = dynamic_cast<ReceiptPrinter*>(printer_.get());
    ss.deviceStatus = [this, receiptPrinter]() {
        nlohmann::json d = {{"idcard_reader", readerConnected_.load() ? "connected" : "disconnected"}};
        if (receiptPrinter)
            d["printer"] = nlohmann::json::parse(printer::statusToJson(receiptPrinter->queue().lastStatus()));
        else
            d["printer"] = "none";
        return d;
    };
    sync_ = std::make_unique<offline::SyncEngine>(ss, [this](const offline::SyncEvent& e) {
        if (e.kind == offline::SyncEvent::Kind::Status) {
            events_.push(SyncStatusChanged{e.online, e.pending, e.rejected, e.lastSyncMs, e.error});
        }
    });
    sync_->start();
}

KioskApp::~KioskApp() {
    // Workers first (they push into events_), then the flows they report to.
    sync_.reset();
    printer_.reset();
    cases_.reset();
    reader_.reset();
}

int KioskApp::pump(TimePoint now) {
    std::vector<AppEvent> events = events_.drain();
    for (const AppEvent& e : events) {
        if (const auto* sync = std::get_if<SyncStatusChanged>(&e)) syncStatus_ = *sync;
        if (const auto* reader = std::get_if<ReaderStatusChanged>(&e)) readerConnected_ = reader->connected;
        hall_->handle(e, now);
    }
    for (AppEvent& e : events) {
        if (auto* p = std::get_if<CardPresented>(&e)) p->citizen.wipe();
    }
    hall_->tick(now);
    if (hall_->idleTimeouts() != timeoutsSeen_) {
        // The next citizen starts in the terminal's own language.
        timeoutsSeen_ = hall_->idleTimeouts();
        setLanguage(config_.terminal.language);
    }
    return static_cast<int>(events.size());
}

} // namespace kiosk
