// PinyinRanking (see the header).
//
// Sections: matching a phrase | ranking
#include "kiosk/PinyinRanking.h"

#include "text/Utf8.h"

#include <algorithm>

namespace kiosk {

namespace {

constexpr std::size_t kMaxPrefixMatches = 3;

// ---- matching a phrase ----
// How many of the phrase's first characters the syllables spell (all of them or fewer: no match).
bool spells(const std::u32string& phrase, const std::vector<std::string_view>& syllables,
            const std::function<const std::u32string&(std::string_view)>& charactersFor) {
    if (phrase.size() < syllables.size()) return false;
    for (std::size_t i = 0; i < syllables.size(); ++i) {
        if (charactersFor(syllables[i]).find(phrase[i]) == std::u32string::npos) return false;
    }
    return true;
}

std::string utf8(const std::u32string& s) {
    std::string out;
    for (char32_t c : s)
        text::appendCodePoint(out, c);
    return out;
}

} // namespace

// ---- ranking ----
std::vector<PinyinCandidate>
rankCandidates(std::string_view letters, const PinyinSearch& engine,
               const std::vector<std::u32string>& vocabulary,
               const std::function<const std::u32string&(std::string_view)>& charactersFor) {
    std::vector<PinyinCandidate> out;
    const std::size_t decoded =
        engine.syllableEnds.empty() ? 0 : std::min(engine.syllableEnds.back(), letters.size());
    std::vector<std::string_view> syllables;
    std::size_t start = 0;
    for (std::size_t end : engine.syllableEnds) {
        if (end <= start || end > letters.size()) break;
        syllables.push_back(letters.substr(start, end - start));
        start = end;
    }

    std::vector<PinyinCandidate> prefixMatches;
    if (!syllables.empty()) {
        for (const std::u32string& phrase : vocabulary) {
            if (!spells(phrase, syllables, charactersFor)) continue;
            if (phrase.size() == syllables.size())
                out.push_back({utf8(phrase), decoded, true});
            else if (syllables.size() >= 2 && prefixMatches.size() < kMaxPrefixMatches)
                prefixMatches.push_back({utf8(phrase), decoded, true}); // the whole phrase for what was typed
        }
    }
    auto taken = [&out](const std::string& s) {
        return std::any_of(out.begin(), out.end(), [&s](const PinyinCandidate& c) { return c.text == s; });
    };
    for (std::size_t i = 0; i < engine.candidates.size(); ++i) {
        const std::string& text = engine.candidates[i];
        if (text.empty() || taken(text)) continue;
        std::size_t letterCount = decoded;
        if (i > 0) {
            // A candidate of k characters stands for the first k syllables.
            const std::size_t k = text::countCodePoints(text);
            if (k == 0 || engine.syllableEnds.empty()) continue;
            letterCount = engine.syllableEnds[std::min(k, engine.syllableEnds.size()) - 1];
        }
        if (letterCount == 0) continue;
        out.push_back({text, letterCount, false});
        if (i == 0) {
            for (auto& p : prefixMatches)
                if (!taken(p.text)) out.push_back(std::move(p));
            prefixMatches.clear();
        }
    }
    for (auto& p : prefixMatches) // the engine had nothing at all
        if (!taken(p.text)) out.push_back(std::move(p));
    return out;
}

} // namespace kiosk
