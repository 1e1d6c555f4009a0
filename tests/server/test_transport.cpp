// kiosk-central's transport under hostile clients (issue 10.1): chunked bodies over a route's limit,
// oversized or too many header fields, idle TCP sockets and slow TLS handshakes that must not block a
// normal terminal, the keep-alive idle time-out and the per-address connection cap. Raw sockets and
// OpenSSL on the client side, so the test can send what libcurl never would.
#include "tests/server/CentralFixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

using kiosk::offline::HttpsClient;
using kiosk::offline::HttpsSettings;
using kiosk::testing::Central;
using kiosk::testing::CentralSettings;

namespace {

using Clock = std::chrono::steady_clock;

// The client writes into connections the server closes on purpose: EPIPE, not a signal.
[[maybe_unused]] const bool kIgnoreSigpipe = [] {
    ::signal(SIGPIPE, SIG_IGN);
    return true;
}();

int tcpConnect(int port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    return fd;
}

// True when the server closed `fd` (EOF or reset) within `ms`.
bool closedWithin(int fd, int ms) {
    auto end = Clock::now() + std::chrono::milliseconds(ms);
    char buf[4096];
    while (Clock::now() < end) {
        pollfd p{fd, POLLIN, 0};
        int left = static_cast<int>(
            std::chrono::duration_cast<std::chrono::milliseconds>(end - Clock::now()).count());
        if (::poll(&p, 1, std::max(1, left)) <= 0) continue;
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) return true;
    }
    return false;
}

// A mutual-TLS connection speaking raw bytes.
struct TlsConn {
    SSL_CTX* ctx = nullptr;
    SSL* ssl = nullptr;
    int fd = -1;
    TlsConn(int port, const HttpsSettings& h) {
        ctx = SSL_CTX_new(TLS_client_method());
        REQUIRE(SSL_CTX_use_certificate_file(ctx, h.certFile.c_str(), SSL_FILETYPE_PEM) == 1);
        REQUIRE(SSL_CTX_use_PrivateKey_file(ctx, h.keyFile.c_str(), SSL_FILETYPE_PEM) == 1);
        fd = tcpConnect(port);
        ssl = SSL_new(ctx);
        SSL_set_fd(ssl, fd);
        REQUIRE(SSL_connect(ssl) == 1);
    }
    ~TlsConn() {
        SSL_free(ssl);
        ::close(fd);
        SSL_CTX_free(ctx);
    }
    bool send(const std::string& bytes) {
        return SSL_write(ssl, bytes.data(), static_cast<int>(bytes.size())) > 0;
    }
    // Everything until the server closes (or 5 s pass).
    std::string readAll() {
        std::string out;
        char buf[4096];
        auto end = Clock::now() + std::chrono::seconds(5);
        while (Clock::now() < end) {
            pollfd p{fd, POLLIN, 0};
            if (SSL_pending(ssl) == 0 && ::poll(&p, 1, 100) <= 0) continue;
            int n = SSL_read(ssl, buf, sizeof buf);
            if (n <= 0) break;
            out.append(buf, static_cast<size_t>(n));
        }
        return out;
    }
};

int statusOf(const std::string& response) {
    return response.size() > 12 && response.starts_with("HTTP/1.1 ") ? std::stoi(response.substr(9, 3)) : 0;
}

} // namespace

TEST_CASE("a chunked body over the route's limit is 413 and the connection is closed") {
    Central c;
    HttpsSettings h = c.terminal("T-CHUNK");
    for (const char* path : {"/api/v1/enroll", "/api/v1/events/rating-request", "/api/v1/ratings/batch"}) {
        CAPTURE(path);
        TlsConn t(c.server->port(), h);
        std::string head = std::string("POST ") + path +
                           " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                           "Transfer-Encoding: chunked\r\n\r\n";
        REQUIRE(t.send(head));
        std::string chunk(64 * 1024, 'a');
        char size[16];
        std::snprintf(size, sizeof size, "%zx\r\n", chunk.size());
        // Up to 4 MiB; the server answers and closes long before that.
        for (int i = 0; i < 64; ++i)
            if (!t.send(size + chunk + "\r\n")) break;
        std::string r = t.readAll();
        CHECK(statusOf(r) == 413);
        CHECK(r.find("payload_too_large") != std::string::npos);
    }
    // Content-Length over the limit is refused from the header alone.
    TlsConn t(c.server->port(), h);
    REQUIRE(t.send("POST /api/v1/enroll HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n"));
    CHECK(statusOf(t.readAll()) == 413);
}

TEST_CASE("oversized headers and too many header fields are 431; garbage is 400") {
    Central c;
    HttpsSettings h = c.terminal("T-HDR");
    {
        TlsConn t(c.server->port(), h);
        std::string req =
            "GET /api/v1/catalog HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(64 * 1024, 'a') + "\r\n\r\n";
        t.send(req);
        CHECK(statusOf(t.readAll()) == 431);
    }
    {
        TlsConn t(c.server->port(), h);
        std::string req = "GET /api/v1/catalog HTTP/1.1\r\nHost: x\r\n";
        for (int i = 0; i < 100; ++i)
            req += "X-" + std::to_string(i) + ": 1\r\n";
        t.send(req + "\r\n");
        CHECK(statusOf(t.readAll()) == 431);
    }
    {
        TlsConn t(c.server->port(), h);
        t.send("BLAH\r\n\r\n");
        CHECK(statusOf(t.readAll()) == 400);
    }
    {
        TlsConn t(c.server->port(), h); // a normal request on the same server still works
        t.send("GET /api/v1/catalog HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        CHECK(statusOf(t.readAll()) == 200);
    }
}

TEST_CASE("40 idle TCP sockets and 40 stalled handshakes do not block a normal terminal") {
    Central c;
    HttpsClient client(c.terminal("T-NORMAL"));
    std::vector<int> idle;
    for (int i = 0; i < 40; ++i)
        idle.push_back(tcpConnect(c.server->port()));
    for (int i = 0; i < 40; ++i) { // half a ClientHello, then silence
        int fd = tcpConnect(c.server->port());
        const unsigned char partial[] = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01};
        ::send(fd, partial, sizeof partial, 0);
        idle.push_back(fd);
    }
    auto t0 = Clock::now();
    for (int i = 0; i < 5; ++i) {
        auto r = client.postJson("/api/v1/heartbeat", R"({"version":"1"})");
        CHECK(r.status == 200);
    }
    CHECK(Clock::now() - t0 < std::chrono::seconds(2));
    for (int fd : idle)
        ::close(fd);
}

TEST_CASE("a slow ClientHello is cut off at the handshake deadline; idle keep-alive at its time-out") {
    Central c(600, 100, [](CentralSettings& s) {
        s.handshakeTimeoutS = 1;
        s.keepAliveTimeoutS = 1;
    });
    int fd = tcpConnect(c.server->port());
    const unsigned char partial[] = {0x16, 0x03, 0x01};
    ::send(fd, partial, sizeof partial, 0);
    auto t0 = Clock::now();
    CHECK(closedWithin(fd, 4000));
    CHECK(Clock::now() - t0 >= std::chrono::milliseconds(500));
    ::close(fd);

    TlsConn t(c.server->port(), c.terminal("T-KA"));
    t.send("GET /api/v1/roster HTTP/1.1\r\nHost: x\r\n\r\n");
    std::string r = t.readAll(); // the answer, then the close after 1 s idle
    CHECK(statusOf(r) == 200);
    CHECK(r.find("Keep-Alive: timeout=1") != std::string::npos);
}

TEST_CASE("connections per client address are capped; freed slots are usable again") {
    Central c(600, 100, [](CentralSettings& s) { s.maxConnectionsPerAddress = 5; });
    std::vector<int> held;
    for (int i = 0; i < 5; ++i)
        held.push_back(tcpConnect(c.server->port()));
    for (int i = 0; i < 50 && c.server->openConnections() < 5; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(c.server->openConnections() == 5);
    int over = tcpConnect(c.server->port());
    CHECK(closedWithin(over, 2000)); // refused at accept
    ::close(over);
    for (int fd : held)
        ::close(fd);
    for (int i = 0; i < 100 && c.server->openConnections() > 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    HttpsClient client(c.terminal("T-CAP"));
    CHECK(client.postJson("/api/v1/heartbeat", "{}").status == 200);
}
