// Records: what the terminals' outboxes upload — complaints one by one (POST /api/v1/complaints),
// ratings in batches (POST /api/v1/ratings/batch) — stored idempotently by (terminal, id), and the
// progress of a stored complaint (POST /api/v1/complaints/progress, a rate-limited lookup): its stages
// (CentralDb complaint_stages, moved on by the office with `kiosk-central complaints advance`), due date
// and reply. The verification code is hashed (slowly, server/VerifyCode.h) before the write's transaction.
//
// Sections: complaints | ratings | complaint progress | routes
#include "common/SqliteDb.h"
#include "common/WireProtocol.h"
#include "server/ApiError.h"
#include "server/WorkCalendar.h"
#include "server/routes/Routes.h"

#include <vector>

namespace kiosk::central {
namespace {

// ---- complaints ----
// Who took a complaint in: its department's name, else the hall's office.
std::string departmentDisplayName(const RouteContext& ctx, const std::string& department) {
    if (department.empty()) return kHallOffice;
    auto d = ctx.documents.departmentNames.find(department);
    return d != ctx.documents.departmentNames.end() ? d->second : department;
}

std::string complaintDueDate(const RouteContext& ctx, std::int64_t receivedMs) {
    return dueDateAfter(receivedMs, ctx.settings.complaintDueWorkingDays);
}

// Thrown inside the store's transaction (which then rolls back) when another record holds the
// complaint's tracking number: the terminal hears 409, never the database's UNIQUE error as a 500.
struct TrackingNumberTaken {};

void storeComplaint(RouteContext& ctx, const Request& req, Response& res) {
    if (ctx.injectedFailure(res)) return;
    nlohmann::json c;
    if (ctx.rejectBadJson(req, res, &c)) return;
    if (ctx.rejected(res, complaintRejection(c, ctx.documents.complaintCategories))) return;
    if (ctx.rejected(res, trackingNumberRejection(c["tracking_no"].get<std::string>(), ctx.terminalOf(req))))
        return;
    IncomingRecord rec{ctx.terminalOf(req), c["id"], "complaint", c["seq"].get<std::int64_t>(), c.dump()};
    // The code is kept only as a salted slow hash (computed here, before the write's transaction).
    nlohmann::json stored = c;
    stored.erase("verify_code");
    rec.storedPayload = stored.dump();
    std::int64_t now = wallClockMs();
    NewComplaint row;
    row.trackingNo = c["tracking_no"];
    row.terminal = rec.terminal;
    row.recordId = rec.id;
    row.verifier = makeCodeVerifier(row.trackingNo, c["verify_code"].get<std::string>());
    row.category = c["category"];
    // Optional fields arrive as null when the citizen chose none (c.value() would throw on null: a 500).
    if (auto d = c.find("department"); d != c.end() && d->is_string()) row.department = d->get<std::string>();
    row.receivedUnit = departmentDisplayName(ctx, row.department);
    row.receivedMs = now;
    row.dueDate = complaintDueDate(ctx, now);
    WriteOutcome o;
    try {
        o = ctx.db.storeRecord(rec, [&](common::SqliteDb& sdb) {
            common::SqliteStatement taken(sdb, "SELECT 1 FROM complaints WHERE tracking_no=?");
            taken.bind(1, row.trackingNo);
            if (taken.step()) throw TrackingNumberTaken{};
            CentralDb::insertComplaint(sdb, row);
            return nlohmann::json{{"id", rec.id},
                                  {"tracking_no", row.trackingNo},
                                  {"status", "received"},
                                  {"received_at", isoOfMs(now)}}
                .dump();
        });
    } catch (const TrackingNumberTaken&) {
        sendError(res, 409, "tracking_no_taken",
                  "tracking number " + c["tracking_no"].get<std::string>() + " belongs to another record");
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

// ---- ratings ----
nlohmann::json rejectedItem(const nlohmann::json& id, int httpStatus, const std::string& code,
                            const std::string& message) {
    return {{"id", id},
            {"status", common::kBatchRejected},
            {"http_status", httpStatus},
            {"error", {{"code", code}, {"message", message}}}};
}

void storeRatingsBatch(RouteContext& ctx, const Request& req, Response& res) {
    if (ctx.injectedFailure(res)) return;
    nlohmann::json body;
    if (ctx.rejectBadJson(req, res, &body)) return;
    if (ctx.rejected(res, ratingsBatchRejection(body))) return;
    const nlohmann::json& list = body.at("ratings");
    std::string terminal = ctx.terminalOf(req);
    std::vector<nlohmann::json> results(list.size());
    std::vector<IncomingRecord> valid;
    std::vector<size_t> validIndex;
    for (size_t i = 0; i < list.size(); ++i) {
        const nlohmann::json& r = list[i];
        if (std::string e = ratingError(r); !e.empty()) {
            results[i] =
                rejectedItem(r.is_object() ? r.value("id", nlohmann::json(nullptr)) : nlohmann::json(nullptr),
                             400, e, "rating rejected: " + e);
            continue;
        }
        valid.push_back({terminal, r["id"], "rating", r["seq"].get<std::int64_t>(), r.dump()});
        validIndex.push_back(i);
    }
    std::int64_t now = wallClockMs();
    auto outcomes = ctx.db.storeRecords(valid, [&](common::SqliteDb&, size_t) {
        return nlohmann::json{{"received_at", isoOfMs(now)}}.dump();
    });
    bool anyRejected = valid.size() != list.size();
    for (size_t k = 0; k < outcomes.size(); ++k) {
        nlohmann::json& out = results[validIndex[k]];
        if (outcomes[k].status == WriteStatus::Mismatch) {
            anyRejected = true;
            out = rejectedItem(valid[k].id, 422, "payload_mismatch",
                               "record id already used with another payload");
        } else {
            out["id"] = valid[k].id;
            out["status"] =
                outcomes[k].status == WriteStatus::Stored ? common::kBatchStored : common::kBatchDuplicate;
            out["result"] = nlohmann::json::parse(outcomes[k].result);
        }
    }
    sendJson(res, anyRejected ? 422 : 200, {{"results", results}});
}

// ---- complaint progress ----
// The answer's shape (docs/API.md): the latest stage as status, the reply (replied's note) and the
// timeline; a stage stored without a unit (complaints from before the stages) shows the complaint's unit.
nlohmann::json complaintProgress(const RouteContext& ctx, const ComplaintState& c) {
    const std::string unit = departmentDisplayName(ctx, c.department);
    nlohmann::json timeline = nlohmann::json::array();
    nlohmann::json reply = nullptr;
    for (const ComplaintStageEntry& s : c.timeline) {
        timeline.push_back({{"state", s.stage},
                            {"at", isoOfMs(s.atMs)},
                            {"unit", s.unit.empty() ? unit : s.unit},
                            {"note", s.note}});
        if (s.stage == "replied") reply = s.note;
    }
    return {{"tracking_no", c.trackingNo},
            {"status", c.status},
            {"category", c.category},
            {"department", c.department.empty() ? std::string() : unit},
            {"received_at", isoOfMs(c.receivedMs)},
            {"due_date", c.dueDate.empty() ? complaintDueDate(ctx, c.receivedMs) : c.dueDate},
            {"reply", reply},
            {"timeline", timeline}};
}

void answerComplaintProgress(RouteContext& ctx, const Request& req, Response& res) {
    nlohmann::json body;
    if (ctx.rejectBadJson(req, res, &body)) return;
    if (ctx.rejected(res, complaintProgressRejection(body))) return;
    if (ctx.rateLimited(ctx.terminalOf(req), res)) return;
    auto row = ctx.db.complaintFor(body["tracking_no"], body["verify_code"]);
    if (!row) { // one answer for "no such complaint" and "wrong code": no oracle
        sendError(res, 404, "complaint_not_found", "no complaint with this tracking number and code");
        return;
    }
    nlohmann::json out = complaintProgress(ctx, *row);
    out["server_time"] = isoTimestampChina();
    sendJson(res, 200, out);
}

} // namespace

// ---- routes ----
void addRecordRoutes(ApiRouter& s, RouteContext& ctx) {
    s.Post(common::api::kComplaints,
           [&ctx](const Request& req, Response& res) { storeComplaint(ctx, req, res); });
    s.Post(common::api::kRatingsBatch,
           [&ctx](const Request& req, Response& res) { storeRatingsBatch(ctx, req, res); });
    s.Post(common::api::kComplaintProgress,
           [&ctx](const Request& req, Response& res) { answerComplaintProgress(ctx, req, res); });
}

} // namespace kiosk::central
