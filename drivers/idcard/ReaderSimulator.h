// A GA 467 reader simulated on a pseudo-terminal: a thread owns the pty master and answers the real
// protocol for a SimCardSet, so the driver under test (or the kiosk's demo mode) runs its real code path
// against the pty slave exactly as against /dev/ttyUSB0.
//
// Sections: SimFault (kinds, parsing) · SimulatorOptions · ReaderSimulator (lifecycle, card, faults, plug).
// Checklist:
//   [x] answers reset, SAM status, SAM id, find, select, read 30 01 / 30 10, 30 03, set baud, set RF size;
//       a host frame with a bad checksum gets SW3 10, an unknown command SW3 21
//   [x] a card once read stops answering find until removed (like real readers; optional: keeps answering),
//       select keeps answering while it lies on the reader
//   [x] faults at run time: no card, checksum errors, truncated frames, SW3 error codes (per command),
//       silence, noise before frames; each for N answers or until cleared; a card lifted mid-read
//   [x] optional pacing at a baud rate (a pty has none: without pacing answers arrive at memory speed)
//   [x] hot-plug: unplug() closes the pty (the slave path vanishes), replug() opens a new one; an optional
//       stable symlink (like a udev /dev/idcard rule) follows the current slave
#pragma once

#include "drivers/idcard/SimCardSet.h"

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace kiosk::idcard {

// ---- SimFault ----
// Lift: the citizen lifts the card during its next read: that read answers SW3 41 (read card failed)
// and the card is gone from the reader afterwards (find 80, select 81).
enum class SimFaultKind { None, NoCard, Checksum, Truncated, Sw3, Silence, Noise, Lift };

struct SimFault {
    SimFaultKind kind = SimFaultKind::None;
    std::uint8_t sw3 = 0;   // Sw3: the status to answer with
    int commandFilter = -1; // -1 = any command; 0x00..0xFF = CMD byte; 0x100..0xFFFF = CMD<<8|PARA; see .cpp
    int count = 0;          // answers affected; 0 = until cleared
};

// Parses "none" | "no-card" | "checksum" | "truncated" | "silence" | "noise" | "lift" |
//        "sw3 HEX [all|sam|status|samid|find|select|read|address|CMDHEX]", each optionally followed by
//        "xN" (only the next N answers). Default target for sw3 is "read" (30 01 / 30 10).
std::optional<SimFault> parseSimFault(std::string_view spec, std::string& error);
std::string describeSimFault(const SimFault& f);

// ---- SimulatorOptions ----
struct SimulatorOptions {
    bool haltAfterRead = true; // a read card stops answering find until removed (real reader behaviour)
    int paceBaud = 0;          // > 0: write answers no faster than this baud (8N1)
    std::string linkPath;      // optional symlink kept pointing at the current pty slave
    std::array<std::uint8_t, 16> samIdBytes{0x05, 0x00, 0x01, 0x00, 0x03, 0xB3, 0x34, 0x01,
                                            0x87, 0xD6, 0x12, 0x00, 0xB1, 0x68, 0xDE, 0x3A};
};

// ---- ReaderSimulator ----
class ReaderSimulator {
public:
    explicit ReaderSimulator(SimCardSet cards, SimulatorOptions options = {});
    ReaderSimulator(const ReaderSimulator&) = delete;
    ReaderSimulator& operator=(const ReaderSimulator&) = delete;
    ~ReaderSimulator();

    // Opens the pty and starts the thread; false with `error` on failure.
    bool start(std::string& error);
    void stop();
    // The path the driver opens: the symlink if configured, else the pty slave ("" while unplugged).
    std::string portPath() const;
    std::string slavePath() const;

    bool present(std::string_view cardName); // false if unknown; replaces any card on the reader
    void remove();
    std::vector<std::string> cardNames() const;
    std::optional<std::string> presentCard() const;

    void setFault(SimFault fault);
    SimFault fault() const;

    void unplug();
    bool replug(std::string& error);

    std::size_t framesAnswered() const { return answered_.load(); }
    // How many host frames with this CMD PARA arrived (whatever the answer).
    std::size_t commandCount(std::uint8_t cmd, std::uint8_t para) const;
    std::size_t bytesWritten() const { return written_.load(); }

private:
    bool openPty(std::string& error);
    void closePty();
    void run();
    std::vector<std::uint8_t> answer(const std::vector<std::uint8_t>& body, bool badChecksum);
    void send(std::vector<std::uint8_t> frame, int masterFd);

    SimCardSet cards_;
    SimulatorOptions options_;
    mutable std::mutex mu_;
    int master_ = -1;
    int heldSlave_ = -1; // keeps the slave side open so the master never sees a hang-up between clients
    std::string slavePath_;
    int wakeFd_ = -1;
    bool stopping_ = false;
    const SimCard* card_ = nullptr;
    bool halted_ = false;
    SimFault fault_;
    std::uint32_t noiseState_ = 0x1234567u;
    std::map<std::uint16_t, std::size_t> commandCounts_;
    std::thread thread_;
    std::atomic<std::size_t> answered_{0};
    std::atomic<std::size_t> written_{0};
};

} // namespace kiosk::idcard
