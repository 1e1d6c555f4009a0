// TextField (see the header): inserting by code point, the kinds' rules, the secure wipe.
//
// Sections: kinds | editing | wiping
#include "kiosk/TextField.h"

#include "kiosk/SecureWipe.h"
#include "text/Utf8.h"

#include <string.h>

#include <algorithm>
#include <utility>

namespace kiosk {

namespace {

constexpr std::size_t kPhoneDigits = 11; // a mainland mobile number; landlines with area code fit too

// ---- kinds ----
bool isEmojiOrPictograph(char32_t cp) {
    // The blocks emoji live in (and the joiners that glue them), not a full Extended_Pictographic
    // table: enough to refuse what a citizen's phone keyboard or a paste would bring.
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0x200D ||
           (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0000 && cp <= 0xE007F);
}

bool isControl(char32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029;
}

bool isPrivateUse(char32_t cp) {
    // The renderer maps rare characters to private-use code points (ui/FontSet): none may come in.
    return (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000;
}

} // namespace

bool acceptsCodePoint(InputKind kind, char32_t cp) {
    switch (kind) {
    case InputKind::Digits:
    case InputKind::Phone:
        return cp >= '0' && cp <= '9';
    case InputKind::Latin:
        return cp >= 0x20 && cp < 0x7F;
    case InputKind::Code:
        return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || cp == '-';
    case InputKind::Chinese:
        return !isControl(cp) && !isEmojiOrPictograph(cp) && !isPrivateUse(cp);
    }
    return false;
}

std::string_view editOutcomeKey(EditOutcome outcome) {
    switch (outcome) {
    case EditOutcome::Accepted:
        return "";
    case EditOutcome::Truncated:
        return "text.limit_reached";
    case EditOutcome::InvalidUtf8:
        return "text.invalid_input";
    case EditOutcome::Unsupported:
        return "text.unsupported";
    case EditOutcome::WrongKind:
        return "text.wrong_kind";
    }
    return "";
}

// ---- editing ----
TextField::TextField(TextFieldSpec spec) : spec_(std::move(spec)) {
    if (spec_.kind == InputKind::Phone && spec_.maxChars > kPhoneDigits) spec_.maxChars = kPhoneDigits;
}

TextField::~TextField() {
    wipe();
}

EditOutcome TextField::insert(std::string_view utf8) {
    EditOutcome worst = EditOutcome::Accepted;
    auto note = [&worst](EditOutcome o) {
        // Truncation matters most to the citizen (text they typed is missing), then the others.
        if (worst == EditOutcome::Accepted || o == EditOutcome::Truncated) worst = o;
    };
    // Room for the whole limit at once, so growing never leaves a copy of the text in freed memory.
    if (codePoints_.capacity() < spec_.maxChars)
        codePoints_.reserve(std::min<std::size_t>(spec_.maxChars, 1 << 16));
    bool changed = false;
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        char32_t cp = 0;
        if (!text::nextCodePoint(utf8, pos, cp)) {
            note(EditOutcome::InvalidUtf8);
            continue;
        }
        if (!acceptsCodePoint(spec_.kind, cp)) {
            const bool wrongKind =
                spec_.kind != InputKind::Chinese && !isControl(cp) && !isEmojiOrPictograph(cp);
            note(wrongKind ? EditOutcome::WrongKind : EditOutcome::Unsupported);
            continue;
        }
        if (codePoints_.size() >= spec_.maxChars) {
            note(EditOutcome::Truncated);
            break;
        }
        if (spec_.kind == InputKind::Code && cp >= 'a' && cp <= 'z')
            cp -= 'a' - 'A'; // numbers are in capitals
        codePoints_.push_back(cp);
        changed = true;
    }
    if (changed) syncText();
    return worst;
}

bool TextField::backspace() {
    if (codePoints_.empty()) return false;
    codePoints_.back() = 0;
    codePoints_.pop_back();
    syncText();
    return true;
}

void TextField::clear() {
    if (codePoints_.empty()) return;
    wipe();
}

std::string TextField::problem() const {
    if (!spec_.validate) return {};
    return spec_.validate(text_);
}

void TextField::syncText() {
    // Rebuilt whole: fields are short (a complaint is a few hundred characters) and the old bytes
    // are wiped, not left behind by a reallocation.
    std::string next;
    next.reserve(codePoints_.size() * 3);
    for (char32_t cp : codePoints_)
        text::appendCodePoint(next, cp);
    secureWipe(text_);
    text_ = std::move(next);
    ++revision_;
}

// ---- wiping ----
void TextField::wipe() {
    if (!codePoints_.empty()) explicit_bzero(codePoints_.data(), codePoints_.size() * sizeof(char32_t));
    codePoints_.clear();
    codePoints_.shrink_to_fit();
    secureWipe(text_);
    ++revision_;
}

} // namespace kiosk
