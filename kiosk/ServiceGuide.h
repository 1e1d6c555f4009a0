// ServiceGuide — the service items of the district's catalog as the hall publishes them (六公开:
// content, procedure, legal basis, materials, time limit, fees), and finding them by a citizen's words.
//
// Sections: a service item | reading the catalog | searching
//
// The catalog arrives from the sync engine (cached for offline use) and the guide works from that
// copy: reading it needs no network. Every field is checked: a missing or mistyped one is left
// empty and the screen shows less, never garbage.
//
//   [x] items with their department's name, process steps, materials, time limits and fee
//   [x] search by any part of the name, the department or the content; several words all match
//   [x] bounded: at most 2,000 items, each text at most 4,000 bytes, lists at most 50 entries
//   [ ] pinyin initials search ("gtgsh" → 个体工商户): the keyboard's candidates cover it for now
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// ---- a service item ----
struct ServiceItem {
    std::string id;
    std::string name;
    std::string department; // its name, from the catalog's departments
    std::string content;
    std::vector<std::string> process;
    std::string basis;
    std::vector<std::string> materials;
    int timeLimitDays = 0;      // promised (承诺时限), working days; 0 = not given
    int legalTimeLimitDays = 0; // by law (法定时限)
    std::string fee;
    bool operator==(const ServiceItem&) const = default;
};

// ---- reading the catalog ----
std::vector<ServiceItem> serviceItemsFromCatalog(const nlohmann::json& catalog);

// ---- searching ----
// Indexes into `items` of those every word of `query` (split at spaces) is found in: name,
// department or content. An empty query finds all, in the catalog's order.
std::vector<std::size_t> searchServiceItems(const std::vector<ServiceItem>& items, std::string_view query);

} // namespace kiosk
