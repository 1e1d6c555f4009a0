// FrameRegistry — what the last drawn frame showed: every text and every tappable widget with its
// rectangle. Filled by the widgets in Widgets.h while drawing; read by the script runner
// ("tap LABEL" finds the rectangle, "expect TEXT" searches the texts). Knows no app state.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

struct RegisteredItem {
    std::string text;
    float x = 0, y = 0, w = 0, h = 0;
    bool tappable = false;
};

class FrameRegistry {
public:
    void beginFrame() { building_.clear(); }
    void endFrame() { shown_.swap(building_); }
    void add(std::string_view text, float x, float y, float w, float h, bool tappable) {
        building_.push_back({std::string(text), x, y, w, h, tappable});
    }

    // The tappable item whose label is exactly `label` (the last drawn wins: overlays draw last).
    const RegisteredItem* findTappable(std::string_view label) const {
        const RegisteredItem* hit = nullptr;
        for (const auto& i : shown_) {
            if (i.tappable && i.text == label) hit = &i;
        }
        return hit;
    }
    // True when some text on screen contains `needle`.
    bool showsText(std::string_view needle) const {
        for (const auto& i : shown_) {
            if (i.text.find(needle) != std::string::npos) return true;
        }
        return false;
    }

private:
    std::vector<RegisteredItem> building_;
    std::vector<RegisteredItem> shown_;
};

} // namespace kiosk::ui
