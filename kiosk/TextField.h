// TextField — one text a citizen types (a complaint, a phone number, a search), owned by the flow
// that asks for it. UTF-8 in and out, edited by code point through the project's one codec
// (text/Utf8), with a limit in characters, an input kind and a validation hook.
//
// Sections: kinds and the spec | what an edit did | the field
//
// The field knows nothing of keyboards: kiosk/TextEntry (the on-screen keyboard's state, pinyin
// composition included) edits the focused field; a physical keyboard reaches it the same way.
// Personal fields (a phone, a name) are wiped with explicit_bzero (kiosk/SecureWipe.h) when the
// session ends; every field is, as the flow that owns it is wiped then.
//
//   [x] insert at the end, backspace by code point, clear; a limit in characters (code points)
//   [x] kinds: chinese (any printable text), latin (printable ASCII), digits, phone (digits, 11 at most),
//       code (A-Z, 0-9 and '-', typed letters kept in capitals)
//   [x] refuses invalid UTF-8, control characters and emoji with a reason (the font has no emoji;
//       a complaint full of '?' helps nobody); keeps what was valid before the bad part
//   [x] validation hook: the flow says what is wrong with the whole text (string-table key)
//   [ ] a movable cursor (editing happens at the end, as on every kiosk keyboard we looked at)
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace kiosk {

// ---- kinds and the spec ----
// Code: a tracking or case number (letters, digits and '-'; letters are kept in capitals).
enum class InputKind { Chinese, Latin, Digits, Phone, Code };

struct TextFieldSpec {
    std::string labelKey; // string-table key of the field's label (also what `field "LABEL"` finds)
    std::string hintKey;  // shown in the empty box (what to type); "" = "tap here to type"
    InputKind kind = InputKind::Chinese;
    std::size_t maxChars = 200; // code points
    bool personal = false;      // a phone, a name: wiped securely (every field is wiped anyway)
    // The whole text's problem as a string-table key, "" when it is acceptable (e.g. a phone number
    // that is not 11 digits). Null: any text within the limit is acceptable.
    std::function<std::string(std::string_view text)> validate;
};

// ---- what an edit did ----
enum class EditOutcome {
    Accepted,
    Truncated,   // the limit was reached: the characters past it were not added
    InvalidUtf8, // bytes that are not UTF-8: dropped
    Unsupported, // control characters or emoji: dropped
    WrongKind,   // a letter in a digits field, a Chinese character in a latin one: dropped
};

// The string-table key that tells the citizen about an outcome ("" for Accepted).
std::string_view editOutcomeKey(EditOutcome outcome);

// ---- the field ----
class TextField {
public:
    explicit TextField(TextFieldSpec spec);
    ~TextField();
    TextField(const TextField&) = delete;
    TextField& operator=(const TextField&) = delete;

    const TextFieldSpec& spec() const { return spec_; }
    const std::string& text() const { return text_; } // always valid UTF-8
    std::size_t length() const { return codePoints_.size(); }
    bool empty() const { return codePoints_.empty(); }

    // Appends what of `utf8` is acceptable, up to the limit. The worst thing that happened is
    // returned; what came before a bad character is kept, what came after it too (a bad byte in
    // the middle of a paste loses only itself).
    EditOutcome insert(std::string_view utf8);
    bool backspace(); // false when empty
    void clear();
    // The validation hook's verdict on the whole text ("" when acceptable or no hook).
    std::string problem() const;

    // Forget the text (securely: personal or not, a citizen's words are not left in freed memory).
    void wipe();
    std::uint64_t revision() const { return revision_; }

private:
    void syncText();

    TextFieldSpec spec_;
    std::u32string codePoints_;
    std::string text_; // codePoints_ as UTF-8, kept beside it for drawing
    std::uint64_t revision_ = 0;
};

// Whether `cp` may be typed into a field of `kind` (used by the field and by the keyboard to grey
// out keys a field cannot take).
bool acceptsCodePoint(InputKind kind, char32_t cp);

} // namespace kiosk
