// kiosk-central's HTTPS server (see CentralServer.h).
//
// Sections: TLS setup | terminal identity | routes | lifecycle
#include "server/CentralServer.h"

#include "common/SqliteDb.h"
#include "common/TlsCredentials.h"
#include "common/Uuid7.h"
#include "server/ApiError.h"
#include "server/CaseDirectory.h"
#include "server/CentralDb.h"
#include "server/CertAuthority.h"
#include "server/DemoDistrict.h"
#include "server/LookupRateLimiter.h"
#include "server/WorkCalendar.h"
#include "text/IdNumber.h"

#include <httplib.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <map>
#include <set>
#include <thread>

namespace kiosk::central {
namespace {

using common::kEnrolmentCommonName;

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
        common::commonNameOf(X509_STORE_CTX_get_current_cert(ctx)) == kEnrolmentCommonName)
        return 1;
    return 0;
}

} // namespace

struct CentralServer::Impl {
    CentralSettings settings;
    std::optional<CertAuthority> ca;
    common::X509Ptr caCert;
    std::unique_ptr<CentralDb> db;
    std::string catalogBody, catalogEtag, rosterBody, rosterEtag;
    std::set<std::string> complaintCategories;
    std::map<std::string, std::string> departmentNames; // id -> name
    std::unique_ptr<LookupRateLimiter> enrolments;
    std::atomic<bool> stopping{false};
    std::atomic<int> activePolls{0};
    std::atomic<int> failWrites{0}, failStatus{503}, failRetryAfterS{0};
    std::mutex eventMutex;
    std::condition_variable eventCv;
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
        std::string cn = common::commonNameOf(peer);
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

    // ---- documents (catalog, roster) ----
    void buildDocuments() {
        nlohmann::json catalog = {
            {"district", nlohmann::json::object()},
            {"departments", nlohmann::json::array()},
            {"service_items", nlohmann::json::array()},
            {"complaint_categories", nlohmann::json::array()},
            {"rating_levels", nlohmann::json::array()},
            {"rating_reason_tags",
             {{"positive", nlohmann::json::array()}, {"negative", nlohmann::json::array()}}}};
        nlohmann::json roster = {{"counters", nlohmann::json::array()}, {"staff", nlohmann::json::array()}};
        if (!district.is_null()) {
            for (const char* k : {"district", "departments", "service_items", "complaint_categories",
                                  "rating_levels", "rating_reason_tags"})
                catalog[k] = district.at(k);
            roster["counters"] = district.at("counters");
            roster["staff"] = district.at("staff");
            for (const auto& c : district.at("complaint_categories"))
                complaintCategories.insert(c.at("id").get<std::string>());
            for (const auto& d : district.at("departments"))
                departmentNames[d.at("id").get<std::string>()] = d.at("name").get<std::string>();
        } else {
            complaintCategories = {"tuiwei", "chinakayao", "luanshoufei", "tuola", "taidu", "zhifa", "qita"};
        }
        auto finish = [](nlohmann::json& doc, std::string* body, std::string* etag) {
            std::string version = CentralDb::sha256Hex(doc.dump()).substr(0, 16);
            doc["version"] = version;
            *body = doc.dump();
            *etag = "\"" + version + "\"";
        };
        finish(catalog, &catalogBody, &catalogEtag);
        finish(roster, &rosterBody, &rosterEtag);
    }

    void serveDocument(const httplib::Request& req, httplib::Response& res, const std::string& body,
                       const std::string& etag) {
        res.set_header("ETag", etag);
        res.set_header("Cache-Control", "no-cache");
        if (req.get_header_value("If-None-Match") == etag) {
            res.status = 304;
            return;
        }
        res.status = 200;
        res.set_content(body, "application/json; charset=utf-8");
    }

    // ---- record validation ----
    static bool isString(const nlohmann::json& o, const char* k, size_t maxBytes, bool required = true) {
        auto it = o.find(k);
        if (it == o.end() || it->is_null()) return !required;
        return it->is_string() && !(required && it->get<std::string>().empty()) &&
               it->get<std::string>().size() <= maxBytes;
    }

    // Empty string = valid; otherwise the error code.
    static std::string envelopeError(const nlohmann::json& r) {
        if (!r.is_object()) return "bad_record";
        auto id = r.find("id");
        if (id == r.end() || !id->is_string() || !common::isUuid(id->get<std::string>())) return "bad_id";
        auto seq = r.find("seq");
        if (seq == r.end() || !seq->is_number_integer() || seq->get<std::int64_t>() < 1) return "bad_seq";
        auto created = r.find("created_ms");
        if (created == r.end() || !created->is_number_integer()) return "bad_created_ms";
        return {};
    }

    std::string complaintError(const nlohmann::json& c) const {
        if (std::string e = envelopeError(c); !e.empty()) return e;
        if (!isString(c, "category", 32) || !complaintCategories.count(c.at("category").get<std::string>()))
            return "bad_category";
        if (!isString(c, "content", 8000)) return "bad_content";
        if (!isString(c, "tracking_no", 64)) return "bad_tracking_no";
        auto code = c.find("verify_code");
        if (code == c.end() || !code->is_string() || code->get<std::string>().size() != 6)
            return "bad_verify_code";
        for (const char* k : {"phone", "name", "id_number", "item_id", "department", "staff_id", "case_no"})
            if (!isString(c, k, 256, false)) return std::string("bad_") + k;
        return {};
    }

    static std::string ratingError(const nlohmann::json& r) {
        if (std::string e = envelopeError(r); !e.empty()) return e;
        auto level = r.find("level");
        if (level == r.end() || !level->is_number_integer() || level->get<int>() < 1 || level->get<int>() > 5)
            return "bad_level";
        if (auto t = r.find("tags"); t != r.end() && !t->is_null()) {
            if (!t->is_array() || t->size() > 16) return "bad_tags";
            for (const auto& x : *t)
                if (!x.is_string() || x.get<std::string>().size() > 64) return "bad_tags";
        }
        if (auto c = r.find("counter"); c != r.end() && !c->is_null() && !c->is_number_integer())
            return "bad_counter";
        for (const char* k : {"staff_id", "case_no", "item_id"})
            if (!isString(r, k, 128, false)) return std::string("bad_") + k;
        if (!isString(r, "comment", 2000, false)) return "bad_comment";
        return {};
    }

    static std::int64_t wallMs() {
        using namespace std::chrono;
        return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    }

    static std::string isoOfMs(std::int64_t ms) {
        return isoTimestampChina(std::chrono::system_clock::time_point(std::chrono::milliseconds(ms)));
    }

    // ---- complaint progress (simulated back office: 受理 -> 转办 after 2 min -> 办理中 after 10 min) ----
    nlohmann::json complaintProgress(const nlohmann::json& row) const {
        std::int64_t received = row.at("received_ms").get<std::int64_t>();
        std::int64_t age = wallMs() - received;
        std::string dept = row.at("department").get<std::string>();
        auto d = departmentNames.find(dept);
        std::string deptName =
            d != departmentNames.end() ? d->second : (dept.empty() ? "区政务服务管理办公室" : dept);
        nlohmann::json timeline = nlohmann::json::array();
        timeline.push_back({{"at", isoOfMs(received)}, {"state", "received"}, {"text", "投诉已受理"}});
        std::string status = "received";
        if (age >= 2 * 60 * 1000) {
            status = "transferred";
            timeline.push_back({{"at", isoOfMs(received + 2 * 60 * 1000)},
                                {"state", "transferred"},
                                {"text", "已转办至" + deptName}});
        }
        if (age >= 10 * 60 * 1000) {
            status = "handling";
            timeline.push_back({{"at", isoOfMs(received + 10 * 60 * 1000)},
                                {"state", "handling"},
                                {"text", deptName + "正在办理"}});
        }
        return {
            {"tracking_no", row.at("tracking_no")}, {"status", status},     {"category", row.at("category")},
            {"received_at", isoOfMs(received)},     {"timeline", timeline}, {"reply", nullptr}};
    }

    // Test hook (injectWriteFailures): answers this write with the injected status. Body already read.
    bool injectedFailure(httplib::Response& res) {
        if (failWrites.load() <= 0 || failWrites.fetch_sub(1) <= 0) return false;
        if (failRetryAfterS > 0) res.set_header("Retry-After", std::to_string(failRetryAfterS.load()));
        sendError(res, failStatus, "injected_failure", "test hook: injected failure");
        return true;
    }

    // ---- more routes ----
    void moreRoutes() {
        httplib::SSLServer& s = *server;

        s.Post("/api/v1/enroll", [this](const httplib::Request& req, httplib::Response& res) {
            if (int wait = enrolments->acquire("enroll:" + req.remote_addr); wait > 0) {
                res.set_header("Retry-After", std::to_string(wait));
                sendError(res, 429, "rate_limited", "too many enrolment attempts; retry later");
                return;
            }
            nlohmann::json body;
            if (!parseJsonBody(req, res, &body)) return;
            if (!isString(body, "code", 64) || !isString(body, "csr", 16384)) {
                sendError(res, 400, "bad_enrolment", "code and csr (PEM) are required");
                return;
            }
            // Validate the CSR before spending the code, so a broken request does not burn it.
            std::string error;
            if (!common::loadCsrPem(body["csr"].get<std::string>())) {
                sendError(res, 400, "bad_csr", "csr is not a PEM certificate request");
                return;
            }
            auto grant = db->consumeEnrolmentCode(body["code"].get<std::string>(), wallMs());
            if (!grant) {
                sendError(res, 403, "enrolment_code_invalid",
                          "the enrolment code is unknown, expired or already used");
                return;
            }
            std::string cert =
                ca->signCsr(body["csr"].get<std::string>(), grant->terminalId, &error, grant->mode);
            if (cert.empty()) {
                sendError(res, 400, "bad_csr", error);
                return;
            }
            db->recordEnrolment(*grant, wallMs());
            log("enrolled terminal " + grant->terminalId + " (" + grant->mode + ")");
            sendJson(
                res, 200,
                {{"terminal_id", grant->terminalId},
                 {"mode", grant->mode},
                 {"counter", grant->counter > 0 ? nlohmann::json(grant->counter) : nlohmann::json(nullptr)},
                 {"certificate", cert},
                 {"ca_certificate", ca->caCertPem()}});
        });

        s.Get("/api/v1/catalog", [this](const httplib::Request& req, httplib::Response& res) {
            serveDocument(req, res, catalogBody, catalogEtag);
        });
        s.Get("/api/v1/roster", [this](const httplib::Request& req, httplib::Response& res) {
            serveDocument(req, res, rosterBody, rosterEtag);
        });

        s.Post("/api/v1/complaints", [this](const httplib::Request& req, httplib::Response& res) {
            if (injectedFailure(res)) return;
            nlohmann::json c;
            if (!parseJsonBody(req, res, &c)) return;
            if (std::string e = complaintError(c); !e.empty()) {
                sendError(res, 400, e, "complaint rejected: " + e);
                return;
            }
            IncomingRecord rec{terminalOf(req), c["id"], "complaint", c["seq"].get<std::int64_t>(), c.dump()};
            std::int64_t now = wallMs();
            WriteOutcome o = db->storeRecord(rec, [&](common::SqliteDb& sdb) {
                common::SqliteStatement st(
                    sdb, "INSERT INTO complaints(tracking_no, terminal, record_id, verify_hash, "
                         "category, department, received_ms) VALUES(?,?,?,?,?,?,?)");
                std::string tn = c["tracking_no"];
                st.bind(1, tn).bind(2, rec.terminal).bind(3, rec.id);
                st.bind(4, CentralDb::sha256Hex(tn + '\x1f' + c["verify_code"].get<std::string>()));
                st.bind(5, c["category"].get<std::string>()).bind(6, c.value("department", std::string()));
                st.bind(7, now).run();
                return nlohmann::json{{"id", rec.id},
                                      {"tracking_no", tn},
                                      {"status", "received"},
                                      {"received_at", isoOfMs(now)}}
                    .dump();
            });
            if (o.status == WriteStatus::Mismatch) {
                sendError(res, 422, "payload_mismatch",
                          "record id " + rec.id + " was already used with another payload");
                return;
            }
            if (o.status == WriteStatus::Duplicate) res.set_header("Idempotent-Replayed", "true");
            res.status = o.status == WriteStatus::Stored ? 201 : 200;
            res.set_content(o.result, "application/json; charset=utf-8");
        });

        s.Post("/api/v1/complaints/progress", [this](const httplib::Request& req, httplib::Response& res) {
            nlohmann::json body;
            if (!parseJsonBody(req, res, &body)) return;
            if (!isString(body, "tracking_no", 64) || !isString(body, "verify_code", 16)) {
                sendError(res, 400, "bad_request", "tracking_no and verify_code are required");
                return;
            }
            if (rateLimited(terminalOf(req), res)) return;
            auto row = db->complaintFor(body["tracking_no"], body["verify_code"]);
            if (!row) { // one answer for "no such complaint" and "wrong code": no oracle
                sendError(res, 404, "complaint_not_found", "no complaint with this tracking number and code");
                return;
            }
            nlohmann::json out = complaintProgress(*row);
            out["server_time"] = isoTimestampChina();
            sendJson(res, 200, out);
        });

        s.Post("/api/v1/ratings/batch", [this](const httplib::Request& req, httplib::Response& res) {
            if (injectedFailure(res)) return;
            nlohmann::json body;
            if (!parseJsonBody(req, res, &body)) return;
            auto list = body.find("ratings");
            if (list == body.end() || !list->is_array() || list->empty() || list->size() > 500) {
                sendError(res, 400, "bad_batch", "ratings must be an array of 1..500 records");
                return;
            }
            std::string terminal = terminalOf(req);
            std::vector<nlohmann::json> results(list->size());
            std::vector<IncomingRecord> valid;
            std::vector<size_t> validIndex;
            for (size_t i = 0; i < list->size(); ++i) {
                const nlohmann::json& r = (*list)[i];
                std::string e = ratingError(r);
                if (!e.empty()) {
                    results[i] = {{"id", r.is_object() ? r.value("id", nlohmann::json(nullptr))
                                                       : nlohmann::json(nullptr)},
                                  {"status", "rejected"},
                                  {"http_status", 400},
                                  {"error", {{"code", e}, {"message", "rating rejected: " + e}}}};
                    continue;
                }
                valid.push_back({terminal, r["id"], "rating", r["seq"].get<std::int64_t>(), r.dump()});
                validIndex.push_back(i);
            }
            std::int64_t now = wallMs();
            auto outcomes = db->storeRecords(valid, [&](common::SqliteDb&, size_t) {
                return nlohmann::json{{"received_at", isoOfMs(now)}}.dump();
            });
            bool anyRejected = valid.size() != list->size();
            for (size_t k = 0; k < outcomes.size(); ++k) {
                nlohmann::json& out = results[validIndex[k]];
                out["id"] = valid[k].id;
                if (outcomes[k].status == WriteStatus::Mismatch) {
                    anyRejected = true;
                    out["status"] = "rejected";
                    out["http_status"] = 422;
                    out["error"] = {{"code", "payload_mismatch"},
                                    {"message", "record id already used with another payload"}};
                } else {
                    out["status"] = outcomes[k].status == WriteStatus::Stored ? "stored" : "duplicate";
                    out["result"] = nlohmann::json::parse(outcomes[k].result);
                }
            }
            sendJson(res, anyRejected ? 422 : 200, {{"results", results}});
        });

        s.Post("/api/v1/heartbeat", [this](const httplib::Request& req, httplib::Response& res) {
            nlohmann::json body;
            if (!parseJsonBody(req, res, &body)) return;
            if (req.body.size() > 16384) {
                sendError(res, 413, "payload_too_large", "heartbeat larger than 16 KiB");
                return;
            }
            db->recordHeartbeat(terminalOf(req), body.dump(), wallMs());
            sendJson(res, 200, {{"server_time", isoTimestampChina()}, {"next_heartbeat_s", 60}});
        });

        s.Post("/api/v1/events/rating-request", [this](const httplib::Request& req, httplib::Response& res) {
            nlohmann::json body;
            if (!parseJsonBody(req, res, &body)) return;
            auto counter = body.find("counter");
            if (counter == body.end() || !counter->is_number_integer() || counter->get<int>() < 1) {
                sendError(res, 400, "bad_counter", "counter (window number) is required");
                return;
            }
            for (const char* k : {"case_no", "item_id", "item_name", "staff_id"})
                if (!isString(body, k, 128, false)) {
                    sendError(res, 400, std::string("bad_") + k, std::string(k) + " must be a short string");
                    return;
                }
            nlohmann::json event = body;
            event["requested_by"] = terminalOf(req);
            std::int64_t id = db->addEvent(counter->get<int>(), "rating_request", event, wallMs());
            eventCv.notify_all();
            sendJson(res, 201, {{"id", id}});
        });

        s.Get("/api/v1/events", [this](const httplib::Request& req, httplib::Response& res) {
            std::int64_t after = 0;
            int wait = 0, counter = 0;
            try {
                if (req.has_param("after")) after = std::stoll(req.get_param_value("after"));
                if (req.has_param("wait")) wait = std::stoi(req.get_param_value("wait"));
                if (req.has_param("counter")) counter = std::stoi(req.get_param_value("counter"));
            } catch (const std::exception&) {
                sendError(res, 400, "bad_request", "after, wait and counter must be integers");
                return;
            }
            if (auto enrolled = db->counterOfTerminal(terminalOf(req))) counter = *enrolled;
            if (counter < 1) {
                sendError(res, 400, "bad_counter", "this terminal has no counter; pass ?counter=N");
                return;
            }
            wait = std::clamp(wait, 0, settings.longPollMaxS);
            // Long polls hold a worker: allow at most half the pool, answer the rest at once.
            if (activePolls.fetch_add(1) >= settings.workerThreads / 2) wait = 0;
            auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(wait);
            std::vector<CounterEvent> events;
            for (;;) {
                events = db->eventsAfter(counter, after, 50);
                if (!events.empty() || stopping || std::chrono::steady_clock::now() >= deadline) break;
                std::unique_lock lock(eventMutex);
                eventCv.wait_for(lock, std::chrono::milliseconds(250));
            }
            activePolls.fetch_sub(1);
            nlohmann::json list = nlohmann::json::array();
            std::int64_t next = after;
            for (const CounterEvent& e : events) {
                nlohmann::json j = e.body;
                j["id"] = e.id;
                j["type"] = e.type;
                j["created_at"] = isoOfMs(e.createdMs);
                list.push_back(j);
                next = e.id;
            }
            sendJson(res, 200, {{"events", list}, {"next", next}});
        });
    }

    // ---- routes ----
    void routes() {
        httplib::SSLServer& s = *server;
        s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
            if (req.path == "/api/v1/enroll") return httplib::Server::HandlerResponse::Unhandled;
            if (terminalOf(req).empty()) {
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
            // 18 characters (resident cards, HK/Macao/Taiwan permits, 2023 foreign permanent resident
            // cards) or the 15-character 2017 foreign permanent resident card (issue 8.5).
            if (id == body.end() || !id->is_string() ||
                text::idNumberForm(id->get_ref<const std::string&>()) == text::IdNumberForm::Invalid) {
                sendError(res, 400, "bad_id_number",
                          "id_number must be 17 digits and a check character (0-9 or X), or a 2017 foreign "
                          "permanent resident card number (3 capital letters and 12 digits)");
                return;
            }
            if (rateLimited(terminalOf(req), res)) return;
            sendJson(
                res, 200,
                {{"server_time", isoTimestampChina()},
                 {"cases", cases.casesFor(id->get<std::string>(), todayInChina(), minuteOfDayInChina())}});
        });
        moreRoutes();
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
    m.ca = CertAuthority::openOrCreate(m.settings.tlsDir, error, m.settings.serverNames);
    if (!m.ca) return false;
    m.caCert = common::loadCertificatePem(m.ca->caCertPem());
    try {
        m.db = std::make_unique<CentralDb>(m.settings.dbPath);
        if (m.settings.demoData) {
            m.district = loadDemoDistrict();
            m.cases.loadDemo(m.district);
        }
        m.buildDocuments();
    } catch (const std::exception& e) {
        if (error) *error = e.what();
        return false;
    }
    m.lookups = std::make_unique<LookupRateLimiter>(m.settings.lookupsPerMinute, m.settings.lookupBurst);
    m.enrolments = std::make_unique<LookupRateLimiter>(10, 5);

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
    // A server that verifies client certificates must name its session context, or OpenSSL refuses
    // every resumed session with an "internal error" alert. libcurl resumes the session on the first
    // new connection after the keep-alive one was closed, so without this the first query after
    // kServerKeepAliveS of idle failed (issue 8.2). Resumed sessions keep the original client
    // certificate, so terminalOf() sees the same identity.
    static const unsigned char kSessionContext[] = "kiosk-central";
    if (m.settings.tlsSessionContext)
        SSL_CTX_set_session_id_context(ctx, kSessionContext, sizeof kSessionContext - 1);

    int threads = m.settings.workerThreads;
    m.server->new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
    m.server->set_payload_max_length(m.settings.maxPayloadBytes);
    m.server->set_read_timeout(10, 0);
    m.server->set_write_timeout(10, 0);
    m.server->set_keep_alive_max_count(1000);
    m.server->set_keep_alive_timeout(m.settings.keepAliveTimeoutS);
    m.server->set_tcp_nodelay(true); // answers are header + body writes: no Nagle/delayed-ACK stall
    // httplib's default sets SO_REUSEPORT, which lets a second server bind a port that is already
    // taken (the kernel then splits connections between them). Only SO_REUSEADDR here, so a taken
    // port is refused with a clear error.
    m.server->set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
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

void CentralServer::injectWriteFailures(int count, int status, int retryAfterS) {
    impl_->failStatus = status;
    impl_->failRetryAfterS = retryAfterS;
    impl_->failWrites = count;
}

const std::string& CentralServer::caCertPath() const {
    return impl_->ca->files().caCert;
}

void CentralServer::stop() {
    Impl& m = *impl_;
    m.stopping = true;
    m.eventCv.notify_all();
    if (m.server) m.server->stop();
    if (m.thread.joinable()) m.thread.join();
}

} // namespace kiosk::central
