// Width-aware line wrapping for the printer's character grid.
//
// Sections: PrintChar (one character with its printer bytes and column width) · wrapPrintChars.
// Checklist:
//   [x] width = columns the printer uses: 1 for a single-byte (ASCII) character, 2 for a multi-byte
//       GB18030 character (the printer draws every double-byte character in a full-width cell)
//   [x] '\n' is a hard break; ASCII words are kept whole when they fit on a line; spaces at a soft
//       break are dropped; over-long words are split
//   [ ] no kinsoku (a line may start with a Chinese closing punctuation mark)
#pragma once

#include <string>
#include <vector>

namespace kiosk::printer {

// ---- PrintChar ----
struct PrintChar {
    std::string bytes; // GB18030 bytes sent to the printer ("\n" for a hard break)
    int columns = 1;   // 0 for '\n'
    bool isSpace = false;
    bool isWordChar = false; // ASCII non-space: part of a word that should not be split
};

using PrintLine = std::vector<PrintChar>;

// ---- wrapPrintChars ----
std::vector<PrintLine> wrapPrintChars(const std::vector<PrintChar>& chars, int maxColumns);
int lineColumns(const PrintLine& line);

} // namespace kiosk::printer
