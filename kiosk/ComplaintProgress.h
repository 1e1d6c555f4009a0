// ComplaintProgress — where a complaint is in its handling, as the central server tells it
// (POST /api/v1/complaints/progress) or as this terminal's outbox knows it before the upload:
// 受理 → 转办 → 办理 → 回复 → 办结 → 回访, each with its date, the handling unit and a note.
//
// Sections: the stages | progress | reading the server's answer
//
//   [x] the six stages in their order; an unknown stage word is kept out (never shown as garbage)
//   [x] the server's answer checked field by field, bounded (at most 20 stages, 4,000-byte notes)
//   [x] the outcomes a citizen can meet: found, still in this terminal's outbox, refused by the
//       server (kept for the technician), not found (one answer for a wrong code and an unknown
//       number), offline, busy, server error
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// ---- the stages ----
enum class ComplaintStage { Received, Assigned, Handling, Replied, Closed, Revisited };
inline constexpr int kComplaintStageCount = 6;
// The wire word ("received" ...) and back; nullopt for a word the terminal does not know.
std::string_view complaintStageWord(ComplaintStage stage);
std::optional<ComplaintStage> complaintStageFromWord(std::string_view word);

// ---- progress ----
struct ComplaintMilestone {
    ComplaintStage stage = ComplaintStage::Received;
    std::string at; // ISO time as the server sent it
    std::string unit;
    std::string note;
    bool operator==(const ComplaintMilestone&) const = default;
};

struct ComplaintProgress {
    std::string trackingNo;
    ComplaintStage status = ComplaintStage::Received;
    std::string category; // the category's id (the flow shows its name from the catalog)
    std::string department;
    std::string receivedAt;
    std::string dueDate; // YYYY-MM-DD, may be empty
    std::string reply;   // the reply text, empty until 回复
    std::vector<ComplaintMilestone> timeline;
    std::int64_t createdMs = 0; // WaitingUpload: when this terminal registered it
    bool operator==(const ComplaintProgress&) const = default;
};

enum class ProgressOutcome { Found, WaitingUpload, RefusedByServer, NotFound, Offline, Busy, ServerError };

// ---- reading the server's answer ----
struct ComplaintProgressParse {
    ComplaintProgress progress;
    std::string error; // technician detail; empty when the answer was good
};
ComplaintProgressParse parseComplaintProgress(std::string_view body);

} // namespace kiosk
