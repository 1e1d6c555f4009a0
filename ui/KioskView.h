// KioskView — draws one whole frame of the app: header, the open flow's screen (or the home of the
// terminal's kind), the slip dialog and the idle overlay. Which screen draws which flow comes from
// ui/ScreenCatalog; the view holds no state of the flows: everything is read from KioskApp.
#pragma once

#include "kiosk/KioskApp.h"
#include "kiosk/StringTable.h"
#include "ui/ScreenCatalog.h"
#include "ui/Screens.h"

#include <vector>

namespace kiosk::ui {

class KioskView {
public:
    explicit KioskView(KioskApp& app);

    // Draws into the current ImGui frame.
    void draw(FontSet& fonts, FrameRegistry& registry, SlipTexture& slipTexture, float em, TimePoint now);
    // What the screen shows, compact: when it changes, the runner draws again. The app's revision
    // (every change to flows, session, slips, connection, contacts, language) and the countdown.
    std::string signature(TimePoint now) const;

private:
    void drawContent(Ui& ui, ScreenContext& ctx);

    KioskApp& app_;
    ScreenInfo info_;
    Theme theme_;
    std::vector<HomeTile> tiles_; // the flows offered at home (fixed once the terminal is built)
    DeferredActions later_;       // posted by the screens during draw(), run at its end
};

} // namespace kiosk::ui
