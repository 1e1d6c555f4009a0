// Receipt -> ESC/POS bytes for Chinese-market thermal printers (Xprinter, Gprinter and similar).
//
// Sections: paper geometry · EncodeOptions · EncodeIssue / EncodeResult · encodeReceipt.
// Checklist:
//   [x] ESC @ first; style commands only when the style changes; cut appended if missing
//   [x] text in GB18030 inside FS & ... FS .; wrapping by printer columns (48 on 80 mm, 32 on 58 mm,
//       divided by the width multiplier)
//   [x] characters that cannot be printed (invalid UTF-8, control characters that would inject commands,
//       characters without a GB18030 form, 4-byte GB18030 unless allowed) are replaced by a visible
//       mark and reported in EncodeResult::issues, never dropped
//   [x] QR (GS ( k, model 2), CODE128 (GS k 73, code set B), raster (GS v 0 in bands), feed, cut
//   [ ] code set C compression for numeric barcodes; bit-image modes other than GS v 0
#pragma once

#include "drivers/printer/Receipt.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::printer {

// ---- paper geometry ----
// 80 mm paper: 48 columns, 576 dots. Narrower paper (< 70 mm, i.e. 58 mm): 32 columns, 384 dots.
int columnsForPaper(int paperWidthMm);
int printableDotsForPaper(int paperWidthMm);

// ---- EncodeOptions ----
struct EncodeOptions {
    int paperWidthMm = 80;
    // Most printer fonts cover GBK only; 4-byte GB18030 characters (emoji, rare CJK extensions) would
    // print as blanks or garbage, so by default they are replaced and reported.
    bool allowFourByteGb18030 = false;
    std::string replacement = "?"; // ASCII, printed in place of each unprintable character
    int rasterBandRows = 256;      // rows per GS v 0 command (reference: at most about 960)
};

// ---- EncodeIssue / EncodeResult ----
struct EncodeIssue {
    std::size_t blockIndex = 0;
    std::string what; // technician detail, e.g. "U+1F600 needs 4-byte GB18030; replaced by '?'"
};

struct EncodeResult {
    std::vector<std::uint8_t> bytes;
    std::vector<EncodeIssue> issues; // empty when everything printed as given
    int replacedCharacters = 0;
    bool clean() const { return issues.empty(); }
};

// ---- encodeReceipt ----
EncodeResult encodeReceipt(const Receipt& receipt, const EncodeOptions& options = {});

} // namespace kiosk::printer
