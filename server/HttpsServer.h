// HttpsServer — kiosk-central's transport: an event-driven HTTPS/1.1 server on Boost.Beast + Asio over
// OpenSSL. A few I/O threads carry every connection (thousands of idle keep-alive connections cost
// memory, not threads); route handlers run on a separate worker pool, so a slow SQLite write or a long
// poll never stalls the I/O of other connections. Chosen over cpp-httplib (thread per connection: 17
// idle sockets starved 16 workers) because Beast has per-message header and body limits that hold for
// chunked bodies too, and Asio gives per-operation deadlines (Debian libboost-dev, header-only).
//
// Sections: limits | hooks | server
// Checklist:
//   [x] deadlines: TLS handshake, request header (first request), keep-alive idle + header (later
//       requests), body, response write; a connection past one is closed
//   [x] header limits: total bytes (431) and field count (431); malformed requests 400, then close
//   [x] body limit by route before and while reading, Content-Length or chunked alike (413, then close)
//   [x] Expect: 100-continue answered (libcurl sends it for large bodies)
//   [x] caps: connections in total and per client address; over a cap the connection is closed at accept
//   [x] the client certificate is read once per connection (hooks.identify), requests carry the result
//   [x] admission (hooks.admits) checked after the header, before any body byte is read (401, close)
//   [x] one access-log line per request (server/AccessLog.h), early refusals included
//   [x] accept errors (EMFILE) back off 100 ms instead of spinning
//   [ ] HTTP/2: not needed by the terminals (libcurl speaks HTTP/1.1 to the server)
#pragma once

#include "server/HttpMessage.h"

#include <openssl/ssl.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace kiosk::central {

// ---- limits ----
struct HttpsLimits {
    int ioThreads = 2;
    int workerThreads = 16;
    int handshakeTimeoutS = 5;
    int headerTimeoutS = 10;    // from the handshake to the first request's complete header
    int keepAliveTimeoutS = 10; // from a response to the next request's complete header
    int bodyTimeoutS = 20;
    int writeTimeoutS = 10;
    std::size_t maxHeaderBytes = 8 * 1024; // request line + all header fields
    std::size_t maxHeaderCount = 64;
    std::size_t maxConnections = 10000;
    std::size_t maxConnectionsPerAddress = 256;
};

// ---- hooks ----
struct HttpsHooks {
    std::function<void(SSL_CTX*)> configureTls; // verify mode, session context, ...
    std::function<std::string(SSL*)> identify;  // terminal id of a handshaken connection
    std::function<std::size_t(std::string_view path)> bodyLimit;
    std::function<bool(const std::string& path, const std::string& terminal)> admits;
    std::function<void(const Request&, Response&)> handle; // runs on a worker thread; must not throw
    std::function<void(const std::string&)> log;
};

struct TlsFiles {
    std::string certChain, privateKey, clientCa;
};

// ---- server ----
class HttpsServer {
public:
    HttpsServer(HttpsLimits limits, HttpsHooks hooks);
    ~HttpsServer();
    HttpsServer(const HttpsServer&) = delete;
    HttpsServer& operator=(const HttpsServer&) = delete;

    // Loads the TLS files, binds host:port (0 = any free port) and starts the threads.
    bool start(const TlsFiles& tls, const std::string& host, int port, std::string* error);
    int port() const;
    void stop(); // idempotent; returns when every thread has ended
    std::size_t openConnections() const;

private:
    struct Impl;
    std::shared_ptr<Impl> impl_;
};

} // namespace kiosk::central
