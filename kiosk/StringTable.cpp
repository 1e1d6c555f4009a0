#include "kiosk/StringTable.h"

#include <toml++/toml.h>

#include <stdexcept>

namespace kiosk {

namespace embedded {
extern const std::string_view kStringsZhCN;
extern const std::string_view kStringsEn;
} // namespace embedded

namespace {

void flatten(const toml::table& t, const std::string& prefix,
             std::map<std::string, std::string, std::less<>>& out) {
    for (auto&& [k, v] : t) {
        const std::string key = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
        if (const toml::table* sub = v.as_table()) {
            flatten(*sub, key, out);
        } else if (auto s = v.value<std::string>()) {
            out[key] = *s;
        } else {
            throw std::runtime_error("string table: '" + key + "' is not text (line " +
                                     std::to_string(v.source().begin.line) + ")");
        }
    }
}

} // namespace

StringTable StringTable::parse(std::string_view text, std::string_view name) {
    StringTable table;
    table.language_ = std::string(name);
    try {
        flatten(toml::parse(text, name), "", table.strings_);
    } catch (const toml::parse_error& e) {
        throw std::runtime_error("string table " + std::string(name) + ":" +
                                 std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
    }
    return table;
}

StringTable StringTable::load(std::string_view language) {
    if (language == "en") return parse(embedded::kStringsEn, "en");
    return parse(embedded::kStringsZhCN, "zh-CN");
}

const std::string& StringTable::get(std::string_view key) const {
    auto it = strings_.find(key);
    if (it != strings_.end()) return it->second;
    auto m = missing_.find(key);
    if (m == missing_.end()) m = missing_.emplace(std::string(key), "[" + std::string(key) + "]").first;
    return m->second;
}

std::string StringTable::format(std::string_view key, const std::vector<std::string>& args) const {
    const std::string& pattern = get(key);
    std::string out;
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '0' &&
            pattern[i + 1] <= '9') {
            const size_t n = static_cast<size_t>(pattern[i + 1] - '0');
            if (n < args.size()) out += args[n];
            i += 2;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

std::vector<std::string> StringTable::keys() const {
    std::vector<std::string> out;
    for (const auto& [k, v] : strings_)
        out.push_back(k);
    return out;
}

} // namespace kiosk
