// Suggestions to the district head (区长信箱): POST /api/v1/suggestions, uploaded from the terminals'
// outboxes one by one like complaints, stored idempotently by (terminal, id) with the receipt number the
// terminal printed. Title, text and the optional contact fields are in the sealed record payload.
//
// Sections: suggestions | routes
#include "common/SqliteDb.h"
#include "common/WireProtocol.h"
#include "server/ApiError.h"
#include "server/routes/Routes.h"

namespace kiosk::central {
namespace {

// ---- suggestions ----
// Thrown inside the store's transaction (rolled back) when another record holds the receipt number.
struct ReceiptNumberTaken {};

void storeSuggestion(RouteContext& ctx, const Request& req, Response& res) {
    if (ctx.injectedFailure(res)) return;
    nlohmann::json s;
    if (ctx.rejectBadJson(req, res, &s)) return;
    if (ctx.rejected(res, suggestionRejection(s))) return;
    const std::string receiptNo = s["receipt_no"];
    if (ctx.rejected(res, trackingNumberRejection(receiptNo, ctx.terminalOf(req), "receipt_no"))) return;
    IncomingRecord rec{ctx.terminalOf(req), s["id"], "suggestion", s["seq"].get<std::int64_t>(), s.dump()};
    const std::int64_t now = wallClockMs();
    WriteOutcome o;
    try {
        o = ctx.db.storeRecord(rec, [&](common::SqliteDb& sdb) {
            common::SqliteStatement taken(sdb, "SELECT 1 FROM suggestions WHERE receipt_no=?");
            taken.bind(1, receiptNo);
            if (taken.step()) throw ReceiptNumberTaken{};
            CentralDb::insertSuggestion(sdb, receiptNo, rec.terminal, rec.id, now);
            return nlohmann::json{{"id", rec.id},
                                  {"receipt_no", receiptNo},
                                  {"status", "received"},
                                  {"received_at", isoOfMs(now)}}
                .dump();
        });
    } catch (const ReceiptNumberTaken&) {
        sendError(res, 409, "tracking_no_taken",
                  "receipt number " + receiptNo + " belongs to another record");
        return;
    }
    if (o.status == WriteStatus::Mismatch) {
        sendError(res, 422, "payload_mismatch",
                  "record id " + rec.id + " was already used with another payload");
        return;
    }
    if (o.status == WriteStatus::Duplicate) res.set_header("Idempotent-Replayed", "true");
    res.status = o.status == WriteStatus::Stored ? 201 : 200;
    res.set_content(o.result, "application/json; charset=utf-8");
}

} // namespace

// ---- routes ----
void addSuggestionRoutes(ApiRouter& s, RouteContext& ctx) {
    s.Post(common::api::kSuggestions,
           [&ctx](const Request& req, Response& res) { storeSuggestion(ctx, req, res); });
}

} // namespace kiosk::central
