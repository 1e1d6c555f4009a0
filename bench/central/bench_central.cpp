// kiosk-central load benchmark (issue 10.7), JSON on stdout. Starts the real `kiosk-central serve` as
// its own process, then drives it from one Asio thread:
//   terminals: N simulated terminals, each with its own client certificate and its own source address
//     (127.0.x.y), heartbeating every --interval s (the district rate) at a random phase; a connection is
//     reused while it has been idle at most kClientMaxIdleS, as the terminal's libcurl does, else a new
//     one is opened (resuming the terminal's TLS session);
//   bursts: at --burst-at s, --bursts terminals each send a ratings batch of --batch ratings at once;
//   hostile mix (--hostile, on a second thread): idle TCP sockets, stalled ClientHellos, headers sent one
//   byte per 0.5 s, and
//     chunked floods to /api/v1/enroll, each reopened as soon as the server cuts it off.
// Reports p50/p99/max latency of heartbeats and batches (from the moment a request is due to its full
// answer, connection set-up included; and "exchange only", from the first byte written), errors by kind, the
// server's RSS (now and peak) and CPU time.
//
//   bench_central [--terminals N] [--duration S] [--interval S] [--bursts N] [--batch N] [--burst-at S]
//                 [--hostile 0|1] [--dir DIR]
//
// Sections: options | server process | terminals | hostile mix | report
#include <utility> // before Asio: awaitable.hpp uses std::exchange without including it

#include "common/WireProtocol.h"
#include "server/CertAuthority.h"
#include "tests/server/TempDir.h"

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <signal.h>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

// ---- options ----
struct Options {
    int terminals = 1000, duration = 60, interval = 60, bursts = 100, batch = 50, burstAt = 20;
    bool hostile = true;
    std::string dir;
};

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string k = argv[i];
        int v = std::atoi(argv[i + 1]);
        if (k == "--terminals")
            o.terminals = v;
        else if (k == "--duration")
            o.duration = v;
        else if (k == "--interval")
            o.interval = v;
        else if (k == "--bursts")
            o.bursts = v;
        else if (k == "--batch")
            o.batch = v;
        else if (k == "--burst-at")
            o.burstAt = v;
        else if (k == "--hostile")
            o.hostile = v != 0;
        else if (k == "--dir")
            o.dir = argv[i + 1];
    }
    return o;
}

// ---- server process ----
struct ServerProcess {
    pid_t pid = -1;
    int port = 0;
    bool start(const std::string& dir) {
        int out[2];
        if (::pipe(out) != 0) return false;
        pid = ::fork();
        if (pid == 0) {
            ::dup2(out[1], 1);
            int devnull = ::open("/dev/null", O_WRONLY);
            ::dup2(devnull, 2); // one log line per request: not part of the measurement
            ::close(out[0]);
            std::string db = dir + "/central.db", tls = dir + "/tls";
            ::execl(KIOSK_CENTRAL_BIN, "kiosk-central", "serve", "--listen", "127.0.0.1:0", "--db",
                    db.c_str(), "--tls-dir", tls.c_str(), nullptr);
            ::_exit(127);
        }
        ::close(out[1]);
        std::string line;
        char c;
        while (::read(out[0], &c, 1) == 1 && c != '\n')
            line += c;
        ::close(out[0]);
        auto colon = line.rfind(':');
        if (colon == std::string::npos) return false;
        port = std::atoi(line.c_str() + colon + 1);
        return port > 0;
    }
    // utime + stime in seconds
    double cpuSeconds() const {
        std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
        std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        auto close = s.rfind(')');
        std::istringstream rest(s.substr(close + 2));
        std::string field;
        double ut = 0, st = 0;
        for (int i = 3; i <= 15 && rest >> field; ++i) {
            if (i == 14) ut = std::stod(field);
            if (i == 15) st = std::stod(field);
        }
        return (ut + st) / static_cast<double>(sysconf(_SC_CLK_TCK));
    }
    long statusKb(const char* key) const {
        std::ifstream in("/proc/" + std::to_string(pid) + "/status");
        std::string l;
        while (std::getline(in, l))
            if (l.rfind(key, 0) == 0) return std::atol(l.c_str() + std::strlen(key) + 1);
        return -1;
    }
    void stop() {
        if (pid <= 0) return;
        ::kill(pid, SIGTERM);
        int st = 0;
        ::waitpid(pid, &st, 0);
        pid = -1;
    }
};

// ---- terminals ----
struct Stats {
    std::vector<double> heartbeatMs, batchMs;
    // The same requests from the first byte written to the answer read: without connect and handshake.
    std::vector<double> heartbeatExchangeMs, batchExchangeMs;
    std::map<std::string, int> errors;
    int newConnections = 0, reusedConnections = 0, resumedSessions = 0;
    long hostileOpened = 0, hostileFloodBytes = 0, hostileFloodRefused = 0;
};

tcp::endpoint sourceAddress(int i) { // 127.0.1.1 ... one address per terminal
    return {net::ip::make_address_v4(0x7f000000u | (1u << 16) | (static_cast<unsigned>(i / 250) << 8) |
                                     static_cast<unsigned>(i % 250 + 1)),
            0};
}

struct Terminal {
    int index = 0;
    std::string id;
    ssl::context tls{ssl::context::tls_client};
    SSL_SESSION* session = nullptr;
    std::optional<beast::ssl_stream<beast::tcp_stream>> stream;
    Clock::time_point lastUsed;
};

// Closes the terminal's connection. Marked as shut down first: OpenSSL makes the session of a
// connection freed without a shutdown non-resumable, and libcurl's reconnects resume theirs.
void drop(Terminal& t) {
    if (t.stream) SSL_set_shutdown(t.stream->native_handle(), SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
    t.stream.reset();
}

net::awaitable<bool> connect(Terminal& t, const tcp::endpoint& server, Stats& stats) {
    auto ex = co_await net::this_coro::executor;
    t.stream.emplace(ex, t.tls);
    auto& sock = beast::get_lowest_layer(*t.stream).socket();
    sock.open(tcp::v4());
    sock.set_option(net::socket_base::reuse_address(true));
    sock.bind(sourceAddress(t.index));
    beast::get_lowest_layer(*t.stream).expires_after(10s);
    beast::error_code ec;
    co_await beast::get_lowest_layer(*t.stream).async_connect(server,
                                                              net::redirect_error(net::use_awaitable, ec));
    if (ec) {
        ++stats.errors["connect"];
        co_return false;
    }
    sock.set_option(tcp::no_delay(true));
    if (t.session) SSL_set_session(t.stream->native_handle(), t.session);
    beast::error_code hec;
    co_await t.stream->async_handshake(ssl::stream_base::client,
                                       net::redirect_error(net::use_awaitable, hec));
    if (hec) {
        ++stats.errors["handshake"];
        co_return false;
    }
    if (SSL_session_reused(t.stream->native_handle())) ++stats.resumedSessions;
    ++stats.newConnections;
    co_return true;
}

// One request as the terminal's client sends it; the latency includes any new connection.
net::awaitable<void> request(Terminal& t, const tcp::endpoint& server, const char* path, std::string body,
                             std::vector<double>& samples, std::vector<double>& exchange, Stats& stats) {
    auto start = Clock::now();
    bool fresh = false;
    if (!t.stream || Clock::now() - t.lastUsed > std::chrono::seconds(kiosk::common::kClientMaxIdleS)) {
        drop(t);
        if (!co_await connect(t, server, stats)) {
            drop(t);
            co_return;
        }
        fresh = true;
    } else {
        ++stats.reusedConnections;
    }
    http::request<http::string_body> req{http::verb::post, path, 11};
    req.set(http::field::host, "127.0.0.1");
    req.set(http::field::content_type, "application/json");
    req.body() = std::move(body);
    req.prepare_payload();
    beast::get_lowest_layer(*t.stream).expires_after(30s);
    auto sent = Clock::now();
    beast::error_code wec;
    co_await http::async_write(*t.stream, req, net::redirect_error(net::use_awaitable, wec));
    beast::flat_buffer buf;
    http::response<http::string_body> res;
    beast::error_code rec;
    if (!wec) co_await http::async_read(*t.stream, buf, res, net::redirect_error(net::use_awaitable, rec));
    if (wec || rec) {
        // A reused connection the server closed meanwhile: libcurl retries once on a new one.
        drop(t);
        if (!fresh) {
            ++stats.errors["stale_retry"];
            if (!co_await connect(t, server, stats)) co_return;
            beast::get_lowest_layer(*t.stream).expires_after(30s);
            sent = Clock::now();
            beast::error_code w2;
            co_await http::async_write(*t.stream, req, net::redirect_error(net::use_awaitable, w2));
            if (!w2)
                co_await http::async_read(*t.stream, buf, res, net::redirect_error(net::use_awaitable, rec));
            if (w2 || rec) {
                ++stats.errors[rec == beast::error::timeout ? "timeout" : "io"];
                drop(t);
                co_return;
            }
        } else {
            ++stats.errors[rec == beast::error::timeout ? "timeout" : "io"];
            co_return;
        }
    }
    t.lastUsed = Clock::now();
    // TLS 1.3 sends its session ticket after the handshake: take the session once an answer was read.
    if (SSL_SESSION* fresh1 = SSL_get1_session(t.stream->native_handle())) {
        if (t.session) SSL_SESSION_free(t.session);
        t.session = fresh1;
    }
    if (res.result_int() != 200)
        ++stats.errors["http_" + std::to_string(res.result_int())];
    else {
        samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        exchange.push_back(std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
    }
    if (!res.keep_alive()) drop(t);
}

std::string ratingsBatch(int terminal, int n, int round) {
    nlohmann::json list = nlohmann::json::array();
    for (int k = 0; k < n; ++k) {
        char id[40];
        std::snprintf(id, sizeof id, "0190a7a0-%04x-7%03x-8%03x-%012x", round & 0xffff, terminal & 0xfff,
                      (terminal >> 12) & 0xfff, k);
        list.push_back({{"id", id}, {"seq", k + 1}, {"created_ms", 1}, {"level", 1 + k % 5}, {"counter", 3}});
    }
    return nlohmann::json{{"ratings", list}}.dump();
}

net::awaitable<void> runTerminal(Terminal& t, tcp::endpoint server, const Options& o, Stats& stats,
                                 Clock::time_point end, Clock::time_point burstAt, bool bursts,
                                 double phase) {
    net::steady_timer timer(co_await net::this_coro::executor);
    auto next = Clock::now() + std::chrono::milliseconds(static_cast<long>(phase * 1000));
    bool burstDone = !bursts;
    while (true) {
        auto due = burstDone ? next : std::min(next, burstAt);
        if (due >= end) break;
        timer.expires_at(due);
        co_await timer.async_wait(net::use_awaitable);
        if (!burstDone && due == burstAt) {
            burstDone = true;
            co_await request(t, server, kiosk::common::api::kRatingsBatch, ratingsBatch(t.index, o.batch, 1),
                             stats.batchMs, stats.batchExchangeMs, stats);
            continue;
        }
        co_await request(t, server, kiosk::common::api::kHeartbeat,
                         R"({"version":"bench","pending":0,"rejected":0,"online":true})", stats.heartbeatMs,
                         stats.heartbeatExchangeMs, stats);
        next += std::chrono::seconds(o.interval);
    }
    drop(t);
}

// ---- hostile mix ----
tcp::endpoint hostileAddress(int k) { // 127.0.9.1 ... 127.0.9.8
    return {net::ip::make_address_v4(0x7f000900u | static_cast<unsigned>(k % 8 + 1)), 0};
}

// Opens a TCP connection (optionally sends `prefix`), then waits until the server cuts it; again.
net::awaitable<void> idleSocket(tcp::endpoint server, int k, std::string prefix, Clock::time_point end,
                                Stats& stats) {
    auto ex = co_await net::this_coro::executor;
    beast::error_code ignoredEc;
    while (Clock::now() < end) {
        tcp::socket s(ex);
        s.open(tcp::v4());
        s.set_option(net::socket_base::reuse_address(true));
        s.bind(hostileAddress(k));
        beast::error_code ec;
        co_await s.async_connect(server, net::redirect_error(net::use_awaitable, ec));
        ++stats.hostileOpened;
        if (!ec && !prefix.empty())
            co_await net::async_write(s, net::buffer(prefix),
                                      net::redirect_error(net::use_awaitable, ignoredEc));
        char b[512];
        if (!ec)
            co_await s.async_read_some(net::buffer(b),
                                       net::redirect_error(net::use_awaitable, ignoredEc)); // until closed
        net::steady_timer pause(ex, 50ms);
        co_await pause.async_wait(net::redirect_error(net::use_awaitable, ignoredEc));
    }
}

// TLS (a stolen terminal certificate), then the header one byte per 0.5 s, or a chunked body as fast
// as the server reads it.
net::awaitable<void> tlsHostile(Terminal& t, tcp::endpoint server, bool flood, Clock::time_point end,
                                Stats& stats) {
    auto ex = co_await net::this_coro::executor;
    beast::error_code ignoredEc;
    while (Clock::now() < end) {
        beast::ssl_stream<beast::tcp_stream> st(ex, t.tls);
        auto& sock = beast::get_lowest_layer(st).socket();
        sock.open(tcp::v4());
        sock.set_option(net::socket_base::reuse_address(true));
        sock.bind(hostileAddress(t.index));
        beast::error_code ec;
        co_await beast::get_lowest_layer(st).async_connect(server,
                                                           net::redirect_error(net::use_awaitable, ec));
        ++stats.hostileOpened;
        if (!ec)
            co_await st.async_handshake(ssl::stream_base::client,
                                        net::redirect_error(net::use_awaitable, ec));
        if (!ec && flood) {
            std::string head =
                "POST /api/v1/enroll HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
            co_await net::async_write(st, net::buffer(head), net::redirect_error(net::use_awaitable, ec));
            std::string chunk = "10000\r\n" + std::string(0x10000, 'a') + "\r\n";
            while (!ec && Clock::now() < end) {
                std::size_t n = 0;
                n = co_await net::async_write(st, net::buffer(chunk),
                                              net::redirect_error(net::use_awaitable, ec));
                stats.hostileFloodBytes += static_cast<long>(n);
            }
            ++stats.hostileFloodRefused;
        } else if (!ec) {
            std::string head = "POST /api/v1/heartbeat HTTP/1.1\r\nHost: x\r\nX-Slow: ";
            net::steady_timer drip(ex);
            for (std::size_t i = 0; !ec && Clock::now() < end; ++i) {
                co_await net::async_write(st, net::buffer(&head[i % head.size()], 1),
                                          net::redirect_error(net::use_awaitable, ec));
                drip.expires_after(500ms);
                co_await drip.async_wait(net::redirect_error(net::use_awaitable, ignoredEc));
            }
        }
        net::steady_timer pause(ex, 50ms);
        co_await pause.async_wait(net::redirect_error(net::use_awaitable, ignoredEc));
    }
}

// ---- report ----
nlohmann::json percentiles(std::vector<double> v) {
    if (v.empty()) return {{"count", 0}};
    std::sort(v.begin(), v.end());
    auto at = [&](double q) {
        return v[std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size())))];
    };
    auto r = [](double x) { return std::round(x * 100) / 100; };
    return {{"count", v.size()}, {"p50_ms", r(at(0.5))}, {"p99_ms", r(at(0.99))}, {"max_ms", r(v.back())}};
}

} // namespace

int main(int argc, char** argv) {
    Options o = parse(argc, argv);
    ::signal(SIGPIPE, SIG_IGN);
    if (rlimit r{}; getrlimit(RLIMIT_NOFILE, &r) == 0) {
        r.rlim_cur = r.rlim_max;
        setrlimit(RLIMIT_NOFILE, &r);
    }
    kiosk::testing::TempDir tmp("bench-central");
    std::string dir = o.dir.empty() ? tmp.path() : o.dir;
    std::string error;
    auto ca = kiosk::central::CertAuthority::openOrCreate(dir + "/tls", &error);
    if (!ca) {
        std::fprintf(stderr, "bench_central: %s\n", error.c_str());
        return 1;
    }
    int hostileTls = o.hostile ? 40 : 0; // 32 slow-header + 8 chunked-flood connections
    std::vector<std::unique_ptr<Terminal>> terms;
    auto issueStart = Clock::now();
    for (int i = 0; i < o.terminals + hostileTls; ++i) {
        auto t = std::make_unique<Terminal>();
        t->index = i < o.terminals ? i : i - o.terminals;
        char id[32];
        std::snprintf(id, sizeof id, "%s-%05d", i < o.terminals ? "HALL" : "ROGUE", i);
        t->id = id;
        std::string out = dir + "/t/" + t->id;
        if (!ca->issueTerminalCredentials(t->id, out, &error)) {
            std::fprintf(stderr, "bench_central: %s\n", error.c_str());
            return 1;
        }
        t->tls.use_certificate_chain_file(out + "/client.crt");
        t->tls.use_private_key_file(out + "/client.key", ssl::context::pem);
        t->tls.load_verify_file(out + "/ca.crt");
        t->tls.set_verify_mode(ssl::verify_peer);
        SSL_CTX_set_session_cache_mode(t->tls.native_handle(), SSL_SESS_CACHE_CLIENT);
        terms.push_back(std::move(t));
    }
    double issueS = std::chrono::duration<double>(Clock::now() - issueStart).count();
    ServerProcess server;
    if (!server.start(dir)) {
        std::fprintf(stderr, "bench_central: kiosk-central did not start\n");
        return 1;
    }
    tcp::endpoint ep(net::ip::make_address("127.0.0.1"), static_cast<unsigned short>(server.port));
    // The hostile mix runs on its own thread: its floods keep a thread busy encrypting, and the
    // terminals' latency must not include waiting behind them in the load generator.
    net::io_context io, hostileIo;
    Stats stats;
    auto start = Clock::now();
    auto end = start + std::chrono::seconds(o.duration);
    auto burstAt = start + std::chrono::seconds(o.burstAt);
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> phase(0.0, std::min(o.interval, o.duration));
    double cpu0 = server.cpuSeconds();
    if (o.hostile) {
        for (int k = 0; k < 400; ++k) // idle sockets and stalled ClientHellos
            net::co_spawn(hostileIo,
                          idleSocket(ep, k,
                                     k % 2 ? std::string("\x16\x03\x01\x02\x00\x01", 6) : std::string(), end,
                                     stats),
                          net::detached);
        for (int k = 0; k < hostileTls; ++k)
            net::co_spawn(hostileIo,
                          tlsHostile(*terms[static_cast<size_t>(o.terminals + k)], ep, k < 8, end, stats),
                          net::detached);
    }
    for (int i = 0; i < o.terminals; ++i)
        net::co_spawn(
            io,
            runTerminal(*terms[static_cast<size_t>(i)], ep, o, stats, end, burstAt, i < o.bursts, phase(rng)),
            net::detached);
    std::thread hostileThread([&hostileIo] { hostileIo.run(); });
    io.run(); // every coroutine ends by `end`; requests still in flight have their own 30 s deadline
    hostileThread.join();
    double wall = std::chrono::duration<double>(Clock::now() - start).count();
    double cpu = server.cpuSeconds() - cpu0;
    long rss = server.statusKb("VmRSS:"), hwm = server.statusKb("VmHWM:");
    server.stop();
    int errorsTotal = 0;
    for (auto& [k, v] : stats.errors)
        if (k != "stale_retry") errorsTotal += v;
    nlohmann::json report = {{"terminals", o.terminals},
                             {"duration_s", o.duration},
                             {"heartbeat_interval_s", o.interval},
                             {"bursts", o.bursts},
                             {"batch_ratings", o.batch},
                             {"hostile", o.hostile},
                             {"heartbeat", percentiles(stats.heartbeatMs)},
                             {"batch", percentiles(stats.batchMs)},
                             {"heartbeat_exchange_only", percentiles(stats.heartbeatExchangeMs)},
                             {"batch_exchange_only", percentiles(stats.batchExchangeMs)},
                             {"errors_total", errorsTotal},
                             {"errors", stats.errors},
                             {"connections",
                              {{"new", stats.newConnections},
                               {"reused", stats.reusedConnections},
                               {"tls_resumed", stats.resumedSessions}}},
                             {"hostile_connections_opened", stats.hostileOpened},
                             {"hostile_flood_mib_written", stats.hostileFloodBytes / 1048576},
                             {"hostile_floods_cut", stats.hostileFloodRefused},
                             {"server_rss_mib_end", rss / 1024},
                             {"server_rss_mib_peak", hwm / 1024},
                             {"server_cpu_s", std::round(cpu * 100) / 100},
                             {"server_cpu_percent_of_one_core", std::round(cpu / wall * 1000) / 10},
                             {"wall_s", std::round(wall * 10) / 10},
                             {"certificates_issue_s", std::round(issueS * 10) / 10}};
    std::printf("%s\n", report.dump(2).c_str());
    return 0;
}
