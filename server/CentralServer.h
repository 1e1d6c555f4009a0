// kiosk-central's HTTPS server: mutual TLS against the terminal CA, JSON API under /api/v1 (docs/API.md).
//
// Sections: settings | server
// Checklist:
//   [x] TLS 1.2 minimum; client certificate signed by the terminal CA required for every endpoint except
//       enrolment, which accepts the terminal's self-signed enrolment certificate (CN "kiosk-enrolment")
//   [x] event-driven transport (server/HttpsServer.h): a few I/O threads, a worker pool for handlers,
//       deadlines for handshake / header / keep-alive / body / write, header and body limits, caps on
//       connections in total and per client address; clear JSON errors for 4xx/5xx
//   [x] POST /api/v1/cases/query (rate-limited per terminal)
//   [x] start() binds (port 0 = any free port) and serves on its own thread; stop() joins
//   [ ] see CentralApi.h for the remaining endpoints' status
#pragma once

#include "common/WireProtocol.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::central {

// ---- settings ----
struct CentralSettings {
    std::string host = "127.0.0.1";
    int port = 0; // 0 = any free port; read it back with port()
    std::string dbPath;
    std::string tlsDir;
    // AES-256-GCM key for the records' payloads at rest (server/DataCipher.h), created 0600 on first
    // start; empty = <tlsDir>/data.key. Keep it off the database's disk or backup set.
    std::string dataKeyPath;
    std::vector<std::string> serverNames; // extra names / addresses for the server certificate (first start)
    bool demoData = false;
    size_t maxPayloadBytes = 1 << 20; // body of a ratings batch; other routes are smaller (bodyLimitFor)
    double lookupsPerMinute = 60;     // per terminal, case + complaint-progress lookups
    double lookupBurst = 20;
    // A complaint's handling limit: its due date is received + this many working days (WorkCalendar.h);
    // 15 is the usual limit for complaints (../shared/reference/service-hall-rules.md).
    int complaintDueWorkingDays = 15;
    int workerThreads = 16; // route handlers (SQLite, long polls); at most half hold long polls
    int ioThreads = 2;      // every connection's I/O
    int handshakeTimeoutS = 5;
    int headerTimeoutS = 10; // first request's header, from the end of the handshake
    int bodyTimeoutS = 20;
    int writeTimeoutS = 10;
    size_t maxHeaderBytes = 8 * 1024; // request line + header fields (431 above)
    size_t maxHeaderCount = 64;
    size_t maxConnections = 10000;
    size_t maxConnectionsPerAddress = 256; // a hall behind one NAT address still fits
    int longPollMaxS = 30;
    // A keep-alive connection is closed when no complete request header arrived this long after the
    // previous answer. The terminals' HttpsClient stops reusing a connection earlier
    // (common::kClientMaxIdleS, derived from the same constant).
    int keepAliveTimeoutS = common::kServerKeepAliveS;
    // Test hook: false leaves out the TLS session id context, i.e. a server that refuses every resumed
    // session, as kiosk-central did before issue 8.2 (the terminal must cope with such a server).
    bool tlsSessionContext = true;
    std::function<void(const std::string&)> log; // technician log lines without personal data; null = stderr
};

// ---- server ----
class CentralServer {
public:
    explicit CentralServer(CentralSettings settings);
    ~CentralServer();
    CentralServer(const CentralServer&) = delete;
    CentralServer& operator=(const CentralServer&) = delete;

    // Creates the CA / server certificate on first use, opens the database, binds and starts serving.
    bool start(std::string* error);
    int port() const;
    void stop(); // idempotent; returns when the serving thread has ended

    // Test hook: the next `count` record writes (complaints, ratings batches) are answered with `status`
    // (and Retry-After when retryAfterS > 0) without touching the database.
    void injectWriteFailures(int count, int status, int retryAfterS = 0);
    const std::string& caCertPath() const;
    std::size_t openConnections() const; // TCP connections held now (tests, benchmark)

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace kiosk::central
