// Cases: POST /api/v1/cases/query, the citizen's cases by ID number (simulated from the demo
// district; rate-limited per terminal).
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
}

} // namespace kiosk::central
