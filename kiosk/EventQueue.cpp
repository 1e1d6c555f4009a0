#include "kiosk/EventQueue.h"

namespace kiosk {

void EventQueue::setWaker(std::function<void()> waker) {
    std::lock_guard lock(mutex_);
    waker_ = std::move(waker);
}

void EventQueue::push(AppEvent event) {
    std::function<void()> waker;
    {
        std::lock_guard lock(mutex_);
        events_.push_back(std::move(event));
        waker = waker_;
    }
    if (waker) waker(); // outside the lock: the waker may take its own locks
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
