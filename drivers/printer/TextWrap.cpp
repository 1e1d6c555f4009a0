// Greedy wrapping by columns. Sections: helpers · wrapPrintChars.
#include "drivers/printer/TextWrap.h"

#include <algorithm>

namespace kiosk::printer {

// ---- helpers ----
int lineColumns(const PrintLine& line) {
    int cols = 0;
    for (const PrintChar& c : line)
        cols += c.columns;
    return cols;
}

// ---- wrapPrintChars ----
std::vector<PrintLine> wrapPrintChars(const std::vector<PrintChar>& chars, int maxColumns) {
    maxColumns = std::max(maxColumns, 2);
    std::vector<PrintLine> lines(1);
    int used = 0;
    bool softStart = false; // the current line began at a soft break: leading spaces are dropped
    auto newLine = [&](bool soft) {
        lines.emplace_back();
        used = 0;
        softStart = soft;
    };
    std::size_t i = 0;
    while (i < chars.size()) {
        const PrintChar& c = chars[i];
        if (c.bytes == "\n") {
            newLine(false);
            ++i;
            continue;
        }
        if (c.isSpace) {
            if (used + c.columns > maxColumns) {
                newLine(true); // the space itself is dropped at a soft break
            } else if (!(used == 0 && softStart)) {
                lines.back().push_back(c);
                used += c.columns;
            }
            ++i;
            continue;
        }
        if (c.isWordChar) {
            std::size_t end = i;
            int wordCols = 0;
            while (end < chars.size() && chars[end].isWordChar)
                wordCols += chars[end++].columns;
            if (used + wordCols > maxColumns && wordCols <= maxColumns && used > 0) newLine(true);
            for (; i < end; ++i) {
                if (used + chars[i].columns > maxColumns) newLine(true);
                lines.back().push_back(chars[i]);
                used += chars[i].columns;
            }
            continue;
        }
        if (used + c.columns > maxColumns) newLine(true);
        lines.back().push_back(c);
        used += c.columns;
        ++i;
    }
    // Drop trailing spaces so right alignment and padding stay exact.
    for (PrintLine& line : lines)
        while (!line.empty() && line.back().isSpace)
            line.pop_back();
    return lines;
}

} // namespace kiosk::printer
