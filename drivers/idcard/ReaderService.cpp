// Reader service worker. Checklist: see ReaderService.h.
//
// Sections: event names | lifecycle | card tracking | worker (connection state machine, card presence
// tracking, polling)
#include "drivers/idcard/ReaderService.h"

#include "drivers/idcard/PhotoDecoder.h"
#include "drivers/idcard/ReaderSession.h"
#include "drivers/idcard/SerialPort.h"

#include <chrono>
#include <optional>

namespace kiosk::idcard {

// ---- event names ----
const char* readerEventName(const ReaderEvent& e) {
    switch (e.index()) {
    case 0:
        return "card_presented";
    case 1:
        return "card_removed";
    case 2:
        return "reader_error";
    case 3:
        return "connected";
    case 4:
        return "disconnected";
    case 5:
        return "card_reading";
    case 6:
        return "card_read_aborted";
    }
    return "?";
}

// ---- lifecycle ----
ReaderService::ReaderService(ReaderSettings settings, EventCallback onEvent)
    : settings_(std::move(settings)), onEvent_(std::move(onEvent)) {}

ReaderService::~ReaderService() {
    stop();
}

void ReaderService::start() {
    std::lock_guard lock(mu_);
    if (worker_.joinable()) return;
    stopping_ = false;
    worker_ = std::thread([this] { run(); });
}

void ReaderService::stop() {
    {
        std::lock_guard lock(mu_);
        stopping_ = true;
    }
    cv_.notify_all();
    if (worker_.joinable() && worker_.get_id() != std::this_thread::get_id()) worker_.join();
}

void ReaderService::setWanted(bool wanted) {
    {
        std::lock_guard lock(mu_);
        if (wanted_ == wanted) return;
        wanted_ = wanted;
        ++wantedGeneration_;
    }
    cv_.notify_all();
}

bool ReaderService::wanted() const {
    std::lock_guard lock(mu_);
    return wanted_;
}

bool ReaderService::waitFor(int ms) {
    std::unique_lock lock(mu_);
    const unsigned gen = wantedGeneration_;
    cv_.wait_for(lock, std::chrono::milliseconds(ms), [&] { return stopping_ || wantedGeneration_ != gen; });
    return !stopping_;
}

void ReaderService::emit(ReaderEvent e) {
    if (!onEvent_) return;
    try {
        onEvent_(e);
    } catch (...) {
        // The application's callback must not kill the reader thread.
    }
}

// ---- card tracking ----
namespace {

enum class Link { Unknown, Disconnected, Silent, Ready };

// The card on the reader as the poller knows it.
struct TrackedCard {
    CardSerial serial{};
    bool serialKnown = false; // all-zero serials cannot tell cards apart
    bool reported = false;    // CardPresented sent (read once); false = its reads failed so far
    int attempts = 0;
    std::chrono::steady_clock::time_point lastAttempt{};
    std::string idNumber; // fallback identity when the serial is unknown (wiped)
    ~TrackedCard() { wipeString(idNumber); }
};

// A card that failed to read is retried at once up to this many times, then once a second while it lies
// on the reader (the citizen usually lifts and re-places it; the error is reported once).
constexpr int kQuickReadAttempts = 3;
constexpr auto kSlowRetry = std::chrono::milliseconds(1000);

bool isZero(const CardSerial& s) {
    for (auto b : s)
        if (b) return false;
    return true;
}

} // namespace

// ---- worker ----
// The worker thread's state and its steps: connecting (open, handshake), polling (find, select) and
// reading a card. Lives only on the worker thread, for one run().
struct ReaderService::Worker {
    explicit Worker(ReaderService& service) : svc(service), session(port) {}

    ReaderService& svc;
    SerialPort port;
    ReaderSession session;
    PhotoDecoder decoder;
    Link link = Link::Unknown;
    bool disconnectAnnounced = false; // ReaderDisconnected sent and no ReaderConnected since
    std::string samId;
    std::optional<TrackedCard> held;
    std::optional<std::pair<ErrorKind, std::uint8_t>> lastError;

    void loadPhotoDecoder();
    void reportError(const ReaderError& e);
    void goDisconnected(const std::string& detail);
    void fail(const ReaderError& e);
    bool liftedDuringRead(const ReaderError& e);
    bool readAndReport();
    bool backingOff() const;
    bool pollOnce();
    bool pollSelected(const CardSerial& serial, bool answeredFind);
    enum class Step { Ready, Retry, RetryLater };
    Step ensureOpen();
    Step ensureHandshake();
    void run();
};

void ReaderService::Worker::loadPhotoDecoder() {
    if (svc.settings_.photoDecoderPath.empty()) return;
    std::string err;
    if (!decoder.load(svc.settings_.photoDecoderPath, err))
        svc.emit(ReaderFault{makeError(ErrorKind::PhotoDecoderFailed, err)});
}

void ReaderService::Worker::reportError(const ReaderError& e) {
    const auto key = std::make_pair(e.kind, e.sw3);
    if (lastError && *lastError == key) return;
    lastError = key;
    svc.emit(ReaderFault{e});
}

void ReaderService::Worker::goDisconnected(const std::string& detail) {
    port.close();
    held.reset();
    if (!disconnectAnnounced) svc.emit(ReaderDisconnected{detail});
    disconnectAnnounced = true;
    link = Link::Disconnected;
    lastError.reset();
}

// Common handling of a failed step: returns after updating the link state.
void ReaderService::Worker::fail(const ReaderError& e) {
    if (e.kind == ErrorKind::Disconnected) {
        goDisconnected(e.detail);
    } else if (e.kind == ErrorKind::Timeout || e.kind == ErrorKind::IoError) {
        if (link != Link::Silent) {
            lastError.reset();
            reportError(e);
        }
        link = Link::Silent;
    } else {
        reportError(e);
    }
}

// After a failed read: is the card still in the field? A read that fails because the card left
// (SW3 41, a truncated or damaged answer) is not a reader fault. Link-level failures are not asked.
bool ReaderService::Worker::liftedDuringRead(const ReaderError& e) {
    if (e.kind == ErrorKind::Disconnected || e.kind == ErrorKind::Timeout || e.kind == ErrorKind::IoError)
        return false;
    auto sel = session.selectCard();
    return sel.ok() && !sel.value();
}

// Reads the card now on the reader (already selected) and reports it once.
bool ReaderService::Worker::readAndReport() {
    held->attempts++;
    held->lastAttempt = std::chrono::steady_clock::now();
    if (!held->reported) svc.emit(CardReading{});
    auto card = session.readCard(svc.settings_.readFingerprint);
    if (!card) {
        if (!held->reported && liftedDuringRead(card.error())) {
            held.reset(); // gone: a card placed again is a new card, read at once
            svc.emit(CardReadAborted{});
            return true; // the reader works; nothing to report as a fault
        }
        fail(card.error());
        return false;
    }
    auto extra = session.readAdditionalAddress();
    if (extra.ok() && extra.value()) card.value().additionalAddress = std::move(*extra.value());
    if (!extra.ok() && extra.error().kind == ErrorKind::Disconnected) {
        fail(extra.error());
        return false;
    }
    if (held->reported) {
        // Serial unknown and the reader keeps answering find: the same card is not reported again.
        if (held->idNumber == card.value().idNumber) return true;
        svc.emit(CardRemoved{});
    }
    held->reported = true;
    held->attempts = 0;
    held->idNumber = card.value().idNumber;
    card.value().samId = samId;
    if (decoder.loaded()) {
        if (auto rgb = decoder.decode(card.value().photo)) card.value().photoRgb = std::move(*rgb);
    }
    svc.emit(CardPresented{std::move(card.value())});
    return true;
}

// A held card whose reads keep failing is tried again only once per kSlowRetry.
bool ReaderService::Worker::backingOff() const {
    return held->attempts >= kQuickReadAttempts &&
           std::chrono::steady_clock::now() - held->lastAttempt < kSlowRetry;
}

// One poll cycle; returns true when it completed without error.
bool ReaderService::Worker::pollOnce() {
    auto found = session.findCard();
    if (!found) {
        fail(found.error());
        return false;
    }
    const bool answeredFind = found.value() == FindOutcome::CardFound;
    if (!answeredFind && !held) return true;
    // Either a card answered find, or we track one that may have stopped answering find after its
    // read (readers halt a card once read until it is lifted): select tells whether one is there.
    auto sel = session.selectCard();
    if (!sel) {
        fail(sel.error());
        return false;
    }
    if (!sel.value()) { // select failed: no card in the field
        if (held) {
            const bool wasReported = held->reported;
            held.reset();
            if (wasReported) svc.emit(CardRemoved{});
        }
        return true;
    }
    return pollSelected(*sel.value(), answeredFind);
}

// A card is in the field with this select serial: the held one, or a new one to read.
bool ReaderService::Worker::pollSelected(const CardSerial& serial, bool answeredFind) {
    const bool sameCard = held && (!answeredFind || (held->serialKnown && held->serial == serial));
    if (sameCard) {
        if (held->reported) return true; // read once: not again
        if (backingOff()) return true;
        return readAndReport();
    }
    if (held && !held->serialKnown && isZero(serial)) {
        // A reader without card serials that keeps answering find: reading decides (same ID number =
        // same card, not reported again). Failed reads back off as above.
        if (!held->reported && backingOff()) return true;
    } else {
        if (held && held->reported) svc.emit(CardRemoved{}); // a different card replaced it
        held.emplace();
        held->serial = serial;
        held->serialKnown = !isZero(serial);
    }
    return readAndReport();
}

// Opens the port if it is closed. Ready when open; RetryLater after a failed open.
ReaderService::Worker::Step ReaderService::Worker::ensureOpen() {
    if (!port.isOpen()) {
        std::string err;
        if (!port.open(svc.settings_.port, svc.settings_.baud, err)) {
            goDisconnected(err);
            return Step::RetryLater;
        }
        link = Link::Unknown; // opened: not ready until the SAM answers
    }
    if (port.hungUp()) {
        goDisconnected(svc.settings_.port + ": device hung up or vanished");
        return Step::Retry;
    }
    return Step::Ready;
}

// SAM status and id until the reader answers; ReaderConnected once it does.
ReaderService::Worker::Step ReaderService::Worker::ensureHandshake() {
    if (link == Link::Ready) return Step::Ready;
    auto st = session.samStatus();
    if (!st) {
        fail(st.error());
        return Step::RetryLater;
    }
    // The SAM id is informative: a reader that does not answer 12 FF properly still reads cards.
    Result<std::string> id = session.samId();
    if (!id && id.error().kind == ErrorKind::Disconnected) {
        fail(id.error());
        return Step::RetryLater;
    }
    samId = id ? id.value() : std::string();
    link = Link::Ready;
    lastError.reset();
    disconnectAnnounced = false;
    svc.emit(ReaderConnected{samId});
    return Step::Ready;
}

void ReaderService::Worker::run() {
    loadPhotoDecoder();
    while (svc.waitFor(0)) {
        Step step = ensureOpen();
        if (step == Step::Ready) step = ensureHandshake();
        if (step == Step::Retry) continue;
        if (step == Step::RetryLater) {
            if (!svc.waitFor(svc.settings_.reconnectIntervalMs)) break;
            continue;
        }
        if (svc.wanted()) {
            if (pollOnce()) lastError.reset();
            if (!port.isOpen()) continue; // disconnected: retry opening at once, then every interval
        }
        if (!svc.waitFor(svc.settings_.pollIntervalMs)) break;
    }
    port.close();
}

void ReaderService::run() {
    Worker(*this).run();
}

} // namespace kiosk::idcard
