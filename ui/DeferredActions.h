// DeferredActions — what a tap asks for (open a flow, leave it, switch the language, end the session)
// runs after the frame has been drawn, never in the middle of drawing it.
//
// Why: a screen that switched the language or the flow half-way through a frame would draw its top
// half from one state and its bottom half from another (a title in Chinese over English buttons, a
// case list drawn for a citizen whose session was just wiped). Screens post; the view runs the posted
// actions once its frame is complete, in the order they were posted, and the next frame shows the
// result.
//
// Checklist:
//   [x] actions run in posting order, each once; an action posted while running waits for the next run
//   [x] what an action needs from the frame is captured by value by the poster (the frame's data may go)
#pragma once

#include <functional>
#include <utility>
#include <vector>

namespace kiosk::ui {

class DeferredActions {
public:
    void post(std::function<void()> action) { pending_.push_back(std::move(action)); }

    // Runs what was posted until now; returns how many ran.
    std::size_t run() {
        std::vector<std::function<void()>> now;
        now.swap(pending_);
        for (auto& a : now)
            a();
        return now.size();
    }

    bool empty() const { return pending_.empty(); }

private:
    std::vector<std::function<void()>> pending_;
};

} // namespace kiosk::ui
