// StringTable — every string shown to citizens, per language, from kiosk/strings/<lang>.toml
// (embedded at build time). Keys are "section.key". Core code passes keys; ui/ looks them up.
//
//   [x] zh-CN and en, same key set (a unit test enforces it)
//   [x] {0} {1} placeholders
//   [x] a missing key shows the key itself (visible in review, never a crash)
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

class StringTable {
public:
    // "zh-CN" or "en"; anything else falls back to zh-CN.
    static StringTable load(std::string_view language);
    // Parses TOML text (tests and tools); throws std::runtime_error with the line on bad input.
    static StringTable parse(std::string_view tomlText, std::string_view name);

    const std::string& get(std::string_view key) const;
    std::string format(std::string_view key, const std::vector<std::string>& args) const;
    bool has(std::string_view key) const { return strings_.find(key) != strings_.end(); }
    std::vector<std::string> keys() const;
    const std::string& language() const { return language_; }

private:
    std::string language_;
    std::map<std::string, std::string, std::less<>> strings_;
    mutable std::map<std::string, std::string, std::less<>> missing_; // keeps returned references valid
};

} // namespace kiosk
