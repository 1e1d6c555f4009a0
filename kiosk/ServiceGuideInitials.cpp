// ServiceGuideInitials (see the header).
//
// Sections: the table | a text's initials | matching
#include "kiosk/ServiceGuideInitials.h"

#include "text/Utf8.h"

namespace kiosk {

namespace {

std::uint32_t bit(char letter) {
    return std::uint32_t{1} << static_cast<unsigned>(letter - 'a');
}

bool isHan(char32_t c) {
    return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

} // namespace

// ---- the table ----
InitialsTable initialsTableFrom(const std::function<std::u32string(std::string_view)>& charactersFor) {
    InitialsTable table;
    // No Mandarin syllable starts with i, u or ü (typed v): asking for them would only add noise.
    for (char letter = 'a'; letter <= 'z'; ++letter) {
        if (letter == 'i' || letter == 'u' || letter == 'v') continue;
        const std::string key(1, letter);
        for (char32_t c : charactersFor(key))
            table[c] |= bit(letter);
    }
    return table;
}

// ---- a text's initials ----
std::vector<std::uint32_t> initialsOf(std::string_view utf8, const InitialsTable& table) {
    std::vector<std::uint32_t> out;
    const auto cps = text::decodeUtf8(utf8);
    if (!cps) return out;
    for (char32_t c : *cps) {
        if (c < 0x80) {
            const char l = lower(static_cast<char>(c));
            if (l >= 'a' && l <= 'z') out.push_back(bit(l)); // "ICP备案": I, C, P stand for themselves
            continue;                                        // digits, spaces, punctuation: skipped
        }
        if (const auto found = table.find(c); found != table.end())
            out.push_back(found->second);
        else if (isHan(c))
            out.push_back(0); // a character the dictionary lacks: no initial can match it
        // full-width punctuation (（）《》、) is skipped: 食品经营许可（新办） is spjyxkxb
    }
    return out;
}

// ---- matching ----
bool initialsMatch(const std::vector<std::uint32_t>& initials, std::string_view letters) {
    if (letters.empty() || letters.size() > initials.size()) return false;
    std::vector<std::uint32_t> want;
    want.reserve(letters.size());
    for (char c : letters) {
        const char l = lower(c);
        if (l < 'a' || l > 'z') return false;
        want.push_back(bit(l));
    }
    for (std::size_t start = 0; start + want.size() <= initials.size(); ++start) {
        std::size_t i = 0;
        while (i < want.size() && (initials[start + i] & want[i]) != 0)
            ++i;
        if (i == want.size()) return true;
    }
    return false;
}

} // namespace kiosk
