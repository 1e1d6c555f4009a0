// Seeding the demo complaints (see DemoComplaints.h).
//
// Sections: seeding
#include "server/DemoComplaints.h"

#include "server/ComplaintStages.h"
#include "server/WorkCalendar.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <stdexcept>

namespace kiosk::central {

// ---- seeding ----
namespace {
// `daysAgo` working days before today at `hhmm` (China time), never later than now: office hours on a
// timeline that always looks recent, as the demo cases do (CaseDirectory).
std::int64_t demoTimeMs(std::int64_t nowMs, int daysAgo, const std::string& hhmm) {
    using namespace std::chrono;
    if (hhmm.size() != 5 || hhmm[2] != ':')
        throw std::runtime_error("demo complaint time '" + hhmm + "' is not HH:MM");
    const int minute = std::stoi(hhmm.substr(0, 2)) * 60 + std::stoi(hhmm.substr(3, 2));
    const Date day = addWorkingDays(todayInChina(system_clock::time_point(milliseconds(nowMs))), -daysAgo);
    const std::int64_t midnightMs = duration_cast<milliseconds>(day.time_since_epoch() - hours(8)).count();
    return std::min(nowMs, midnightMs + std::int64_t{minute} * 60'000);
}
} // namespace

int seedDemoComplaints(CentralDb& db, const nlohmann::json& district, int dueWorkingDays,
                       std::int64_t nowMs) {
    if (!district.contains("demo_complaints")) return 0;
    std::map<std::string, std::string> names;
    for (const auto& d : district.at("departments"))
        names[d.at("id").get<std::string>()] = d.at("name").get<std::string>();
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
        const std::int64_t received = demoTimeMs(nowMs, s.at("received_days_ago"), s.at("received_at"));

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
            std::int64_t previousMs = received;
            for (const auto& st : s.at("stages")) {
                const std::string stage = st.at("stage");
                if (std::string why = complaintAdvanceError(previous, stage); !why.empty())
                    throw std::runtime_error("demo complaint " + tn + ": " + why);
                previousMs = std::max(previousMs, demoTimeMs(nowMs, st.at("days_ago"), st.at("at")));
                db.insertStage(sdb, tn, stage, previousMs, st.value("unit", unit),
                               st.value("note", std::string()));
                previous = stage;
            }
            return nlohmann::json{{"id", rec.id}, {"tracking_no", tn}, {"status", "received"}}.dump();
        });
        ++added;
    }
    return added;
}

} // namespace kiosk::central
