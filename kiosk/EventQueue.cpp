#include "kiosk/EventQueue.h"

namespace kiosk {

void EventQueue::setWaker(std::function<void()> waker) {
    std::lock_guard lock(mutex_);
    waker_ = std::move(waker);
}

void EventQueue::push(AppEvent event) {
    std::lock_guard lock(mutex_);
    events_.push_back(std::move(event));
    // Called under the lock, so that once setWaker(nullptr) has returned no worker can still be
    // inside the old waker (SDL_PushEvent after SDL_Quit). The waker must not call back into the queue.
    if (waker_) waker_();
}

std::vector<AppEvent> EventQueue::drain() {
    std::lock_guard lock(mutex_);
    std::vector<AppEvent> out;
    out.swap(events_);
    return out;
}

bool EventQueue::empty() const {
    std::lock_guard lock(mutex_);
    return events_.empty();
}

} // namespace kiosk
