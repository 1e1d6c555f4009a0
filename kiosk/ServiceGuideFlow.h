// ServiceGuideFlow — 办事指南: the citizen finds a service item (by typing its name or browsing)
// and reads what the hall publishes about it (六公开). Reads the catalog's copy on the terminal:
// works offline, asks no server.
//
// Sections: the view | the flow
//
//   [x] a search field (拼音 keyboard; the catalog's words are whole candidates) and the matching items
//   [x] an item's page: content, procedure, legal basis, materials, promised and legal time limit, fee
//   [x] back from an item to the list, the search kept; home wipes the search
//   [ ] printing an item's materials list (a slip template; with the complaint slips of issue 12)
#pragma once

#include "kiosk/Flow.h"
#include "kiosk/ServiceGuide.h"
#include "kiosk/TextField.h"

#include <optional>
#include <vector>

namespace kiosk {

// ---- the view ----
struct ServiceGuideView {
    std::optional<std::size_t> open; // the item read, an index into the guide's items
};

// ---- the flow ----
class ServiceGuideFlow final : public FlowWithView<ServiceGuideView> {
public:
    explicit ServiceGuideFlow(const std::vector<ServiceItem>& items);

    TextField& search() { return search_; }
    const TextField& search() const { return search_; }
    const std::vector<ServiceItem>& items() const { return items_; }
    // The items the search finds (all when it is empty).
    std::vector<std::size_t> matches() const { return searchServiceItems(items_, search_.text()); }

    void openItem(std::size_t index);
    void backToList();

    void enter(TimePoint now) override;
    void handle(const AppEvent& event, TimePoint now) override;
    void wipe() override;

private:
    const std::vector<ServiceItem>& items_; // the terminal's copy of the catalog (kiosk/Terminal)
    TextField search_;
};

} // namespace kiosk
