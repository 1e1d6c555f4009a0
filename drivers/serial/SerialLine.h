// SerialLine — the termios set-up both serial devices need (ID card reader, receipt printer):
// raw 8 data bits, no parity, 1 stop bit, no echo or line editing, non-blocking reads (VMIN = VTIME = 0),
// the given speed, and the flow control the device wants. Shared by drivers/idcard and drivers/printer,
// which otherwise know nothing of each other.
#pragma once

#include <termios.h>

#include <optional>
#include <string>

namespace kiosk::serial {

enum class FlowControl { None, RtsCts, XonXoff };

// The termios speed for a baud rate (1200 .. 921600), nothing for an unsupported one.
std::optional<speed_t> baudToSpeed(int baud);

// Configures an open tty. Returns "" on success, else what failed with errno's text
// ("not a serial port: Inappropriate ioctl for device", "unsupported baud rate 12345" ...).
std::string configureRaw8N1(int fd, int baud, FlowControl flow = FlowControl::None);

} // namespace kiosk::serial
