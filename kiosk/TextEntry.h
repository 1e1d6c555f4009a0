// TextEntry — the on-screen keyboard's state: which field has the focus, which layout is up, the
// pinyin composition and its candidates. One per terminal (kiosk/Terminal), wiped with every
// session; the fields themselves belong to the flows (kiosk/TextField).
//
// Sections: layouts | what the keyboard shows | the keyboard
//
// Every way of typing comes here: the on-screen keys (ui/OnScreenKeyboard), a physical keyboard
// (SDL text and key events, through the runner) and scripts (`keys`, `type`). So the rules are
// one set: in 拼音 letters compose, space takes the first candidate, enter takes the letters as
// typed (and with nothing composing ends the typing: the keyboard goes), a digit 1-9 on a physical
// keyboard takes that candidate of the page.
//
//   [x] layouts 拼音, 英文 (shift), 数字, 符号; which ones a field offers follows its kind
//   [x] pinyin: letters → PinyinLookup (async, answers by seq; stale answers ignored), candidates paged
//   [x] a phrase for part of the letters continues with the rest; space / enter / backspace rules
//   [x] pinyin unavailable (no dictionary): 英文, 数字, 符号 only, and the keyboard says so
//   [x] a notice for what a field refused (limit reached, invalid input, emoji, wrong kind)
//   [x] wipe(): composition, candidates, focus, notice: nothing of the citizen stays
//   [ ] predictions after a commit (im_get_predicts): left out; they would learn nothing, but add taps
#pragma once

#include "kiosk/AppEvent.h"
#include "kiosk/PinyinComposition.h"
#include "kiosk/PinyinService.h"
#include "kiosk/TextField.h"
#include "kiosk/Watched.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk {

// ---- layouts ----
enum class KeyboardLayout { Pinyin, Latin, Digits, Symbols };

// ---- what the keyboard shows ----
struct TextEntryView {
    bool focused = false;
    KeyboardLayout layout = KeyboardLayout::Pinyin;
    std::vector<KeyboardLayout> layouts; // those the focused field offers, in key order
    bool shift = false;                  // 英文: capitals
    std::string composing;               // 拼音: picked phrases + letters left ("" = not composing)
    std::vector<PinyinCandidate> candidates;
    std::size_t page = 0; // of candidates, pageSize each
    bool waiting = false; // candidates asked for, not here yet
    bool pinyinAvailable = true;
    std::string noticeKey;    // string-table key of what the field refused ("" = none)
    std::size_t maxChars = 0; // for the notice "at most N characters"
};

// ---- the keyboard ----
class TextEntry {
public:
    static constexpr std::size_t kPageSize = 8;

    explicit TextEntry(PinyinLookup& lookup) : lookup_(lookup) {}

    const TextEntryView& view() const { return view_.get(); }
    std::uint64_t revision() const { return view_.revision(); }
    const TextField* focusedField() const { return field_; }
    bool hasFocus(const TextField& f) const { return field_ == &f; }

    // The field the keys type into (null: none, the keyboard hides).
    void focus(TextField* field);
    void switchLayout(KeyboardLayout layout);
    void toggleShift();

    // Keys. Each is one tap on the screen or one key on a physical keyboard.
    void letter(char c);                    // a-z (英文 with shift gives A-Z)
    void insertText(std::string_view utf8); // a digit, a symbol, a space in 英文, or a paste
    void backspace();
    void clear();
    void space();
    void enter();
    void choose(std::size_t index); // into view().candidates
    void nextPage();
    void previousPage();
    // From a physical keyboard or an input method (SDL_TEXTINPUT): letters compose in 拼音, a digit
    // 1-9 while composing picks from the page, anything else is inserted.
    void typed(std::string_view utf8);

    // Worker events: candidates and the engine's status (always routed here by the navigator).
    void handle(const AppEvent& event);
    void wipe();

private:
    void compose(); // ask for the remaining letters' candidates
    void commit(std::string_view text);
    void commitComposition(); // the first candidate when there is one, else the raw letters
    void noteOutcome(EditOutcome outcome);
    std::vector<KeyboardLayout> layoutsFor(InputKind kind) const;

    PinyinLookup& lookup_;
    TextField* field_ = nullptr;
    PinyinComposition composition_;
    std::uint64_t seq_ = 0;
    bool commitFirstWhenReady_ = false; // space tapped before the candidates came
    Watched<TextEntryView> view_;
};

} // namespace kiosk
