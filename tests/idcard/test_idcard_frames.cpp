// Unit tests: GA 467 framing (golden frames from the reference), stream parser edge cases, SW3 decoding,
// simulator fault parsing.
#include "drivers/idcard/IdCardFrame.h"
#include "drivers/idcard/ReaderError.h"
#include "drivers/idcard/ReaderSession.h"
#include "drivers/idcard/ReaderSimulator.h"
#include "drivers/idcard/ReaderStatus.h"

#include <doctest/doctest.h>

#include <vector>

using namespace kiosk::idcard;
using Bytes = std::vector<std::uint8_t>;

namespace {

std::vector<ParsedItem> drain(FrameParser& p) {
    std::vector<ParsedItem> out;
    while (auto it = p.next())
        out.push_back(std::move(*it));
    return out;
}

Bytes cat(std::initializer_list<Bytes> parts) {
    Bytes out;
    for (const auto& p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

} // namespace

TEST_CASE("every command frame matches the reference's verified vectors") {
    CHECK(buildCommandFrame(cmd::kResetSam) ==
          Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x10, 0xFF, 0xEC});
    CHECK(buildCommandFrame(cmd::kSamStatus) ==
          Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x11, 0xFF, 0xED});
    CHECK(buildCommandFrame(cmd::kSamId) ==
          Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x12, 0xFF, 0xEE});
    CHECK(buildCommandFrame(cmd::kFindCard) ==
          Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x01, 0x22});
    CHECK(buildCommandFrame(cmd::kSelectCard) ==
          Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x02, 0x21});
    CHECK(buildCommandFrame(cmd::kReadText) ==
          Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x30, 0x01, 0x32});
    CHECK(buildCommandFrame(cmd::kReadAddress) ==
          Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x30, 0x03, 0x30});
    CHECK(buildCommandFrame(cmd::kReadFingerprint) ==
          Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x30, 0x10, 0x23});
    const std::uint8_t rf[] = {0x50};
    CHECK(buildCommandFrame(cmd::kSetMaxRfFrame, rf) ==
          Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x04, 0x61, 0xFF, 0x50, 0xCA});
    CHECK(cmd::setBaud(115200).para == 0x00);
    CHECK(cmd::setBaud(9600).para == 0x04);
    // Set baud 9600: Len 00 03, 60 04, CHK = 00^03^60^04 = 67
    CHECK(buildCommandFrame(cmd::setBaud(9600)) ==
          Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x60, 0x04, 0x67});
}

TEST_CASE("every response kind has the reference's shape and checksum") {
    CHECK(buildResponseFrame(0, 0, 0x90) ==
          Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x04, 0x00, 0x00, 0x90, 0x94});
    const std::uint8_t four[4] = {0, 0, 0, 0};
    const Bytes find = buildResponseFrame(0, 0, 0x9F, four);
    CHECK(find.size() == 15);
    CHECK(find[5] == 0x00);
    CHECK(find[6] == 0x08);
    CHECK(find.back() == 0x97);
    const std::uint8_t eight[8] = {};
    const Bytes select = buildResponseFrame(0, 0, 0x90, eight);
    CHECK(select[6] == 0x0C);
    CHECK(select.size() == 19);
    // 30 01: 2 + 2 length bytes, 256 text, 1024 photo -> 1295 bytes, Len 05 08.
    Bytes read(4 + 256 + 1024, 0);
    read[0] = 0x01, read[2] = 0x04;
    const Bytes r1 = buildResponseFrame(0, 0, 0x90, read);
    CHECK(r1.size() == 1295);
    CHECK(r1[5] == 0x05);
    CHECK(r1[6] == 0x08);
    // 30 10 without fingerprint: Len 05 0A (1297); with a 1024-byte fingerprint: Len 09 0A (2321).
    Bytes fp0(6 + 256 + 1024, 0), fp1(6 + 256 + 1024 + 1024, 0);
    CHECK(buildResponseFrame(0, 0, 0x90, fp0).size() == 1297);
    const Bytes r3 = buildResponseFrame(0, 0, 0x90, fp1);
    CHECK(r3.size() == 2321);
    CHECK(r3[5] == 0x09);
    CHECK(r3[6] == 0x0A);
    // SAM id: Len 00 14 with 16 data bytes.
    Bytes id(16, 0);
    CHECK(buildResponseFrame(0, 0, 0x90, id)[6] == 0x14);
    // Each response parses back with its SW and data.
    FrameParser p;
    p.feed(r1);
    auto items = drain(p);
    REQUIRE(items.size() == 1);
    REQUIRE(items[0].body);
    CHECK(items[0].body->size() == 3 + read.size());
    CHECK((*items[0].body)[2] == 0x90);
}

TEST_CASE("parser: a frame split across many reads, one byte at a time") {
    const Bytes f = buildResponseFrame(0, 0, 0x90, Bytes(300, 0x5A));
    FrameParser p;
    int frames = 0;
    for (std::size_t i = 0; i < f.size(); ++i) {
        const std::uint8_t b = f[i];
        p.feed(std::span<const std::uint8_t>(&b, 1));
        for (auto& it : drain(p)) {
            CHECK(it.body);
            ++frames;
            CHECK(i == f.size() - 1); // only complete at the last byte
        }
    }
    CHECK(frames == 1);
    CHECK(p.skippedBytes() == 0);
}

TEST_CASE("parser: garbage before a frame is skipped, including fake preamble starts") {
    const Bytes good = buildResponseFrame(0, 0, 0x90);
    const Bytes garbage{0x00, 0xAA, 0x13, 0xAA, 0xAA, 0x96, 0xAA, 0xAA, 0xAA, 0x96, 0x00};
    FrameParser p;
    p.feed(cat({garbage, good}));
    auto items = drain(p);
    REQUIRE(items.size() == 1);
    REQUIRE(items[0].body);
    CHECK(*items[0].body == Bytes{0x00, 0x00, 0x90});
    CHECK(p.skippedBytes() == garbage.size());
}

TEST_CASE("parser: a preamble prefix at the end of a feed is kept for the next feed") {
    const Bytes good = buildResponseFrame(0, 0, 0x9F, Bytes(4, 0));
    FrameParser p;
    p.feed(Bytes{0x11, 0x22, 0xAA, 0xAA});
    CHECK(drain(p).empty());
    p.feed(std::span(good).subspan(2));
    auto items = drain(p);
    REQUIRE(items.size() == 1);
    CHECK((*items[0].body)[2] == 0x9F);
}

TEST_CASE("parser: a bad checksum is reported and the next good frame still parses") {
    Bytes bad = buildResponseFrame(0, 0, 0x90, Bytes(10, 1));
    bad.back() ^= 0xFF;
    const Bytes good = buildResponseFrame(0, 0, 0x91);
    FrameParser p;
    p.feed(cat({bad, good}));
    auto items = drain(p);
    REQUIRE(items.size() == 2);
    CHECK(items[0].issue == FrameIssue::BadChecksum);
    REQUIRE(items[1].body);
    CHECK((*items[1].body)[2] == 0x91);
}

TEST_CASE("parser: an oversize or undersize length is rejected without buffering it") {
    const Bytes oversize{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0xFF, 0xFF, 0x00};
    const Bytes undersize{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x01, 0x00};
    const Bytes good = buildResponseFrame(0, 0, 0x90);
    FrameParser p;
    p.feed(cat({oversize, undersize, good}));
    auto items = drain(p);
    REQUIRE(items.size() == 3);
    CHECK(items[0].issue == FrameIssue::OversizeLength);
    CHECK(items[1].issue == FrameIssue::UndersizeLength);
    REQUIRE(items[2].body);
    // The largest legal frame (Len 0x090A) is accepted.
    FrameParser q;
    q.feed(buildResponseFrame(0, 0, 0x90, Bytes(0x090A - 4, 7)));
    auto big = drain(q);
    REQUIRE(big.size() == 1);
    CHECK(big[0].body);
}

TEST_CASE("parser: a truncated frame stays pending and is reported as mid-frame") {
    const Bytes f = buildResponseFrame(0, 0, 0x90, Bytes(100, 3));
    FrameParser p;
    p.feed(std::span(f).first(60));
    CHECK(drain(p).empty());
    CHECK(p.midFrame());
    p.reset();
    CHECK(!p.midFrame());
    CHECK(p.buffered() == 0);
}

TEST_CASE("parser: two frames in one read, and pure noise never grows the buffer") {
    FrameParser p;
    p.feed(cat({buildResponseFrame(0, 0, 0x90), buildResponseFrame(0, 0, 0x80)}));
    auto items = drain(p);
    REQUIRE(items.size() == 2);
    CHECK((*items[1].body)[2] == 0x80);
    Bytes noise(100000, 0x42);
    p.feed(noise);
    CHECK(drain(p).empty());
    CHECK(p.buffered() < kPreamble.size());
}

TEST_CASE("SW3 codes decode to names and Chinese / English messages") {
    const std::uint8_t all[] = {0x90, 0x91, 0x9F, 0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32,
                                0x33, 0x37, 0x3F, 0x40, 0x41, 0x47, 0x60, 0x66, 0x80, 0x81};
    for (std::uint8_t c : all) {
        CHECK_MESSAGE(sw3MessageZh(c) != sw3MessageZh(0x55), int(c)); // not the generic "unknown" text
        CHECK(!sw3MessageZh(c).empty());
        CHECK(sw3MessageEn(c).find("unknown status") == std::string::npos);
    }
    CHECK(sw3Name(0x41) == "read_card_failed");
    CHECK(sw3MessageZh(0x80) == "未放置证件");
    CHECK(sw3Name(0x55) == "unknown_55");
    CHECK(sw3MessageEn(0x55) == "unknown status 0x55");
    CHECK(describeStatus(StatusWord{0, 0, 0x60}) ==
          "SW 00 00 60 (sam_self_test_failed: SAM self-test failed)");
    const ReaderError e = makeStatusError(0, 0, 0x41, "read text + photo");
    CHECK(e.kind == ErrorKind::DeviceStatus);
    CHECK(e.sw3 == 0x41);
    CHECK(e.messageZh == "读取证件失败，请重新放置证件");
    CHECK(e.detail.find("read_card_failed") != std::string::npos);
    CHECK(StatusWord{0, 0, 0x9F}.isSuccess());
    CHECK(!StatusWord{0, 0, 0x80}.isSuccess());
}

TEST_CASE("SAM id formatting") {
    const std::uint8_t d[16] = {0x05, 0x00, 0x01, 0x00, 0x03, 0xB3, 0x34, 0x01,
                                0x87, 0xD6, 0x12, 0x00, 0xB1, 0x68, 0xDE, 0x3A};
    CHECK(formatSamId(d) == "05.01-20230915-001234567-987654321");
    CHECK(formatSamId(std::span(d).first(10)) == "");
}

TEST_CASE("simulator fault specs parse, and bad ones are refused with a reason") {
    std::string err;
    auto f = parseSimFault("sw3 41", err);
    REQUIRE(f);
    CHECK(f->kind == SimFaultKind::Sw3);
    CHECK(f->sw3 == 0x41);
    f = parseSimFault("sw3 60 sam x2", err);
    REQUIRE(f);
    CHECK(f->count == 2);
    CHECK(describeSimFault(*f) == "sw3 60 x2");
    for (const char* ok : {"none", "no-card", "checksum", "truncated", "silence", "noise", "checksum x1",
                           "sw3 81 select", "sw3 21 all", "sw3 41 3001"})
        CHECK_MESSAGE(parseSimFault(ok, err), ok);
    for (const char* bad : {"", "explode", "sw3", "sw3 zz", "sw3 41 nowhere", "checksum 4", "silence xq"})
        CHECK_MESSAGE(!parseSimFault(bad, err), bad);
}

TEST_CASE("parser: wipe() drops buffered bytes and the parser keeps working") {
    const Bytes f = buildResponseFrame(0, 0, 0x90, Bytes(50, 9));
    FrameParser p;
    p.feed(std::span(f).first(30));
    CHECK(p.buffered() == 30);
    p.wipe();
    CHECK(p.buffered() == 0);
    CHECK(!p.midFrame());
    p.feed(f);
    auto items = drain(p);
    REQUIRE(items.size() == 1);
    CHECK(items[0].body->size() == 53);
}
