// Serial transport through termios: 8N1, raw mode, no flow control, configurable baud, reads with
// time-outs. Works the same on /dev/ttyUSB*, /dev/ttyACM* and a pseudo-terminal slave.
//
// Sections: wire time · SerialPort (open/close, write, read with time-out, flush, hang-up check).
// Checklist:
//   [x] open O_NOCTTY|O_NONBLOCK|O_CLOEXEC, exclusive (flock: "in use by another program"), raw 8N1,
//       CLOCAL|CREAD, no RTS/CTS, no XON/XOFF
//   [x] standard bauds 1200..921600; an unsupported baud is a clear error
//   [x] read/write with poll() time-outs; EIO/ENXIO/POLLHUP reported as a hang-up (device vanished)
//   [x] a port path that no longer exists is reported as a hang-up too (USB unplug, pty closed)
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include <termios.h>

namespace kiosk::idcard {

// ---- wire time ----
// Time the given number of bytes takes on the wire at 8N1 (10 bits a byte), in microseconds.
double wireTimeUs(std::size_t bytes, int baud);

enum class IoStatus { Ok, Timeout, HangUp, Error };

// ---- SerialPort ----
class SerialPort {
public:
    SerialPort() = default;
    SerialPort(const SerialPort&) = delete;
    SerialPort& operator=(const SerialPort&) = delete;
    ~SerialPort() { close(); }

    // Opens and configures the port; on failure returns false with a technician-readable `error`.
    bool open(const std::string& path, int baud, std::string& error);
    void close();
    bool isOpen() const { return fd_ >= 0; }
    const std::string& path() const { return path_; }
    int baud() const { return baud_; }

    // Writes everything within `timeoutMs`.
    IoStatus writeAll(std::span<const std::uint8_t> bytes, int timeoutMs, std::string& error);
    // Waits up to `timeoutMs` for bytes, then returns what is available (n > 0) or a status.
    IoStatus readSome(std::uint8_t* buf, std::size_t cap, int timeoutMs, std::size_t& n, std::string& error);
    // Discards unread input (stale bytes of an earlier answer).
    void flushInput();
    // Non-blocking check: true when the device hung up or its path vanished.
    bool hungUp();

private:
    int fd_ = -1;
    int baud_ = 115200;
    std::string path_;
};

} // namespace kiosk::idcard
