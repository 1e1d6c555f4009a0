// kiosk-central's HTTPS server (see CentralServer.h). The API's routes are in server/routes/, one
// file per resource, behind server/ApiRouter; the transport is server/HttpsServer (Beast + Asio).
// This file sets up TLS, wires the router to the transport and runs the lifecycle.
//
// Sections: TLS setup | lifecycle
#include "server/CentralServer.h"

#include "common/TlsCredentials.h"
#include "common/WireProtocol.h"
#include "server/ApiRouter.h"
#include "server/CertAuthority.h"
#include "server/DemoComplaints.h"
#include "server/DemoDistrict.h"
#include "server/HttpsServer.h"
#include "server/RequestValidation.h"
#include "server/routes/Routes.h"

#include <openssl/ssl.h>

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

} // namespace

// ---- lifecycle ----
struct CentralServer::Impl {
    CentralSettings settings;
    std::optional<CertAuthority> ca;
    InjectedFailures failures;
    std::unique_ptr<RouteContext> context;
    ApiRouter router;
    std::unique_ptr<HttpsServer> server;

    bool openContext(std::string* error);
    HttpsHooks hooks();
};

bool CentralServer::Impl::openContext(std::string* error) {
    ca = CertAuthority::openOrCreate(settings.tlsDir, error, settings.serverNames);
    if (!ca) return false;
    try {
        context = std::make_unique<RouteContext>(settings, *ca, failures);
        if (settings.demoData) {
            context->district = loadDemoDistrict();
            context->cases.loadDemo(context->district);
            seedDemoComplaints(context->db, context->district, settings.complaintDueWorkingDays,
                               wallClockMs());
        }
        context->documents = buildCatalogDocuments(context->district);
    } catch (const std::exception& e) {
        if (error) *error = e.what();
        return false;
    }
    addCaseRoutes(router, *context);
    addTerminalRoutes(router, *context);
    addCatalogRoutes(router, *context);
    addRecordRoutes(router, *context);
    addSuggestionRoutes(router, *context);
    addEventRoutes(router, *context);
    return true;
}

HttpsHooks CentralServer::Impl::hooks() {
    HttpsHooks h;
    bool sessionContext = settings.tlsSessionContext;
    h.configureTls = [sessionContext](SSL_CTX* ctx) { configureTls(ctx, sessionContext); };
    RouteContext* ctx = context.get();
    h.identify = [ctx](SSL* ssl) {
        return terminalIdOf(SSL_get0_peer_certificate(ssl), SSL_get_verify_result(ssl), ctx->caCert.get());
    };
    std::size_t batchLimit = settings.maxPayloadBytes;
    h.bodyLimit = [batchLimit](std::string_view path) { return bodyLimitFor(path, batchLimit); };
    h.admits = [](const std::string& path, const std::string& terminal) {
        return ApiRouter::admits(path, terminal);
    };
    h.handle = [this, ctx](const Request& req, Response& res) {
        router.handle(req, res, [ctx](const std::string& line) { ctx->log(line); });
    };
    h.log = [ctx](const std::string& line) { ctx->log(line); };
    return h;
}

CentralServer::CentralServer(CentralSettings settings) : impl_(new Impl) {
    impl_->settings = std::move(settings);
}

CentralServer::~CentralServer() {
    stop();
}

int CentralServer::port() const {
    return impl_->server ? impl_->server->port() : 0;
}

bool CentralServer::start(std::string* error) {
    Impl& m = *impl_;
    if (!m.openContext(error)) return false;
    const CentralSettings& s = m.settings;
    HttpsLimits limits;
    limits.ioThreads = s.ioThreads;
    limits.workerThreads = s.workerThreads;
    limits.handshakeTimeoutS = s.handshakeTimeoutS;
    limits.headerTimeoutS = s.headerTimeoutS;
    limits.keepAliveTimeoutS = s.keepAliveTimeoutS;
    limits.bodyTimeoutS = s.bodyTimeoutS;
    limits.writeTimeoutS = s.writeTimeoutS;
    limits.maxHeaderBytes = s.maxHeaderBytes;
    limits.maxHeaderCount = s.maxHeaderCount;
    limits.maxConnections = s.maxConnections;
    limits.maxConnectionsPerAddress = s.maxConnectionsPerAddress;
    m.server = std::make_unique<HttpsServer>(limits, m.hooks());
    const TlsDirFiles& f = m.ca->files();
    if (!m.server->start({f.serverCert, f.serverKey, f.caCert}, s.host, s.port, error)) {
        m.server.reset();
        return false;
    }
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

std::size_t CentralServer::openConnections() const {
    return impl_->server ? impl_->server->openConnections() : 0;
}

void CentralServer::stop() {
    Impl& m = *impl_;
    if (m.context) {
        m.context->events.stopping = true;
        m.context->events.cv.notify_all();
    }
    if (m.server) m.server->stop();
}

} // namespace kiosk::central
