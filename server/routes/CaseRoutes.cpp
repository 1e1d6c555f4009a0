// Cases: POST /api/v1/cases/query, the citizen's cases by ID number, and POST /api/v1/cases/by-number,
// one case by its number and the last 4 digits of the applicant's phone (simulated from the demo
// district; both rate-limited per terminal by the same lookup limiter).
#include "common/WireProtocol.h"
#include "server/ApiError.h"
#include "server/WorkCalendar.h"
#include "server/routes/Routes.h"

namespace kiosk::central {

void addCaseRoutes(ApiRouter& s, RouteContext& ctx) {
    s.Post(common::api::kCasesQuery, [&ctx](const Request& req, Response& res) {
        nlohmann::json body;
        if (ctx.rejectBadJson(req, res, &body)) return;
        if (ctx.rejected(res, caseQueryRejection(body))) return;
        if (ctx.rateLimited(ctx.terminalOf(req), res)) return;
        sendJson(res, 200,
                 {{"server_time", isoTimestampChina()},
                  {"cases", ctx.cases.casesFor(body.at("id_number").get<std::string>(), todayInChina(),
                                               minuteOfDayInChina())}});
    });
    s.Post(common::api::kCasesByNumber, [&ctx](const Request& req, Response& res) {
        nlohmann::json body;
        if (ctx.rejectBadJson(req, res, &body)) return;
        if (ctx.rejected(res, caseByNumberRejection(body))) return;
        if (ctx.rateLimited(ctx.terminalOf(req), res)) return;
        auto found = ctx.cases.caseByNumber(body.at("case_no"), body.at("phone_last4"), todayInChina(),
                                            minuteOfDayInChina());
        if (!found) { // one answer for "no such case" and "wrong digits": no oracle
            sendError(res, 404, "case_not_found", "no case with this number and phone");
            return;
        }
        sendJson(
            res, 200,
            {{"server_time", isoTimestampChina()}, {"cases", nlohmann::json::array({std::move(*found)})}});
    });
}

} // namespace kiosk::central
