// TextEntry (see the header): the keys' rules.
//
// Sections: focus and layouts | keys | candidates | wiping
#include "kiosk/TextEntry.h"

#include "kiosk/SecureWipe.h"

#include <algorithm>

namespace kiosk {

// ---- focus and layouts ----
std::vector<KeyboardLayout> TextEntry::layoutsFor(InputKind kind) const {
    using L = KeyboardLayout;
    switch (kind) {
    case InputKind::Chinese:
        if (view().pinyinAvailable) return {L::Pinyin, L::Latin, L::Digits, L::Symbols};
        return {L::Latin, L::Digits, L::Symbols};
    case InputKind::Latin:
        return {L::Latin, L::Digits, L::Symbols};
    case InputKind::Digits:
    case InputKind::Phone:
        return {L::Digits};
    case InputKind::Code: // mostly digits: the keypad first, with '-' (ui/OnScreenKeyboard)
        return {L::Digits, L::Latin};
    }
    return {L::Digits};
}

void TextEntry::focus(TextField* field) {
    if (field == field_) return;
    wipe(); // the composition belonged to the field left
    field_ = field;
    if (!field) return;
    TextEntryView& v = view_.edit();
    v.focused = true;
    v.layouts = layoutsFor(field->spec().kind);
    v.layout = v.layouts.front();
    v.maxChars = field->spec().maxChars;
}

void TextEntry::switchLayout(KeyboardLayout layout) {
    const auto& offered = view().layouts;
    if (!field_ || std::find(offered.begin(), offered.end(), layout) == offered.end()) return;
    if (composition_.active()) commitComposition();
    TextEntryView& v = view_.edit();
    v.layout = layout;
    v.shift = false;
}

void TextEntry::toggleShift() {
    if (!field_ || view().layout != KeyboardLayout::Latin) return;
    view_.edit().shift = !view().shift;
}

// ---- keys ----
void TextEntry::letter(char c) {
    if (!field_) return;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c < 'a' || c > 'z') return;
    switch (view().layout) {
    case KeyboardLayout::Pinyin:
        if (!composition_.addLetter(c)) {
            TextEntryView& v = view_.edit();
            v.noticeKey = "text.composition_full";
            return;
        }
        compose();
        return;
    case KeyboardLayout::Latin: {
        const bool upper = view().shift;
        const char typedChar = upper ? static_cast<char>(c - 'a' + 'A') : c;
        commit(std::string_view(&typedChar, 1));
        if (upper) view_.edit().shift = false; // one capital per tap of shift, as on a phone
        return;
    }
    case KeyboardLayout::Digits:
    case KeyboardLayout::Symbols:
        return; // no letter keys on these layouts; a physical keyboard's letter is ignored here
    }
}

void TextEntry::insertText(std::string_view utf8) {
    if (!field_ || utf8.empty()) return;
    if (composition_.active()) commitComposition();
    commit(utf8);
}

void TextEntry::backspace() {
    if (!field_) return;
    if (composition_.active()) {
        composition_.removeLetter();
        if (composition_.active()) {
            compose();
        } else {
            ++seq_;
            TextEntryView& v = view_.edit();
            v.composing.clear();
            v.candidates.clear();
            v.waiting = false;
        }
        return;
    }
    field_->backspace();
    TextEntryView& v = view_.edit(); // the field changed: the screen draws it again
    v.noticeKey.clear();
}

void TextEntry::clear() {
    if (!field_) return;
    composition_.wipe();
    ++seq_;
    field_->clear();
    TextEntryView& v = view_.edit();
    v.composing.clear();
    v.candidates.clear();
    v.waiting = false;
    v.noticeKey.clear();
}

void TextEntry::space() {
    if (!field_) return;
    if (composition_.active()) {
        if (!view().candidates.empty())
            choose(0);
        else if (view().waiting)
            commitFirstWhenReady_ = true;
        return;
    }
    const InputKind kind = field_->spec().kind;
    if (kind == InputKind::Chinese || kind == InputKind::Latin) commit(" ");
}

void TextEntry::enter() {
    if (!field_) return;
    if (!composition_.active()) return focus(nullptr); // done typing: the keyboard goes
    ++seq_;
    const std::string raw = composition_.takeRaw();
    TextEntryView& v = view_.edit();
    v.composing.clear();
    v.candidates.clear();
    v.waiting = false;
    commit(raw);
}

void TextEntry::typed(std::string_view utf8) {
    if (!field_ || utf8.empty()) return;
    if (utf8.size() == 1) {
        const char c = utf8[0];
        if (composition_.active() && c >= '1' && c <= '9') {
            const std::size_t index = view().page * kPageSize + static_cast<std::size_t>(c - '1');
            if (index < view().candidates.size()) choose(index);
            return;
        }
        if (composition_.active() && c == ' ') return space();
        if (view().layout == KeyboardLayout::Pinyin && c >= 'a' && c <= 'z') return letter(c);
    }
    insertText(utf8);
}

void TextEntry::commit(std::string_view text) {
    const EditOutcome outcome = field_->insert(text);
    noteOutcome(outcome);
}

void TextEntry::commitComposition() {
    if (!composition_.active()) return;
    if (!view().candidates.empty()) {
        // The first candidate stands for the first phrase only: take it, then the letters left raw.
        std::optional<std::string> whole = composition_.choose(view().candidates.front());
        if (whole) {
            ++seq_;
            TextEntryView& v = view_.edit();
            v.composing.clear();
            v.candidates.clear();
            v.waiting = false;
            return commit(*whole);
        }
    }
    enter();
}

void TextEntry::noteOutcome(EditOutcome outcome) {
    TextEntryView& v = view_.edit(); // the field changed (or refused): the screen draws it again
    v.noticeKey = std::string(editOutcomeKey(outcome));
}

// ---- candidates ----
void TextEntry::compose() {
    ++seq_;
    commitFirstWhenReady_ = false;
    TextEntryView& v = view_.edit();
    v.composing = composition_.display();
    for (PinyinCandidate& c : v.candidates)
        secureWipe(c.text);
    v.candidates.clear();
    v.page = 0;
    v.waiting = true;
    v.noticeKey.clear();
    lookup_.lookUp(seq_, composition_.remaining());
}

void TextEntry::choose(std::size_t index) {
    if (!field_ || index >= view().candidates.size()) return;
    const PinyinCandidate picked = view().candidates[index];
    std::optional<std::string> whole = composition_.choose(picked);
    if (!whole) return compose(); // the rest of the letters next
    ++seq_;
    TextEntryView& v = view_.edit();
    v.composing.clear();
    v.candidates.clear();
    v.waiting = false;
    commit(*whole);
}

void TextEntry::nextPage() {
    if ((view().page + 1) * kPageSize < view().candidates.size()) ++view_.edit().page;
}

void TextEntry::previousPage() {
    if (view().page > 0) --view_.edit().page;
}

void TextEntry::handle(const AppEvent& event) {
    if (const auto* ready = std::get_if<PinyinCandidatesReady>(&event)) {
        if (ready->seq != seq_ || !composition_.active()) return; // an answer nobody waits for
        TextEntryView& v = view_.edit();
        v.candidates = ready->candidates;
        v.page = 0;
        v.waiting = false;
        if (commitFirstWhenReady_) {
            commitFirstWhenReady_ = false;
            if (!v.candidates.empty()) choose(0);
        }
    } else if (const auto* status = std::get_if<PinyinEngineStatus>(&event)) {
        if (status->available == view().pinyinAvailable) return;
        view_.edit().pinyinAvailable = status->available;
        if (!field_) return;
        if (!status->available && composition_.active()) enter(); // the letters, as typed
        TextEntryView& v = view_.edit();
        v.layouts = layoutsFor(field_->spec().kind);
        if (std::find(v.layouts.begin(), v.layouts.end(), v.layout) == v.layouts.end())
            v.layout = v.layouts.front();
    }
}

// ---- wiping ----
void TextEntry::wipe() {
    const TextEntryView& now = view();
    if (!field_ && !composition_.active() && now.candidates.empty() && now.noticeKey.empty() && !now.focused)
        return; // nothing of anyone: no frame to draw (an idle kiosk draws nothing)
    composition_.wipe();
    ++seq_;
    commitFirstWhenReady_ = false;
    field_ = nullptr;
    TextEntryView& v = view_.edit();
    for (PinyinCandidate& c : v.candidates)
        secureWipe(c.text);
    secureWipe(v.composing);
    const bool available = v.pinyinAvailable;
    v = TextEntryView{};
    v.pinyinAvailable = available;
}

} // namespace kiosk
