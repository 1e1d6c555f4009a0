// ESC/POS parser: jobs split at cuts, commands split across feeds, GB18030 decoding, DLE EOT callbacks,
// unknown commands skipped with warnings, bounded memory, CODE128 layout.
#include "drivers/printer/Code128.h"
#include "drivers/printer/EscposEncoder.h"
#include "drivers/printer/EscposParser.h"

#include <doctest/doctest.h>

using namespace kiosk::printer;

namespace {
struct Collected {
    std::vector<EscposJob> jobs;
    std::vector<int> queries;
    EscposParser::Callbacks callbacks() {
        return {[this](int n) { queries.push_back(n); },
                [this](EscposJob&& j) { jobs.push_back(std::move(j)); }};
    }
};

std::u32string textOf(const EscposJob& job) {
    std::u32string s;
    for (const EscposOp& op : job.ops) {
        if (const auto* t = std::get_if<OpText>(&op))
            for (const EscposGlyph& g : t->glyphs)
                s += g.cp;
        if (std::holds_alternative<OpLineFeed>(op)) s += U'\n';
    }
    return s;
}
} // namespace

TEST_CASE("an encoded receipt parses back into its text, styles, QR and a cut, fed one byte at a time") {
    Receipt r;
    r.title("回执");
    r.text("编号 A1");
    r.blocks.push_back(QrBlock{"1234", 3, QrErrorLevel::L, Align::Left});
    const auto bytes = encodeReceipt(r).bytes;
    Collected c;
    EscposParser p(c.callbacks());
    for (std::uint8_t b : bytes)
        p.feed(&b, 1);
    p.finish();
    REQUIRE(c.jobs.size() == 1);
    const EscposJob& job = c.jobs[0];
    CHECK(job.endedByCut);
    CHECK(job.warnings.empty());
    CHECK(job.byteCount == bytes.size());
    CHECK(textOf(job) == U"回执\n编号 A1\n");
    bool sawSize = false, sawQr = false;
    for (const EscposOp& op : job.ops) {
        if (const auto* s = std::get_if<OpSize>(&op)) sawSize = sawSize || (s->width == 2 && s->height == 2);
        if (const auto* q = std::get_if<OpQr>(&op)) {
            sawQr = q->data == "1234" && q->moduleSize == 3 && q->level == 0x30;
        }
    }
    CHECK(sawSize);
    CHECK(sawQr);
}

TEST_CASE("DLE EOT queries are reported in order, also between jobs; two cuts make two jobs") {
    const std::uint8_t bytes[] = {0x10, 0x04, 0x01, 0x1B, 0x40, 'A',  0x0A, 0x1D, 0x56, 0x00, 0x10,
                                  0x04, 0x04, 0x1B, 0x40, 'B',  0x0A, 0x1D, 0x56, 0x42, 0x10};
    Collected c;
    EscposParser p(c.callbacks());
    p.feed(bytes, sizeof bytes);
    p.finish();
    CHECK(c.queries == std::vector<int>{1, 4});
    REQUIRE(c.jobs.size() == 2);
    CHECK(textOf(c.jobs[0]) == U"A\n");
    CHECK(textOf(c.jobs[1]) == U"B\n");
    CHECK(std::get<OpCut>(c.jobs[1].ops.back()).partial);
}

TEST_CASE("text after FS . is not decoded as GB18030; unknown commands are skipped with a warning") {
    const std::uint8_t bytes[] = {0x1B, 0x40, 0x1C, 0x2E, 0xD7, 0xD6, 0x1C, 0x26, 0xD7,
                                  0xD6, 0x1B, 0x7F, 'x',  0x0A, 0x1D, 0x56, 0x00};
    Collected c;
    EscposParser p(c.callbacks());
    p.feed(bytes, sizeof bytes);
    REQUIRE(c.jobs.size() == 1);
    CHECK(textOf(c.jobs[0]) == U"\uFFFD\uFFFD字x\n");
    REQUIRE(c.jobs[0].warnings.size() == 1);
    CHECK(c.jobs[0].warnings[0].find("ESC 0x7F") != std::string::npos);
}

TEST_CASE("a stream that ends without a cut still delivers its content, marked as not cut") {
    const std::uint8_t bytes[] = {0x1B, 0x40, 'h', 'i', 0x0A, 0x1D, 0x28, 0x6B, 0x10};
    Collected c;
    EscposParser p(c.callbacks());
    p.feed(bytes, sizeof bytes);
    CHECK(c.jobs.empty());
    p.finish();
    REQUIRE(c.jobs.size() == 1);
    CHECK_FALSE(c.jobs[0].endedByCut);
    CHECK(c.jobs[0].warnings.size() == 1); // the truncated GS ( k
}

TEST_CASE("an oversized raster is skipped as it arrives without being buffered") {
    EscposParserOptions opt;
    opt.maxRasterBytes = 1000;
    Collected c;
    EscposParser p(c.callbacks(), opt);
    const std::uint8_t head[] = {0x1B, 0x40, 0x1D, 0x76, 0x30, 0x00, 100, 0, 100, 0}; // 10000 bytes
    p.feed(head, sizeof head);
    std::vector<std::uint8_t> chunk(2500, 0xFF);
    for (int i = 0; i < 4; ++i)
        p.feed(chunk.data(), chunk.size());
    const std::uint8_t tail[] = {'o', 'k', 0x0A, 0x1D, 0x56, 0x00};
    p.feed(tail, sizeof tail);
    REQUIRE(c.jobs.size() == 1);
    CHECK(textOf(c.jobs[0]) == U"ok\n");
    CHECK(c.jobs[0].warnings.size() == 1);
    CHECK(c.jobs[0].byteCount == sizeof head + 10000 + sizeof tail);
}

TEST_CASE("CODE128 layout: every pattern is 11 modules (stop 13), check digit, code set switches") {
    for (int v = 0; v < 106; ++v) {
        int sum = 0;
        for (const char* p = code128Pattern(v); *p; ++p)
            sum += *p - '0';
        CHECK(sum == 11);
    }
    int stop = 0;
    for (const char* p = code128Pattern(106); *p; ++p)
        stop += *p - '0';
    CHECK(stop == 13);
    const Code128Symbol s = layoutCode128("{BAB");
    REQUIRE(s.valid);
    // values: 104, 33 ('A'), 34 ('B'); check = (104 + 33 + 68) % 103 = 102
    const std::string expect = std::string(code128Pattern(104)) + code128Pattern(33) + code128Pattern(34) +
                               code128Pattern(102) + code128Pattern(106);
    std::string got;
    for (int w : s.moduleWidths)
        got += static_cast<char>('0' + w);
    CHECK(got == expect);
    CHECK(s.humanReadable == "AB");
    const Code128Symbol c = layoutCode128(std::string("{C\x0c\x22", 4));
    REQUIRE(c.valid);
    CHECK(c.humanReadable == "1234");
    CHECK_FALSE(layoutCode128("AB").valid);
}
