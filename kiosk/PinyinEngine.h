// PinyinEngine — letters in, Chinese candidates out: the interface kiosk/PinyinService drives on
// its own thread, with libgooglepinyin behind it (kiosk/GooglePinyinEngine) and fakes in tests.
//
// Sections: what a search gives | the interface
//
// The engine is asked statelessly: each search is for the letters not yet turned into characters.
// The composition (which phrases the citizen picked for which letters) lives in kiosk/
// PinyinComposition, not in the engine, so the engine's own choice history, which is how such
// engines learn, is never used: nothing one citizen typed can come up first for the next.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// ---- what a search gives ----
struct PinyinSearch {
    std::vector<std::string> candidates; // best first; [0] is the engine's guess for all the letters
    // Where each syllable ends in the letters ("tuiweichepi" → 3 6 9 11): candidate [i > 0] of k
    // characters stands for the first syllableEnds[k-1] letters; [0] for all decoded ones.
    std::vector<std::size_t> syllableEnds;
};

// ---- the interface ----
// Used from one thread only (libgooglepinyin keeps one decoder per process).
class PinyinEngine {
public:
    virtual ~PinyinEngine() = default;
    // Opens the dictionary. False (with a technician message naming the file) when it cannot.
    virtual bool open(std::string& error) = 0;
    // Candidates for `letters` (a-z only; at most 48 of them), at most `maxCandidates`.
    virtual PinyinSearch search(std::string_view letters, std::size_t maxCandidates) = 0;
    // Every single character one syllable (or its start: "zh") can stand for, in the engine's order.
    virtual std::u32string charactersFor(std::string_view syllable) = 0;
};

} // namespace kiosk
