// ComplaintProgress (see the header).
//
// Sections: the stages | reading the server's answer
#include "kiosk/ComplaintProgress.h"

#include "text/Utf8.h"

namespace kiosk {

// ---- the stages ----
namespace {
constexpr std::string_view kWords[kComplaintStageCount] = {"received", "assigned", "handling",
                                                           "replied",  "closed",   "revisited"};
constexpr std::size_t kMaxText = 4000;
constexpr std::size_t kMaxSteps = 20;

bool textField(const nlohmann::json& o, const char* key, std::string& out, bool required) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return !required;
    if (!it->is_string()) return false;
    const std::string& s = it->get_ref<const std::string&>();
    if (s.size() > kMaxText || !text::isValidUtf8(s)) return false;
    out = s;
    return true;
}
} // namespace

std::string_view complaintStageWord(ComplaintStage stage) {
    return kWords[static_cast<int>(stage)];
}

std::optional<ComplaintStage> complaintStageFromWord(std::string_view word) {
    for (int i = 0; i < kComplaintStageCount; ++i)
        if (kWords[i] == word) return static_cast<ComplaintStage>(i);
    return std::nullopt;
}

// ---- reading the server's answer ----
ComplaintProgressParse parseComplaintProgress(std::string_view body) {
    ComplaintProgressParse out;
    const nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
    if (!j.is_object()) {
        out.error = "not a JSON object";
        return out;
    }
    ComplaintProgress& p = out.progress;
    std::string status;
    if (!textField(j, "tracking_no", p.trackingNo, true) || !textField(j, "status", status, true)) {
        out.error = "tracking_no or status missing";
        return out;
    }
    auto st = complaintStageFromWord(status);
    if (!st) {
        out.error = "unknown status '" + status.substr(0, 32) + "'";
        return out;
    }
    p.status = *st;
    if (!textField(j, "category", p.category, false) || !textField(j, "department", p.department, false) ||
        !textField(j, "received_at", p.receivedAt, false) || !textField(j, "due_date", p.dueDate, false) ||
        !textField(j, "reply", p.reply, false)) {
        out.error = "a field of the answer has the wrong type or is too long";
        return out;
    }
    auto tl = j.find("timeline");
    if (tl == j.end() || !tl->is_array() || tl->size() > kMaxSteps) {
        out.error = "timeline missing or longer than 20 stages";
        return out;
    }
    for (const nlohmann::json& s : *tl) {
        std::string word;
        ComplaintMilestone step;
        if (!s.is_object() || !textField(s, "state", word, true) || !textField(s, "at", step.at, false) ||
            !textField(s, "unit", step.unit, false) || !textField(s, "note", step.note, false)) {
            out.error = "a timeline entry is malformed";
            return out;
        }
        auto stage = complaintStageFromWord(word);
        if (!stage) continue; // a stage this terminal does not know yet: left out, the rest shown
        step.stage = *stage;
        p.timeline.push_back(std::move(step));
    }
    return out;
}

} // namespace kiosk
