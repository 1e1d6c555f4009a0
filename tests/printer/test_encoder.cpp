// Encoder: golden bytes from the reference, styles, wrapping by columns, visible replacement + report.
#include "drivers/printer/EscposEncoder.h"
#include "drivers/printer/TextWrap.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace kiosk::printer;
using Bytes = std::vector<std::uint8_t>;

namespace {
Bytes cat(std::initializer_list<Bytes> parts) {
    Bytes out;
    for (const Bytes& p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}
const Bytes kInit{0x1B, 0x40};
const Bytes kCut{0x1B, 0x64, 0x03, 0x1D, 0x56, 0x00};

bool contains(const Bytes& hay, const Bytes& needle) {
    return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}
std::size_t count(const Bytes& hay, std::uint8_t b) {
    return static_cast<std::size_t>(std::count(hay.begin(), hay.end(), b));
}
} // namespace

TEST_CASE("golden: QR code \"1234\", model 2, module size 3, level L (reference vector)") {
    Receipt r;
    r.blocks.push_back(QrBlock{"1234", 3, QrErrorLevel::L, Align::Left});
    const EncodeResult res = encodeReceipt(r);
    const Bytes qr{0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00, 0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31,
                   0x43, 0x03, 0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x30, 0x1D, 0x28, 0x6B, 0x07, 0x00,
                   0x31, 0x50, 0x30, 0x31, 0x32, 0x33, 0x34, 0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30};
    CHECK(res.bytes == cat({kInit, qr, kCut}));
    CHECK(res.clean());
}

TEST_CASE("golden: GB18030 text inside FS & ... FS . (reference vector)") {
    Receipt r;
    r.text("示例文本打印机!");
    const EncodeResult res = encodeReceipt(r);
    const Bytes text{0x1C, 0x26, 0xCA, 0xBE, 0xC0, 0xFD, 0xCE, 0xC4, 0xB1, 0xBE,
                     0xB4, 0xF2, 0xD3, 0xA1, 0xBB, 0xFA, 0x21, 0x0A, 0x1C, 0x2E};
    CHECK(res.bytes == cat({kInit, text, kCut}));
    CHECK(res.clean());
}

TEST_CASE("every document starts with ESC @ and ends with a cut, even when empty") {
    const EncodeResult res = encodeReceipt(Receipt{});
    CHECK(res.bytes == cat({kInit, kCut}));
    Receipt partial;
    partial.text("A").cut(true);
    const Bytes b = encodeReceipt(partial).bytes;
    CHECK(Bytes(b.end() - 6, b.end()) == Bytes{0x1B, 0x64, 0x03, 0x1D, 0x56, 0x01});
}

TEST_CASE("styles are emitted only when they change") {
    Receipt r;
    r.title("投诉回执").text("a").text("b");
    const Bytes b = encodeReceipt(r).bytes;
    // title: centre, bold, double width+height
    CHECK(contains(b, {0x1B, 0x61, 0x01, 0x1B, 0x45, 0x01, 0x1D, 0x21, 0x11, 0x1C, 0x26}));
    // back to defaults for "a", and nothing re-emitted before "b"
    CHECK(contains(b, {0x1B, 0x61, 0x00, 0x1B, 0x45, 0x00, 0x1D, 0x21, 0x00, 0x1C, 0x26, 'a', 0x0A, 0x1C,
                       0x2E, 0x1C, 0x26, 'b'}));
}

TEST_CASE("wrapping: a Chinese character takes two of the 48 (80 mm) or 32 (58 mm) columns") {
    std::string thirty;
    for (int i = 0; i < 30; ++i)
        thirty += "字"; // 字 = D7 D6
    Receipt r;
    r.text(thirty);
    const Bytes b80 = encodeReceipt(r, {.paperWidthMm = 80}).bytes;
    // 24 characters, LF, 6 characters, LF
    const auto firstLf = std::find(b80.begin() + 4, b80.end(), 0x0A);
    CHECK(firstLf - (b80.begin() + 4) == 48);
    CHECK(count(b80, 0x0A) == 2);
    const Bytes b58 = encodeReceipt(r, {.paperWidthMm = 58}).bytes;
    CHECK(count(b58, 0x0A) == 2);
    CHECK(std::find(b58.begin() + 4, b58.end(), 0x0A) - (b58.begin() + 4) == 32);

    Receipt wide;
    wide.text(thirty, TextStyle{Align::Left, false, 2, 1});
    const Bytes bw = encodeReceipt(wide).bytes; // 24 columns at double width -> 12 characters a line
    CHECK(count(bw, 0x0A) == 3);
    CHECK(columnsForPaper(80) == 48);
    CHECK(columnsForPaper(58) == 32);
}

TEST_CASE("wrapping keeps ASCII words whole and drops the space at the break") {
    std::vector<PrintChar> chars;
    for (char c : std::string("abc defgh ij"))
        chars.push_back(PrintChar{std::string(1, c), 1, c == ' ', c != ' '});
    const auto lines = wrapPrintChars(chars, 8);
    REQUIRE(lines.size() == 2);
    CHECK(lineColumns(lines[0]) == 3); // "abc" (defgh does not fit after it)
    CHECK(lineColumns(lines[1]) == 8); // "defgh ij"
    std::vector<PrintChar> longWord;
    for (int i = 0; i < 10; ++i)
        longWord.push_back(PrintChar{"x", 1, false, true});
    const auto split = wrapPrintChars(longWord, 4);
    CHECK(split.size() == 3);
}

TEST_CASE("key-value row: value right-aligned on the same line, or under the key when too long") {
    Receipt r;
    r.row("受理编号", "TS2026");
    const Bytes b = encodeReceipt(r).bytes;
    Bytes expect{0x1C, 0x26, 0xCA, 0xDC, 0xC0, 0xED, 0xB1, 0xE0, 0xBA, 0xC5};
    expect.insert(expect.end(), 48 - 8 - 6, ' ');
    for (char c : std::string("TS2026"))
        expect.push_back(static_cast<std::uint8_t>(c));
    expect.push_back(0x0A);
    expect.push_back(0x1C);
    expect.push_back(0x2E);
    CHECK(contains(b, expect));

    Receipt longRow;
    longRow.row("办理地点", std::string(44, 'x'));
    const Bytes bl = encodeReceipt(longRow).bytes;
    CHECK(count(bl, 0x0A) == 2);
    Bytes padded(4, ' ');
    padded.insert(padded.end(), 44, 'x');
    CHECK(contains(bl, padded));
}

TEST_CASE("unprintable text is replaced visibly and reported, never dropped") {
    Receipt r;
    r.text("ok\x1B@ok"); // ESC would inject a printer reset
    r.text("笑😀");       // emoji needs 4-byte GB18030
    r.text(std::string("a\xFF"
                       "b")); // invalid UTF-8
    const EncodeResult res = encodeReceipt(r);
    CHECK_FALSE(res.clean());
    CHECK(res.replacedCharacters == 3);
    REQUIRE(res.issues.size() == 3);
    CHECK(res.issues[0].blockIndex == 0);
    CHECK(res.issues[0].what.find("U+001B") != std::string::npos);
    CHECK(res.issues[1].blockIndex == 1);
    CHECK(res.issues[1].what.find("U+1F600") != std::string::npos);
    CHECK(res.issues[2].what.find("0xFF") != std::string::npos);
    CHECK(contains(res.bytes, {'o', 'k', '?', '@', 'o', 'k'}));
    CHECK(contains(res.bytes, {0xD0, 0xA6, '?'})); // 笑 then the mark
    CHECK(contains(res.bytes, {'a', '?', 'b'}));
    CHECK(count(res.bytes, 0x1B) == 2); // ESC @ at the start and ESC d of the cut only

    EncodeOptions four;
    four.allowFourByteGb18030 = true;
    Receipt emoji;
    emoji.text("😀");
    const EncodeResult r4 = encodeReceipt(emoji, four);
    CHECK(r4.clean());
    CHECK(contains(r4.bytes, {0x94, 0x39, 0xFC, 0x36})); // GB18030 of U+1F600 (0x90308130 + 0xF600 linear)
}

TEST_CASE("CODE128, raster bands, separator and feed bytes") {
    Receipt r;
    r.blocks.push_back(Code128Block{"TS-42", 60, 2, true, Align::Center});
    const Bytes b = encodeReceipt(r).bytes;
    CHECK(contains(b, {0x1B, 0x61, 0x01, 0x1D, 0x48, 0x02, 0x1D, 0x68, 60,  0x1D, 0x77, 0x02,
                       0x1D, 0x6B, 0x49, 7,    '{',  'B',  'T',  'S',  '-', '4',  '2'}));

    RasterImageBlock img;
    img.widthDots = 16;
    img.heightDots = 5;
    img.bits.assign(10, 0xFF);
    img.align = Align::Left;
    Receipt ri;
    ri.blocks.push_back(img);
    EncodeOptions bands;
    bands.rasterBandRows = 2;
    const Bytes br = encodeReceipt(ri, bands).bytes;
    CHECK(contains(br, {0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, 0x02, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x1D, 0x76}));
    CHECK(contains(br, {0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, 0x01, 0x00, 0xFF, 0xFF, 0x1B, 0x64}));

    RasterImageBlock tooWide;
    tooWide.widthDots = 600;
    tooWide.heightDots = 1;
    tooWide.bits.assign(75, 0);
    Receipt rw;
    rw.blocks.push_back(tooWide);
    const EncodeResult res = encodeReceipt(rw);
    CHECK(res.issues.size() == 1);
    CHECK_FALSE(contains(res.bytes, {0x1D, 0x76}));

    Receipt sf;
    sf.separator('=').feed(2);
    const Bytes bs = encodeReceipt(sf, {.paperWidthMm = 58}).bytes;
    Bytes line(32, '=');
    line.push_back(0x0A);
    line.push_back(0x1B);
    line.push_back(0x64);
    line.push_back(0x02);
    CHECK(contains(bs, line));
}
