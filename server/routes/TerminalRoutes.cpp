// Terminals: enrolment (POST /api/v1/enroll: a one-time code and a CSR in, the terminal's certificate
// out; the one route open to the self-signed enrolment certificate) and heartbeats (POST
// /api/v1/heartbeat).
//
// Sections: enrolment | heartbeat | routes
#include "common/WireProtocol.h"
#include "server/ApiError.h"
#include "server/WorkCalendar.h"
#include "server/routes/Routes.h"

namespace kiosk::central {
namespace {

// ---- enrolment ----
void enrol(RouteContext& ctx, const Request& req, Response& res) {
    if (int wait = ctx.enrolments.acquire("enroll:" + req.remote_addr); wait > 0) {
        res.set_header("Retry-After", std::to_string(wait));
        sendError(res, 429, "rate_limited", "too many enrolment attempts; retry later");
        return;
    }
    nlohmann::json body;
    if (ctx.rejectBadJson(req, res, &body)) return;
    if (ctx.rejected(res, enrolmentRejection(body))) return;
    const std::string csr = body["csr"].get<std::string>();
    // Validate the CSR before spending the code, so a broken request does not burn it.
    if (ctx.rejected(res, csrRejection(csr))) return;
    auto grant = ctx.db.consumeEnrolmentCode(body["code"].get<std::string>(), wallClockMs());
    if (!grant) {
        sendError(res, 403, "enrolment_code_invalid",
                  "the enrolment code is unknown, expired or already used");
        return;
    }
    std::string error;
    std::string cert = ctx.ca.signCsr(csr, grant->terminalId, &error, grant->mode);
    if (cert.empty()) {
        sendError(res, 400, "bad_csr", error);
        return;
    }
    ctx.db.recordEnrolment(*grant, wallClockMs());
    ctx.log("enrolled terminal " + grant->terminalId + " (" + grant->mode + ")");
    sendJson(res, 200,
             {{"terminal_id", grant->terminalId},
              {"mode", grant->mode},
              {"counter", grant->counter > 0 ? nlohmann::json(grant->counter) : nlohmann::json(nullptr)},
              {"certificate", cert},
              {"ca_certificate", ctx.ca.caCertPem()}});
}

// ---- heartbeat ----
void recordHeartbeat(RouteContext& ctx, const Request& req, Response& res) {
    nlohmann::json body;
    if (ctx.rejectBadJson(req, res, &body)) return;
    if (ctx.rejected(res, heartbeatRejection(req.body.size()))) return;
    ctx.db.recordHeartbeat(ctx.terminalOf(req), body.dump(), wallClockMs());
    sendJson(res, 200, {{"server_time", isoTimestampChina()}, {"next_heartbeat_s", 60}});
}

} // namespace

// ---- routes ----
void addTerminalRoutes(ApiRouter& s, RouteContext& ctx) {
    s.Post(common::api::kEnroll, [&ctx](const Request& req, Response& res) { enrol(ctx, req, res); });
    s.Post(common::api::kHeartbeat,
           [&ctx](const Request& req, Response& res) { recordHeartbeat(ctx, req, res); });
}

} // namespace kiosk::central
