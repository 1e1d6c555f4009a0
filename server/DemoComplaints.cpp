// Seeding the demo complaints (see DemoComplaints.h).
//
// Sections: seeding
#include "server/DemoComplaints.h"

#include "server/ComplaintStages.h"
#include "server/WorkCalendar.h"

#include <map>
#include <stdexcept>

namespace kiosk::central {

// ---- seeding ----
int seedDemoComplaints(CentralDb& db, const nlohmann::json& district, int dueWorkingDays,
                       std::int64_t nowMs) {
    if (!district.contains("demo_complaints")) return 0;
    std::map<std::string, std::string> names;
    for (const auto& d : district.at("departments"))
        names[d.at("id").get<std::string>()] = d.at("name").get<std::string>();
    constexpr std::int64_t kHourMs = 3600 * 1000;
    int added = 0;
    for (const auto& s : district.at("demo_complaints")) {
        const std::string tn = s.at("tracking_no");
        if (db.hasComplaint(tn)) continue;
        const auto dash = tn.rfind('-');
        if (dash == std::string::npos)
            throw std::runtime_error("demo complaint " + tn + ": bad tracking number");
        const std::string department = s.value("department", std::string());
        auto name = names.find(department);
        if (!department.empty() && name == names.end())
            throw std::runtime_error("demo complaint " + tn + " has an unknown department");
        const std::string unit = department.empty() ? "区政务服务管理办公室" : name->second;
        const std::int64_t received = nowMs - s.at("received_hours_ago").get<std::int64_t>() * kHourMs;

        // The record as the demo hall terminal would have uploaded it.
        nlohmann::json payload = {
            {"id", s.at("id")},
            {"seq", std::stoll(tn.substr(dash + 1))},
            {"created_ms", received},
            {"category", s.at("category")},
            {"content", s.at("content")},
            {"tracking_no", tn},
            {"verify_code", s.at("verify_code")},
            {"phone", s.value("phone", nlohmann::json(nullptr))},
            {"department", department.empty() ? nlohmann::json(nullptr) : nlohmann::json(department)}};
        IncomingRecord rec{tn.substr(0, dash), s.at("id"),     "complaint",
                           payload.at("seq"),  payload.dump(), true};
        NewComplaint row{tn,
                         rec.terminal,
                         rec.id,
                         makeCodeVerifier(tn, s.at("verify_code")),
                         s.at("category"),
                         department,
                         unit,
                         dueDateAfter(received, dueWorkingDays),
                         received};
        db.storeRecord(rec, [&](common::SqliteDb& sdb) {
            CentralDb::insertComplaint(sdb, row);
            std::string previous = "received";
            for (const auto& st : s.at("stages")) {
                const std::string stage = st.at("stage");
                if (std::string why = complaintAdvanceError(previous, stage); !why.empty())
                    throw std::runtime_error("demo complaint " + tn + ": " + why);
                db.insertStage(sdb, tn, stage, nowMs - st.at("hours_ago").get<std::int64_t>() * kHourMs,
                               st.value("unit", unit), st.value("note", std::string()));
                previous = stage;
            }
            return nlohmann::json{{"id", rec.id}, {"tracking_no", tn}, {"status", "received"}}.dump();
        });
        ++added;
    }
    return added;
}

} // namespace kiosk::central
