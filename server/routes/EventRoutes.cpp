// Events for counter pads: a hall terminal asks for a rating at a counter (POST
// /api/v1/events/rating-request); the counter pad long-polls for its counter's events (GET
// /api/v1/events?after=N&wait=S&counter=N).
//
// Sections: rating requests | long poll | routes
#include "common/WireProtocol.h"
#include "server/ApiError.h"
#include "server/routes/Routes.h"

#include <algorithm>
#include <chrono>
#include <vector>

namespace kiosk::central {
namespace {

// ---- rating requests ----
void addRatingRequest(RouteContext& ctx, const Request& req, Response& res) {
    nlohmann::json body;
    if (ctx.rejectBadJson(req, res, &body)) return;
    if (ctx.rejected(res, ratingRequestRejection(body))) return;
    nlohmann::json event = ratingRequestEvent(body, ctx.terminalOf(req));
    std::int64_t id = ctx.db.addEvent(body.at("counter").get<int>(), "rating_request", event, wallClockMs());
    ctx.events.cv.notify_all();
    sendJson(res, 201, {{"id", id}});
}

// ---- long poll ----
// Waits up to `wait` seconds for events after `after`; a long poll holds a worker, so at most half the
// pool waits and the rest are answered at once.
std::vector<CounterEvent> waitForEvents(RouteContext& ctx, int counter, std::int64_t after, int wait) {
    wait = std::clamp(wait, 0, ctx.settings.longPollMaxS);
    if (ctx.events.activePolls.fetch_add(1) >= ctx.settings.workerThreads / 2) wait = 0;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(wait);
    std::vector<CounterEvent> events;
    for (;;) {
        events = ctx.db.eventsAfter(counter, after, 50);
        if (!events.empty() || ctx.events.stopping || std::chrono::steady_clock::now() >= deadline) break;
        std::unique_lock lock(ctx.events.mutex);
        ctx.events.cv.wait_for(lock, std::chrono::milliseconds(250));
    }
    ctx.events.activePolls.fetch_sub(1);
    return events;
}

void answerEvents(RouteContext& ctx, const Request& req, Response& res) {
    EventsQueryText text;
    if (req.has_param("after")) text.after = req.get_param_value("after");
    if (req.has_param("wait")) text.wait = req.get_param_value("wait");
    if (req.has_param("counter")) text.counter = req.get_param_value("counter");
    EventsQuery q;
    if (ctx.rejected(res, parseEventsQuery(text, &q))) return;
    // An enrolled counter pad gets its own counter's events, whatever it asks for.
    if (auto enrolled = ctx.db.counterOfTerminal(ctx.terminalOf(req))) q.counter = *enrolled;
    if (q.counter < 1) {
        sendError(res, 400, "bad_counter", "this terminal has no counter; pass ?counter=N");
        return;
    }
    nlohmann::json list = nlohmann::json::array();
    std::int64_t next = q.after;
    for (const CounterEvent& e : waitForEvents(ctx, q.counter, q.after, q.wait)) {
        nlohmann::json j = e.body;
        j["id"] = e.id;
        j["type"] = e.type;
        j["created_at"] = isoOfMs(e.createdMs);
        list.push_back(j);
        next = e.id;
    }
    sendJson(res, 200, {{"events", list}, {"next", next}});
}

} // namespace

// ---- routes ----
void addEventRoutes(ApiRouter& s, RouteContext& ctx) {
    s.Post(common::api::kRatingRequest,
           [&ctx](const Request& req, Response& res) { addRatingRequest(ctx, req, res); });
    s.Get(common::api::kEvents, [&ctx](const Request& req, Response& res) { answerEvents(ctx, req, res); });
}

} // namespace kiosk::central
