// Sync benchmarks (JSON on stdout):
//   durable_append: latency of one append through StoreWriter until its commit returned (WAL,
//   synchronous=FULL),
//                   p50/p99 over sequential appends; plus throughput of a burst (group commit)
//   flush: 10,000 queued ratings uploaded by the SyncEngine to a local kiosk-central over HTTPS (mutual TLS)
//
//   bench_sync [--appends N] [--flush N] [--batch N] [--dir DIR]
// The store lives in DIR (default: a temp dir under /tmp); put it on the device's real disk to measure that
// disk.
#include "offline/StoreWriter.h"
#include "offline/SyncEngine.h"
#include "server/CentralServer.h"
#include "server/CertAuthority.h"
#include "tests/server/TempDir.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

nlohmann::json rating(int i) {
    return {{"counter", 1 + i % 10}, {"staff_id", "ST1001"}, {"level", 1 + i % 5}};
}

nlohmann::json durableAppend(const std::string& dir, int n) {
    kiosk::offline::StorePaths p = kiosk::offline::StorePaths::in(dir + "/append");
    std::vector<double> lat;
    kiosk::offline::StoreWriter w(p, "BENCH-01");
    w.appendAndWait("rating", rating(0)); // open + migrate outside the measurement
    for (int i = 0; i < n; ++i) {
        auto t0 = Clock::now();
        auto o = w.appendAndWait("rating", rating(i));
        lat.push_back(ms(Clock::now() - t0));
        if (!o.committed) return {{"error", o.technicianMessage}};
    }
    std::sort(lat.begin(), lat.end());
    auto pct = [&](double q) { return lat[std::min(lat.size() - 1, static_cast<size_t>(q * lat.size()))]; };

    // Burst: many screens' worth of submissions queued at once, committed in groups.
    const int burst = 10000;
    std::mutex m;
    std::condition_variable cv;
    int done = 0;
    auto t0 = Clock::now();
    for (int i = 0; i < burst; ++i)
        w.append("rating", rating(i), [&](const kiosk::offline::AppendOutcome&) {
            std::lock_guard lock(m);
            if (++done == burst) cv.notify_all();
        });
    {
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return done == burst; });
    }
    double burstMs = ms(Clock::now() - t0);
    return {{"sequential_appends", n},
            {"p50_ms", pct(0.50)},
            {"p99_ms", pct(0.99)},
            {"max_ms", lat.back()},
            {"burst_records", burst},
            {"burst_ms", burstMs},
            {"burst_records_per_s", burst / (burstMs / 1000.0)}};
}

nlohmann::json flush(const std::string& dir, int n, int batch) {
    kiosk::central::CentralSettings cs;
    cs.dbPath = dir + "/central.db";
    cs.tlsDir = dir + "/tls";
    cs.log = [](const std::string&) {};
    kiosk::central::CentralServer server(cs);
    std::string error;
    if (!server.start(&error)) return {{"error", error}};
    auto ca = kiosk::central::CertAuthority::openOrCreate(cs.tlsDir, &error);
    if (!ca || !ca->issueTerminalCredentials("BENCH-02", dir + "/term", &error)) return {{"error", error}};

    kiosk::offline::SyncSettings s;
    s.https.baseUrl = "https://127.0.0.1:" + std::to_string(server.port());
    s.https.caFile = dir + "/term/ca.crt";
    s.https.certFile = dir + "/term/client.crt";
    s.https.keyFile = dir + "/term/client.key";
    s.store = kiosk::offline::StorePaths::in(dir + "/flush");
    s.terminalId = "BENCH-02";
    s.batchSize = batch;
    {
        kiosk::offline::OfflineStore store(s.store, s.terminalId);
        std::vector<std::pair<std::string, nlohmann::json>> records;
        for (int i = 0; i < n; ++i)
            records.emplace_back("rating", rating(i));
        store.appendMany(records, 1);
    }
    kiosk::offline::SyncEngine engine(s, nullptr);
    auto t0 = Clock::now();
    bool empty = engine.runUntilEmpty(std::chrono::minutes(5));
    double total = ms(Clock::now() - t0);
    server.stop();
    return {{"records", n},
            {"batch_size", batch},
            {"all_acknowledged", empty},
            {"elapsed_ms", total},
            {"records_per_s", n / (total / 1000.0)}};
}

} // namespace

int main(int argc, char** argv) {
    int appends = 500, flushN = 10000, batch = 100;
    std::string dir;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--appends"))
            appends = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--flush"))
            flushN = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--batch"))
            batch = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--dir"))
            dir = argv[i + 1];
    }
    kiosk::testing::TempDir tmp("bench-sync");
    if (dir.empty()) dir = tmp.path();
    nlohmann::json out = {{"benchmark", "sync"},
                          {"durable_append", durableAppend(dir, appends)},
                          {"flush_https", flush(dir, flushN, batch)}};
    std::printf("%s\n", out.dump(2).c_str());
    return 0;
}
