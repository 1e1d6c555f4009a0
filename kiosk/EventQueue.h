// EventQueue — the one thread-safe channel from worker threads to the UI thread.
//
// Workers push(); the UI thread drains() once per loop iteration. Every push calls the waker,
// which the UI runner sets to SDL_PushEvent of its own event type, so a blocked
// SDL_WaitEventTimeout returns at once. The queue knows nothing of SDL.
#pragma once

#include "kiosk/AppEvent.h"

#include <functional>
#include <mutex>
#include <vector>

namespace kiosk {

class EventQueue {
public:
    // After setWaker returns, the previous waker is never called again.
    void setWaker(std::function<void()> waker);
    void push(AppEvent event);
    std::vector<AppEvent> drain();
    bool empty() const;

private:
    mutable std::mutex mutex_;
    std::vector<AppEvent> events_;
    std::function<void()> waker_;
};

} // namespace kiosk
