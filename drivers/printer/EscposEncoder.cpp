// ESC/POS encoder. Sections: geometry · Encoder (style state, text -> PrintChar, one method per block kind)
// · encodeReceipt.
#include "drivers/printer/EscposEncoder.h"

#include "drivers/printer/Gb18030Codec.h"
#include "drivers/printer/TextWrap.h"
#include "text/Utf8.h"

#include <algorithm>
#include <cstdio>
#include <type_traits>

namespace kiosk::printer {

// ---- geometry ----
int columnsForPaper(int paperWidthMm) {
    return paperWidthMm < 70 ? 32 : 48;
}
int printableDotsForPaper(int paperWidthMm) {
    return paperWidthMm < 70 ? 384 : 576;
}

// ---- Encoder ----
namespace {

std::string hexCodepoint(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

class Encoder {
public:
    Encoder(const EncodeOptions& options, EncodeResult& result)
        : opt_(options), out_(result.bytes), result_(result), columns_(columnsForPaper(options.paperWidthMm)),
          dots_(printableDotsForPaper(options.paperWidthMm)) {
        if (opt_.replacement.empty() ||
            std::any_of(opt_.replacement.begin(), opt_.replacement.end(), [](char c) {
                return static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F;
            }))
            opt_.replacement = "?";
    }

    void begin() { put({0x1B, 0x40}); }

    void block(const TextBlock& b) {
        setAlign(b.style.align);
        setBold(b.style.bold);
        setSize(b.style.widthMul, b.style.heightMul);
        const int cols = std::max(2, columns_ / std::clamp(b.style.widthMul, 1, 8));
        const auto lines = wrapPrintChars(toPrintChars(b.text), cols);
        put({0x1C, 0x26});
        for (const PrintLine& line : lines) {
            for (const PrintChar& c : line)
                append(c.bytes);
            put({0x0A});
        }
        put({0x1C, 0x2E});
    }

    void block(const SeparatorBlock& b) {
        setAlign(Align::Left);
        setSize(1, 1);
        const char glyph = (b.glyph > 0x20 && b.glyph < 0x7F) ? b.glyph : '-';
        append(std::string(static_cast<std::size_t>(columns_), glyph));
        put({0x0A});
    }

    void block(const KeyValueBlock& b) {
        setAlign(Align::Left);
        setBold(b.bold);
        setSize(1, 1);
        const auto key = toPrintChars(b.key);
        const auto value = toPrintChars(b.value);
        const auto keyLines = wrapPrintChars(key, columns_);
        const auto valueLines = wrapPrintChars(value, columns_);
        put({0x1C, 0x26});
        if (keyLines.size() == 1 && valueLines.size() == 1 &&
            lineColumns(keyLines[0]) + lineColumns(valueLines[0]) + 1 <= columns_) {
            emitLine(keyLines[0], 0);
            emitLine(valueLines[0], columns_ - lineColumns(keyLines[0]) - lineColumns(valueLines[0]));
            put({0x0A});
        } else {
            for (const PrintLine& l : keyLines) {
                emitLine(l, 0);
                put({0x0A});
            }
            for (const PrintLine& l : valueLines) {
                emitLine(l, columns_ - lineColumns(l)); // value right-aligned under the key
                put({0x0A});
            }
        }
        put({0x1C, 0x2E});
    }

    void block(const QrBlock& b) {
        // Binary-mode capacity of a version 40 symbol at level L; longer data cannot be a QR code.
        if (b.data.empty() || b.data.size() > 2953) {
            issue("QR data length " + std::to_string(b.data.size()) + " is outside 1..2953; QR not printed");
            block(TextBlock{"[QR]", {b.align}});
            return;
        }
        setAlign(b.align);
        const auto size = static_cast<std::uint8_t>(std::clamp(b.moduleSize, 1, 16));
        put({0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00});
        put({0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, size});
        put({0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, static_cast<std::uint8_t>(b.level)});
        const std::size_t n = b.data.size() + 3;
        put({0x1D, 0x28, 0x6B, static_cast<std::uint8_t>(n & 0xFF), static_cast<std::uint8_t>(n >> 8), 0x31,
             0x50, 0x30});
        append(b.data);
        put({0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30});
    }

    void block(const Code128Block& b) {
        std::string data;
        for (char c : b.data) {
            if (c >= 0x20 && c < 0x7F) {
                data += c;
            } else {
                data += opt_.replacement;
                ++result_.replacedCharacters;
                issue("CODE128 byte 0x" + hexByte(static_cast<unsigned char>(c)) +
                      " is not in code set B; replaced");
            }
        }
        if (data.empty() || data.size() > 253) {
            issue("CODE128 data length " + std::to_string(data.size()) +
                  " is outside 1..253; barcode not printed");
            return;
        }
        setAlign(b.align);
        put({0x1D, 0x48, static_cast<std::uint8_t>(b.humanReadable ? 2 : 0)});
        put({0x1D, 0x68, static_cast<std::uint8_t>(std::clamp(b.heightDots, 1, 255))});
        put({0x1D, 0x77, static_cast<std::uint8_t>(std::clamp(b.moduleWidth, 2, 6))});
        put({0x1D, 0x6B, 0x49, static_cast<std::uint8_t>(data.size() + 2), '{', 'B'});
        append(data);
    }

    void block(const RasterImageBlock& b) {
        const int bytesPerRow = (b.widthDots + 7) / 8;
        if (b.widthDots <= 0 || b.heightDots <= 0 || b.widthDots > dots_ ||
            b.bits.size() != static_cast<std::size_t>(bytesPerRow) * static_cast<std::size_t>(b.heightDots)) {
            issue("raster image " + std::to_string(b.widthDots) + "x" + std::to_string(b.heightDots) +
                  " with " + std::to_string(b.bits.size()) + " bytes does not fit " + std::to_string(dots_) +
                  " dots or is inconsistent; not printed");
            return;
        }
        setAlign(b.align);
        const int band = std::clamp(opt_.rasterBandRows, 1, 960);
        for (int y = 0; y < b.heightDots; y += band) {
            const int rows = std::min(band, b.heightDots - y);
            put({0x1D, 0x76, 0x30, 0x00, static_cast<std::uint8_t>(bytesPerRow & 0xFF),
                 static_cast<std::uint8_t>(bytesPerRow >> 8), static_cast<std::uint8_t>(rows & 0xFF),
                 static_cast<std::uint8_t>(rows >> 8)});
            const auto first = b.bits.begin() + static_cast<std::ptrdiff_t>(y) * bytesPerRow;
            out_.insert(out_.end(), first, first + static_cast<std::ptrdiff_t>(rows) * bytesPerRow);
        }
    }

    void block(const FeedBlock& b) {
        put({0x1B, 0x64, static_cast<std::uint8_t>(std::clamp(b.lines, 0, 255))});
    }

    void block(const CutBlock& b) {
        if (b.feedLinesBefore > 0)
            put({0x1B, 0x64, static_cast<std::uint8_t>(std::clamp(b.feedLinesBefore, 0, 255))});
        put({0x1D, 0x56, static_cast<std::uint8_t>(b.partial ? 0x01 : 0x00)});
    }

    std::size_t blockIndex = 0;

private:
    static std::string hexByte(unsigned v) {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%02X", v);
        return buf;
    }

    void issue(std::string what) { result_.issues.push_back(EncodeIssue{blockIndex, std::move(what)}); }

    void replaced(std::vector<PrintChar>& chars, const std::string& why) {
        ++result_.replacedCharacters;
        issue(why + "; replaced by '" + opt_.replacement + "'");
        for (char c : opt_.replacement)
            chars.push_back(PrintChar{std::string(1, c), 1, false, true});
    }

    std::vector<PrintChar> toPrintChars(const std::string& text) {
        std::vector<PrintChar> chars;
        chars.reserve(text.size());
        std::size_t pos = 0;
        while (pos < text.size()) {
            const std::size_t at = pos;
            char32_t cp = 0;
            if (!text::nextCodePoint(text, pos, cp)) {
                replaced(chars, "invalid UTF-8 byte 0x" + hexByte(static_cast<unsigned char>(text[at])));
                continue;
            }
            if (cp == '\n') {
                chars.push_back(PrintChar{"\n", 0, false, false});
            } else if (cp == '\t' || cp == ' ' || cp == 0x3000) {
                chars.push_back(PrintChar{cp == 0x3000 ? std::string("\xA1\xA1") : " ", cp == 0x3000 ? 2 : 1,
                                          true, false});
            } else if (cp == '\r') {
                // CR LF from Windows-edited strings: the LF alone breaks the line
            } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
                replaced(chars, "control character " + hexCodepoint(cp) + " would be a printer command");
            } else {
                std::string bytes;
                if (!codec_.encode(cp, bytes)) {
                    replaced(chars, hexCodepoint(cp) + " has no GB18030 form");
                } else if (bytes.size() == 4 && !opt_.allowFourByteGb18030) {
                    replaced(chars, hexCodepoint(cp) + " needs 4-byte GB18030 (not in the printer font)");
                } else {
                    const bool single = bytes.size() == 1;
                    chars.push_back(PrintChar{std::move(bytes), single ? 1 : 2, false, single});
                }
            }
        }
        return chars;
    }

    void emitLine(const PrintLine& line, int leadingSpaces) {
        if (leadingSpaces > 0) append(std::string(static_cast<std::size_t>(leadingSpaces), ' '));
        for (const PrintChar& c : line)
            append(c.bytes);
    }

    void setAlign(Align a) {
        if (a == align_) return;
        align_ = a;
        put({0x1B, 0x61, static_cast<std::uint8_t>(a)});
    }
    void setBold(bool b) {
        if (b == bold_) return;
        bold_ = b;
        put({0x1B, 0x45, static_cast<std::uint8_t>(b ? 1 : 0)});
    }
    void setSize(int w, int h) {
        w = std::clamp(w, 1, 8);
        h = std::clamp(h, 1, 8);
        if (w == width_ && h == height_) return;
        width_ = w, height_ = h;
        put({0x1D, 0x21, static_cast<std::uint8_t>(((w - 1) << 4) | (h - 1))});
    }

    void put(std::initializer_list<std::uint8_t> bytes) {
        out_.insert(out_.end(), bytes.begin(), bytes.end());
    }
    void append(const std::string& s) { out_.insert(out_.end(), s.begin(), s.end()); }

    EncodeOptions opt_;
    std::vector<std::uint8_t>& out_;
    EncodeResult& result_;
    Gb18030Codec codec_;
    int columns_;
    int dots_;
    Align align_ = Align::Left;
    bool bold_ = false;
    int width_ = 1;
    int height_ = 1;
};

} // namespace

// ---- encodeReceipt ----
EncodeResult encodeReceipt(const Receipt& receipt, const EncodeOptions& options) {
    EncodeResult result;
    Encoder enc(options, result);
    enc.begin();
    for (const ReceiptBlock& b : receipt.blocks) {
        std::visit([&](const auto& blk) { enc.block(blk); }, b);
        ++enc.blockIndex;
    }
    if (receipt.blocks.empty() || !std::holds_alternative<CutBlock>(receipt.blocks.back()))
        enc.block(CutBlock{});
    return result;
}

} // namespace kiosk::printer
