// Byte transports to a receipt printer, chosen by a URI in config, with a time-out on every read and write.
//
// Sections: PrinterUri · TransportError · parsePrinterUri · PrinterTransport (interface) ·
// openPrinterTransport · queryStatus (DLE EOT 1..4 over a transport).
// Checklist:
//   [x] usb:/dev/usb/lp0 (usblp, read-write, replies read back with poll())
//   [x] serial:/dev/ttyS0?baud=9600[&flow=none|rtscts|xonxoff] (raw 8N1)
//   [x] tcp://HOST:9100 (raw socket, non-blocking connect with time-out, no SIGPIPE)
//   [x] file:/path (capture: append-only, write-only, no status)
//   [x] time-out = no progress for timeoutMs (so a long job over 9600 baud is not cut off while it moves)
//   [ ] Automatic Status Back, USB printer-class GET_PORT_STATUS ioctl
#pragma once

#include "drivers/printer/PrinterStatus.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>

namespace kiosk::printer {

// ---- PrinterUri ----
struct PrinterUri {
    enum class Scheme { Usb, Serial, Tcp, File };
    Scheme scheme = Scheme::File;
    std::string path; // device or file path (usb, serial, file)
    std::string host; // tcp
    int port = 9100;  // tcp
    int baud = 9600;  // serial
    enum class Flow { None, RtsCts, XonXoff } flow = Flow::None;
};

// ---- TransportError ----
enum class TransportErrorKind { BadUri, OpenFailed, Timeout, Io, Closed };

class TransportError : public std::runtime_error {
public:
    TransportError(TransportErrorKind kind, const std::string& detail)
        : std::runtime_error(detail), kind_(kind) {}
    TransportErrorKind kind() const { return kind_; }

private:
    TransportErrorKind kind_;
};

// ---- parsePrinterUri ----
// Throws TransportError(BadUri) with the reason.
PrinterUri parsePrinterUri(const std::string& uri);

// ---- PrinterTransport ----
class PrinterTransport {
public:
    virtual ~PrinterTransport() = default;
    // Writes everything or throws TransportError (Timeout when no byte moves for the time-out, Io, Closed).
    virtual void write(std::span<const std::uint8_t> data) = 0;
    // Reads up to n bytes; returns 0 if none arrive within timeoutMs; throws on I/O error or peer close.
    virtual std::size_t read(std::uint8_t* buf, std::size_t n, int timeoutMs) = 0;
    // Discards bytes already waiting (stale status replies).
    virtual void drainInput() = 0;
    // False for file capture: nothing can be read back, so there is no status.
    virtual bool canReadStatus() const = 0;
    virtual std::string describe() const = 0;
};

// ---- openPrinterTransport ----
// Opens (connects) the transport. timeoutMs bounds the connect and every later read/write.
std::unique_ptr<PrinterTransport> openPrinterTransport(const std::string& uri, int timeoutMs);

// ---- queryStatus ----
// Sends DLE EOT 1..4 one by one and decodes the replies. A missing or malformed reply gives a status with
// answered == false (it never throws for a silent printer; it throws TransportError for I/O errors).
PrinterStatus queryStatus(PrinterTransport& transport, int timeoutMs);

} // namespace kiosk::printer
