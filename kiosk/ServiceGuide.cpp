// ServiceGuide (see the header).
//
// Sections: checked fields | reading the catalog | searching
#include "kiosk/ServiceGuide.h"

#include "text/Utf8.h"

#include <map>

namespace kiosk {

namespace {

constexpr std::size_t kMaxItems = 2000;
constexpr std::size_t kMaxText = 4000;
constexpr std::size_t kMaxList = 50;

// ---- checked fields ----
std::string str(const nlohmann::json& o, const char* key) {
    if (!o.contains(key) || !o[key].is_string()) return {};
    const auto& s = o[key].get_ref<const std::string&>();
    if (s.size() > kMaxText || !text::isValidUtf8(s)) return {};
    return s;
}

std::vector<std::string> list(const nlohmann::json& o, const char* key) {
    std::vector<std::string> out;
    if (!o.contains(key) || !o[key].is_array()) return out;
    for (const auto& e : o[key]) {
        if (out.size() >= kMaxList) break;
        if (e.is_string() && e.get_ref<const std::string&>().size() <= kMaxText &&
            text::isValidUtf8(e.get_ref<const std::string&>()))
            out.push_back(e.get<std::string>());
    }
    return out;
}

int days(const nlohmann::json& o, const char* key) {
    if (!o.contains(key) || !o[key].is_number_integer()) return 0;
    const auto d = o[key].get<long long>();
    return d > 0 && d < 3650 ? static_cast<int>(d) : 0;
}

} // namespace

// ---- reading the catalog ----
std::vector<ServiceItem> serviceItemsFromCatalog(const nlohmann::json& catalog) {
    std::vector<ServiceItem> items;
    if (!catalog.is_object() || !catalog.contains("service_items") || !catalog["service_items"].is_array())
        return items;
    std::map<std::string, std::string> departments;
    if (catalog.contains("departments") && catalog["departments"].is_array())
        for (const auto& d : catalog["departments"])
            if (d.is_object()) departments[str(d, "id")] = str(d, "name");
    for (const auto& o : catalog["service_items"]) {
        if (items.size() >= kMaxItems) break;
        if (!o.is_object()) continue;
        ServiceItem it;
        it.id = str(o, "id");
        it.name = str(o, "name");
        if (it.name.empty()) continue; // an item without a name cannot be listed
        const auto dep = departments.find(str(o, "department"));
        if (dep != departments.end()) it.department = dep->second;
        it.content = str(o, "content");
        it.process = list(o, "process");
        it.basis = str(o, "basis");
        it.materials = list(o, "materials");
        it.timeLimitDays = days(o, "time_limit_days");
        it.legalTimeLimitDays = days(o, "legal_time_limit_days");
        it.fee = str(o, "fee");
        items.push_back(std::move(it));
    }
    return items;
}

// ---- searching ----
std::vector<std::size_t> searchServiceItems(const std::vector<ServiceItem>& items, std::string_view query) {
    std::vector<std::string_view> words;
    for (std::size_t pos = 0; pos < query.size();) {
        const std::size_t end = std::min(query.find(' ', pos), query.size());
        if (end > pos) words.push_back(query.substr(pos, end - pos));
        pos = end + 1;
    }
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const ServiceItem& it = items[i];
        bool all = true;
        for (std::string_view w : words) {
            // Byte search is exact for UTF-8: a character's bytes never start inside another's.
            if (it.name.find(w) == std::string::npos && it.department.find(w) == std::string::npos &&
                it.content.find(w) == std::string::npos) {
                all = false;
                break;
            }
        }
        if (all) out.push_back(i);
    }
    return out;
}

} // namespace kiosk
