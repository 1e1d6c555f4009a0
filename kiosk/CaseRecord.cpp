#include "kiosk/CaseRecord.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string_view>

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

const char* caseStatusKey(const CaseRecord& c) {
    if (c.status != CaseStatus::Rejected) return caseStatusKey(c.status);
    switch (c.refusal) {
    case Refusal::NotAccepted:
        return "case.status.not_accepted";
    case Refusal::NotApproved:
        return "case.status.not_approved";
    case Refusal::Unspecified:
        break;
    }
    return "case.status.rejected";
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

// Unknown values read as Unspecified: a newer server's finer kinds still show as 未通过.
Refusal parseRefusal(const json& c) {
    auto it = c.find("refusal");
    if (it == c.end() || !it->is_string()) return Refusal::Unspecified;
    if (*it == "not_accepted") return Refusal::NotAccepted;
    if (*it == "not_approved") return Refusal::NotApproved;
    return Refusal::Unspecified;
}

// Free text from the server for the screen and the paper: UTF-8 is already valid (json::parse refuses
// anything else). Control characters (C0, DEL, C1, line/paragraph separators) become spaces, so an
// ESC in a note can never reach the printer as a command, runs of spaces shrink to one, and the
// text is cut at a character boundary to kMaxNoteBytes, with "…" to show it was cut.
std::string cleanNote(const std::string& raw) {
    std::string out;
    for (size_t i = 0; i < raw.size();) {
        const unsigned char b = static_cast<unsigned char>(raw[i]);
        const size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        const std::string_view ch(raw.data() + i, std::min(len, raw.size() - i));
        i += ch.size();
        const bool c1 = ch.size() == 2 && b == 0xC2 && static_cast<unsigned char>(ch[1]) < 0xA0;
        if (b < 0x20 || b == 0x7F || c1 || ch == "\u2028" || ch == "\u2029" || ch == " ") {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += ch;
        }
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    if (out.size() <= kMaxNoteBytes) return out;
    const std::string_view ellipsis = "\u2026"; // 3 bytes
    size_t cut = kMaxNoteBytes - ellipsis.size();
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) // not inside a character
        --cut;
    out.resize(cut);
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    out += ellipsis;
    return out;
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
            if (r.status == CaseStatus::Rejected) r.refusal = parseRefusal(c);
            if (auto note = c.find("note"); note != c.end() && !note->is_null()) {
                if (!note->is_string()) throw BadField{"'note' is not a string"};
                if (note->get_ref<const std::string&>().size() > 64 * 1024)
                    throw BadField{"'note' is longer than 64 KiB"}; // not a note: a broken server
                r.note = cleanNote(note->get_ref<const std::string&>());
            }
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
