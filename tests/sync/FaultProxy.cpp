// Fault-injecting TCP proxy (see FaultProxy.h).
//
// Sections: sockets | accept | relay
#include "tests/sync/FaultProxy.h"

#include <arpa/inet.h>
#include <chrono>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace kiosk::testing {
namespace {

// ---- sockets ----
void hardReset(int fd) {
    linger l{1, 0}; // close with RST instead of FIN
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    ::close(fd);
}

int connectUpstream(int port) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

bool writeAll(int fd, const char* p, ssize_t n) {
    while (n > 0) {
        ssize_t w = ::send(fd, p, static_cast<size_t>(n), MSG_NOSIGNAL);
        if (w <= 0) return false;
        p += w;
        n -= w;
    }
    return true;
}

} // namespace

FaultProxy::FaultProxy(int upstreamPort) : upstreamPort_(upstreamPort) {
    listenFd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    ::setsockopt(listenFd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(listenFd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
    ::listen(listenFd_, 64);
    socklen_t len = sizeof a;
    ::getsockname(listenFd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    acceptThread_ = std::thread([this] { acceptLoop(); });
}

FaultProxy::~FaultProxy() {
    stopping_ = true;
    ::shutdown(listenFd_, SHUT_RDWR);
    if (acceptThread_.joinable()) acceptThread_.join();
    ::close(listenFd_);
    std::lock_guard lock(mutex_);
    for (std::thread& t : relays_)
        if (t.joinable()) t.join();
}

// ---- accept ----
void FaultProxy::acceptLoop() {
    while (!stopping_) {
        pollfd p{listenFd_, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0) continue;
        int client = ::accept4(listenFd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) continue;
        ++connections_;
        if (mode_ == ProxyMode::Refuse) {
            hardReset(client);
            continue;
        }
        std::lock_guard lock(mutex_);
        relays_.emplace_back([this, client] { relay(client); });
    }
}

// ---- relay ----
// Direction changes are counted per connection: phase 1 = client hello, 2 = server handshake flight,
// 3 = client finished (+ request), 4 = server tickets/answer, 5 = next request, ... Server phases >= 4 carry
// answers to requests.
void FaultProxy::relay(int client) {
    int server = mode_ == ProxyMode::Stall ? -1 : connectUpstream(upstreamPort_);
    if (mode_ != ProxyMode::Stall && server < 0) {
        hardReset(client);
        return;
    }
    char buf[16384];
    int phase = 0, lastDir = 0; // 1 = client->server, 2 = server->client
    bool swallowing = false;    // reset armed on this connection: answers are dropped until the deadline
    auto resetAt = std::chrono::steady_clock::time_point::max();
    while (!stopping_) {
        if (swallowing && std::chrono::steady_clock::now() >= resetAt) {
            ++resets_;
            hardReset(client);
            hardReset(server);
            return;
        }
        pollfd fds[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
        int n = ::poll(fds, server >= 0 ? 2 : 1, 20);
        if (n <= 0) continue;
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            ssize_t r = ::recv(client, buf, sizeof buf, 0);
            if (r <= 0) break;
            if (mode_ == ProxyMode::Stall || server < 0) continue; // swallow, never answer
            if (lastDir != 1) ++phase, lastDir = 1;
            if (!writeAll(server, buf, r)) break;
        }
        if (server >= 0 && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
            ssize_t r = ::recv(server, buf, sizeof buf, 0);
            if (r <= 0) break;
            if (lastDir != 2) ++phase, lastDir = 2;
            if (mode_ == ProxyMode::Stall || swallowing) continue;
            if (mode_ == ProxyMode::ResetAfterResponse && phase >= 4 && resetsLeft_.fetch_sub(1) > 0) {
                // From here on the client hears nothing more, while its request still reaches the server;
                // after a moment (the server has committed and answered into the void) the client gets an
                // RST.
                swallowing = true;
                resetAt = std::chrono::steady_clock::now() + std::chrono::milliseconds(400);
                continue;
            }
            if (!writeAll(client, buf, r)) break;
        }
    }
    ::close(client);
    if (server >= 0) ::close(server);
}

} // namespace kiosk::testing
