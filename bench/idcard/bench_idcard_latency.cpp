// Benchmark: time from a card being placed on the (simulated) reader to the ReaderService's CardPresented
// event, at 115200 baud with the default 300 ms poll interval, compared with the wire time of the bytes
// exchanged (find, select, read 30 01, additional address 30 03).
//
// A pseudo-terminal has no baud-rate pacing: bytes cross it at memory speed. So the benchmark runs twice:
//   "pty_unpaced"  - the simulator answers as fast as the pty carries bytes;
//   "pty_paced"    - the simulator writes its answers no faster than 115200 baud 8N1 (the host's commands
//                    are tiny and not paced), which approximates a real serial line.
// It also times the bare exchange (find -> select -> read -> address through ReaderSession) per mode.
// Usage: bench_idcard_latency [iterations=20] [poll_ms=300]. Prints one JSON object.
#include "drivers/idcard/ReaderService.h"
#include "drivers/idcard/ReaderSession.h"
#include "drivers/idcard/ReaderSimulator.h"
#include "drivers/idcard/SerialPort.h"
#include "drivers/idcard/SimCardSet.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace kiosk::idcard;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kBaud = 115200;

struct Stats {
    double mean = 0, p50 = 0, p95 = 0, max = 0, min = 0;
};

Stats stats(std::vector<double> v) {
    Stats s;
    if (v.empty()) return s;
    std::sort(v.begin(), v.end());
    double sum = 0;
    for (double x : v)
        sum += x;
    s.mean = sum / static_cast<double>(v.size());
    s.p50 = v[v.size() / 2];
    s.p95 = v[std::min(v.size() - 1, static_cast<std::size_t>(static_cast<double>(v.size()) * 0.95))];
    s.max = v.back();
    s.min = v.front();
    return s;
}

std::string json(const Stats& s) {
    char b[200];
    std::snprintf(b, sizeof b, "{\"mean\": %.1f, \"p50\": %.1f, \"p95\": %.1f, \"min\": %.1f, \"max\": %.1f}",
                  s.mean, s.p50, s.p95, s.min, s.max);
    return b;
}

SimCardSet demo() {
    std::string err;
    auto s = parseSimCardSet(demoCardSetJson(), err);
    if (!s) {
        std::fprintf(stderr, "bench: %s\n", err.c_str());
        std::exit(1);
    }
    return *s;
}

struct ExchangeResult {
    std::vector<double> ms;
    std::size_t sent = 0, received = 0;
};

// Bare protocol exchange for one card read, through ReaderSession on the pty.
ExchangeResult timeExchange(int paceBaud, int iterations) {
    SimulatorOptions opt;
    opt.paceBaud = paceBaud;
    ReaderSimulator sim(demo(), opt);
    std::string err;
    ExchangeResult r;
    if (!sim.start(err)) return r;
    SerialPort port;
    if (!port.open(sim.portPath(), kBaud, err)) return r;
    ReaderSession s(port);
    for (int i = 0; i < iterations; ++i) {
        sim.present("li-yan"); // has an additional address: the longest exchange of the demo set
        s.resetCounters();
        const auto t0 = Clock::now();
        auto f = s.findCard();
        auto sel = s.selectCard();
        auto card = s.readCard(false);
        auto extra = s.readAdditionalAddress();
        const auto t1 = Clock::now();
        if (!f || !sel || !card || !extra) {
            std::fprintf(stderr, "bench: exchange failed\n");
            std::exit(1);
        }
        r.ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        r.sent = s.bytesSent();
        r.received = s.bytesReceived();
        sim.remove();
    }
    port.close();
    sim.stop();
    return r;
}

// Card placed -> CardPresented through the ReaderService, placing at a random phase of the poll cycle.
std::vector<double> timeEvents(int paceBaud, int pollMs, int iterations) {
    SimulatorOptions opt;
    opt.paceBaud = paceBaud;
    ReaderSimulator sim(demo(), opt);
    std::string err;
    if (!sim.start(err)) return {};
    std::mutex mu;
    std::condition_variable cv;
    int presented = 0, removed = 0;
    bool connected = false;
    Clock::time_point presentedAt;
    ReaderSettings s;
    s.port = sim.portPath();
    s.baud = kBaud;
    s.pollIntervalMs = pollMs;
    ReaderService svc(s, [&](const ReaderEvent& e) {
        std::lock_guard lock(mu);
        if (std::holds_alternative<CardPresented>(e)) {
            presentedAt = Clock::now();
            ++presented;
        }
        if (std::holds_alternative<CardRemoved>(e)) ++removed;
        if (std::holds_alternative<ReaderConnected>(e)) connected = true;
        cv.notify_all();
    });
    svc.start();
    svc.setWanted(true);
    {
        std::unique_lock lock(mu);
        cv.wait_for(lock, std::chrono::seconds(5), [&] { return connected; });
    }
    std::mt19937 rng(42);
    std::uniform_int_distribution<int> phase(0, pollMs);
    std::vector<double> out;
    for (int i = 0; i < iterations; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(phase(rng)));
        const auto t0 = Clock::now();
        sim.present("li-yan");
        std::unique_lock lock(mu);
        if (!cv.wait_for(lock, std::chrono::seconds(5), [&] { return presented == i + 1; })) {
            std::fprintf(stderr, "bench: no CardPresented event\n");
            std::exit(1);
        }
        out.push_back(std::chrono::duration<double, std::milli>(presentedAt - t0).count());
        lock.unlock();
        sim.remove();
        lock.lock();
        cv.wait_for(lock, std::chrono::seconds(5), [&] { return removed == i + 1; });
    }
    svc.stop();
    sim.stop();
    return out;
}

} // namespace

int main(int argc, char** argv) {
    const int iterations = argc > 1 ? std::atoi(argv[1]) : 20;
    const int pollMs = argc > 2 ? std::atoi(argv[2]) : 300;
    const ExchangeResult exUnpaced = timeExchange(0, iterations);
    const ExchangeResult exPaced = timeExchange(kBaud, iterations);
    const auto evUnpaced = timeEvents(0, pollMs, iterations);
    const auto evPaced = timeEvents(kBaud, pollMs, iterations);
    const double wireMs = wireTimeUs(exPaced.sent + exPaced.received, kBaud) / 1000.0;
    const double targetMs = wireMs + pollMs + 50.0;
    const Stats up = stats(evUnpaced), pp = stats(evPaced);
    std::printf("{\n");
    std::printf("  \"benchmark\": \"idcard_card_placed_to_presented\",\n");
    std::printf("  \"baud\": %d,\n  \"poll_interval_ms\": %d,\n  \"iterations\": %d,\n", kBaud, pollMs,
                iterations);
    std::printf("  \"card\": \"li-yan (find + select + read 30 01 + additional address 30 03)\",\n");
    std::printf("  \"bytes_per_read\": {\"host_to_reader\": %zu, \"reader_to_host\": %zu},\n", exPaced.sent,
                exPaced.received);
    std::printf("  \"wire_time_ms\": %.1f,\n", wireMs);
    std::printf("  \"target_ms\": %.1f,\n", targetMs);
    std::printf(
        "  \"note\": \"a pty has no baud-rate pacing; pty_unpaced moves bytes at memory speed, pty_paced has "
        "the simulator write answers at 115200 baud 8N1. wire_time_ms is computed (10 bits per byte).\",\n");
    std::printf(
        "  \"pty_unpaced\": {\"exchange_ms\": %s, \"placed_to_event_ms\": %s, \"max_within_target\": %s},\n",
        json(stats(exUnpaced.ms)).c_str(), json(up).c_str(), up.max <= targetMs ? "true" : "false");
    std::printf(
        "  \"pty_paced\": {\"exchange_ms\": %s, \"placed_to_event_ms\": %s, \"max_within_target\": %s}\n",
        json(stats(exPaced.ms)).c_str(), json(pp).c_str(), pp.max <= targetMs ? "true" : "false");
    std::printf("}\n");
    return 0;
}
