// ServiceGuideFlow (see the header).
//
// Sections: what the item page and the slip both say | the flow | printing
#include "kiosk/ServiceGuideFlow.h"

#include "kiosk/HallTime.h"
#include "kiosk/SlipTemplates.h"

#include <algorithm>

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

// ---- what the item page and the slip both say ----
std::string guideTimeLimitText(const ServiceItem& item, const StringTable& strings) {
    if (item.timeLimitDays > 0 && item.legalTimeLimitDays > 0)
        return strings.format("guide.time_limit_both",
                              {std::to_string(item.timeLimitDays), std::to_string(item.legalTimeLimitDays)});
    if (item.timeLimitDays > 0)
        return strings.format("guide.time_limit_promised", {std::to_string(item.timeLimitDays)});
    if (item.legalTimeLimitDays > 0)
        return strings.format("guide.time_limit_legal", {std::to_string(item.legalTimeLimitDays)});
    return strings.get("guide.not_given");
}

std::string guideFeeText(const ServiceItem& item, const StringTable& strings) {
    if (item.free) return strings.get("guide.fee_free");
    return item.fee.empty() ? strings.get("guide.not_given") : item.fee;
}

std::string guideWindowsText(const ServiceItem& item, const StringTable& strings) {
    if (item.windows.empty()) return strings.get("guide.window_ask");
    std::string out;
    for (const std::string& w : item.windows) {
        if (!out.empty()) out += strings.get("guide.window_separator");
        out += w;
    }
    return out;
}

// ---- the flow ----
ServiceGuideFlow::ServiceGuideFlow(const std::vector<ServiceItem>& items, SlipTracker& slips,
                                   const StringTable& strings, std::string terminalId)
    : items_(items), slips_(slips), strings_(strings), terminalId_(std::move(terminalId)),
      search_(searchSpec()) {}

std::vector<std::size_t> ServiceGuideFlow::matchesComposing(std::string_view letters) const {
    const bool onlyLetters = !letters.empty() && std::all_of(letters.begin(), letters.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    });
    if (onlyLetters) {
        std::string query = search_.text();
        query += ' ';
        query += letters;
        return searchServiceItems(items_, query);
    }
    return {};
}

void ServiceGuideFlow::openDepartment(std::size_t index) {
    if (index >= departments().size()) return;
    ServiceGuideView& v = edit();
    v.page = GuidePage::Department;
    v.department = index;
    v.open.reset();
}

void ServiceGuideFlow::openItem(std::size_t index) {
    if (index >= items_.size()) return;
    const bool fromDepartment = view().page == GuidePage::Department;
    ServiceGuideView& v = edit();
    v.fromDepartment = fromDepartment || (v.page == GuidePage::Item && v.fromDepartment);
    v.page = GuidePage::Item;
    v.open = index;
}

void ServiceGuideFlow::back() {
    const ServiceGuideView& v = view();
    if (v.page == GuidePage::Item) {
        ServiceGuideView& e = edit();
        e.open.reset();
        e.page = e.fromDepartment ? GuidePage::Department : GuidePage::Top;
    } else if (v.page == GuidePage::Department) {
        edit().page = GuidePage::Top;
    }
}

void ServiceGuideFlow::enter(TimePoint) {}

void ServiceGuideFlow::handle(const AppEvent& event, TimePoint) {
    // The catalog changed under an open page: the indexes may point elsewhere now; back to the top.
    if (std::holds_alternative<CatalogChanged>(event) && view().page != GuidePage::Top) edit() = {};
}

void ServiceGuideFlow::wipe() {
    // What a citizen searched for is theirs: wiped (securely, as every field is).
    const bool typed = !search_.empty();
    if (typed) search_.wipe();
    // Only a flow that showed something moves its revision: wiping a fresh one draws no frame.
    if (typed || view().page != GuidePage::Top || view().open) edit() = {};
}

// ---- printing ----
bool ServiceGuideFlow::printMaterials() {
    const ServiceGuideView& v = view();
    if (v.page != GuidePage::Item || !v.open || *v.open >= items_.size() || !slips_.available() ||
        slips_.view().phase == SlipPhase::Printing)
        return false; // one slip at a time
    const ServiceItem& item = items_[*v.open];
    MaterialsListData d;
    d.serviceName = item.name;
    d.department = item.department;
    for (const ServiceMaterial& m : item.materials)
        d.items.push_back({m.name, {}, m.required});
    d.timeLimit = guideTimeLimitText(item, strings_);
    d.fee = guideFeeText(item, strings_);
    d.location = guideWindowsText(item, strings_);
    SlipContext ctx;
    ctx.terminalId = terminalId_;
    ctx.printedAt = std::chrono::system_clock::now();
    ctx.formatTime = formatHallTime; // the hall's wall time, whatever the machine's TZ (issue 8.6)
    ctx.text = [this](std::string_view key) { return strings_.get(key); };
    return slips_.print(materialsListSlip(d, ctx));
}

} // namespace kiosk
