// KioskView — draws one whole frame of the app: header, the current screen, the idle overlay.
// Holds no state of its own: everything is read from KioskApp.
#pragma once

#include "kiosk/KioskApp.h"
#include "kiosk/StringTable.h"
#include "ui/Screens.h"

namespace kiosk::ui {

class KioskView {
public:
    explicit KioskView(KioskApp& app);

    // Draws into the current ImGui frame.
    void draw(FontSet& fonts, FrameRegistry& registry, SlipTexture& slipTexture, float em, TimePoint now);
    // What the screen shows, compact: when it changes, the runner draws again.
    std::string signature(TimePoint now) const;

private:
    KioskApp& app_;
    ScreenInfo info_;
    Theme theme_;
    DeferredActions later_; // posted by the screens during draw(), run at its end
};

} // namespace kiosk::ui
