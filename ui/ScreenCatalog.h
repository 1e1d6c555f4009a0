// ScreenCatalog — which screen draws which flow, with its home tile, and the home screen of each
// kind of terminal: one line each, in ui/ScreenCatalog.cpp.
//
// The flows themselves are listed per kind of terminal in kiosk/FlowCatalog.cpp; this is their
// drawing side. A flow with no line here cannot be drawn: a unit test (tests/ui) checks that every
// flow of every kind has one, and that the line's screen takes that flow's class.
#pragma once

#include "kiosk/FlowCatalog.h"
#include "kiosk/Navigator.h"
#include "ui/Screens.h"

#include <span>
#include <string_view>
#include <vector>

namespace kiosk::ui {

struct FlowScreen {
    std::string_view flowId;
    void (*draw)(Ui& ui, Flow& flow, ScreenContext& ctx);
    bool (*fits)(const Flow& flow); // the flow is of the class the screen draws
    std::string_view tileTitleKey;  // home tile; empty: the flow is not opened from home
    std::string_view tileSubKey;
};

using DrawHome = void (*)(Ui& ui, ScreenContext& ctx, std::span<const HomeTile> tiles);

std::span<const FlowScreen> flowScreens();
const FlowScreen* screenFor(std::string_view flowId);
DrawHome homeScreenFor(FlowSet set);
// The home tiles of the navigator's flows that have one, in the kiosk catalog's order.
std::vector<HomeTile> homeTiles(const Navigator& navigator);

} // namespace kiosk::ui
