// Reader service worker. Sections: event names · lifecycle · worker (connection state machine, card
// presence tracking, polling). Checklist: see ReaderService.h.
#include "drivers/idcard/ReaderService.h"

#include "drivers/idcard/PhotoDecoder.h"
#include "drivers/idcard/ReaderSession.h"
#include "drivers/idcard/SerialPort.h"

#include <chrono>
#include <optional>

namespace kiosk::idcard {

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

void ReaderService::run() {
    SerialPort port;
    ReaderSession session(port);
    PhotoDecoder decoder;
    Link link = Link::Unknown;
    bool disconnectAnnounced = false; // ReaderDisconnected sent and no ReaderConnected since
    std::string samId;
    std::optional<TrackedCard> held;
    std::optional<std::pair<ErrorKind, std::uint8_t>> lastError;

    if (!settings_.photoDecoderPath.empty()) {
        std::string err;
        if (!decoder.load(settings_.photoDecoderPath, err))
            emit(ReaderFault{makeError(ErrorKind::PhotoDecoderFailed, err)});
    }

    auto reportError = [&](const ReaderError& e) {
        const auto key = std::make_pair(e.kind, e.sw3);
        if (lastError && *lastError == key) return;
        lastError = key;
        emit(ReaderFault{e});
    };
    auto goDisconnected = [&](const std::string& detail) {
        port.close();
        held.reset();
        if (!disconnectAnnounced) emit(ReaderDisconnected{detail});
        disconnectAnnounced = true;
        link = Link::Disconnected;
        lastError.reset();
    };
    // Common handling of a failed step: returns after updating the link state.
    auto fail = [&](const ReaderError& e) {
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
    };

    // After a failed read: is the card still in the field? A read that fails because the card left
    // (SW3 41, a truncated or damaged answer) is not a reader fault. Link-level failures are not asked.
    auto liftedDuringRead = [&](const ReaderError& e) {
        if (e.kind == ErrorKind::Disconnected || e.kind == ErrorKind::Timeout || e.kind == ErrorKind::IoError)
            return false;
        auto sel = session.selectCard();
        return sel.ok() && !sel.value();
    };

    // Reads the card now on the reader (already selected) and reports it once.
    auto readAndReport = [&]() -> bool {
        held->attempts++;
        held->lastAttempt = std::chrono::steady_clock::now();
        if (!held->reported) emit(CardReading{});
        auto card = session.readCard(settings_.readFingerprint);
        if (!card) {
            if (!held->reported && liftedDuringRead(card.error())) {
                held.reset(); // gone: a card placed again is a new card, read at once
                emit(CardReadAborted{});
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
            emit(CardRemoved{});
        }
        held->reported = true;
        held->attempts = 0;
        held->idNumber = card.value().idNumber;
        card.value().samId = samId;
        if (decoder.loaded()) {
            if (auto rgb = decoder.decode(card.value().photo)) card.value().photoRgb = std::move(*rgb);
        }
        emit(CardPresented{std::move(card.value())});
        return true;
    };

    // One poll cycle; returns true when it completed without error.
    auto pollOnce = [&]() -> bool {
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
                if (wasReported) emit(CardRemoved{});
            }
            return true;
        }
        const CardSerial serial = *sel.value();
        const bool sameCard = held && (!answeredFind || (held->serialKnown && held->serial == serial));
        if (sameCard) {
            if (held->reported) return true; // read once: not again
            const auto now = std::chrono::steady_clock::now();
            if (held->attempts >= kQuickReadAttempts && now - held->lastAttempt < kSlowRetry) return true;
            return readAndReport();
        }
        if (held && !held->serialKnown && isZero(serial)) {
            // A reader without card serials that keeps answering find: reading decides (same ID number =
            // same card, not reported again). Failed reads back off as above.
            const auto now = std::chrono::steady_clock::now();
            if (!held->reported && held->attempts >= kQuickReadAttempts &&
                now - held->lastAttempt < kSlowRetry)
                return true;
        } else {
            if (held && held->reported) emit(CardRemoved{}); // a different card replaced it
            held.emplace();
            held->serial = serial;
            held->serialKnown = !isZero(serial);
        }
        return readAndReport();
    };

    while (waitFor(0)) {
        if (!port.isOpen()) {
            std::string err;
            if (!port.open(settings_.port, settings_.baud, err)) {
                goDisconnected(err);
                if (!waitFor(settings_.reconnectIntervalMs)) break;
                continue;
            }
            link = Link::Unknown; // opened: not ready until the SAM answers
        }
        if (port.hungUp()) {
            goDisconnected(settings_.port + ": device hung up or vanished");
            continue;
        }
        if (link != Link::Ready) {
            auto st = session.samStatus();
            if (!st) {
                fail(st.error());
                if (!waitFor(settings_.reconnectIntervalMs)) break;
                continue;
            }
            // The SAM id is informative: a reader that does not answer 12 FF properly still reads cards.
            Result<std::string> id = session.samId();
            if (!id && id.error().kind == ErrorKind::Disconnected) {
                fail(id.error());
                if (!waitFor(settings_.reconnectIntervalMs)) break;
                continue;
            }
            samId = id ? id.value() : std::string();
            link = Link::Ready;
            lastError.reset();
            disconnectAnnounced = false;
            emit(ReaderConnected{samId});
        }
        bool isWanted;
        {
            std::lock_guard lock(mu_);
            isWanted = wanted_;
        }
        if (isWanted) {
            if (pollOnce()) lastError.reset();
            if (!port.isOpen()) continue; // disconnected: retry opening at once, then every interval
        }
        if (!waitFor(settings_.pollIntervalMs)) break;
    }
    port.close();
}

} // namespace kiosk::idcard
