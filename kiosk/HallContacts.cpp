#include "kiosk/HallContacts.h"

#include "text/Utf8.h"

namespace kiosk {

namespace {

constexpr std::size_t kMaxFieldBytes = 200;

std::string field(const nlohmann::json& district, const char* key) {
    const auto it = district.find(key);
    if (it == district.end() || !it->is_string()) return {};
    const std::string& s = it->get_ref<const std::string&>();
    if (s.size() > kMaxFieldBytes) return {};
    for (std::size_t pos = 0; pos < s.size();) {
        char32_t cp = 0;
        if (!text::nextCodePoint(s, pos, cp) || cp < 0x20) return {};
    }
    return s;
}

} // namespace

HallContacts hallContactsFromCatalog(const nlohmann::json& catalog) {
    HallContacts c;
    if (!catalog.is_object()) return c;
    const auto d = catalog.find("district");
    if (d == catalog.end() || !d->is_object()) return c;
    c.name = field(*d, "name");
    c.hotline = field(*d, "hotline");
    c.address = field(*d, "address");
    c.hours = field(*d, "hours");
    return c;
}

} // namespace kiosk
