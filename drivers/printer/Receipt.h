// Receipt document model: what a slip says, independent of the printer's byte language.
//
// Sections: text styling · block kinds (one struct per block) · Receipt (ordered list of blocks + builder
// helpers). Checklist:
//   [x] text with alignment, bold, width/height multiplier (1..8)
//   [x] separator line, key-value row, QR code, CODE128 barcode, raster image, feed, cut
//   [ ] underline, reverse video, inverted printing (not needed by the hall slips)
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace kiosk::printer {

// ---- text styling ----
enum class Align : std::uint8_t { Left = 0, Center = 1, Right = 2 };

struct TextStyle {
    Align align = Align::Left;
    bool bold = false;
    int widthMul = 1;  // 1..8 (GS ! width)
    int heightMul = 1; // 1..8 (GS ! height)
};

// ---- block kinds ----
// A paragraph of UTF-8 text, wrapped by display width. '\n' starts a new line.
struct TextBlock {
    std::string text;
    TextStyle style;
};

// A full-width line of one repeated character ('-' by default).
struct SeparatorBlock {
    char glyph = '-';
};

// "key ..... value" on one line; if both do not fit, the value goes right-aligned on the next line(s).
struct KeyValueBlock {
    std::string key;
    std::string value;
    bool bold = false;
};

enum class QrErrorLevel : std::uint8_t { L = 0x30, M = 0x31, Q = 0x32, H = 0x33 };

struct QrBlock {
    std::string data;   // bytes to encode (UTF-8 as is)
    int moduleSize = 6; // dots per module, 1..16
    QrErrorLevel level = QrErrorLevel::M;
    Align align = Align::Center;
};

struct Code128Block {
    std::string data;          // printable ASCII 0x20..0x7E, sent in code set B
    int heightDots = 80;       // 1..255
    int moduleWidth = 2;       // 2..6
    bool humanReadable = true; // HRI below the bars
    Align align = Align::Center;
};

// 1 bit per pixel, row-major, MSB leftmost, 1 = black (the GS v 0 layout).
struct RasterImageBlock {
    int widthDots = 0; // pixels; bytes per row = (widthDots + 7) / 8
    int heightDots = 0;
    std::vector<std::uint8_t> bits;
    Align align = Align::Center;
};

struct FeedBlock {
    int lines = 1; // 0..255
};

struct CutBlock {
    bool partial = false;
    int feedLinesBefore = 3; // feed so the last line clears the cutter
};

using ReceiptBlock = std::variant<TextBlock, SeparatorBlock, KeyValueBlock, QrBlock, Code128Block,
                                  RasterImageBlock, FeedBlock, CutBlock>;

// ---- Receipt ----
// A slip: blocks in print order. The encoder appends a cut if the last block is not one.
struct Receipt {
    std::vector<ReceiptBlock> blocks;

    Receipt& text(std::string s, TextStyle style = {}) {
        blocks.emplace_back(TextBlock{std::move(s), style});
        return *this;
    }
    Receipt& title(std::string s) { return text(std::move(s), TextStyle{Align::Center, true, 2, 2}); }
    Receipt& separator(char glyph = '-') {
        blocks.emplace_back(SeparatorBlock{glyph});
        return *this;
    }
    Receipt& row(std::string key, std::string value, bool bold = false) {
        blocks.emplace_back(KeyValueBlock{std::move(key), std::move(value), bold});
        return *this;
    }
    Receipt& qr(std::string data, int moduleSize = 6) {
        blocks.emplace_back(QrBlock{std::move(data), moduleSize, QrErrorLevel::M, Align::Center});
        return *this;
    }
    Receipt& code128(std::string data) {
        blocks.emplace_back(Code128Block{std::move(data)});
        return *this;
    }
    Receipt& feed(int lines = 1) {
        blocks.emplace_back(FeedBlock{lines});
        return *this;
    }
    Receipt& cut(bool partial = false) {
        blocks.emplace_back(CutBlock{partial, 3});
        return *this;
    }
};

} // namespace kiosk::printer
