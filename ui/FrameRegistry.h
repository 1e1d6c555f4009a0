// FrameRegistry — what the last drawn frame showed: every text and every tappable widget with its
// rectangle. Filled by the widgets in Widgets.h while drawing; read by the script runner
// ("tap LABEL" finds the rectangle, "expect TEXT" searches the texts). Knows no app state.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

// Where on screen a text is: drawn as text, or words inside a picture (the slip shown on screen).
enum class TextSource { Widget, SlipPicture };

struct RegisteredItem {
    std::string text;
    float x = 0, y = 0, w = 0, h = 0;
    bool tappable = false;
    TextSource source = TextSource::Widget;
    // For the layout check (`check-layout`): what a citizen would see as broken.
    bool clipped = false;   // part of it is cut off by its window, and that window cannot scroll
    bool overflows = false; // a label wider or taller than its button or tile
    unsigned layer = 0;     // the top-level window it is drawn in (overlays are other layers)
    // A name for scripts besides the words shown: "key:t", "key:{space}" for the on-screen keys,
    // "field:LABEL" for text fields (`keys`, `field`). Empty for most widgets.
    std::string key;
};

// Layout problems of one frame, in words for a failing test ("" when none).
std::string layoutProblems(const std::vector<RegisteredItem>& items, float displayW, float displayH);

class FrameRegistry {
public:
    void beginFrame() {
        building_.clear();
        tapped_ = false;
    }
    // A widget was tapped while this frame was drawn (the runner then draws again: FrameSchedule).
    void noteTap() { tapped_ = true; }
    bool tappedThisFrame() const { return tapped_; }
    void endFrame() { shown_.swap(building_); }
    void add(std::string_view text, float x, float y, float w, float h, bool tappable) {
        RegisteredItem item;
        item.text = std::string(text);
        item.x = x, item.y = y, item.w = w, item.h = h;
        item.tappable = tappable;
        building_.push_back(std::move(item));
    }
    void add(RegisteredItem item) { building_.push_back(std::move(item)); }
    // The words of a picture drawn in the rectangle (not tappable).
    void addPictureText(std::string_view text, float x, float y, float w, float h) {
        RegisteredItem item;
        item.text = std::string(text);
        item.x = x, item.y = y, item.w = w, item.h = h;
        item.source = TextSource::SlipPicture;
        building_.push_back(std::move(item));
    }

    // The tappable item whose label is exactly `label` (the last drawn wins: overlays draw last).
    const RegisteredItem* findTappable(std::string_view label) const {
        const RegisteredItem* hit = nullptr;
        for (const auto& i : shown_) {
            if (i.tappable && i.text == label) hit = &i;
        }
        return hit;
    }
    // The tappable item registered under `key` ("key:t", "field:投诉内容"), the last drawn.
    const RegisteredItem* findKey(std::string_view key) const {
        const RegisteredItem* hit = nullptr;
        for (const auto& i : shown_) {
            if (i.tappable && i.key == key) hit = &i;
        }
        return hit;
    }
    // True when some text on screen contains `needle` (pictures' words included).
    bool showsText(std::string_view needle) const {
        for (const auto& i : shown_) {
            if (i.text.find(needle) != std::string::npos) return true;
        }
        return false;
    }
    const std::vector<RegisteredItem>& shown() const { return shown_; }
    // True when the slip picture on screen says `needle`.
    bool slipShows(std::string_view needle) const {
        for (const auto& i : shown_) {
            if (i.source == TextSource::SlipPicture && i.text.find(needle) != std::string::npos) return true;
        }
        return false;
    }

private:
    std::vector<RegisteredItem> building_;
    std::vector<RegisteredItem> shown_;
    bool tapped_ = false;
};

} // namespace kiosk::ui
