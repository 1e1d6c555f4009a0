// OnScreenKeyboard — text fields and the keyboard under them, for a touch screen with no physical
// keyboard. Draws kiosk/TextEntry's state and sends every tap back to it; holds no state itself.
//
// Sections: text fields | the keyboard
//
// Layouts: 拼音 (QWERTY letters, the composition and a candidate bar with ‹ › paging), 英文 (with
// 大写 for one capital), 数字 (a large keypad: phones, case numbers, codes, PINs), 符号 (Chinese
// punctuation). Keys are sized in em: 1.5 em high (70 px at 1080p, where em = 47 px; never under
// 44 px), as wide as the row allows, never wider than 3.4 em. 确定 ends the typing (the keyboard goes). Each
// key registers a name for scripts ("key:t", "key:{space}", "key:{123}"; ui/UiScript's `keys`), each field
// "field:LABEL" (`field`).
//
//   [x] the four layouts, switched by tapping; only those the field's kind offers
//   [x] candidates of the page as buttons (tap "推诿扯皮"), ‹ › when there are more
//   [x] backspace, clear, space, enter (确定) on every layout
//   [x] "pinyin unavailable" said on the keyboard when the engine could not open
//   [x] what the field refused said under it (limit, invalid input, emoji, wrong kind), with a count
//   [ ] long-press for variants, swipe typing: not planned for a public terminal
#pragma once

#include "kiosk/TextEntry.h"
#include "ui/Widgets.h"

namespace kiosk::ui {

// ---- text fields ----
// The field's label, a box with its text (tap it to type into it), the count and what the field
// refused. `lines`: the box's height in lines of text (a complaint 4, a phone 1).
void textField(Ui& ui, TextEntry& entry, TextField& field, float width, int lines = 1);

// ---- the keyboard ----
// The height the keyboard takes for the focused field (0 when no field has the focus).
float keyboardHeight(const Ui& ui, const TextEntry& entry);
// Draws the keyboard at the cursor, `width` wide, when a field has the focus.
void drawKeyboard(Ui& ui, TextEntry& entry, float width);

} // namespace kiosk::ui
