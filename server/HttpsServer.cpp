// Event-driven HTTPS server (see HttpsServer.h). One Session per TCP connection, on its own strand:
// handshake -> read header -> admit / size checks -> read body -> handler on the worker pool ->
// write -> next request or close. Every step has a deadline (tcp_stream::expires_after), so a peer
// that stops sending costs one socket until its deadline, never a thread.
//
// Sections: shared state | session | accept loop | lifecycle
#include "server/HttpsServer.h"

#include "server/AccessLog.h"
#include "server/ApiError.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace kiosk::central {
namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

namespace {

// ---- shared state ----
// What every session reads: limits, hooks, the worker pool and the connection counts. Owned by the
// server's Impl and outlives every session (the io_context holding them is destroyed first).
struct Shared {
    HttpsLimits limits;
    HttpsHooks hooks;
    std::size_t largestBody = 0; // body limit while the header is read (the route is not known yet)
    std::mutex mutex;
    std::map<std::string, std::size_t> perAddress;
    std::atomic<std::size_t> total{0};
    std::atomic<bool> stopping{false};
    net::thread_pool* pool = nullptr;

    void log(const std::string& line) const {
        if (hooks.log) hooks.log(line);
    }
    // Takes a connection slot for `addr`; false when a cap is reached.
    bool acquire(const std::string& addr) {
        std::lock_guard lock(mutex);
        std::size_t& n = perAddress[addr];
        if (total.load() >= limits.maxConnections || n >= limits.maxConnectionsPerAddress) {
            if (n == 0) perAddress.erase(addr);
            return false;
        }
        ++n;
        ++total;
        return true;
    }
    void release(const std::string& addr) {
        std::lock_guard lock(mutex);
        auto it = perAddress.find(addr);
        if (it != perAddress.end() && --it->second == 0) perAddress.erase(it);
        --total;
    }
};

// ---- session ----
class Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket&& socket, ssl::context& tls, Shared& shared, std::string addr)
        : stream_(std::move(socket), tls), shared_(shared), addr_(std::move(addr)) {}
    ~Session() { shared_.release(addr_); }

    void start() {
        beast::get_lowest_layer(stream_).expires_after(
            std::chrono::seconds(shared_.limits.handshakeTimeoutS));
        stream_.async_handshake(ssl::stream_base::server,
                                [self = shared_from_this()](beast::error_code ec) { self->onHandshake(ec); });
    }

private:
    beast::ssl_stream<beast::tcp_stream> stream_;
    Shared& shared_;
    std::string addr_, terminal_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    http::response<http::string_body> res_;
    std::optional<http::response<http::empty_body>> continue_;
    Request req_;
    bool first_ = true, close_ = false;
    std::chrono::steady_clock::time_point started_;

    void onHandshake(beast::error_code ec) {
        if (ec) return; // slow, broken or refused handshake: the socket closes with the session
        terminal_ = shared_.hooks.identify(stream_.native_handle());
        readHeader();
    }

    void readHeader() {
        if (shared_.stopping) return;
        if (buffer_.capacity() > 64 * 1024) buffer_.shrink_to_fit(); // an idle connection keeps little
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(shared_.limits.maxHeaderBytes));
        parser_->body_limit(shared_.largestBody);
        int s = first_ ? shared_.limits.headerTimeoutS : shared_.limits.keepAliveTimeoutS;
        beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(s));
        http::async_read_header(
            stream_, buffer_, *parser_,
            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onHeader(ec); });
    }

    // Answers at once and closes (the unread rest of the request cannot be trusted as a next request).
    void refuse(int status, const std::string& code, const std::string& message) {
        Response r;
        sendError(r, status, code, message);
        close_ = true;
        write(std::move(r));
    }

    void onHeader(beast::error_code ec) {
        started_ = std::chrono::steady_clock::now();
        req_ = Request{};
        req_.remote_addr = addr_;
        req_.terminal = terminal_;
        if (ec == http::error::header_limit)
            return refuse(431, "header_too_large", "request header too large");
        if (ec == http::error::body_limit)
            return refuse(413, "payload_too_large", "request body exceeds the limit");
        if (shared_.stopping || ec == http::error::end_of_stream ||
            (ec && ec.category() != beast::error_code(http::error::header_limit).category()))
            return shutdown(); // idle time-out, peer gone, TLS error: nothing to answer
        if (ec) return refuse(400, "bad_request", "malformed HTTP request");
        const auto& h = parser_->get();
        req_.method = std::string(h.method_string());
        std::size_t count = 0;
        for (const auto& f : h) {
            if (++count > shared_.limits.maxHeaderCount)
                return refuse(431, "header_too_large", "too many request header fields");
            req_.headers.emplace_back(std::string(f.name_string()), std::string(f.value()));
        }
        if (!req_.setTarget(std::string_view(h.target().data(), h.target().size())))
            return refuse(400, "bad_request", "request target must be a path");
        if (!shared_.hooks.admits(req_.path, terminal_))
            return refuse(401, "client_certificate_required",
                          "this endpoint needs a terminal certificate issued by this server's CA");
        std::size_t limit = shared_.hooks.bodyLimit(req_.path);
        if (auto length = parser_->content_length(); length && *length > limit)
            return refuse(413, "payload_too_large", "request body exceeds this route's limit");
        parser_->body_limit(limit);
        close_ = !parser_->keep_alive();
        beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(shared_.limits.bodyTimeoutS));
        if (beast::iequals(h[http::field::expect], "100-continue") && !parser_->is_done()) {
            continue_.emplace(http::status::continue_, h.version());
            http::async_write(stream_, *continue_,
                              [self = shared_from_this()](beast::error_code e, std::size_t) {
                                  if (e) return self->shutdown();
                                  self->readBody();
                              });
            return;
        }
        readBody();
    }

    void readBody() {
        http::async_read(
            stream_, buffer_, *parser_,
            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onBody(ec); });
    }

    void onBody(beast::error_code ec) {
        if (ec == http::error::body_limit)
            return refuse(413, "payload_too_large", "request body exceeds this route's limit");
        if (ec && ec.category() == beast::error_code(http::error::body_limit).category())
            return refuse(400, "bad_request", "malformed HTTP request body");
        if (ec) return shutdown(); // time-out or peer gone mid-body
        req_.body = parser_->release().body();
        // The handler may block (SQLite, long poll): the worker pool, never an I/O thread.
        net::post(*shared_.pool, [self = shared_from_this()] {
            Response r;
            try {
                self->shared_.hooks.handle(self->req_, r);
            } catch (...) {
                r = Response{};
                sendError(r, 500, "internal", "internal server error; see the server log");
            }
            net::post(self->stream_.get_executor(),
                      [self, r = std::move(r)]() mutable { self->write(std::move(r)); });
        });
    }

    void write(Response r) {
        res_ = {};
        res_.version(11);
        res_.result(static_cast<unsigned>(r.status));
        for (auto& [k, v] : r.headers)
            res_.insert(k, v);
        if (!r.contentType.empty()) res_.set(http::field::content_type, r.contentType);
        if (shared_.stopping) close_ = true;
        res_.keep_alive(!close_);
        if (!close_)
            res_.set(http::field::keep_alive, "timeout=" + std::to_string(shared_.limits.keepAliveTimeoutS));
        res_.body() = std::move(r.body);
        res_.prepare_payload();
        double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_).count();
        shared_.log(accessLogLine({terminal_, addr_, req_.method, req_.target, r.status, req_.body.size(),
                                   res_.body().size(), ms}));
        beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(shared_.limits.writeTimeoutS));
        http::async_write(stream_, res_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec || self->close_) return self->shutdown();
            self->first_ = false;
            self->readHeader();
        });
    }

    void shutdown() {
        beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(2));
        stream_.async_shutdown([self = shared_from_this()](beast::error_code) {
            beast::error_code ignored;
            beast::get_lowest_layer(self->stream_).socket().shutdown(tcp::socket::shutdown_both, ignored);
            beast::get_lowest_layer(self->stream_).close();
        });
    }
};

} // namespace

// ---- accept loop ----
struct HttpsServer::Impl {
    Shared shared; // destroyed last: sessions release their slots into it
    std::optional<ssl::context> tls;
    net::io_context io;
    std::optional<tcp::acceptor> acceptor;
    net::steady_timer acceptRetry{io};
    std::optional<net::thread_pool> pool; // destroyed before io: its work holds sessions
    std::vector<std::thread> threads;
    int boundPort = 0;
    bool stopped = false;

    void accept() {
        acceptor->async_accept(net::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
            if (!acceptor->is_open() || shared.stopping) return;
            if (ec) { // EMFILE and friends: wait a little instead of spinning on the error
                acceptRetry.expires_after(std::chrono::milliseconds(100));
                acceptRetry.async_wait([this](beast::error_code e) {
                    if (!e) accept();
                });
                return;
            }
            beast::error_code e2;
            auto ep = socket.remote_endpoint(e2);
            std::string addr = e2 ? std::string("?") : ep.address().to_string();
            if (shared.acquire(addr)) {
                socket.set_option(tcp::no_delay(true), e2);
                std::make_shared<Session>(std::move(socket), *tls, shared, addr)->start();
            } else {
                socket.close(e2); // over a cap: refused before any TLS work
            }
            accept();
        });
    }
};

// ---- lifecycle ----
HttpsServer::HttpsServer(HttpsLimits limits, HttpsHooks hooks) : impl_(std::make_shared<Impl>()) {
    impl_->shared.limits = limits;
    impl_->shared.hooks = std::move(hooks);
}

HttpsServer::~HttpsServer() {
    stop();
}

bool HttpsServer::start(const TlsFiles& files, const std::string& host, int port, std::string* error) {
    Impl& m = *impl_;
    try {
        m.tls.emplace(ssl::context::tls_server);
        m.tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                           ssl::context::no_sslv3);
        m.tls->use_certificate_chain_file(files.certChain);
        m.tls->use_private_key_file(files.privateKey, ssl::context::pem);
        m.tls->load_verify_file(files.clientCa);
        SSL_CTX* ctx = m.tls->native_handle();
        SSL_CTX_set_client_CA_list(ctx, SSL_load_client_CA_file(files.clientCa.c_str()));
        SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS); // idle connections give back their TLS buffers
        if (m.shared.hooks.configureTls) m.shared.hooks.configureTls(ctx);
    } catch (const std::exception& e) {
        if (error) *error = std::string("cannot load the server certificate/key: ") + e.what();
        return false;
    }
    try {
        tcp::endpoint ep(net::ip::make_address(host), static_cast<unsigned short>(port));
        m.acceptor.emplace(m.io);
        m.acceptor->open(ep.protocol());
        // SO_REUSEADDR only (no SO_REUSEPORT): a port another server holds is refused with a clear error.
        m.acceptor->set_option(net::socket_base::reuse_address(true));
        m.acceptor->bind(ep);
        m.acceptor->listen(net::socket_base::max_listen_connections);
        m.boundPort = m.acceptor->local_endpoint().port();
    } catch (const std::exception& e) {
        if (error) *error = "cannot listen on " + host + ":" + std::to_string(port) + ": " + e.what();
        m.acceptor.reset();
        return false;
    }
    // Sized so that a batch at the route's largest limit can be told from one above it.
    m.shared.largestBody = 0;
    for (const char* p :
         {"/api/v1/ratings/batch", "/api/v1/complaints", "/api/v1/enroll", "/api/v1/heartbeat"})
        m.shared.largestBody = std::max(m.shared.largestBody, m.shared.hooks.bodyLimit(p));
    m.pool.emplace(static_cast<std::size_t>(std::max(1, m.shared.limits.workerThreads)));
    m.shared.pool = &*m.pool;
    m.accept();
    for (int i = 0; i < std::max(1, m.shared.limits.ioThreads); ++i)
        m.threads.emplace_back([&m] { m.io.run(); });
    return true;
}

int HttpsServer::port() const {
    return impl_->boundPort;
}

std::size_t HttpsServer::openConnections() const {
    return impl_->shared.total.load();
}

void HttpsServer::stop() {
    Impl& m = *impl_;
    if (m.stopped) return;
    m.stopped = true;
    m.shared.stopping = true;
    m.io.stop();
    for (std::thread& t : m.threads)
        t.join();
    m.threads.clear();
    if (m.acceptor) { // no I/O thread runs any more: safe to touch from here
        beast::error_code ignored;
        m.acceptor->close(ignored);
    }
    if (m.pool) m.pool->join(); // running handlers finish; their answers are dropped with the io_context
}

} // namespace kiosk::central
