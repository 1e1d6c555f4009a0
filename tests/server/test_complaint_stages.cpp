// Complaint handling at kiosk-central (issue 12): the stages a complaint goes through, the progress
// answer the terminal parses (exact keys), the office's list and advance, the due date from the
// server's setting, the demo seeds, and one 404 for a wrong code and an unknown number.
#include "server/ComplaintStages.h"
#include "server/WorkCalendar.h"
#include "tests/server/RouterFixture.h"

#include <doctest/doctest.h>

#include <set>

using kiosk::testing::Routes;
using namespace kiosk::central;

namespace {

nlohmann::json complaint(const std::string& trackingNo, const std::string& code, int seq,
                         const char* department = "swj") {
    static const char* ids[] = {"0190a7a0-1c2b-7d3e-8f40-123456789a01",
                                "0190a7a0-1c2b-7d3e-8f40-123456789a02",
                                "0190a7a0-1c2b-7d3e-8f40-123456789a03"};
    nlohmann::json c = {{"id", ids[seq - 1]},
                        {"seq", seq},
                        {"created_ms", 1},
                        {"category", "luanshoufei"},
                        {"content", "多收了工本费，没有收据。"},
                        {"tracking_no", trackingNo},
                        {"verify_code", code},
                        {"phone", "13800138000"}};
    if (department) c["department"] = department;
    return c;
}

nlohmann::json progress(Routes& r, const std::string& trackingNo, const std::string& code, int* status) {
    auto res =
        r.post("/api/v1/complaints/progress", "T-1", {{"tracking_no", trackingNo}, {"verify_code", code}});
    *status = res.status;
    return Routes::json(res);
}

std::vector<std::string> states(const nlohmann::json& timeline) {
    std::vector<std::string> out;
    for (const auto& s : timeline)
        out.push_back(s.at("state"));
    return out;
}

} // namespace

TEST_CASE("stage rules: forward only, skipping allowed, revisited only after closed") {
    CHECK(complaintAdvanceError("received", "assigned").empty());
    CHECK(complaintAdvanceError("received", "replied").empty());
    CHECK(complaintAdvanceError("closed", "revisited").empty());
    CHECK(complaintAdvanceError("handling", "assigned").find("'handling'") != std::string::npos);
    CHECK(complaintAdvanceError("handling", "handling").find("'handling'") != std::string::npos);
    CHECK(complaintAdvanceError("replied", "revisited").find("after closed") != std::string::npos);
    CHECK(complaintAdvanceError("revisited", "closed").find("'revisited'") != std::string::npos);
    CHECK(complaintAdvanceError("received", "rated").find("unknown stage") != std::string::npos);
}

TEST_CASE("a filed complaint: received on receipt with its unit and due date; advance changes the answer") {
    Routes r;
    auto filed = r.post("/api/v1/complaints", "T-1", complaint("T-1-000001", "123456", 1));
    REQUIRE(filed.status == 201);
    const std::string receivedAt = Routes::json(filed).at("received_at");

    int status = 0;
    nlohmann::json p = progress(r, "T-1-000001", "123456", &status);
    REQUIRE(status == 200);
    std::set<std::string> keys;
    for (auto it = p.begin(); it != p.end(); ++it)
        keys.insert(it.key());
    CHECK(keys == std::set<std::string>{"tracking_no", "status", "category", "department", "received_at",
                                        "due_date", "reply", "timeline", "server_time"});
    CHECK(p["tracking_no"] == "T-1-000001");
    CHECK(p["status"] == "received");
    CHECK(p["category"] == "luanshoufei");
    CHECK(p["department"] == "区税务局");
    CHECK(p["received_at"] == receivedAt);
    CHECK(p["reply"].is_null());
    auto row = r.context->db.complaintByNumber("T-1-000001");
    REQUIRE(row);
    CHECK(p["due_date"] == dueDateAfter(row->receivedMs, 15));
    REQUIRE(p["timeline"].size() == 1);
    const nlohmann::json& first = p["timeline"][0];
    CHECK(first["state"] == "received");
    CHECK(first["at"] == receivedAt);
    CHECK(first["unit"] == "区税务局");
    CHECK(first["note"] == "");

    // The office moves it along; the citizen's answer follows.
    CentralDb& db = r.context->db;
    std::int64_t now = wallClockMs();
    REQUIRE(db.advanceComplaint("T-1-000001", "assigned", "区政务服务管理办公室", "转区税务局", now).ok);
    REQUIRE(db.advanceComplaint("T-1-000001", "handling", "", "", now + 1000).ok);
    p = progress(r, "T-1-000001", "123456", &status);
    CHECK(p["status"] == "handling");
    CHECK(states(p["timeline"]) == std::vector<std::string>{"received", "assigned", "handling"});
    CHECK(p["timeline"][1]["unit"] == "区政务服务管理办公室");
    CHECK(p["timeline"][1]["note"] == "转区税务局");
    CHECK(p["timeline"][2]["unit"] == "区政务服务管理办公室"); // kept from the stage before
    CHECK(p["timeline"][2]["at"] == isoOfMs(now + 1000));
    CHECK(p["reply"].is_null());

    auto back = db.advanceComplaint("T-1-000001", "assigned", "", "", now);
    CHECK_FALSE(back.ok);
    CHECK(back.error.find("'handling'") != std::string::npos);
    auto early = db.advanceComplaint("T-1-000001", "revisited", "", "", now);
    CHECK_FALSE(early.ok);
    CHECK(early.error.find("after closed") != std::string::npos);
    auto unknown = db.advanceComplaint("T-1-999999", "assigned", "", "", now);
    CHECK_FALSE(unknown.ok);
    CHECK(unknown.error.find("T-1-999999") != std::string::npos);

    REQUIRE(db.advanceComplaint("T-1-000001", "replied", "区税务局", "已退还多收的费用。", now + 2000).ok);
    REQUIRE(db.advanceComplaint("T-1-000001", "closed", "", "", now + 3000).ok);
    p = progress(r, "T-1-000001", "123456", &status);
    CHECK(p["status"] == "closed");
    CHECK(p["reply"] == "已退还多收的费用。");
    REQUIRE(db.advanceComplaint("T-1-000001", "revisited", "", "电话回访，满意", now + 4000).ok);
    p = progress(r, "T-1-000001", "123456", &status);
    CHECK(p["status"] == "revisited");
    CHECK(states(p["timeline"]) ==
          std::vector<std::string>{"received", "assigned", "handling", "replied", "closed", "revisited"});
}

TEST_CASE("a complaint without a department is taken in by the hall's office; the due-days setting counts") {
    Routes r([](CentralSettings& s) { s.complaintDueWorkingDays = 3; });
    // As the terminal sends it: the fields the citizen left empty are null (this was a 500).
    nlohmann::json c = complaint("T-1-000002", "654321", 2, nullptr);
    for (const char* k : {"department", "staff_id", "case_no", "item_id", "counter", "name", "id_number"})
        c[k] = nullptr;
    REQUIRE(r.post("/api/v1/complaints", "T-1", c).status == 201);
    int status = 0;
    nlohmann::json p = progress(r, "T-1-000002", "654321", &status);
    REQUIRE(status == 200);
    CHECK(p["department"] == "");
    CHECK(p["timeline"][0]["unit"] == "区政务服务管理办公室");
    CHECK(p["due_date"] == dueDateAfter(r.context->db.complaintByNumber("T-1-000002")->receivedMs, 3));
}

TEST_CASE("wrong code and unknown number: the same 404 complaint_not_found") {
    Routes r;
    REQUIRE(r.post("/api/v1/complaints", "T-1", complaint("T-1-000001", "123456", 1)).status == 201);
    int wrongStatus = 0, unknownStatus = 0;
    nlohmann::json wrong = progress(r, "T-1-000001", "000000", &wrongStatus);
    nlohmann::json unknown = progress(r, "T-1-000404", "123456", &unknownStatus);
    CHECK(wrongStatus == 404);
    CHECK(unknownStatus == 404);
    CHECK(wrong == unknown);
    CHECK(wrong["error"]["code"] == "complaint_not_found");
}

TEST_CASE("progress lookups share the terminal's lookup limit") {
    Routes r([](CentralSettings& s) {
        s.lookupsPerMinute = 1;
        s.lookupBurst = 2;
    });
    auto ask = [&] {
        return r.post("/api/v1/complaints/progress", "T-1", {{"tracking_no", "T-1-1"}, {"verify_code", "1"}});
    };
    CHECK(ask().status == 404);
    CHECK(ask().status == 404);
    auto limited = ask();
    CHECK(limited.status == 429);
    CHECK(Routes::json(limited)["error"]["code"] == "rate_limited");
}

TEST_CASE("demo seeds: fixed numbers and codes at four stages, a reply, idempotent on restart") {
    Routes r;
    int status = 0;
    nlohmann::json received = progress(r, "DEMO-HALL-01-900001", "135246", &status);
    REQUIRE(status == 200);
    CHECK(received["status"] == "received");
    nlohmann::json handling = progress(r, "DEMO-HALL-01-900002", "246357", &status);
    CHECK(handling["status"] == "handling");
    nlohmann::json closed = progress(r, "DEMO-HALL-01-900003", "357468", &status);
    CHECK(closed["status"] == "closed");
    CHECK(closed["reply"].is_string());
    CHECK(states(closed["timeline"]) ==
          std::vector<std::string>{"received", "assigned", "handling", "replied", "closed"});
    nlohmann::json revisited = progress(r, "DEMO-HALL-01-900004", "468579", &status);
    CHECK(revisited["status"] == "revisited");
    CHECK(revisited["timeline"].size() == 6);
    for (size_t i = 1; i < revisited["timeline"].size(); ++i) // in time order
        CHECK(revisited["timeline"][i - 1]["at"].get<std::string>() <
              revisited["timeline"][i]["at"].get<std::string>());

    // The office advances a seed; a restart (seeding again) keeps that and adds nothing.
    CentralDb& db = r.context->db;
    REQUIRE(db.advanceComplaint("DEMO-HALL-01-900001", "assigned", "", "", wallClockMs()).ok);
    CHECK(seedDemoComplaints(db, r.context->district, 15, wallClockMs()) == 0);
    CHECK(db.complaintByNumber("DEMO-HALL-01-900001")->status == "assigned");
    CHECK(db.complaintStates().size() == 4);
    // Seeds are not uploads.
    nlohmann::json st = db.stats();
    CHECK(st["complaints"]["total"] == 0);
    CHECK(st["records_total"] == 0);
    CHECK(st["demo_seeds"] == 4);
}

TEST_CASE("the office's list: every complaint with status and due date, filtered by status") {
    Routes r;
    REQUIRE(r.post("/api/v1/complaints", "T-1", complaint("T-1-000001", "123456", 1)).status == 201);
    CentralDb& db = r.context->db;
    auto all = db.complaintStates();
    REQUIRE(all.size() == 5);
    CHECK(all.front().trackingNo == "T-1-000001"); // newest first
    CHECK(all.front().status == "received");
    CHECK(all.front().department == "swj");
    CHECK(all.front().dueDate == dueDateAfter(all.front().receivedMs, 15));
    auto receivedOnly = db.complaintStates("received");
    CHECK(receivedOnly.size() == 2);
    CHECK(db.complaintStates("closed").size() == 1);
    CHECK(db.complaintStates("closed").front().trackingNo == "DEMO-HALL-01-900003");
}
