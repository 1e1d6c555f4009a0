// LineBreak — where a line of text on screen may break: Chinese rules (禁则) and whole Latin words.
//
// Sections: breakLines
//
// ImGui 1.86 wraps CJK text at any character and Latin text at any space, so a line could start
// with "，" or end with "（", step names broke mid-word, and a label ("受理时间") ended one line
// while its value started the next. The rules here, pure and unit-tested (tests/ui/LineBreakTest):
//
//   [x] a break may fall after a space, or between two characters when either is CJK
//   [x] no line starts with closing punctuation (，。、；：？！）》」』】〕〉”’…% and their ASCII forms)
//   [x] no line ends with opening punctuation (（《「『【〔〈“‘ and their ASCII forms)
//   [x] Latin words and numbers (2026-11-20, QH-YBJ-300562) are not broken unless longer than a line
//   [x] U+00A0 (no-break space) joins a label to its value; the screen draws it as a space
//   [x] '\n' always breaks; spaces at the end of a line are not drawn
//   [ ] hyphenation, the printer's own wrapping (drivers/printer/TextWrap keeps its column rules)
#pragma once

#include <functional>
#include <string_view>
#include <vector>

namespace kiosk::ui {

// ---- breakLines ----
struct LineRange {
    std::size_t begin = 0; // byte offsets into the text
    std::size_t end = 0;
};

// Splits `text` (UTF-8; invalid bytes count as one narrow character each) into lines no wider
// than `maxWidth`, as measured by `advance` (the width of one code point). A single word wider
// than the line is broken where it must.
std::vector<LineRange> breakLines(std::string_view text, float maxWidth,
                                  const std::function<float(char32_t)>& advance);

} // namespace kiosk::ui
