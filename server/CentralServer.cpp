// kiosk-central's HTTPS server (see CentralServer.h). The API's routes are in server/routes/, one
// file per resource; this file sets up TLS, the handlers every request passes and the lifecycle.
//
// Sections: TLS setup | common handlers | lifecycle
#include "server/CentralServer.h"

#include "common/TlsCredentials.h"
#include "common/WireProtocol.h"
#include "server/AccessLog.h"
#include "server/ApiError.h"
#include "server/CertAuthority.h"
#include "server/DemoDistrict.h"
#include "server/routes/Routes.h"

#include <httplib.h>
#include <openssl/ssl.h>

#include <thread>

namespace kiosk::central {
namespace {

// ---- TLS setup ----
// Accepts chains that verify against the terminal CA; additionally lets a self-signed leaf named
// "kiosk-enrolment" through the handshake. Such a connection can reach only POST /api/v1/enroll
// (checked per request in RouteContext::terminalOf()).
int verifyAllowingEnrolment(int preverifyOk, X509_STORE_CTX* ctx) {
    if (preverifyOk) return 1;
    int err = X509_STORE_CTX_get_error(ctx);
    if (X509_STORE_CTX_get_error_depth(ctx) == 0 &&
        (err == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT ||
         err == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY ||
         err == X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE) &&
        common::commonNameOf(X509_STORE_CTX_get_current_cert(ctx)) == common::kEnrolmentCommonName)
        return 1;
    return 0;
}

void configureTls(SSL_CTX* ctx, bool sessionContext) {
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, verifyAllowingEnrolment);
    // A server that verifies client certificates must name its session context, or OpenSSL refuses
    // every resumed session with an "internal error" alert. libcurl resumes the session on the first
    // new connection after the keep-alive one was closed, so without this the first query after
    // kServerKeepAliveS of idle failed (issue 8.2). Resumed sessions keep the original client
    // certificate, so terminalOf() sees the same identity.
    static const unsigned char kSessionContext[] = "kiosk-central";
    if (sessionContext) SSL_CTX_set_session_id_context(ctx, kSessionContext, sizeof kSessionContext - 1);
}

void configureConnections(httplib::SSLServer& server, const CentralSettings& settings) {
    int threads = settings.workerThreads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
    server.set_payload_max_length(settings.maxPayloadBytes);
    server.set_read_timeout(10, 0);
    server.set_write_timeout(10, 0);
    server.set_keep_alive_max_count(1000);
    server.set_keep_alive_timeout(settings.keepAliveTimeoutS);
    server.set_tcp_nodelay(true); // answers are header + body writes: no Nagle/delayed-ACK stall
    // httplib's default sets SO_REUSEPORT, which lets a second server bind a port that is already
    // taken (the kernel then splits connections between them). Only SO_REUSEADDR here, so a taken
    // port is refused with a clear error.
    server.set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
}

// ---- common handlers ----
// Every request but enrolment needs a terminal certificate from our CA; errors are the API's JSON.
void addCommonHandlers(httplib::SSLServer& s, RouteContext& ctx) {
    s.set_pre_routing_handler([&ctx](const httplib::Request& req, httplib::Response& res) {
        if (req.path == common::api::kEnroll) return httplib::Server::HandlerResponse::Unhandled;
        if (ctx.terminalOf(req).empty()) {
            sendError(res, 401, "client_certificate_required",
                      "this endpoint needs a terminal certificate issued by this server's CA");
            // The body has not been read yet: close, or the next request on this connection is garbage.
            res.set_header("Connection", "close");
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return;
        if (res.status == 404)
            sendError(res, 404, "not_found", "no such endpoint");
        else if (res.status == 413)
            sendError(res, 413, "payload_too_large", "request body exceeds the limit");
        else if (res.status == 400)
            sendError(res, 400, "bad_request", "malformed HTTP request");
        else
            sendError(res, res.status, "http_" + std::to_string(res.status), "request failed");
    });
    s.set_exception_handler(
        [&ctx](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
            std::string what = "unknown";
            try {
                if (ep) std::rethrow_exception(ep);
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            ctx.log("internal error on " + escapeForLog(req.method, 16) + " " + escapeForLog(req.path) +
                    ": " + escapeForLog(what));
            sendError(res, 500, "internal", "internal server error; see the server log");
        });
    s.set_logger([&ctx](const httplib::Request& req, const httplib::Response& res) {
        ctx.log(accessLogLine({ctx.terminalOf(req), req.remote_addr, req.method, req.path, res.status,
                               req.body.size(), res.body.size(), 0}));
    });
}

} // namespace

// ---- lifecycle ----
struct CentralServer::Impl {
    CentralSettings settings;
    std::optional<CertAuthority> ca;
    InjectedFailures failures;
    std::unique_ptr<RouteContext> context;
    std::unique_ptr<httplib::SSLServer> server;
    std::thread thread;
    int boundPort = 0;

    bool openContext(std::string* error);
    bool createServer(std::string* error);
    bool bind(std::string* error);
};

bool CentralServer::Impl::openContext(std::string* error) {
    ca = CertAuthority::openOrCreate(settings.tlsDir, error, settings.serverNames);
    if (!ca) return false;
    try {
        context = std::make_unique<RouteContext>(settings, *ca, failures);
        if (settings.demoData) {
            context->district = loadDemoDistrict();
            context->cases.loadDemo(context->district);
        }
        context->documents = buildCatalogDocuments(context->district);
    } catch (const std::exception& e) {
        if (error) *error = e.what();
        return false;
    }
    return true;
}

bool CentralServer::Impl::createServer(std::string* error) {
    const TlsDirFiles& f = ca->files();
    server =
        std::make_unique<httplib::SSLServer>(f.serverCert.c_str(), f.serverKey.c_str(), f.caCert.c_str());
    if (!server->is_valid()) {
        if (error) *error = "cannot load the server certificate/key from " + settings.tlsDir;
        return false;
    }
    configureTls(server->ssl_context(), settings.tlsSessionContext);
    configureConnections(*server, settings);
    addCommonHandlers(*server, *context);
    addCaseRoutes(*server, *context);
    addTerminalRoutes(*server, *context);
    addCatalogRoutes(*server, *context);
    addRecordRoutes(*server, *context);
    addEventRoutes(*server, *context);
    return true;
}

bool CentralServer::Impl::bind(std::string* error) {
    if (settings.port == 0)
        boundPort = server->bind_to_any_port(settings.host.c_str());
    else if (server->bind_to_port(settings.host.c_str(), settings.port))
        boundPort = settings.port;
    else
        boundPort = -1;
    if (boundPort <= 0) {
        if (error) *error = "cannot listen on " + settings.host + ":" + std::to_string(settings.port);
        boundPort = 0;
        return false;
    }
    return true;
}

CentralServer::CentralServer(CentralSettings settings) : impl_(new Impl) {
    impl_->settings = std::move(settings);
}

CentralServer::~CentralServer() {
    stop();
}

int CentralServer::port() const {
    return impl_->boundPort;
}

bool CentralServer::start(std::string* error) {
    Impl& m = *impl_;
    if (!m.openContext(error) || !m.createServer(error) || !m.bind(error)) return false;
    m.thread = std::thread([&m] { m.server->listen_after_bind(); });
    return true;
}

void CentralServer::injectWriteFailures(int count, int status, int retryAfterS) {
    InjectedFailures& f = impl_->failures;
    f.status = status;
    f.retryAfterS = retryAfterS;
    f.remaining = count;
}

const std::string& CentralServer::caCertPath() const {
    return impl_->ca->files().caCert;
}

void CentralServer::stop() {
    Impl& m = *impl_;
    if (m.context) {
        m.context->events.stopping = true;
        m.context->events.cv.notify_all();
    }
    if (m.server) m.server->stop();
    if (m.thread.joinable()) m.thread.join();
}

} // namespace kiosk::central
