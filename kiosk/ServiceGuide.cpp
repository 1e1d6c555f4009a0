// ServiceGuide (see the header).
//
// Sections: checked fields | a service item | reading the catalog | departments | searching
#include "kiosk/ServiceGuide.h"

#include "kiosk/ServiceGuideInitials.h"
#include "text/Utf8.h"

#include <map>

namespace kiosk {

namespace {

constexpr std::size_t kMaxItems = 2000;
constexpr std::size_t kMaxText = 4000;
constexpr std::size_t kMaxList = 50;

// ---- checked fields ----
bool goodText(const nlohmann::json& v) {
    return v.is_string() && v.get_ref<const std::string&>().size() <= kMaxText &&
           text::isValidUtf8(v.get_ref<const std::string&>());
}

std::string str(const nlohmann::json& o, const char* key) {
    if (!o.contains(key) || !goodText(o[key])) return {};
    return o[key].get<std::string>();
}

std::vector<std::string> list(const nlohmann::json& o, const char* key) {
    std::vector<std::string> out;
    if (!o.contains(key) || !o[key].is_array()) return out;
    for (const auto& e : o[key]) {
        if (out.size() >= kMaxList) break;
        if (goodText(e)) out.push_back(e.get<std::string>());
    }
    return out;
}

// Objects {"name", "required"}; a plain string (the catalog's older form) is a required material.
std::vector<ServiceMaterial> materials(const nlohmann::json& o) {
    std::vector<ServiceMaterial> out;
    if (!o.contains("materials") || !o["materials"].is_array()) return out;
    for (const auto& e : o["materials"]) {
        if (out.size() >= kMaxList) break;
        if (goodText(e)) {
            if (!e.get_ref<const std::string&>().empty()) out.push_back({e.get<std::string>(), true});
        } else if (e.is_object()) {
            ServiceMaterial m{str(e, "name"), true};
            if (m.name.empty()) continue;
            // Only an explicit false makes a material optional: when in doubt, the citizen brings it.
            if (e.contains("required") && e["required"].is_boolean()) m.required = e["required"].get<bool>();
            out.push_back(std::move(m));
        }
    }
    return out;
}

int days(const nlohmann::json& o, const char* key) {
    if (!o.contains(key) || !o[key].is_number_integer()) return 0;
    const auto d = o[key].get<long long>();
    return d > 0 && d < 3650 ? static_cast<int>(d) : 0;
}

bool asciiLetters(std::string_view w) {
    for (char c : w)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    return !w.empty();
}

bool containsIgnoringAsciiCase(std::string_view hay, std::string_view needle) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (needle.size() > hay.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
        std::size_t k = 0;
        while (k < needle.size() && lower(hay[i + k]) == lower(needle[k]))
            ++k;
        if (k == needle.size()) return true;
    }
    return false;
}

} // namespace

// ---- a service item ----
bool ServiceItem::operator==(const ServiceItem& o) const {
    return id == o.id && name == o.name && departmentId == o.departmentId && department == o.department &&
           content == o.content && process == o.process && basis == o.basis && materials == o.materials &&
           windows == o.windows && timeLimitDays == o.timeLimitDays &&
           legalTimeLimitDays == o.legalTimeLimitDays && fee == o.fee && free == o.free;
}

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
        if (dep != departments.end() && !dep->second.empty()) {
            it.departmentId = dep->first;
            it.department = dep->second;
        }
        it.content = str(o, "content");
        it.process = list(o, "process");
        it.basis = str(o, "basis");
        it.materials = materials(o);
        it.windows = list(o, "windows");
        it.timeLimitDays = days(o, "time_limit_days");
        it.legalTimeLimitDays = days(o, "legal_time_limit_days");
        if (o.contains("fee")) {
            const auto& fee = o["fee"];
            if (goodText(fee)) it.fee = fee.get<std::string>();
            // "" or 0 (or "0"): the catalog says there is nothing to pay. Anything else unreadable: not
            // given.
            it.free = (fee.is_string() && (it.fee.empty() || it.fee == "0")) ||
                      (fee.is_number() && fee.get<double>() == 0.0);
            if (it.free) it.fee.clear();
        }
        items.push_back(std::move(it));
    }
    return items;
}

// ---- departments ----
std::vector<ServiceDepartment> serviceDepartments(const std::vector<ServiceItem>& items) {
    std::vector<ServiceDepartment> out;
    std::size_t other = SIZE_MAX; // the items naming no department: last
    std::map<std::string, std::size_t> at;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string& name = items[i].department;
        if (name.empty()) {
            if (other == SIZE_MAX) other = out.size(), out.push_back({});
            out[other].items.push_back(i);
            continue;
        }
        auto [it, added] = at.emplace(name, out.size());
        if (added) out.push_back({name, {}});
        out[it->second].items.push_back(i);
    }
    if (other != SIZE_MAX && other + 1 != out.size()) {
        ServiceDepartment o = std::move(out[other]);
        out.erase(out.begin() + static_cast<std::ptrdiff_t>(other));
        out.push_back(std::move(o));
    }
    return out;
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
            if (it.name.find(w) != std::string::npos || it.department.find(w) != std::string::npos ||
                it.content.find(w) != std::string::npos)
                continue;
            // Latin letters: a word in the text ("ICP") or the initials of the name ("gtgsh").
            if (asciiLetters(w) &&
                (containsIgnoringAsciiCase(it.name, w) || initialsMatch(it.nameInitials, w)))
                continue;
            all = false;
            break;
        }
        if (all) out.push_back(i);
    }
    return out;
}

} // namespace kiosk
