#include "ui/ScreenCatalog.h"

#include "kiosk/CaseQueryFlow.h"
#include "kiosk/ComplaintFlow.h"
#include "kiosk/ComplaintTrackFlow.h"
#include "kiosk/ServiceGuideFlow.h"
#include "kiosk/SuggestionFlow.h"

namespace kiosk::ui {

// ---- the flows' screens (one file each: ui/<Name>Screen.cpp) ----
void drawCaseQueryScreen(Ui& ui, CaseQueryFlow& flow, ScreenContext& ctx);
void drawComplaintScreen(Ui& ui, ComplaintFlow& flow, ScreenContext& ctx);
void drawComplaintTrackScreen(Ui& ui, ComplaintTrackFlow& flow, ScreenContext& ctx);
void drawServiceGuideScreen(Ui& ui, ServiceGuideFlow& flow, ScreenContext& ctx);
void drawSuggestionScreen(Ui& ui, SuggestionFlow& flow, ScreenContext& ctx);

namespace {

// Binds a screen function to the flow class it draws. The cast is checked: a catalog line that
// pairs a flow id with the wrong screen draws nothing (and fails tests/ui's catalog test).
template <class F, void (*Draw)(Ui&, F&, ScreenContext&)>
constexpr FlowScreen screen(std::string_view flowId, std::string_view tileTitleKey = {},
                            std::string_view tileSubKey = {}) {
    return FlowScreen{flowId,
                      [](Ui& ui, Flow& flow, ScreenContext& ctx) {
                          if (auto* f = dynamic_cast<F*>(&flow)) Draw(ui, *f, ctx);
                      },
                      [](const Flow& flow) { return dynamic_cast<const F*>(&flow) != nullptr; }, tileTitleKey,
                      tileSubKey};
}

// ---- one line per screen ----
const FlowScreen screens[] = {
    screen<CaseQueryFlow, drawCaseQueryScreen>("case_query", "home.case_query", "home.case_query_sub"),
    screen<ComplaintFlow, drawComplaintScreen>("complaint", "home.complaint", "home.complaint_sub"),
    screen<ComplaintTrackFlow, drawComplaintTrackScreen>("complaint_track", "home.complaint_track",
                                                         "home.complaint_track_sub"),
    screen<ServiceGuideFlow, drawServiceGuideScreen>("service_guide", "home.service_guide",
                                                     "home.service_guide_sub"),
    screen<SuggestionFlow, drawSuggestionScreen>("mailbox", "home.mailbox", "home.mailbox_sub"),
};

// ---- one home per kind of terminal ----
struct HomeScreen {
    FlowSet set;
    DrawHome draw;
};
const HomeScreen homes[] = {
    {FlowSet::Hall, drawHomeScreen}, {FlowSet::Counter, drawCounterScreen},
    // The technician's home (issue 14) lands with its screens.
};

} // namespace

std::span<const FlowScreen> flowScreens() {
    return screens;
}

const FlowScreen* screenFor(std::string_view flowId) {
    for (const FlowScreen& s : screens)
        if (s.flowId == flowId) return &s;
    return nullptr;
}

DrawHome homeScreenFor(FlowSet set) {
    for (const HomeScreen& h : homes)
        if (h.set == set) return h.draw;
    return nullptr;
}

std::vector<HomeTile> homeTiles(const Navigator& navigator) {
    std::vector<HomeTile> tiles;
    for (std::string_view id : navigator.flowIds()) {
        const FlowScreen* s = screenFor(id);
        if (s && !s->tileTitleKey.empty()) tiles.push_back({s->flowId, s->tileTitleKey, s->tileSubKey});
    }
    return tiles;
}

} // namespace kiosk::ui
