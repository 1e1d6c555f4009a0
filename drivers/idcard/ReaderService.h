// The card reader service: a worker thread that keeps the reader connected, polls for cards while the
// UI asks for one, and reports events through a callback (called on the worker thread).
//
// Sections: settings | service (lifecycle, wanted flag)
// The worker state machine is in the .cpp.
// Checklist:
//   [x] start() / stop() (joins, idempotent, also from the destructor) / setWanted(bool)
//   [x] connect: SAM status + SAM id -> ReaderConnected; open failure / hang-up -> ReaderDisconnected,
//       then re-open every reconnectIntervalMs (hot-plug); back -> ReaderConnected
//   [x] silence -> ReaderFault(timeout), handshake retried, ReaderConnected when it answers again
//   [x] poll find -> select -> read (30 01, or 30 10 when readFingerprint) -> 30 03 (all types; SW3 91 =
//       none)
//   [x] a card left on the reader is read once: identified by its 8-byte select serial; removal is
//       detected by a failing select and reported once (ReaderRemoved); a different serial = new card
//   [x] errors deduplicated: the same error is reported once until a poll succeeds again
//   [x] CardReading before each read of a card not yet reported; a read that fails with the card gone
//       (select answers "no card") is CardReadAborted, not a fault, and nothing of the card is kept
//   [x] optional photo decoder (dlopen), decoded pixels put in IdCard::photoRgb
//   [x] no personal data in any event detail
#pragma once

#include "drivers/idcard/ReaderEvent.h"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace kiosk::idcard {

// ---- settings ----
struct ReaderSettings {
    std::string port; // /dev/ttyUSB0, /dev/ttyACM0, /dev/idcard, a pty slave ...
    int baud = 115200;
    int pollIntervalMs = 300;       // find-card polling while wanted
    std::string photoDecoderPath;   // vendor libwlt2bmp.so-like library; empty = no decoding
    bool readFingerprint = false;   // read with 30 10 instead of 30 01
    int reconnectIntervalMs = 1000; // re-open / re-handshake period while disconnected or silent
};

// ---- service ----
class ReaderService {
public:
    using EventCallback = std::function<void(const ReaderEvent&)>;

    ReaderService(ReaderSettings settings, EventCallback onEvent);
    ReaderService(const ReaderService&) = delete;
    ReaderService& operator=(const ReaderService&) = delete;
    ~ReaderService();

    void start();
    void stop();
    // Poll for cards only while true (a screen is asking for a card). Takes effect immediately.
    void setWanted(bool wanted);
    bool wanted() const;

private:
    struct Worker; // the worker thread's state machine (ReaderService.cpp)
    void run();
    // Sleeps up to ms; returns early on stop() or a change of `wanted`. Returns false when stopping.
    bool waitFor(int ms);
    void emit(ReaderEvent e);

    ReaderSettings settings_;
    EventCallback onEvent_;
    mutable std::mutex mu_;
    std::condition_variable cv_;
    bool stopping_ = false;
    bool wanted_ = false;
    unsigned wantedGeneration_ = 0;
    std::thread worker_;
};

} // namespace kiosk::idcard
