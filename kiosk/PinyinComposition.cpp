// PinyinComposition (see the header).
//
// Sections: letters | picking | ending
#include "kiosk/PinyinComposition.h"

#include "kiosk/SecureWipe.h"

#include <algorithm>

namespace kiosk {

// ---- letters ----
bool PinyinComposition::addLetter(char c) {
    if (c < 'a' || c > 'z' || letters_.size() >= kMaxLetters) return false;
    letters_.push_back(c);
    return true;
}

void PinyinComposition::removeLetter() {
    if (letters_.empty()) return;
    letters_.pop_back();
    while (!picked_.empty() && consumed() > letters_.size()) {
        secureWipe(picked_.back().text);
        picked_.pop_back();
    }
}

std::size_t PinyinComposition::consumed() const {
    std::size_t n = 0;
    for (const Picked& p : picked_)
        n += p.letters;
    return n;
}

// ---- picking ----
std::optional<std::string> PinyinComposition::choose(const PinyinCandidate& candidate) {
    const std::size_t left = letters_.size() - consumed();
    if (candidate.text.empty() || candidate.letters == 0 || left == 0) return std::nullopt;
    picked_.push_back({candidate.text, std::min(candidate.letters, left)});
    if (consumed() < letters_.size()) return std::nullopt;
    std::string whole;
    for (const Picked& p : picked_)
        whole += p.text;
    wipe();
    return whole;
}

std::string PinyinComposition::display() const {
    std::string out;
    for (const Picked& p : picked_)
        out += p.text;
    return out + remaining();
}

// ---- ending ----
std::string PinyinComposition::takeRaw() {
    std::string out = display();
    wipe();
    return out;
}

void PinyinComposition::wipe() {
    secureWipe(letters_);
    for (Picked& p : picked_)
        secureWipe(p.text);
    picked_.clear();
}

} // namespace kiosk
