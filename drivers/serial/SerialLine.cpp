#include "drivers/serial/SerialLine.h"

#include <cerrno>
#include <cstring>

namespace kiosk::serial {

std::optional<speed_t> baudToSpeed(int baud) {
    switch (baud) {
    case 1200:
        return B1200;
    case 2400:
        return B2400;
    case 4800:
        return B4800;
    case 9600:
        return B9600;
    case 19200:
        return B19200;
    case 38400:
        return B38400;
    case 57600:
        return B57600;
    case 115200:
        return B115200;
    case 230400:
        return B230400;
    case 460800:
        return B460800;
    case 921600:
        return B921600;
    default:
        return std::nullopt;
    }
}

std::string configureRaw8N1(int fd, int baud, FlowControl flow) {
    const auto speed = baudToSpeed(baud);
    if (!speed) return "unsupported baud rate " + std::to_string(baud);
    termios tio{};
    if (::tcgetattr(fd, &tio) != 0) return std::string("not a serial port: ") + std::strerror(errno);
    ::cfmakeraw(&tio); // no echo, no line editing, no CR/LF mapping, 8 bits
    tio.c_cflag &= ~static_cast<tcflag_t>(PARENB | CSTOPB | CSIZE | CRTSCTS);
    tio.c_cflag |= CS8 | CLOCAL | CREAD;
    tio.c_iflag &= ~static_cast<tcflag_t>(IXON | IXOFF | IXANY);
    if (flow == FlowControl::RtsCts) tio.c_cflag |= CRTSCTS;
    if (flow == FlowControl::XonXoff) tio.c_iflag |= IXON | IXOFF;
    tio.c_cc[VMIN] = 0;
    tio.c_cc[VTIME] = 0;
    ::cfsetispeed(&tio, *speed);
    ::cfsetospeed(&tio, *speed);
    if (::tcsetattr(fd, TCSANOW, &tio) != 0)
        return std::string("cannot configure the port: ") + std::strerror(errno);
    return "";
}

} // namespace kiosk::serial
