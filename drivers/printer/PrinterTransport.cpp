// Transports. Sections: URI parsing · FdTransport (poll-based I/O shared by all schemes) · openers per scheme
// · queryStatus.
#include "drivers/printer/PrinterTransport.h"

#include "drivers/serial/SerialLine.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace kiosk::printer {

// ---- URI parsing ----

namespace {
[[noreturn]] void badUri(const std::string& uri, const std::string& why) {
    throw TransportError(TransportErrorKind::BadUri, "printer URI '" + uri + "': " + why);
}

int parseInt(const std::string& uri, const std::string& s, int lo, int hi, const char* what) {
    if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos)
        badUri(uri, std::string(what) + " is not a number");
    const int v = std::stoi(s);
    if (v < lo || v > hi) badUri(uri, std::string(what) + " out of range");
    return v;
}
} // namespace

PrinterUri parsePrinterUri(const std::string& uri) {
    PrinterUri u;
    auto startsWith = [&](const char* p) { return uri.rfind(p, 0) == 0; };
    if (startsWith("tcp://")) {
        u.scheme = PrinterUri::Scheme::Tcp;
        std::string rest = uri.substr(6);
        if (!rest.empty() && rest.back() == '/') rest.pop_back();
        std::string portText;
        if (!rest.empty() && rest[0] == '[') { // [IPv6]:port
            const auto close = rest.find(']');
            if (close == std::string::npos) badUri(uri, "unclosed '['");
            u.host = rest.substr(1, close - 1);
            if (close + 1 < rest.size()) {
                if (rest[close + 1] != ':') badUri(uri, "expected ':' after ']'");
                portText = rest.substr(close + 2);
            }
        } else {
            const auto colon = rest.rfind(':');
            u.host = rest.substr(0, colon);
            if (colon != std::string::npos) portText = rest.substr(colon + 1);
        }
        if (u.host.empty()) badUri(uri, "no host");
        if (!portText.empty() || rest.find(':') != std::string::npos)
            u.port = parseInt(uri, portText, 1, 65535, "port");
        return u;
    }
    std::string rest;
    if (startsWith("usb:")) {
        u.scheme = PrinterUri::Scheme::Usb;
        rest = uri.substr(4);
    } else if (startsWith("serial:")) {
        u.scheme = PrinterUri::Scheme::Serial;
        rest = uri.substr(7);
    } else if (startsWith("file:")) {
        u.scheme = PrinterUri::Scheme::File;
        rest = uri.substr(5);
        if (rest.rfind("//", 0) == 0) rest = rest.substr(2); // file:///path
    } else {
        badUri(uri, "scheme must be usb:, serial:, tcp:// or file:");
    }
    const auto q = rest.find('?');
    u.path = rest.substr(0, q);
    if (u.path.empty() || u.path[0] != '/') badUri(uri, "path must be absolute");
    if (q != std::string::npos) {
        if (u.scheme != PrinterUri::Scheme::Serial) badUri(uri, "parameters are only for serial:");
        std::string params = rest.substr(q + 1);
        std::size_t pos = 0;
        while (pos <= params.size()) {
            const auto amp = params.find('&', pos);
            const std::string kv =
                params.substr(pos, amp == std::string::npos ? std::string::npos : amp - pos);
            const auto eq = kv.find('=');
            const std::string key = kv.substr(0, eq);
            const std::string value = eq == std::string::npos ? "" : kv.substr(eq + 1);
            if (key == "baud") {
                u.baud = parseInt(uri, value, 1200, 921600, "baud");
            } else if (key == "flow") {
                if (value == "none")
                    u.flow = PrinterUri::Flow::None;
                else if (value == "rtscts")
                    u.flow = PrinterUri::Flow::RtsCts;
                else if (value == "xonxoff")
                    u.flow = PrinterUri::Flow::XonXoff;
                else
                    badUri(uri, "flow must be none, rtscts or xonxoff");
            } else if (!kv.empty()) {
                badUri(uri, "unknown parameter '" + key + "'");
            }
            if (amp == std::string::npos) break;
            pos = amp + 1;
        }
    }
    return u;
}

// ---- FdTransport ----

namespace {

std::string errnoText(const char* what) {
    return std::string(what) + ": " + std::strerror(errno);
}

class FdTransport final : public PrinterTransport {
public:
    FdTransport(int fd, bool socket, bool readable, int timeoutMs, std::string description)
        : fd_(fd), socket_(socket), readable_(readable), timeoutMs_(timeoutMs),
          description_(std::move(description)) {}
    ~FdTransport() override { ::close(fd_); }

    void write(std::span<const std::uint8_t> data) override {
        std::size_t done = 0;
        while (done < data.size()) {
            pollfd p{fd_, POLLOUT, 0};
            const int r = ::poll(&p, 1, timeoutMs_);
            if (r < 0) {
                if (errno == EINTR) continue;
                throw TransportError(TransportErrorKind::Io, errnoText("poll"));
            }
            if (r == 0)
                throw TransportError(TransportErrorKind::Timeout,
                                     description_ + ": no progress writing for " +
                                         std::to_string(timeoutMs_) + " ms (" + std::to_string(done) + "/" +
                                         std::to_string(data.size()) + " bytes sent)");
            if (p.revents & (POLLERR | POLLHUP | POLLNVAL))
                throw TransportError(TransportErrorKind::Closed,
                                     description_ + ": connection closed while writing");
            const ssize_t n = socket_ ? ::send(fd_, data.data() + done, data.size() - done, MSG_NOSIGNAL)
                                      : ::write(fd_, data.data() + done, data.size() - done);
            if (n < 0) {
                if (errno == EINTR || errno == EAGAIN) continue;
                if (errno == EPIPE || errno == ECONNRESET)
                    throw TransportError(TransportErrorKind::Closed,
                                         description_ + ": " + std::strerror(errno));
                throw TransportError(TransportErrorKind::Io, description_ + ": " + errnoText("write"));
            }
            done += static_cast<std::size_t>(n);
        }
    }

    std::size_t read(std::uint8_t* buf, std::size_t n, int timeoutMs) override {
        if (!readable_) return 0;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
        for (;;) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            pollfd p{fd_, POLLIN, 0};
            const int r = ::poll(&p, 1, static_cast<int>(std::max<long long>(0, left.count())));
            if (r < 0) {
                if (errno == EINTR) continue;
                throw TransportError(TransportErrorKind::Io, errnoText("poll"));
            }
            if (r == 0) return 0;
            const ssize_t got = ::read(fd_, buf, n);
            if (got > 0) return static_cast<std::size_t>(got);
            if (got == 0) {
                if (socket_) throw TransportError(TransportErrorKind::Closed, description_ + ": peer closed");
                // A tty/usblp with nothing to say (e.g. pty master gone) reads 0: treat as silence.
                if (std::chrono::steady_clock::now() >= deadline) return 0;
                ::usleep(1000);
                continue;
            }
            if (errno == EINTR || errno == EAGAIN) continue;
            if (errno == EIO) return 0; // usblp / pty without a peer: no reply
            throw TransportError(TransportErrorKind::Io, description_ + ": " + errnoText("read"));
        }
    }

    void drainInput() override {
        if (!readable_) return;
        std::uint8_t junk[256];
        for (int i = 0; i < 64; ++i) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, 0) <= 0 || !(p.revents & POLLIN)) return;
            if (::read(fd_, junk, sizeof junk) <= 0) return;
        }
    }

    bool canReadStatus() const override { return readable_; }
    std::string describe() const override { return description_; }

private:
    int fd_;
    bool socket_;
    bool readable_;
    int timeoutMs_;
    std::string description_;
};

// ---- openers per scheme ----
std::unique_ptr<PrinterTransport> openDevice(const PrinterUri& u, const std::string& uri, int timeoutMs) {
    const int fd = ::open(u.path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) throw TransportError(TransportErrorKind::OpenFailed, uri + ": " + errnoText("open"));
    if (u.scheme == PrinterUri::Scheme::Serial) {
        if (!serial::baudToSpeed(u.baud)) {
            ::close(fd);
            throw TransportError(TransportErrorKind::BadUri, uri + ": unsupported baud rate");
        }
        const serial::FlowControl flow = u.flow == PrinterUri::Flow::RtsCts    ? serial::FlowControl::RtsCts
                                         : u.flow == PrinterUri::Flow::XonXoff ? serial::FlowControl::XonXoff
                                                                               : serial::FlowControl::None;
        if (const std::string why = serial::configureRaw8N1(fd, u.baud, flow); !why.empty()) {
            ::close(fd);
            throw TransportError(TransportErrorKind::OpenFailed, uri + ": " + why);
        }
    }
    return std::make_unique<FdTransport>(fd, false, true, timeoutMs, uri);
}

std::unique_ptr<PrinterTransport> openFile(const PrinterUri& u, const std::string& uri, int timeoutMs) {
    const int fd = ::open(u.path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) throw TransportError(TransportErrorKind::OpenFailed, uri + ": " + errnoText("open"));
    return std::make_unique<FdTransport>(fd, false, false, timeoutMs, uri);
}

std::unique_ptr<PrinterTransport> openTcp(const PrinterUri& u, const std::string& uri, int timeoutMs) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* res = nullptr;
    const std::string port = std::to_string(u.port);
    const int gai = ::getaddrinfo(u.host.c_str(), port.c_str(), &hints, &res);
    if (gai != 0) throw TransportError(TransportErrorKind::OpenFailed, uri + ": " + ::gai_strerror(gai));
    std::string lastError = "no address";
    TransportErrorKind lastKind = TransportErrorKind::OpenFailed;
    for (addrinfo* a = res; a; a = a->ai_next) {
        const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) {
            lastError = errnoText("socket");
            continue;
        }
        int rc = ::connect(fd, a->ai_addr, a->ai_addrlen);
        if (rc != 0 && errno == EINPROGRESS) {
            pollfd p{fd, POLLOUT, 0};
            rc = ::poll(&p, 1, timeoutMs);
            if (rc == 0) {
                ::close(fd);
                lastError = "connect timed out after " + std::to_string(timeoutMs) + " ms";
                lastKind = TransportErrorKind::Timeout;
                continue;
            }
            int err = 0;
            socklen_t len = sizeof err;
            ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
            rc = err == 0 ? 0 : -1;
            errno = err;
        }
        if (rc != 0) {
            lastError = errnoText("connect");
            lastKind = TransportErrorKind::OpenFailed;
            ::close(fd);
            continue;
        }
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        ::freeaddrinfo(res);
        return std::make_unique<FdTransport>(fd, true, true, timeoutMs, uri);
    }
    ::freeaddrinfo(res);
    throw TransportError(lastKind, uri + ": " + lastError);
}

} // namespace

std::unique_ptr<PrinterTransport> openPrinterTransport(const std::string& uri, int timeoutMs) {
    const PrinterUri u = parsePrinterUri(uri);
    timeoutMs = std::max(1, timeoutMs);
    switch (u.scheme) {
    case PrinterUri::Scheme::Tcp:
        return openTcp(u, uri, timeoutMs);
    case PrinterUri::Scheme::File:
        return openFile(u, uri, timeoutMs);
    case PrinterUri::Scheme::Usb:
    case PrinterUri::Scheme::Serial:
        return openDevice(u, uri, timeoutMs);
    }
    throw TransportError(TransportErrorKind::BadUri, uri);
}

// ---- queryStatus ----

PrinterStatus queryStatus(PrinterTransport& t, int timeoutMs) {
    std::array<std::uint8_t, 4> replies{};
    if (!t.canReadStatus()) return decodeStatus(replies);
    t.drainInput();
    for (std::uint8_t n = 1; n <= 4; ++n) {
        const std::uint8_t cmd[3] = {0x10, 0x04, n};
        t.write(cmd);
        std::uint8_t b = 0;
        if (t.read(&b, 1, timeoutMs) != 1)
            return decodeStatus(std::array<std::uint8_t, 4>{}); // silent printer
        replies[n - 1] = b;
    }
    return decodeStatus(replies);
}

} // namespace kiosk::printer
