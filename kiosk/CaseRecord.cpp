#include "kiosk/CaseRecord.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace kiosk {

int CaseRecord::activeSteps() const {
    int n = 0;
    for (const CaseStep& s : steps)
        n += s.state == StepState::Active;
    return n;
}

const char* caseStatusKey(CaseStatus s) {
    switch (s) {
    case CaseStatus::Accepted:
        return "case.status.accepted";
    case CaseStatus::Processing:
        return "case.status.processing";
    case CaseStatus::Suspended:
        return "case.status.suspended";
    case CaseStatus::Completed:
        return "case.status.completed";
    case CaseStatus::Rejected:
        return "case.status.rejected";
    }
    return "case.status.accepted";
}

const char* stepStateKey(StepState s) {
    switch (s) {
    case StepState::Done:
        return "case.step.done";
    case StepState::Active:
        return "case.step.active";
    case StepState::Pending:
        return "case.step.pending";
    }
    return "case.step.pending";
}

std::string displayTime(const std::string& iso) {
    std::string out = iso.substr(0, std::min<size_t>(16, iso.size()));
    if (out.size() > 10 && out[10] == 'T') out[10] = ' ';
    return out;
}

std::string displayDate(const std::string& iso) {
    return iso.substr(0, std::min<size_t>(10, iso.size()));
}

void sortForCitizen(std::vector<CaseRecord>& cases) {
    auto rank = [](const CaseRecord& c) {
        if (c.overdue()) return 0;
        if (c.status == CaseStatus::Accepted || c.status == CaseStatus::Processing) return 1;
        if (c.status == CaseStatus::Suspended) return 2;
        return 3;
    };
    std::stable_sort(cases.begin(), cases.end(), [&](const CaseRecord& a, const CaseRecord& b) {
        if (rank(a) != rank(b)) return rank(a) < rank(b);
        if (rank(a) <= 1) return a.daysLeft.value_or(0) < b.daysLeft.value_or(0);
        return a.acceptedAt > b.acceptedAt;
    });
}

namespace {

using nlohmann::json;

struct BadField {
    std::string what;
};

std::string str(const json& o, const char* key, bool required = true) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) {
        if (required) throw BadField{std::string("missing '") + key + "'"};
        return {};
    }
    if (!it->is_string()) throw BadField{std::string("'") + key + "' is not a string"};
    std::string v = it->get<std::string>();
    if (required && v.empty()) throw BadField{std::string("'") + key + "' is empty"};
    if (v.size() > 512) throw BadField{std::string("'") + key + "' is longer than 512 bytes"};
    return v;
}

CaseStatus parseStatus(const std::string& s) {
    if (s == "accepted") return CaseStatus::Accepted;
    if (s == "processing") return CaseStatus::Processing;
    if (s == "suspended") return CaseStatus::Suspended;
    if (s == "completed") return CaseStatus::Completed;
    if (s == "rejected") return CaseStatus::Rejected;
    throw BadField{"unknown status '" + s + "'"};
}

StepState parseStepState(const std::string& s) {
    if (s == "done") return StepState::Done;
    if (s == "active") return StepState::Active;
    if (s == "pending") return StepState::Pending;
    throw BadField{"unknown step state '" + s + "'"};
}

} // namespace

CaseQueryParse parseCaseQueryResponse(const std::string& body) {
    CaseQueryParse out;
    json doc;
    try {
        doc = json::parse(body); // also rejects invalid UTF-8 inside strings
    } catch (const json::exception& e) {
        out.error = std::string("response is not valid JSON: ") + e.what();
        return out;
    }
    if (!doc.is_object() || !doc.contains("cases") || !doc["cases"].is_array()) {
        out.error = "response has no 'cases' array";
        return out;
    }
    if (doc["cases"].size() > 200) {
        out.error = "response lists more than 200 cases";
        return out;
    }
    size_t index = 0;
    try {
        for (const json& c : doc["cases"]) {
            if (!c.is_object()) throw BadField{"not an object"};
            CaseRecord r;
            r.caseNo = str(c, "case_no");
            r.itemName = str(c, "item_name");
            r.department = str(c, "department");
            r.status = parseStatus(str(c, "status"));
            r.acceptedAt = str(c, "accepted_at");
            r.dueDate = str(c, "due_date", false);
            r.completedAt = str(c, "completed_at", false);
            if (c.contains("time_limit_days") && c["time_limit_days"].is_number_integer()) {
                r.timeLimitDays = c["time_limit_days"].get<int>();
            }
            if (c.contains("days_left") && c["days_left"].is_number_integer()) {
                r.daysLeft = c["days_left"].get<int>();
            } else if (c.contains("days_left") && !c["days_left"].is_null()) {
                throw BadField{"'days_left' is not an integer"};
            }
            if (c.contains("steps")) {
                if (!c["steps"].is_array()) throw BadField{"'steps' is not an array"};
                for (const json& s : c["steps"]) {
                    if (!s.is_object()) throw BadField{"a step is not an object"};
                    CaseStep step;
                    step.name = str(s, "name");
                    step.department = str(s, "department", false);
                    step.state = parseStepState(str(s, "state"));
                    step.finishedAt = str(s, "finished_at", false);
                    r.steps.push_back(std::move(step));
                }
            }
            out.cases.push_back(std::move(r));
            ++index;
        }
    } catch (const BadField& b) {
        out.cases.clear();
        out.error = "case " + std::to_string(index) + ": " + b.what;
    } catch (const json::exception& e) {
        out.cases.clear();
        out.error = "case " + std::to_string(index) + ": " + e.what();
    }
    return out;
}

} // namespace kiosk
