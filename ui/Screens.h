// Screens — one function per screen; each draws the current state of a flow and sends the
// citizen's taps back to it. Screens hold no state of their own (all of it lives in kiosk/).
#pragma once

#include "kiosk/HallFlow.h"
#include "ui/SlipTexture.h"
#include "ui/Widgets.h"

#include <optional>
#include <string>

namespace kiosk::ui {

struct ScreenInfo {
    std::string hallName;
    std::string terminalId;
    int counter = 0;
    std::optional<bool> online; // the central server reachable (nothing before the first sync cycle)
};

// The blue bar at the top: hall name, and the language switch. Returns true when the language
// switch was tapped.
bool drawHeader(Ui& ui, const ScreenInfo& info, float height);

void drawHomeScreen(Ui& ui, HallFlow& flow, const ScreenInfo& info, TimePoint now);
void drawCaseQueryScreen(Ui& ui, HallFlow& flow, TimePoint now);
// A screen whose service is not available on this terminal yet: says so, where to turn instead
// (the district's hotline, address and hours when known), and offers the way home.
void drawNoticeScreen(Ui& ui, HallFlow& flow, std::string_view titleKey, std::string_view messageKey,
                      const HallContacts* contacts = nullptr);
// Dims the screen and counts down; "continue" keeps the session.
void drawIdleOverlay(Ui& ui, HallFlow& flow, int secondsLeft, TimePoint now);
void drawCounterScreen(Ui& ui, const ScreenInfo& info);
// While a slip prints, after it printed, or when it failed (then with what it says, on screen).
void drawSlipDialog(Ui& ui, HallFlow& flow, SlipTexture& texture);

// The kiosk could not start (its config file has problems): what the technician reads on the screen.
struct OutOfServiceInfo {
    std::string detail; // "FILE:LINE: key 'a.b': message" lines (LoadResult::report), a few of them
};
// The citizen is sent to a service window, in both languages (`other` is the second one); the
// technician detail is shown small below. Drawn by ui/OutOfServiceRunner, without a KioskApp.
void drawOutOfServiceScreen(Ui& ui, const StringTable& other, const OutOfServiceInfo& info);

} // namespace kiosk::ui
