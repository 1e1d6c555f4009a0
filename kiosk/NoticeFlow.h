// NoticeFlow — a service this terminal does not offer yet: its screen says so honestly and where to
// turn instead (the district's hotline, address and hours from the catalog). It keeps nothing of the
// citizen, so wipe() has nothing to forget. Each of 效能投诉 and 投诉查询 is one until its
// own flow lands (issue 12); the catalog line then changes, nothing else.
#pragma once

#include "kiosk/Flow.h"

#include <string>

namespace kiosk {

struct NoticeView {
    std::string titleKey;   // string-table keys
    std::string messageKey; // what is not available here, and why
};

class NoticeFlow final : public Flow {
public:
    NoticeFlow(std::string titleKey, std::string messageKey)
        : view_{std::move(titleKey), std::move(messageKey)} {}

    const NoticeView& view() const { return view_; }
    void enter(TimePoint) override {}
    void handle(const AppEvent&, TimePoint) override {}
    void wipe() override {}                               // holds nothing of the citizen
    std::uint64_t revision() const override { return 0; } // never changes

private:
    const NoticeView view_;
};

} // namespace kiosk
