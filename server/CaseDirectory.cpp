// Case status views (see CaseDirectory.h).
#include "server/CaseDirectory.h"

#include <algorithm>
#include <functional>

namespace kiosk::central {

void CaseDirectory::loadDemo(const nlohmann::json& district) {
    for (const auto& d : district.at("departments"))
        departmentNames_[d.at("id").get<std::string>()] = d.at("name").get<std::string>();
    for (const auto& i : district.at("service_items"))
        items_[i.at("id").get<std::string>()] = i;
    for (const auto& c : district.at("demo_cases")) {
        byIdNumber_[c.at("id_number").get<std::string>()].push_back(c);
        byCaseNo_[c.at("case_no").get<std::string>()] = c;
    }
}

std::optional<nlohmann::json> CaseDirectory::caseByNumber(const std::string& caseNo,
                                                          const std::string& phoneLast4, Date today,
                                                          int minuteNow) const {
    auto it = byCaseNo_.find(caseNo);
    if (it == byCaseNo_.end() || phoneLast4.size() != 4) return std::nullopt;
    const std::string phone = it->second.value("applicant_phone", std::string());
    if (phone.size() < 4 || phone.compare(phone.size() - 4, 4, phoneLast4) != 0) return std::nullopt;
    return view(it->second, today, minuteNow);
}

nlohmann::json CaseDirectory::casesFor(const std::string& idNumber, Date today, int minuteNow) const {
    nlohmann::json out = nlohmann::json::array();
    auto it = byIdNumber_.find(idNumber);
    if (it == byIdNumber_.end()) return out;
    for (const auto& c : it->second)
        out.push_back(view(c, today, minuteNow));
    return out;
}

nlohmann::json CaseDirectory::view(const nlohmann::json& c, Date today, int minuteNow) const {
    auto dept = [&](const std::string& id) {
        auto d = departmentNames_.find(id);
        return d == departmentNames_.end() ? id : d->second;
    };
    // The demo's clock times are made up; none may lie later today than now.
    auto stamp = [&](Date d, int minute) {
        return isoDateTime(d, d == today ? std::min(minute, minuteNow) : minute);
    };
    const std::string caseNo = c.at("case_no").get<std::string>();
    const nlohmann::json& item = items_.at(c.at("item").get<std::string>());
    // A stable clock time per case so the demo looks like real office hours (09:00-14:59).
    int minutes = 9 * 60 + static_cast<int>(std::hash<std::string>{}(caseNo) % 360);
    const std::string status = c.at("status").get<std::string>();
    const int limit = item.at("time_limit_days").get<int>();
    const int acceptedAgo = c.at("accepted_ago").get<int>();
    Date accepted = addWorkingDays(today, -acceptedAgo);
    int pausedDays = status == "suspended" ? c.value("suspended_ago", 0) : 0;
    Date due = addWorkingDays(accepted, limit + pausedDays);
    bool finished = status == "completed" || status == "rejected";

    nlohmann::json v;
    v["case_no"] = caseNo;
    v["item_id"] = item.at("id");
    v["item_name"] = item.at("name");
    v["department"] = dept(item.at("department").get<std::string>());
    v["status"] = status;
    v["accepted_at"] = stamp(accepted, minutes);
    v["time_limit_days"] = limit;
    v["due_date"] = isoDate(due);
    v["days_left"] = finished ? nlohmann::json(nullptr) : nlohmann::json(workingDaysBetween(today, due));
    v["completed_at"] =
        finished ? nlohmann::json(stamp(addWorkingDays(today, -c.value("completed_ago", 0)), minutes + 30))
                 : nlohmann::json(nullptr);
    v["note"] = c.contains("note") ? c.at("note") : nlohmann::json(nullptr);
    // Refused at intake (不予受理) or after review (不予批准): the terminal labels the case by it.
    v["refusal"] = status == "rejected" && c.contains("refusal") ? c.at("refusal") : nlohmann::json(nullptr);
    nlohmann::json steps = nlohmann::json::array();
    int stepMinute = minutes;
    for (const auto& s : c.at("steps")) {
        nlohmann::json sv;
        sv["name"] = s.at("name");
        sv["department"] = dept(s.at("department").get<std::string>());
        sv["state"] = s.at("state");
        stepMinute += 17;
        sv["finished_at"] =
            s.at("finished_ago").is_null()
                ? nlohmann::json(nullptr)
                : nlohmann::json(stamp(addWorkingDays(today, -s.at("finished_ago").get<int>()), stepMinute));
        steps.push_back(std::move(sv));
    }
    v["steps"] = std::move(steps);
    return v;
}

} // namespace kiosk::central
