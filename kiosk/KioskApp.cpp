#include "kiosk/KioskApp.h"

#include "common/PrivateFiles.h"
#include "kiosk/CentralCaseQuery.h"
#include "kiosk/CentralComplaintProgress.h"
#include "kiosk/GooglePinyinEngine.h"
#include "kiosk/HallTime.h"
#include "kiosk/HallVocabulary.h"
#include "kiosk/IdCardReader.h"
#include "kiosk/KioskOutbox.h"
#include "kiosk/ReceiptPrinter.h"
#include "kiosk/SyncAdapter.h"
#include "kiosk/SyncSettingsFromConfig.h"
#include "offline/SyncEngine.h"

#include <filesystem>

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

KioskApp::KioskApp(const config::KioskConfig& c, Logger& log)
    : config_(c), log_(log), syncLog_(log, "sync"), storeLog_(log, "store"),
      strings_(StringTable::load(c.terminal.language)) {
    // Times on screen and paper are the hall's, not the machine's TZ (issue 8.6); before any worker.
    const HallTimeZoneLoad zone = loadHallTimeZone(c.terminal.timeZone);
    setHallTimeZone(zone.zone);
    if (!zone.warning.empty()) log_.warning("time", zone.warning);
    checkStateAndEnrolment(); // before any worker touches the state directory
    if (c.terminal.mode == config::Mode::Hall && !c.idcard.port.empty()) {
        idcard::ReaderSettings rs;
        rs.port = c.idcard.port;
        rs.baud = c.idcard.baud;
        rs.pollIntervalMs = c.idcard.pollIntervalMs;
        rs.photoDecoderPath = c.idcard.photoDecoder;
        reader_ = std::make_unique<IdCardReader>(rs, events_, log_);
    } else {
        reader_ = std::make_unique<NoCardReader>();
    }
    // The same HTTPS settings as the sync engine (one mapping: TLS file defaults, URL clean-up).
    cases_ = std::make_unique<CentralCaseQuery>(syncSettingsFor(c).https, events_, log_);
    if (c.printer.uri != "none" && !c.printer.uri.empty()) {
        printer::PrinterSettings ps;
        ps.uri = c.printer.uri;
        ps.paperWidthMm = c.printer.paperWidthMm;
        ps.timeoutMs = c.printer.timeoutMs;
        printer::SlipRenderOptions preview;
        preview.paperWidthMm = c.printer.paperWidthMm;
        preview.fontPath = c.ui.fontPath;
        preview.fontFaceIndex = c.ui.fontIndex;
        printer_ = std::make_unique<ReceiptPrinter>(ps, preview, events_, log_);
    } else {
        printer_ = std::make_unique<NoPrinter>();
    }
    const std::string dictionary = c.ui.pinyinDictionary.empty()
                                       ? std::string(GooglePinyinEngine::kDefaultDictionary)
                                       : c.ui.pinyinDictionary;
    pinyin_ = std::make_unique<PinyinService>(
        events_, [dictionary] { return std::make_unique<GooglePinyinEngine>(dictionary); });
    // Citizens' records: committed by the writer thread, then the sync engine is woken to upload.
    // (sync_ is built below, before any citizen can submit anything.)
    outbox_ = std::make_unique<KioskOutbox>(offline::StorePaths::in(c.terminal.stateDir), c.terminal.id,
                                            events_, log_, [this] {
                                                if (sync_) sync_->wake();
                                            });
    complaintProgress_ = std::make_unique<CentralComplaintProgress>(
        syncSettingsFor(c).https, offline::StorePaths::in(c.terminal.stateDir), c.terminal.id, events_, log_);
    TerminalSettings ts;
    ts.flows = c.terminal.mode == config::Mode::Counter ? FlowSet::Counter : FlowSet::Hall;
    ts.session.idleTimeout = std::chrono::seconds(c.terminal.idleTimeoutS);
    ts.session.idleWarning = std::chrono::seconds(c.terminal.idleWarningS);
    ts.session.language = c.terminal.language;
    ts.terminalId = c.terminal.id;
    ts.complaintHandlingDays = c.complaint.handlingDays;
    stringsLanguage_ = c.terminal.language;
    terminal_ = std::make_unique<Terminal>(ts, TerminalServices{*reader_, *cases_, *printer_, strings_,
                                                                *pinyin_, *outbox_, *complaintProgress_});

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
    // On the sync thread: every event the engine reports becomes an app event (kiosk/SyncAdapter),
    // handled on the UI thread like the devices' events.
    sync_ = std::make_unique<offline::SyncEngine>(
        ss, [this](const offline::SyncEvent& e) { events_.push(toAppEvent(e)); });
    sync_->start();
}

void KioskApp::checkStateAndEnrolment() {
    const config::KioskConfig& c = config_;
    std::string why;
    if (!common::ensurePrivateDir(c.terminal.stateDir, &why)) log_.warning("state", why);
    // Enrolment writes these three; without them no request to the server can succeed, and the
    // technician would otherwise only see "offline".
    const offline::SyncSettings s = syncSettingsFor(c);
    std::string missing;
    for (const std::string* f : {&s.https.certFile, &s.https.keyFile, &s.https.caFile}) {
        std::error_code ec;
        if (!std::filesystem::exists(*f, ec)) missing += (missing.empty() ? "" : ", ") + *f;
    }
    if (!missing.empty()) {
        log_.error("enrolment",
                   "not enrolled: " + missing +
                       " missing; enrol this terminal with `kioskctl enroll --config FILE --server URL "
                       "--code CODE`");
    }
}

std::uint64_t KioskApp::requestUpload() {
    return sync_ ? sync_->wake() : 0;
}

void KioskApp::logSync(const SyncStatusChanged& s) {
    // Reachable or not is the state; the error text of one outage varies from cycle to cycle.
    if (s.online) {
        syncLog_.set("online", LogLevel::Notice,
                     "central server reachable (" + std::to_string(s.pending) + " records waiting)");
    } else if (!s.error.empty()) {
        // Offline without an error is the engine's first word, before it has tried: not an outage.
        syncLog_.set("offline", LogLevel::Warning, "central server unreachable: " + s.error);
    }
}

void KioskApp::checkConnection(const CaseQueryFinished& q) {
    // The case query just reached the server, or just failed to: if the connection state on screen
    // says otherwise, the sync engine checks now rather than at its next heartbeat (up to 60 s later).
    // Only Ok and Offline say something about the connection (IdNotAccepted may not have left the
    // terminal; Busy and ServerError are the server's answer, already reflected by the heartbeat).
    if (!sync_ || !syncStatus_) return;
    if (q.outcome != QueryOutcome::Ok && q.outcome != QueryOutcome::Offline) return;
    if ((q.outcome == QueryOutcome::Ok) != syncStatus_->online) sync_->checkNow();
}

KioskApp::~KioskApp() {
    // Workers first (they push into events_), then the flows they report to. The outbox first of
    // all: it finishes committing what a citizen submitted, and wakes the engine while it exists.
    outbox_.reset();
    complaintProgress_.reset();
    sync_.reset();
    printer_.reset();
    cases_.reset();
    reader_.reset();
}

void KioskApp::setLanguage(std::string_view language) {
    terminal_->session().setLanguage(std::string(language));
    followSessionLanguage();
}

void KioskApp::followSessionLanguage() {
    const std::string& wanted = terminal_->session().language();
    if (wanted == stringsLanguage_) return;
    strings_ = StringTable::load(wanted); // the flows hold a reference to strings_: it stays valid
    stringsLanguage_ = wanted;
    ++changes_;
}

void KioskApp::note(const AppEvent& e) {
    if (const auto* sync = std::get_if<SyncStatusChanged>(&e)) {
        // Only reachable or not is shown (the footer); a heartbeat that changes nothing is not a frame.
        if (!syncStatus_ || syncStatus_->online != sync->online) ++changes_;
        syncStatus_ = *sync;
        logSync(*sync);
    }
    if (const auto* reader = std::get_if<ReaderStatusChanged>(&e)) readerConnected_ = reader->connected;
    if (const auto* catalog = std::get_if<CatalogChanged>(&e)) {
        if (!(catalog->contacts == contacts_)) ++changes_;
        contacts_ = catalog->contacts;
        pinyin_->setVocabulary("catalog", catalog->vocabulary);
        terminal_->setServiceItems(catalog->serviceItems); // before the guide hears of the change
        terminal_->setCatalogDirectory(catalog->directory);
        std::vector<std::string> names;
        for (const ServiceItem& item : terminal_->serviceItems())
            names.push_back(item.name);
        pinyin_->indexInitials(std::move(names)); // the guide's initials search, off this thread
    }
    // Not shown by the hall terminal; the counter pad's screen will count it (issue 13).
    if (const auto* roster = std::get_if<RosterChanged>(&e)) {
        roster_ = roster->roster;
        pinyin_->setVocabulary("roster", vocabularyFromRoster(roster_));
        terminal_->setStaff(roster->staff);
    }
    if (const auto* initials = std::get_if<ServiceInitialsReady>(&e))
        terminal_->setServiceInitials(*initials);
    if (const auto* pinyin = std::get_if<PinyinEngineStatus>(&e); pinyin && !pinyin->available)
        log_.warning("keyboard", "pinyin input unavailable: " + pinyin->detail);
    if (const auto* store = std::get_if<StoreProblemReported>(&e))
        storeLog_.set(store->detail, LogLevel::Error, "the offline store failed: " + store->detail);
    if (const auto* rejected = std::get_if<RecordRejected>(&e))
        log_.warning("sync", "the central server refused a record: " + rejected->error);
    if (std::holds_alternative<RatingRequested>(e))
        log_.info("sync", "a rating request arrived (the counter pad's rating flow is issue 13)");
    if (const auto* query = std::get_if<CaseQueryFinished>(&e)) checkConnection(*query);
}

int KioskApp::pump(TimePoint now) {
    Navigator& navigator = terminal_->navigator();
    std::vector<AppEvent> events = events_.drain();
    for (const AppEvent& e : events) {
        note(e);
        navigator.handle(e, now);
    }
    for (AppEvent& e : events) {
        if (auto* p = std::get_if<CardPresented>(&e)) p->citizen.wipe();
    }
    navigator.tick(now);
    if (navigator.idleTimeouts() != timeoutsSeen_) {
        timeoutsSeen_ = navigator.idleTimeouts();
        log_.info("session", "citizen session ended after " + std::to_string(config_.terminal.idleTimeoutS) +
                                 " s without a touch");
    }
    followSessionLanguage(); // a time-out gives the next citizen the terminal's own language
    return static_cast<int>(events.size());
}

} // namespace kiosk
