// HallDirectory (see the header).
//
// Sections: checked fields | reading the documents
#include "kiosk/HallDirectory.h"

#include "text/Utf8.h"

namespace kiosk {

namespace {

constexpr std::size_t kMaxEntries = 200;
constexpr std::size_t kMaxText = 200;

// ---- checked fields ----
// A string field of at most kMaxText bytes of valid UTF-8; "" when missing or wrong.
std::string textOf(const nlohmann::json& o, const char* key) {
    auto it = o.find(key);
    if (it == o.end() || !it->is_string()) return {};
    const std::string& s = it->get_ref<const std::string&>();
    if (s.size() > kMaxText || !text::isValidUtf8(s)) return {};
    return s;
}

template <class Each>
void forEachObject(const nlohmann::json& doc, const char* key, Each each) {
    if (!doc.is_object()) return;
    auto list = doc.find(key);
    if (list == doc.end() || !list->is_array()) return;
    std::size_t taken = 0;
    for (const nlohmann::json& o : *list) {
        if (taken >= kMaxEntries) break;
        if (o.is_object() && each(o)) ++taken;
    }
}

} // namespace

// ---- reading the documents ----
HallDirectory directoryFromCatalog(const nlohmann::json& catalog) {
    HallDirectory d;
    forEachObject(catalog, "complaint_categories", [&](const nlohmann::json& o) {
        ComplaintCategory c{textOf(o, "id"), textOf(o, "name"), textOf(o, "hint")};
        if (c.id.empty() || c.name.empty()) return false;
        d.categories.push_back(std::move(c));
        return true;
    });
    forEachObject(catalog, "departments", [&](const nlohmann::json& o) {
        Department x{textOf(o, "id"), textOf(o, "name")};
        if (x.id.empty() || x.name.empty()) return false;
        d.departments.push_back(std::move(x));
        return true;
    });
    return d;
}

std::vector<StaffMember> staffFromRoster(const nlohmann::json& roster) {
    std::vector<StaffMember> out;
    forEachObject(roster, "staff", [&](const nlohmann::json& o) {
        StaffMember s;
        s.id = textOf(o, "id");
        s.staffNo = textOf(o, "staff_no");
        s.name = textOf(o, "name");
        s.title = textOf(o, "title");
        s.department = textOf(o, "department");
        auto c = o.find("counter");
        if (c != o.end() && c->is_number_integer() && c->get<std::int64_t>() > 0 &&
            c->get<std::int64_t>() < 10000)
            s.counter = static_cast<int>(c->get<std::int64_t>());
        if (s.id.empty() || s.name.empty()) return false;
        out.push_back(std::move(s));
        return true;
    });
    return out;
}

} // namespace kiosk
