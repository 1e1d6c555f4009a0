#include "kiosk/FlowCatalog.h"

#include "kiosk/CaseQueryFlow.h"
#include "kiosk/ComplaintFlow.h"
#include "kiosk/ComplaintTrackFlow.h"
#include "kiosk/ServiceGuideFlow.h"
#include "kiosk/SuggestionFlow.h"

namespace kiosk {

namespace {

std::unique_ptr<Flow> caseQuery(FlowServices& s) {
    return std::make_unique<CaseQueryFlow>(s.session, s.cases, s.slips, s.strings, s.terminalId);
}
std::unique_ptr<Flow> complaint(FlowServices& s) {
    return std::make_unique<ComplaintFlow>(s.session, s.directory, s.outbox, s.cases, s.slips, s.strings,
                                           ComplaintSettings{s.complaintHandlingDays, s.terminalId});
}
std::unique_ptr<Flow> complaintTrack(FlowServices& s) {
    return std::make_unique<ComplaintTrackFlow>(s.session, s.complaintProgress, s.terminalId);
}
std::unique_ptr<Flow> mailbox(FlowServices& s) {
    return std::make_unique<SuggestionFlow>(s.session, s.outbox);
}
std::unique_ptr<Flow> serviceGuide(FlowServices& s) {
    return std::make_unique<ServiceGuideFlow>(s.serviceItems, s.slips, s.strings, s.terminalId);
}

const FlowEntry hallFlows[] = {
    {"case_query", caseQuery},       {"complaint", complaint}, {"complaint_track", complaintTrack},
    {"service_guide", serviceGuide}, {"mailbox", mailbox},
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
