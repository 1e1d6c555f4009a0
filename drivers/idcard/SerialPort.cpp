// termios serial port. Sections: wire time · open/configure (drivers/serial) · I/O · hang-up detection.
// Checklist: see SerialPort.h.
#include "drivers/idcard/SerialPort.h"

#include "drivers/serial/SerialLine.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::idcard {

// ---- wire time ----
double wireTimeUs(std::size_t bytes, int baud) {
    return baud > 0 ? static_cast<double>(bytes) * 10.0 * 1e6 / baud : 0.0;
}

// ---- open/configure ----
bool SerialPort::open(const std::string& path, int baud, std::string& error) {
    close();
    if (!serial::baudToSpeed(baud)) {
        error = "unsupported baud rate " + std::to_string(baud);
        return false;
    }
    const int fd = ::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        error = "cannot open " + path + ": " + std::strerror(errno);
        return false;
    }
    // A second program must not talk to the reader at the same time. flock (not TIOCEXCL): the kernel
    // drops it when the process dies, so a killed kioskctl never leaves the port locked.
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK) {
        error = path + " is in use by another program";
        ::close(fd);
        return false;
    }
    if (const std::string why = serial::configureRaw8N1(fd, baud); !why.empty()) {
        error = path + ": " + why;
        ::close(fd);
        return false;
    }
    ::tcflush(fd, TCIOFLUSH);
    fd_ = fd;
    baud_ = baud;
    path_ = path;
    return true;
}

void SerialPort::close() {
    if (fd_ >= 0) ::close(fd_); // also releases the flock
    fd_ = -1;
}

// ---- I/O ----
static bool isHangUpErrno(int e) {
    return e == EIO || e == ENXIO || e == ENODEV || e == EBADF;
}

IoStatus SerialPort::writeAll(std::span<const std::uint8_t> bytes, int timeoutMs, std::string& error) {
    if (fd_ < 0) {
        error = "port not open";
        return IoStatus::Error;
    }
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t w = ::write(fd_, bytes.data() + done, bytes.size() - done);
        if (w > 0) {
            done += static_cast<std::size_t>(w);
            continue;
        }
        if (w < 0 && errno == EINTR) continue;
        if (w < 0 && errno != EAGAIN) {
            error = std::string("write failed: ") + std::strerror(errno);
            return isHangUpErrno(errno) ? IoStatus::HangUp : IoStatus::Error;
        }
        pollfd p{fd_, POLLOUT, 0};
        const int r = ::poll(&p, 1, timeoutMs);
        if (r == 0) {
            error = "write timed out";
            return IoStatus::Timeout;
        }
        if (r > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL))) {
            error = "device hung up during write";
            return IoStatus::HangUp;
        }
    }
    return IoStatus::Ok;
}

IoStatus SerialPort::readSome(std::uint8_t* buf, std::size_t cap, int timeoutMs, std::size_t& n,
                              std::string& error) {
    n = 0;
    if (fd_ < 0) {
        error = "port not open";
        return IoStatus::Error;
    }
    pollfd p{fd_, POLLIN, 0};
    int r;
    do {
        r = ::poll(&p, 1, timeoutMs < 0 ? 0 : timeoutMs);
    } while (r < 0 && errno == EINTR);
    if (r < 0) {
        error = std::string("poll failed: ") + std::strerror(errno);
        return IoStatus::Error;
    }
    if (r == 0) return IoStatus::Timeout;
    if (p.revents & POLLIN) {
        const ssize_t got = ::read(fd_, buf, cap);
        if (got > 0) {
            n = static_cast<std::size_t>(got);
            return IoStatus::Ok;
        }
        if (got == 0) {
            error = "end of file on device";
            return IoStatus::HangUp;
        }
        if (errno == EAGAIN || errno == EINTR) return IoStatus::Timeout;
        error = std::string("read failed: ") + std::strerror(errno);
        return isHangUpErrno(errno) ? IoStatus::HangUp : IoStatus::Error;
    }
    error = "device hung up";
    return IoStatus::HangUp;
}

void SerialPort::flushInput() {
    if (fd_ >= 0) ::tcflush(fd_, TCIFLUSH);
}

// ---- hang-up detection ----
bool SerialPort::hungUp() {
    if (fd_ < 0) return true;
    pollfd p{fd_, 0, 0};
    if (::poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL))) return true;
    struct stat st {};
    return ::stat(path_.c_str(), &st) != 0;
}

} // namespace kiosk::idcard
