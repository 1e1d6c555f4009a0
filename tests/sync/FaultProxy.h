// A fault-injecting TCP proxy on loopback for the network tests: sits between the terminal and kiosk-central
// and can pass traffic, refuse connections, stall, or reset the connection after the server has answered
// (the "server committed, terminal never read the answer" case). TLS passes through untouched.
//
// Sections: modes | proxy
// Checklist:
//   [x] pass / refuse (RST at accept) / stall (accept, read, never answer) / reset-after-response
//   [x] reset-after-response: the server's answer (the server's second flight or later on a connection) is
//       held back for a moment (so the server has committed), then the client gets an RST instead
//   [x] mode switchable at any time; counters of connections and resets for assertions
#pragma once

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace kiosk::testing {

// ---- modes ----
enum class ProxyMode { Pass, Refuse, Stall, ResetAfterResponse };

// ---- proxy ----
class FaultProxy {
public:
    explicit FaultProxy(int upstreamPort); // listens on 127.0.0.1:<any>
    ~FaultProxy();
    int port() const { return port_; }
    void setMode(ProxyMode m) { mode_ = m; }
    // In ResetAfterResponse mode: reset this many answers, then behave like Pass.
    void armResets(int n) { resetsLeft_ = n; }
    int connections() const { return connections_; }
    int resets() const { return resets_; }

private:
    void acceptLoop();
    void relay(int client);

    int upstreamPort_;
    int listenFd_ = -1;
    int port_ = 0;
    std::atomic<ProxyMode> mode_{ProxyMode::Pass};
    std::atomic<int> resetsLeft_{0}, connections_{0}, resets_{0};
    std::atomic<bool> stopping_{false};
    std::thread acceptThread_;
    std::mutex mutex_;
    std::vector<std::thread> relays_;
};

} // namespace kiosk::testing
