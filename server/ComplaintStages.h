// The stages a complaint goes through at kiosk-central, as citizens follow them on the terminal
// (受理 → 转办 → 办理 → 回复 → 办结 → 回访, ../shared/reference/service-hall-rules.md), and the rule for
// moving one along. The rows live in CentralDb (complaint_stages); the office moves them with
// `kiosk-central complaints advance`.
//
// Sections: stages | advancing
// Checklist:
//   [x] six stage names in order (the wire words of /api/v1/complaints/progress "timeline[].state")
//   [x] forward moves only; a stage may be skipped (an office may close without a separate 办理 entry)
//   [x] revisited (回访) only once the complaint is closed
//   [ ] 评价 (the citizen rating the handling): not modelled
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace kiosk::central {

// ---- stages ----
// received is written on receipt; replied's note is the reply text the citizen reads.
inline constexpr std::array<const char*, 6> kComplaintStages = {"received", "assigned", "handling",
                                                                "replied",  "closed",   "revisited"};

// Position in kComplaintStages; -1 for an unknown word.
inline int complaintStageRank(std::string_view stage) {
    for (size_t i = 0; i < kComplaintStages.size(); ++i)
        if (stage == kComplaintStages[i]) return static_cast<int>(i);
    return -1;
}

// ---- advancing ----
// Empty when a complaint at `current` may move to `target`, else the reason (shown by the CLI).
inline std::string complaintAdvanceError(std::string_view current, std::string_view target) {
    const int from = complaintStageRank(current), to = complaintStageRank(target);
    if (to < 0) return "unknown stage '" + std::string(target) + "'";
    if (to <= from)
        return "the complaint is already at stage '" + std::string(current) + "'; only forward moves (" +
               "received, assigned, handling, replied, closed, revisited) are allowed";
    if (target == "revisited" && current != "closed")
        return "the complaint is at stage '" + std::string(current) +
               "'; revisited (回访) comes only after closed";
    return {};
}

} // namespace kiosk::central
