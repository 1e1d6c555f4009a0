// Transports: URI parsing, loopback TCP (status round trip, refused connection, write time-out, peer
// close), a pty as serial: and usb: device (status replies, silence, write time-out), file: capture.
#include "drivers/printer/PrinterTransport.h"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

using namespace kiosk::printer;

namespace {

struct Listener {
    int fd = -1;
    int port = 0;
    Listener() {
        fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
        REQUIRE(::listen(fd, 4) == 0);
        socklen_t len = sizeof a;
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
        port = ntohs(a.sin_port);
    }
    ~Listener() { ::close(fd); }
    std::string uri() const { return "tcp://127.0.0.1:" + std::to_string(port); }
};

struct Pty {
    int master = -1;
    std::string slave;
    Pty() {
        master = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
        REQUIRE(master >= 0);
        REQUIRE(::grantpt(master) == 0);
        REQUIRE(::unlockpt(master) == 0);
        slave = ::ptsname(master);
    }
    ~Pty() { ::close(master); }
};

// Answers DLE EOT n with replies[n-1] on fd until `stop`, collecting everything else it reads.
void answerStatus(int fd, std::array<std::uint8_t, 4> replies, std::atomic<bool>& stop,
                  std::vector<std::uint8_t>& got) {
    std::vector<std::uint8_t> pending;
    while (!stop.load()) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 20) <= 0) continue;
        std::uint8_t buf[512];
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n <= 0) return;
        pending.insert(pending.end(), buf, buf + n);
        std::size_t i = 0;
        for (; i < pending.size(); ++i) {
            if (pending[i] == 0x10) {
                if (i + 2 >= pending.size()) break;
                if (pending[i + 1] == 0x04 && pending[i + 2] >= 1 && pending[i + 2] <= 4) {
                    const std::uint8_t r = replies[pending[i + 2] - 1];
                    [[maybe_unused]] ssize_t w = ::write(fd, &r, 1);
                    i += 2;
                    continue;
                }
            }
            got.push_back(pending[i]);
        }
        pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(i));
    }
}

} // namespace

TEST_CASE("printer URIs: the four schemes, parameters and clear errors") {
    PrinterUri u = parsePrinterUri("usb:/dev/usb/lp0");
    CHECK(u.scheme == PrinterUri::Scheme::Usb);
    CHECK(u.path == "/dev/usb/lp0");
    u = parsePrinterUri("serial:/dev/ttyS0?baud=115200&flow=rtscts");
    CHECK(u.scheme == PrinterUri::Scheme::Serial);
    CHECK(u.path == "/dev/ttyS0");
    CHECK(u.baud == 115200);
    CHECK(u.flow == PrinterUri::Flow::RtsCts);
    CHECK(parsePrinterUri("serial:/dev/ttyUSB0").baud == 9600);
    u = parsePrinterUri("tcp://192.168.1.50:9100");
    CHECK(u.scheme == PrinterUri::Scheme::Tcp);
    CHECK(u.host == "192.168.1.50");
    CHECK(u.port == 9100);
    CHECK(parsePrinterUri("tcp://printer.local").port == 9100);
    CHECK(parsePrinterUri("tcp://[::1]:9101").host == "::1");
    CHECK(parsePrinterUri("tcp://[::1]:9101").port == 9101);
    CHECK(parsePrinterUri("file:/tmp/cap.bin").path == "/tmp/cap.bin");
    CHECK(parsePrinterUri("file:///tmp/cap.bin").path == "/tmp/cap.bin");
    for (const char* bad :
         {"lpt:/dev/lp0", "usb:dev/lp0", "tcp://:9100", "tcp://host:99999", "tcp://host:abc",
          "serial:/dev/ttyS0?baud=12", "serial:/dev/ttyS0?parity=odd", "file:/x?baud=9600", ""}) {
        CAPTURE(bad);
        try {
            parsePrinterUri(bad);
            FAIL("accepted a bad URI");
        } catch (const TransportError& e) {
            CHECK(e.kind() == TransportErrorKind::BadUri);
            CHECK(std::string(e.what()).find("printer URI") != std::string::npos);
        }
    }
}

TEST_CASE("tcp: bytes arrive intact and DLE EOT replies are read back") {
    Listener l;
    std::atomic<bool> stop{false};
    std::vector<std::uint8_t> got;
    std::thread server([&] {
        const int c = ::accept(l.fd, nullptr, nullptr);
        answerStatus(c, {0x12, 0x12, 0x12, 0x1E}, stop, got);
        ::close(c);
    });
    {
        auto t = openPrinterTransport(l.uri(), 1000);
        CHECK(t->canReadStatus());
        const std::vector<std::uint8_t> payload{0x1B, 0x40, 'h', 'i', 0x0A};
        t->write(payload);
        const PrinterStatus s = queryStatus(*t, 1000);
        CHECK(s.answered);
        CHECK(s.paperNearEnd);
        CHECK(s.canPrint());
    }
    stop = true;
    server.join();
    CHECK(got == std::vector<std::uint8_t>{0x1B, 0x40, 'h', 'i', 0x0A});
}

TEST_CASE("tcp: refused connection, write time-out when the printer stops reading, peer close") {
    int closedPort = 0;
    {
        Listener l;
        closedPort = l.port;
    }
    try {
        openPrinterTransport("tcp://127.0.0.1:" + std::to_string(closedPort), 500);
        FAIL("connected to a closed port");
    } catch (const TransportError& e) {
        CHECK(e.kind() == TransportErrorKind::OpenFailed);
    }

    Listener l;
    auto t = openPrinterTransport(l.uri(), 300); // accepted by the backlog, never read
    const std::vector<std::uint8_t> big(64u << 20, 'x');
    const auto t0 = std::chrono::steady_clock::now();
    try {
        t->write(big);
        FAIL("64 MiB went into a socket nobody reads");
    } catch (const TransportError& e) {
        CHECK(e.kind() == TransportErrorKind::Timeout);
        CHECK(std::string(e.what()).find("no progress") != std::string::npos);
    }
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(10));
    // Nothing answers the status query: not answered after the time-out, no exception.
    std::uint8_t b = 0;
    CHECK(t->read(&b, 1, 200) == 0);

    Listener l2;
    std::thread closer([&] { ::close(::accept(l2.fd, nullptr, nullptr)); });
    auto t2 = openPrinterTransport(l2.uri(), 1000);
    closer.join();
    CHECK_THROWS_AS(t2->read(&b, 1, 1000), TransportError);
}

TEST_CASE("pty as serial: (and usb:) device: status replies, silence, write time-out") {
    Pty pty;
    std::atomic<bool> stop{false};
    std::vector<std::uint8_t> got;
    std::thread printer([&] { answerStatus(pty.master, {0x1A, 0x12, 0x12, 0x12}, stop, got); });
    {
        auto t = openPrinterTransport("serial:" + pty.slave + "?baud=19200", 1000);
        const std::vector<std::uint8_t> payload{0x1B, 0x40, 0xD7, 0xD6, 0x0A}; // raw mode: bytes unchanged
        t->write(payload);
        const PrinterStatus s = queryStatus(*t, 1000);
        CHECK(s.answered);
        CHECK(s.offline);
        CHECK_FALSE(s.canPrint());
        auto u = openPrinterTransport("usb:" + pty.slave, 1000);
        CHECK(queryStatus(*u, 1000).offline);
    }
    stop = true;
    printer.join();
    CHECK(got == std::vector<std::uint8_t>{0x1B, 0x40, 0xD7, 0xD6, 0x0A});

    // Nobody answers now: not answered after about the time-out.
    auto t = openPrinterTransport("serial:" + pty.slave, 300);
    const auto t0 = std::chrono::steady_clock::now();
    CHECK_FALSE(queryStatus(*t, 300).answered);
    CHECK(std::chrono::steady_clock::now() - t0 >= std::chrono::milliseconds(250));
    // And nobody reads: the write stops making progress and times out.
    const std::vector<std::uint8_t> big(4u << 20, 'x');
    try {
        t->write(big);
        FAIL("4 MiB went into a pty nobody reads");
    } catch (const TransportError& e) {
        CHECK(e.kind() == TransportErrorKind::Timeout);
    }
    CHECK_THROWS_AS(openPrinterTransport("serial:/dev/null", 100), TransportError); // not a tty
    CHECK_THROWS_AS(openPrinterTransport("usb:/nonexistent/lp9", 100), TransportError);
}

TEST_CASE("file: capture appends, has no status") {
    const auto path =
        std::filesystem::temp_directory_path() / ("kiosk-capture-" + std::to_string(::getpid()));
    std::filesystem::remove(path);
    for (int i = 0; i < 2; ++i) {
        auto t = openPrinterTransport("file:" + path.string(), 100);
        CHECK_FALSE(t->canReadStatus());
        CHECK_FALSE(queryStatus(*t, 100).answered);
        const std::vector<std::uint8_t> payload{'a', 'b'};
        t->write(payload);
    }
    CHECK(std::filesystem::file_size(path) == 4);
    std::filesystem::remove(path);
}
