// Printer status from the real-time DLE EOT 1..4 replies, with a "can print" verdict and messages.
//
// Sections: PrinterStatus (bits, canPrint verdict, messages: Chinese for citizens, detail for
// technicians) · decodeStatus (four reply bytes) · statusToJson.
// Checklist:
//   [x] every documented bit of DLE EOT 1 (printer), 2 (offline cause), 3 (error cause), 4 (roll paper)
//   [x] reply bytes validated ((b & 0x93) == 0x12); an invalid byte makes the status "not answered"
//   [ ] Automatic Status Back (GS a): byte layout differs between vendors, not used
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace kiosk::printer {

// ---- PrinterStatus ----
struct PrinterStatus {
    bool answered = false;             // all four replies received and well-formed
    std::array<std::uint8_t, 4> raw{}; // replies to DLE EOT 1..4 as received

    // DLE EOT 1
    bool offline = false;
    bool waitingForOnlineRecovery = false;
    bool feedButtonPressed = false;
    // DLE EOT 2
    bool coverOpen = false;
    bool paperFedByButton = false;
    bool stoppedOnPaperEnd = false;
    bool errorOccurred = false;
    // DLE EOT 3
    bool recoverableError = false;
    bool cutterError = false;
    bool unrecoverableError = false;
    bool autoRecoverableError = false;
    // DLE EOT 4
    bool paperNearEnd = false;
    bool paperOut = false;

    bool online() const { return answered && !offline; }
    // The verdict the queue uses before a job: answered, online, no paper end, no cover open, no error.
    bool canPrint() const;
    // One short sentence in plain Chinese for the citizen's screen ("" when all is well).
    std::string citizenMessageZh() const;
    // Every set condition, comma-separated, with the raw bytes, for the technician and the logs.
    std::string technicianDetail() const;

    bool operator==(const PrinterStatus&) const = default;
};

// ---- decodeStatus ----
// True if b has the fixed bits of a DLE EOT reply (bits 1 and 4 set, bits 0 and 7 clear).
inline bool isStatusReplyByte(std::uint8_t b) {
    return (b & 0x93) == 0x12;
}

PrinterStatus decodeStatus(const std::array<std::uint8_t, 4>& replies);

// ---- statusToJson ----
std::string statusToJson(const PrinterStatus& s);

} // namespace kiosk::printer
