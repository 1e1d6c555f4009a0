// ServiceGuideFlow (see the header).
//
// Sections: the flow
#include "kiosk/ServiceGuideFlow.h"

namespace kiosk {

namespace {
TextFieldSpec searchSpec() {
    TextFieldSpec s;
    s.labelKey = "guide.search";
    s.hintKey = "guide.search_hint";
    s.kind = InputKind::Chinese;
    s.maxChars = 20;
    return s;
}
} // namespace

// ---- the flow ----
ServiceGuideFlow::ServiceGuideFlow(const std::vector<ServiceItem>& items)
    : items_(items), search_(searchSpec()) {}

void ServiceGuideFlow::openItem(std::size_t index) {
    if (index >= items_.size()) return;
    edit().open = index;
}

void ServiceGuideFlow::backToList() {
    if (view().open) edit().open.reset();
}

void ServiceGuideFlow::enter(TimePoint) {}

void ServiceGuideFlow::handle(const AppEvent& event, TimePoint) {
    // The catalog changed under an open item: the index may point elsewhere now; back to the list.
    if (std::holds_alternative<CatalogChanged>(event)) backToList();
}

void ServiceGuideFlow::wipe() {
    // What a citizen searched for is theirs: wiped (securely, as every field is).
    if (!search_.empty()) {
        search_.wipe();
        edit();
    }
    backToList();
}

} // namespace kiosk
