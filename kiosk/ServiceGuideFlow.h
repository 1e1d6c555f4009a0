// ServiceGuideFlow — 办事指南: the citizen finds a service item (browsing the departments, or typing
// its name or the pinyin initials of it) and reads what the hall publishes about it (六公开), then
// may print the list of materials to bring. Reads the catalog's copy on the terminal: works offline,
// asks no server.
//
// Sections: the view | what the item page and the slip both say | the flow
//
//   [x] top: the search field (搜索) and the departments; a search typed shows the matching items
//   [x] initials found while still composing on the 拼音 layout (the letters are not in the field yet)
//   [x] a department's items; an item's page; back at each level to where the citizen came from
//   [x] an item's page: content, numbered steps, legal basis, materials (必需 / 可选), promised and
//       legal time limit, fee or 不收费, the windows to go to
//   [x] printing the materials list (kiosk/SlipTemplates) through the shared SlipTracker; no printer:
//       nothing to print (the screen offers no button)
//   [x] a catalog never received: the screen says so (guide.empty_catalog), never an empty list
//   [x] home wipes the search and the place; a catalog change goes back to the top
#pragma once

#include "kiosk/Flow.h"
#include "kiosk/ServiceGuide.h"
#include "kiosk/SlipTracker.h"
#include "kiosk/StringTable.h"
#include "kiosk/TextField.h"

#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// ---- the view ----
enum class GuidePage { Top, Department, Item };

struct ServiceGuideView {
    GuidePage page = GuidePage::Top;
    std::size_t department = 0;      // Department: which (an index into departments())
    std::optional<std::size_t> open; // Item: the item read, an index into the guide's items
    bool fromDepartment = false;     // Item: opened from a department's list (else from the top's search)
};

// ---- what the item page and the slip both say ----
// "承诺 1 个工作日办结（法定 3 个工作日）", or the not-published words.
std::string guideTimeLimitText(const ServiceItem& item, const StringTable& strings);
// The fee as published, 不收费 when the catalog says nothing is paid, or the not-published words.
std::string guideFeeText(const ServiceItem& item, const StringTable& strings);
// The windows joined ("1号窗口、2号窗口"), or where to ask when the catalog names none.
std::string guideWindowsText(const ServiceItem& item, const StringTable& strings);

// ---- the flow ----
class ServiceGuideFlow final : public FlowWithView<ServiceGuideView> {
public:
    ServiceGuideFlow(const std::vector<ServiceItem>& items, SlipTracker& slips, const StringTable& strings,
                     std::string terminalId);

    TextField& search() { return search_; }
    const TextField& search() const { return search_; }
    const std::vector<ServiceItem>& items() const { return items_; }
    std::vector<ServiceDepartment> departments() const { return serviceDepartments(items_); }
    // The items the search finds (all when it is empty).
    std::vector<std::size_t> matches() const { return searchServiceItems(items_, search_.text()); }
    // While the pinyin keyboard composes `letters` not yet turned into characters: the items they
    // find as initials with what the field holds ("gtgsh" typed on the 拼音 layout). Empty when they
    // find nothing (full pinyin being spelt out is no filter): the screen then lists matches().
    std::vector<std::size_t> matchesComposing(std::string_view letters) const;
    // Whether the top shows search results (something typed) rather than the departments.
    bool searching() const { return !search_.empty(); }
    // False without a printer: the item page then has no print button.
    bool canPrint() const { return slips_.available(); }

    void openDepartment(std::size_t index);
    void openItem(std::size_t index);
    // One level up: item → its department or the search results → top.
    void back();
    void backToList() { back(); } // the item page's 返回列表
    // Prints the open item's materials list. Nothing without a printer or while a slip prints.
    bool printMaterials();

    void enter(TimePoint now) override;
    void handle(const AppEvent& event, TimePoint now) override;
    void wipe() override;

private:
    const std::vector<ServiceItem>& items_; // the terminal's copy of the catalog (kiosk/Terminal)
    SlipTracker& slips_;
    const StringTable& strings_; // the language shown (it changes under the flow: always look up)
    std::string terminalId_;     // printed on slips
    TextField search_;
};

} // namespace kiosk
