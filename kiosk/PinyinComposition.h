// PinyinComposition — the letters a citizen is turning into characters, and the phrases already
// picked for the first of them (推诿 for "tuiwei", then 扯皮 for "chepi").
//
// Sections: the composition
//
// Plain state with its rules; the candidates come from kiosk/PinyinService and the keyboard's
// state (kiosk/TextEntry) holds both. Wiped with the session: it is what a citizen typed.
//
//   [x] letters a-z, at most kMaxLetters (the engine's limit is 48)
//   [x] a phrase picked for part of the letters; the rest is looked up next
//   [x] backspace removes the last letter; a phrase that stood for it is un-picked
//   [x] raw commit (enter): the phrases picked and the letters left, as typed
#pragma once

#include "kiosk/AppEvent.h"

#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// ---- the composition ----
class PinyinComposition {
public:
    static constexpr std::size_t kMaxLetters = 32;

    bool active() const { return !letters_.empty(); }
    bool addLetter(char c); // false when it is not a-z or the composition is full
    void removeLetter();
    // The letters no phrase stands for yet: what the engine is asked about.
    std::string remaining() const { return letters_.substr(consumed()); }
    // Picks a candidate for the first `candidate.letters` of the remaining letters. Returns the whole
    // text when nothing is left to compose (the caller commits it; the composition is then empty).
    std::optional<std::string> choose(const PinyinCandidate& candidate);
    // What the bar above the keys shows: the phrases picked, then the letters left.
    std::string display() const;
    // Ends the composition, giving what was picked followed by the remaining letters.
    std::string takeRaw();
    void wipe();

private:
    struct Picked {
        std::string text;
        std::size_t letters = 0;
    };
    std::size_t consumed() const;

    std::string letters_;
    std::vector<Picked> picked_;
};

} // namespace kiosk
