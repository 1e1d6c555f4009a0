// HallContacts — where a citizen can turn when the terminal cannot help: the district's complaint
// hotline, the hall's address and opening hours, as the central server's catalog gives them
// ("district": {"name", "address", "hotline", "hours"}; docs/API.md). Never typed into code or
// config twice: the catalog is the one source, cached by the sync engine for offline use.
//
//   [x] parsed from the catalog JSON with every field checked (a string, valid UTF-8, bounded)
//   [ ] per-department hotlines (the catalog does not carry them yet)
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace kiosk {

struct HallContacts {
    std::string name;
    std::string hotline;
    std::string address;
    std::string hours;
    bool empty() const { return hotline.empty() && address.empty() && hours.empty(); }
    bool operator==(const HallContacts&) const = default;
};

// Reads the catalog's "district" object. A missing, mistyped, over-long (over 200 bytes) or
// invalid-UTF-8 field is left empty: the screen then shows less, never garbage.
HallContacts hallContactsFromCatalog(const nlohmann::json& catalog);

} // namespace kiosk
