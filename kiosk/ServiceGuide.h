// ServiceGuide — the service items of the district's catalog as the hall publishes them (六公开:
// content, procedure, legal basis, materials, time limit, fees), grouped by department, and finding
// them by a citizen's words or the pinyin initials of their name.
//
// Sections: a service item | reading the catalog | departments | searching
//
// The catalog arrives from the sync engine (cached for offline use) and the guide works from that
// copy: reading it needs no network. Every field is checked: a missing or mistyped one is left
// empty and the screen shows less, never garbage.
//
//   [x] items with their department's name, process steps, materials, time limits and fee
//   [x] materials as {"name", "required"} objects; the older plain strings read as required
//   [x] the windows that serve an item ("windows": names of the hall's counters)
//   [x] a fee of "" or 0 reads as free (不收费); a missing or mistyped fee as not published
//   [x] departments in the catalog's order, each with its items; items without one under "other"
//   [x] search by any part of the name, the department or the content; several words all match
//   [x] a word of Latin letters also matches the pinyin initials of the name (kiosk/ServiceGuideInitials)
//   [x] bounded: at most 2,000 items, each text at most 4,000 bytes, lists at most 50 entries
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// ---- a service item ----
struct ServiceMaterial {
    std::string name;
    bool required = true; // false: optional (可选 / 容缺受理)
    bool operator==(const ServiceMaterial&) const = default;
};

struct ServiceItem {
    std::string id;
    std::string name;
    std::string departmentId;
    std::string department; // its name, from the catalog's departments
    std::string content;
    std::vector<std::string> process;
    std::string basis;
    std::vector<ServiceMaterial> materials;
    std::vector<std::string> windows; // where to go, e.g. "1号窗口（综合受理）"
    int timeLimitDays = 0;            // promised (承诺时限), working days; 0 = not given
    int legalTimeLimitDays = 0;       // by law (法定时限)
    std::string fee;                  // 收费标准 as published; empty: see `free`
    bool free = false;                // the catalog says no fee ("" or 0)
    // The pinyin initials of each character of the name (kiosk/ServiceGuideInitials), filled later
    // off the UI thread; empty until then. Not part of what the catalog says: left out of ==.
    std::vector<std::uint32_t> nameInitials;
    bool operator==(const ServiceItem& o) const;
};

// ---- reading the catalog ----
std::vector<ServiceItem> serviceItemsFromCatalog(const nlohmann::json& catalog);

// ---- departments ----
struct ServiceDepartment {
    std::string name;               // empty: the items that name no department (shown as "other")
    std::vector<std::size_t> items; // indexes into the items, in the catalog's order
    bool operator==(const ServiceDepartment&) const = default;
};
// The departments that have items, in the order their first item comes in the catalog.
std::vector<ServiceDepartment> serviceDepartments(const std::vector<ServiceItem>& items);

// ---- searching ----
// Indexes into `items` of those every word of `query` (split at spaces) is found in: name,
// department or content; a word of Latin letters may also be the pinyin initials of a run of the
// name's characters ("gtgsh" → 个体工商户设立登记). An empty query finds all, in the catalog's order.
std::vector<std::size_t> searchServiceItems(const std::vector<ServiceItem>& items, std::string_view query);

} // namespace kiosk
