#include "kiosk/FlowCatalog.h"

#include "kiosk/CaseQueryFlow.h"
#include "kiosk/NoticeFlow.h"
#include "kiosk/ServiceGuideFlow.h"

namespace kiosk {

namespace {

std::unique_ptr<Flow> caseQuery(FlowServices& s) {
    return std::make_unique<CaseQueryFlow>(s.session, s.cases, s.slips, s.strings, s.terminalId);
}
// The hall's services not built yet (issue 12): their screens say so and where to turn instead.
std::unique_ptr<Flow> complaintNotice(FlowServices&) {
    return std::make_unique<NoticeFlow>("complaint.title", "complaint.not_available");
}
std::unique_ptr<Flow> complaintTrackNotice(FlowServices&) {
    return std::make_unique<NoticeFlow>("complaint_track.title", "complaint_track.not_available");
}
std::unique_ptr<Flow> serviceGuide(FlowServices& s) {
    return std::make_unique<ServiceGuideFlow>(s.serviceItems, s.slips, s.strings, s.terminalId);
}

const FlowEntry hallFlows[] = {
    {"case_query", caseQuery},
    {"complaint", complaintNotice},
    {"complaint_track", complaintTrackNotice},
    {"service_guide", serviceGuide},
};

// The counter pad shows its window sign at home; its rating flow is issue 13, the technician's
// screens issue 14. Until then these sets are empty: their homes say what the terminal is for.
const std::span<const FlowEntry> counterFlows{};
const std::span<const FlowEntry> technicianFlows{};

} // namespace

std::span<const FlowEntry> flowCatalog(FlowSet set) {
    switch (set) {
    case FlowSet::Hall:
        return hallFlows;
    case FlowSet::Counter:
        return counterFlows;
    case FlowSet::Technician:
        return technicianFlows;
    }
    return {};
}

} // namespace kiosk
