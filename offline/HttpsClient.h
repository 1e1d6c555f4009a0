// Blocking HTTPS client for worker threads (never the UI thread): libcurl + OpenSSL, mutual TLS.
//
// Sections: settings | result | client
// Checklist:
//   [x] TLS 1.2 minimum, server verified against the central CA file, host name verified
//   [x] client certificate + key (optional: enrolment runs before the terminal has one)
//   [x] optional pinned public key (sha256//BASE64[;sha256//...]) checked before any data is sent
//   [x] connect, low-speed (stall) and total time-outs; CURLOPT_NOSIGNAL for threads
//   [x] Retry-After and ETag captured; technician-readable error text that never holds a request body
//   [x] one connection reused between calls (keep-alive); one object per thread, not shared
//   [x] an idle connection is dropped before the server drops it (kClientMaxIdleS < kServerKeepAliveS)
//   [x] a request that fails before any byte of the answer, on a handle that had a connection or TLS
//       session from an earlier call, is retried once on a new connection without session resumption
//       (safe: every POST is idempotent, docs/API.md "Transport and security")
//   [ ] HTTP proxies: not configured (curl's environment proxy variables are ignored on purpose)
#pragma once

#include "common/WireProtocol.h"

#include <atomic>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::offline {

// ---- settings ----
struct HttpsSettings {
    std::string baseUrl; // https://host:port (no trailing path)
    std::string caFile, certFile, keyFile;
    std::string pinnedPubkey; // "sha256//..." or empty
    int connectTimeoutMs = 5000;
    int lowSpeedTimeS = 10; // abort when below 1 byte/s for this long (a stalled server)
    int totalTimeoutMs = 15000;
    // An idle connection older than this is not reused (before kiosk-central closes it,
    // common/WireProtocol.h).
    int maxIdleConnS = common::kClientMaxIdleS;
    bool verifyServer = true; // false only for trust-on-first-use enrolment; never for normal traffic
};

// ---- result ----
struct HttpResult {
    long status = 0;               // HTTP status; 0 when no response was received
    std::string body;              // response body
    std::string etag;              // ETag header, if any
    long retryAfterS = -1;         // Retry-After in seconds, -1 when absent
    int curlCode = 0;              // CURLcode; 0 = transfer completed
    std::string error;             // technician-readable, never contains the request body
    bool reusedConnection = false; // the (last) attempt went over a connection kept from an earlier call
    bool retried = false;          // the first attempt failed before any answer and was sent again

    bool transportOk() const { return curlCode == 0 && status != 0; }
    bool ok() const { return transportOk() && status >= 200 && status < 300; }
};

// ---- client ----
class HttpsClient {
public:
    explicit HttpsClient(HttpsSettings settings);
    ~HttpsClient();
    HttpsClient(const HttpsClient&) = delete;
    HttpsClient& operator=(const HttpsClient&) = delete;

    // `path` starts with '/'. Extra headers are full "Name: value" lines.
    HttpResult get(std::string_view path, const std::vector<std::string>& headers = {});
    HttpResult postJson(std::string_view path, const std::string& body,
                        const std::vector<std::string>& headers = {});
    // Generic form; totalTimeoutMs overrides the settings when > 0 (long polls).
    HttpResult request(std::string_view method, std::string_view path, const std::string* body,
                       const std::vector<std::string>& headers, int totalTimeoutMs = 0);

    const HttpsSettings& settings() const { return settings_; }
    // A transfer in progress is aborted soon after *flag becomes true (lets a long poll end on shutdown).
    void setAbortFlag(const std::atomic<bool>* flag) { abortFlag_ = flag; }

private:
    struct Impl;
    HttpsSettings settings_;
    std::unique_ptr<Impl> impl_;
    const std::atomic<bool>* abortFlag_ = nullptr;
};

} // namespace kiosk::offline
