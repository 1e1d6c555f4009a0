// kiosk-central's HTTPS server (see CentralServer.h).
//
// Sections: TLS setup | terminal identity | routes | lifecycle
#include "server/CentralServer.h"

#include "offline/SqliteDb.h"
#include "offline/TlsCredentials.h"
#include "server/ApiError.h"
#include "server/CaseDirectory.h"
#include "server/CertAuthority.h"
#include "server/DemoDistrict.h"
#include "server/LookupRateLimiter.h"
#include "server/WorkCalendar.h"

#include <httplib.h>
#include <openssl/ssl.h>

#include <cstdio>
#include <thread>

namespace kiosk::central {
namespace {

constexpr const char* kEnrolmentCommonName = "kiosk-enrolment";

// ---- TLS setup ----
// Accepts chains that verify against the terminal CA; additionally lets a self-signed leaf named
// "kiosk-enrolment" through the handshake. Such a connection can reach only POST /api/v1/enroll
// (checked per request in terminalOf()).
int verifyAllowingEnrolment(int preverifyOk, X509_STORE_CTX* ctx) {
    if (preverifyOk) return 1;
    int err = X509_STORE_CTX_get_error(ctx);
    if (X509_STORE_CTX_get_error_depth(ctx) == 0 &&
        (err == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT ||
         err == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY ||
         err == X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE) &&
        offline::commonNameOf(X509_STORE_CTX_get_current_cert(ctx)) == kEnrolmentCommonName)
        return 1;
    return 0;
}

} // namespace

struct CentralServer::Impl {
    CentralSettings settings;
    std::optional<CertAuthority> ca;
    offline::X509Ptr caCert;
    std::unique_ptr<offline::SqliteDb> db;
    std::unique_ptr<httplib::SSLServer> server;
    std::thread thread;
    int boundPort = 0;
    nlohmann::json district; // empty unless --demo-data
    CaseDirectory cases;
    std::unique_ptr<LookupRateLimiter> lookups;

    void log(const std::string& line) const {
        if (settings.log)
            settings.log(line);
        else
            std::fprintf(stderr, "kiosk-central: %s\n", line.c_str());
    }

    // ---- terminal identity ----
    // The terminal id (certificate CN) of a request whose client certificate chains to our CA; empty
    // otherwise.
    std::string terminalOf(const httplib::Request& req) const {
        if (!req.ssl) return {};
        X509* peer = SSL_get0_peer_certificate(req.ssl);
        if (!peer || SSL_get_verify_result(req.ssl) != X509_V_OK) return {};
        // Belt and braces: the leaf must be signed by our CA key (the enrolment bypass never passes this).
        if (X509_verify(peer, X509_get0_pubkey(caCert.get())) != 1) return {};
        std::string cn = offline::commonNameOf(peer);
        return cn == kEnrolmentCommonName ? std::string() : cn;
    }

    bool parseJsonBody(const httplib::Request& req, httplib::Response& res, nlohmann::json* out) const {
        try {
            *out = nlohmann::json::parse(req.body);
        } catch (const std::exception&) {
            sendError(res, 400, "bad_json", "request body is not valid JSON");
            return false;
        }
        if (!out->is_object()) {
            sendError(res, 400, "bad_json", "request body must be a JSON object");
            return false;
        }
        return true;
    }

    bool rateLimited(const std::string& terminal, httplib::Response& res) {
        int wait = lookups->acquire(terminal);
        if (wait == 0) return false;
        res.set_header("Retry-After", std::to_string(wait));
        sendError(res, 429, "rate_limited",
                  "too many lookups from this terminal; retry after " + std::to_string(wait) + " s");
        return true;
    }

    // ---- routes ----
    void routes() {
        httplib::SSLServer& s = *server;
        s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
            if (req.path == "/api/v1/enroll") return httplib::Server::HandlerResponse::Unhandled;
            if (terminalOf(req).empty()) {
                sendError(res, 401, "client_certificate_required",
                          "this endpoint needs a terminal certificate issued by this server's CA");
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
            [this](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
                std::string what = "unknown";
                try {
                    if (ep) std::rethrow_exception(ep);
                } catch (const std::exception& e) {
                    what = e.what();
                } catch (...) {
                }
                log("internal error on " + req.method + " " + req.path + ": " + what);
                sendError(res, 500, "internal", "internal server error; see the server log");
            });
        s.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
            std::string t = terminalOf(req);
            log((t.empty() ? std::string("-") : t) + " " + req.method + " " + req.path + " -> " +
                std::to_string(res.status));
        });

        s.Post("/api/v1/cases/query", [this](const httplib::Request& req, httplib::Response& res) {
            nlohmann::json body;
            if (!parseJsonBody(req, res, &body)) return;
            auto id = body.find("id_number");
            if (id == body.end() || !id->is_string() || id->get<std::string>().size() != 18) {
                sendError(res, 400, "bad_id_number", "id_number must be an 18-character string");
                return;
            }
            if (rateLimited(terminalOf(req), res)) return;
            sendJson(res, 200,
                     {{"server_time", isoTimestampChina()},
                      {"cases", cases.casesFor(id->get<std::string>(), todayInChina())}});
        });
    }
};

// ---- lifecycle ----
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
    m.ca = CertAuthority::openOrCreate(m.settings.tlsDir, error);
    if (!m.ca) return false;
    m.caCert = offline::loadCertificatePem(m.ca->caCertPem());
    try {
        m.db = std::make_unique<offline::SqliteDb>(m.settings.dbPath);
        if (m.settings.demoData) {
            m.district = loadDemoDistrict();
            m.cases.loadDemo(m.district);
        }
    } catch (const std::exception& e) {
        if (error) *error = e.what();
        return false;
    }
    m.lookups = std::make_unique<LookupRateLimiter>(m.settings.lookupsPerMinute, m.settings.lookupBurst);

    const TlsDirFiles& f = m.ca->files();
    m.server =
        std::make_unique<httplib::SSLServer>(f.serverCert.c_str(), f.serverKey.c_str(), f.caCert.c_str());
    if (!m.server->is_valid()) {
        if (error) *error = "cannot load the server certificate/key from " + m.settings.tlsDir;
        return false;
    }
    SSL_CTX* ctx = m.server->ssl_context();
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, verifyAllowingEnrolment);

    int threads = m.settings.workerThreads;
    m.server->new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
    m.server->set_payload_max_length(m.settings.maxPayloadBytes);
    m.server->set_read_timeout(10, 0);
    m.server->set_write_timeout(10, 0);
    m.server->set_keep_alive_max_count(1000);
    m.server->set_keep_alive_timeout(10);
    m.routes();

    if (m.settings.port == 0)
        m.boundPort = m.server->bind_to_any_port(m.settings.host.c_str());
    else if (m.server->bind_to_port(m.settings.host.c_str(), m.settings.port))
        m.boundPort = m.settings.port;
    else
        m.boundPort = -1;
    if (m.boundPort <= 0) {
        if (error) *error = "cannot listen on " + m.settings.host + ":" + std::to_string(m.settings.port);
        m.boundPort = 0;
        return false;
    }
    m.thread = std::thread([&m] { m.server->listen_after_bind(); });
    return true;
}

void CentralServer::stop() {
    Impl& m = *impl_;
    if (m.server) m.server->stop();
    if (m.thread.joinable()) m.thread.join();
}

} // namespace kiosk::central
