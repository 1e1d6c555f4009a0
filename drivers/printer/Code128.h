// CODE128 symbol layout for the virtual printer: ESC/POS barcode data ("{B..." code-set syntax) ->
// bar/space module widths.
//
// Sections: Code128Symbol · layoutCode128 · code128Pattern.
// Checklist:
//   [x] code sets A, B, C selected and switched with "{A" "{B" "{C", shift "{S", FNC1 "{1", literal "{{"
//   [x] check character, stop pattern
//   [ ] FNC2/FNC3/FNC4 (accepted and encoded, but not interpreted in the human-readable text)
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::printer {

// ---- Code128Symbol ----
struct Code128Symbol {
    std::vector<int> moduleWidths; // alternating bar, space, bar, ... in modules, start to stop
    std::string humanReadable;     // the data characters (no control codes)
    bool valid = false;
    std::string error;
};

// ---- layoutCode128 ----
Code128Symbol layoutCode128(std::string_view escposData);

// ---- code128Pattern ----
// The 107 patterns (values 0..105 and stop = 106) as digit strings of element widths.
const char* code128Pattern(int value);

} // namespace kiosk::printer
