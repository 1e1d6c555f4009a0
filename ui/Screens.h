// Screens — one function per screen; each draws the current state of a flow and sends the
// citizen's taps back to it (through Ui::later, run when the frame is complete). Screens hold no
// state of their own (all of it lives in kiosk/). The screens of flows are declared where they are
// listed, in ui/ScreenCatalog.cpp (one declaration and one line each); what all screens share is here.
#pragma once

#include "kiosk/HallContacts.h"
#include "kiosk/Terminal.h"
#include "ui/SlipTexture.h"
#include "ui/Widgets.h"

#include <optional>
#include <span>
#include <string>

namespace kiosk::ui {

struct ScreenInfo {
    std::string hallName;
    std::string terminalId;
    int counter = 0;
    std::optional<bool> online; // the central server reachable (nothing before the first sync cycle)
};

// What every screen may read and call besides its own flow.
struct ScreenContext {
    Terminal& terminal; // navigator (home), session (who, activity), slips, the reader's words
    const HallContacts& contacts;
    const ScreenInfo& info;
    TimePoint now;
};

// A home screen tile: the flow it opens and its string keys (ui/ScreenCatalog.cpp).
struct HomeTile {
    std::string_view flowId;
    std::string_view titleKey;
    std::string_view subKey;
};

// The blue bar at the top: hall name, and the language switch. Returns true when the language
// switch was tapped.
bool drawHeader(Ui& ui, const ScreenInfo& info, float height);

// ---- homes (one per kind of terminal) ----
// The hall's entries as large tiles: 2x2 in landscape, a column in portrait.
void drawHomeScreen(Ui& ui, ScreenContext& ctx, std::span<const HomeTile> tiles);
// The counter pad's window sign (its rating flow is issue 13).
void drawCounterScreen(Ui& ui, ScreenContext& ctx, std::span<const HomeTile> tiles);

// ---- over every screen ----
// Dims the screen and counts down; "continue" keeps the session.
void drawIdleOverlay(Ui& ui, Navigator& navigator, int secondsLeft, TimePoint now);
// While a slip prints, after it printed, or when it failed (then with what it says, on screen).
void drawSlipDialog(Ui& ui, SlipTracker& slips, SlipTexture& texture);

// The kiosk could not start (its config file has problems): what the technician reads on the screen.
struct OutOfServiceInfo {
    std::string detail; // "FILE:LINE: key 'a.b': message" lines (LoadResult::report), a few of them
};
// The citizen is sent to a service window, in both languages (`other` is the second one); the
// technician detail is shown small below. Drawn by ui/OutOfServiceRunner, without a KioskApp.
void drawOutOfServiceScreen(Ui& ui, const StringTable& other, const OutOfServiceInfo& info);

} // namespace kiosk::ui
