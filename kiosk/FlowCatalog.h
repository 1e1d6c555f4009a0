// FlowCatalog — which flows each kind of terminal offers: one line per flow per mode.
//
// Adding a flow to a terminal is one line here (and one in ui/ScreenCatalog.cpp for its screen);
// the navigator, the session end (wipe) and the redraw (revision) need no change. The order of the
// lines is the order of the home screen's tiles. docs/ARCHITECTURE.md has the whole recipe.
#pragma once

#include "kiosk/CitizenSession.h"
#include "kiosk/Flow.h"
#include "kiosk/HallDirectory.h"
#include "kiosk/ServiceGuide.h"
#include "kiosk/Services.h"
#include "kiosk/SlipTracker.h"
#include "kiosk/StringTable.h"

#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace kiosk {

// The kinds of terminal (config [terminal] mode), and the technician's mode behind its PIN.
enum class FlowSet { Hall, Counter, Technician };

// What a flow may be built with. Everything here outlives the flows.
struct FlowServices {
    CitizenSession& session;
    SlipTracker& slips;
    CaseQueryService& cases;
    const StringTable& strings; // the language shown (it changes under the flows: always look up)
    std::string terminalId;     // printed on slips
    const std::vector<ServiceItem>& serviceItems; // the catalog's copy on the terminal (办事指南)
    OutboxService& outbox;                        // complaints, suggestions
    ComplaintProgressService& complaintProgress;  // 投诉查询
    const HallDirectory& directory;               // complaint categories, departments, staff
    int complaintHandlingDays;                    // working days, on the receipt
};

struct FlowEntry {
    std::string_view id; // the flow's name for the navigator and ui/ScreenCatalog
    std::unique_ptr<Flow> (*make)(FlowServices& services);
};

std::span<const FlowEntry> flowCatalog(FlowSet set);

} // namespace kiosk
