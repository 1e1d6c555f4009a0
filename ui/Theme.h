// Theme — colours and em-based metrics. One layout serves 800x480 up to 1080p, portrait or
// landscape: every size on screen is a multiple of em, and em follows the screen.
//
// Colours: contrast >= 4.5:1 for text on its background (适老化 rule); state is never shown by
// colour alone (every coloured badge also carries its words).
#pragma once

#include <imgui.h>

namespace kiosk::ui {

struct Theme {
    ImU32 background = IM_COL32(244, 246, 250, 255);
    ImU32 header = IM_COL32(19, 78, 150, 255); // government blue, white text 7.9:1
    ImU32 headerText = IM_COL32(255, 255, 255, 255);
    ImU32 text = IM_COL32(26, 26, 26, 255);
    ImU32 textMuted = IM_COL32(84, 90, 99, 255); // 6.6:1 on the background
    ImU32 panel = IM_COL32(255, 255, 255, 255);
    ImU32 panelBorder = IM_COL32(205, 212, 222, 255);
    ImU32 primary = IM_COL32(19, 78, 150, 255);
    ImU32 primaryPressed = IM_COL32(12, 52, 102, 255);
    ImU32 primaryText = IM_COL32(255, 255, 255, 255);
    ImU32 tileSubtitle = IM_COL32(220, 232, 248, 255); // on primary: 6.6:1
    ImU32 secondary = IM_COL32(230, 236, 245, 255);
    ImU32 secondaryPressed = IM_COL32(200, 212, 230, 255);
    ImU32 good = IM_COL32(27, 110, 50, 255);   // done / completed
    ImU32 active = IM_COL32(19, 78, 150, 255); // in progress
    ImU32 warn = IM_COL32(150, 80, 0, 255);    // suspended / due soon
    ImU32 bad = IM_COL32(180, 30, 30, 255);    // overdue / rejected / errors
    ImU32 pending = IM_COL32(150, 156, 165, 255);
    ImU32 overlay = IM_COL32(0, 0, 0, 150);
};

// em for a screen: the largest size that fits both dimensions, times the config's text scale.
// 1920x1080 -> 47 px, 1080x1920 -> 41.5, 1024x600 -> 26, 800x480 -> 20.9 (at scale 1.0; never below 20).
float emForScreen(int width, int height, double textScale);

} // namespace kiosk::ui
