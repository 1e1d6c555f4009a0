// HallVocabulary (see the header).
//
// Sections: checking a phrase | from the documents
#include "kiosk/HallVocabulary.h"

#include "text/Utf8.h"

#include <algorithm>

namespace kiosk {

namespace {

// ---- checking a phrase ----
constexpr std::size_t kMinChars = 2;  // one character is what the engine does best on its own
constexpr std::size_t kMaxChars = 24; // longer than any department name; bounds the matching work

// A phrase the keyboard can offer: Chinese characters only (a name in a roster may carry a Latin
// initial or a bracket: such phrases cannot be spelled in pinyin and are left out).
bool offerable(const std::string& s) {
    const auto cps = text::decodeUtf8(s);
    if (!cps || cps->size() < kMinChars || cps->size() > kMaxChars) return false;
    return std::all_of(cps->begin(), cps->end(), [](char32_t c) {
        return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0x20000 && c <= 0x3FFFF) || c == 0x3007;
    });
}

void addNames(const nlohmann::json& doc, const char* list, const char* field, std::vector<std::string>& out) {
    if (!doc.is_object() || !doc.contains(list) || !doc[list].is_array()) return;
    for (const auto& entry : doc[list]) {
        if (!entry.is_object() || !entry.contains(field) || !entry[field].is_string()) continue;
        const auto& s = entry[field].get_ref<const std::string&>();
        if (offerable(s)) out.push_back(s);
    }
}

void addStrings(const nlohmann::json& list, std::vector<std::string>& out) {
    if (!list.is_array()) return;
    for (const auto& s : list)
        if (s.is_string() && offerable(s.get_ref<const std::string&>())) out.push_back(s.get<std::string>());
}

std::vector<std::string> sortedUnique(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
}

} // namespace

// ---- from the documents ----
std::vector<std::string> vocabularyFromCatalog(const nlohmann::json& catalog) {
    std::vector<std::string> out;
    addNames(catalog, "complaint_categories", "name", out);
    addNames(catalog, "departments", "name", out);
    addNames(catalog, "service_items", "name", out);
    if (catalog.is_object() && catalog.contains("rating_reason_tags") &&
        catalog["rating_reason_tags"].is_object()) {
        for (const auto& [kind, list] : catalog["rating_reason_tags"].items())
            addStrings(list, out);
    }
    return sortedUnique(std::move(out));
}

std::vector<std::string> vocabularyFromRoster(const nlohmann::json& roster) {
    std::vector<std::string> out;
    addNames(roster, "counters", "function", out);
    addNames(roster, "staff", "name", out);
    return sortedUnique(std::move(out));
}

} // namespace kiosk
