// FormLayout — the pieces every step-by-step citizen form shares (效能投诉, 区长信箱, 投诉查询, a case
// by number): where it is ("第 2 步，共 6 步"), the 上一步 / 下一步 row, a page that scrolls above
// the keyboard, the keyboard at the bottom, a row of a review, a QR symbol on screen.
//
// Sections: steps | pages and the keyboard | review rows | QR
//
// Why one place: the forms must behave the same for a citizen (the buttons in the same place, the
// keyboard never over the button that submits) and fit the same screens (1920x1080 down to 800x480).
#pragma once

#include "kiosk/TextEntry.h"
#include "kiosk/TextField.h"
#include "ui/Widgets.h"

#include <string_view>

namespace kiosk::ui {

// ---- steps ----
void stepHeading(Ui& ui, std::string_view stepTitle, int step, int steps);

enum class NavTap { None, Back, Next };
// 上一步 on the left (when `backKey` is not empty), the forward button on the right (its words:
// 下一步, 提交投诉, 查询 ...), `width` wide.
NavTap navRow(Ui& ui, std::string_view backKey, std::string_view nextKey, float width,
              ButtonKind nextKind = ButtonKind::Primary);
// A button's size for `label` in the Large font: at least `minEm` wide, wider when the words need it
// (English is longer), never wider than `maxWidth`.
ImVec2 buttonSizeFor(Ui& ui, std::string_view label, float minEm, float height, float maxWidth);
// The line that says why 下一步 did nothing (a string-table key; nothing for "").
void problemLine(Ui& ui, std::string_view key, float width);

// ---- pages and the keyboard ----
// A scrolling region that leaves room at the bottom for the keyboard (when a field has the focus)
// and `reserveBelow` pixels (a nav row). End it with endPage().
void beginPage(Ui& ui, const TextEntry& entry, const char* id, float width, float reserveBelow);
void endPage();
// The height of a navRow (to reserve it).
float navRowHeight(const Ui& ui);
// The height of the line problemLine draws for `key` (0 for ""), plus a navRow: what a page reserves
// below itself so that what stops 下一步 is always in view, right above the button.
float footerHeight(Ui& ui, std::string_view problemKey, float width);
// Two short fields (a number and its code): side by side where the width allows, so both stay above
// the keyboard; one under the other on a narrow screen.
void twoFields(Ui& ui, TextEntry& entry, TextField& first, TextField& second, float width);
// The keyboard at the bottom of the window, never over what is above it.
void keyboardAtBottom(Ui& ui, TextEntry& entry, float width);

// ---- review rows ----
// "label   value" with the value wrapped beside the label.
void reviewRow(Ui& ui, std::string_view label, std::string_view value, float width);

// ---- QR ----
// The symbol for `data`, `side` pixels square with its quiet zone, at the cursor; nothing when the
// data cannot be encoded.
void qrSymbol(Ui& ui, std::string_view data, float side);

} // namespace kiosk::ui
