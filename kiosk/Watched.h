// Watched — a value whose every change is counted, so the runner knows when to draw again.
//
// The runner draws only when something shown changed (an idle kiosk draws nothing). A hand-kept list
// of "fields a screen shows" was the old way, and a field forgotten there was a change never drawn.
// Here the only way to change the value is `edit()` (or `set()`), and both count: what a screen can
// read through `get()` cannot change without the revision moving. A revision that moves without a
// visible change costs one frame; a change without a revision would cost a citizen a dead screen.
#pragma once

#include <cstdint>
#include <utility>

namespace kiosk {

template <class T>
class Watched {
public:
    Watched() = default;
    explicit Watched(T value) : value_(std::move(value)) {}

    const T& get() const { return value_; }
    const T* operator->() const { return &value_; }
    // Counts a change whether or not the caller then changes anything: call it only to change.
    T& edit() {
        ++revision_;
        return value_;
    }
    void set(T value) {
        value_ = std::move(value);
        ++revision_;
    }
    std::uint64_t revision() const { return revision_; }

private:
    T value_{};
    std::uint64_t revision_ = 0;
};

} // namespace kiosk
