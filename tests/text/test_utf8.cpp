// The one UTF-8 codec: what it accepts, what it refuses, and how a caller carries on past bad bytes.
#include "text/Utf8.h"

#include <doctest/doctest.h>

using namespace kiosk::text;

TEST_CASE("valid text decodes to its code points: ASCII, CJK, extension B, emoji") {
    const std::string s = "A王\u4DAE\U00020000\U0001F600";
    auto cps = decodeUtf8(s);
    REQUIRE(cps);
    CHECK(*cps == std::u32string{U'A', U'王', U'\u4DAE', U'\U00020000', U'\U0001F600'});
    CHECK(isValidUtf8(s));
    CHECK(countCodePoints(s) == 5);
    std::string back;
    for (char32_t c : *cps)
        appendCodePoint(back, c);
    CHECK(back == s);
}

TEST_CASE("invalid input is refused: overlong, surrogate, above U+10FFFF, truncated, stray continuation") {
    for (const char* bad : {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE4\xB8",
                            "\x80", "\xFF", "a\xF0\x9F\x98"}) {
        CAPTURE(std::string_view(bad));
        CHECK_FALSE(isValidUtf8(bad));
        CHECK_FALSE(decodeUtf8(bad));
    }
}

TEST_CASE("a bad byte is skipped one byte at a time, so the text after it survives") {
    const std::string s = "王\xFF\xE4\xB8李"; // a stray byte, then a truncated 3-byte sequence
    std::size_t pos = 0;
    char32_t cp = 0;
    std::u32string good;
    int bad = 0;
    while (pos < s.size()) {
        if (nextCodePoint(s, pos, cp))
            good.push_back(cp);
        else
            ++bad;
    }
    CHECK(good == U"王李");
    CHECK(bad == 3);
    CHECK(countCodePoints(s) == 5);
}

TEST_CASE("encoding a value that is not a scalar value gives U+FFFD, never invalid bytes") {
    std::string out;
    appendCodePoint(out, 0xD800);
    appendCodePoint(out, 0x110000);
    CHECK(out == "\uFFFD\uFFFD");
    CHECK(isValidUtf8(out));
}

TEST_CASE("empty text") {
    CHECK(isValidUtf8(""));
    CHECK(decodeUtf8("")->empty());
    CHECK(countCodePoints("") == 0);
}

TEST_CASE("written characters leave out blanks, ideographic space included; a bad byte is not written") {
    CHECK(countVisible("") == 0);
    CHECK(countVisible(" \t\r\n\u3000") == 0);
    CHECK(countVisible("材料 交齐\u3000两周") == 6);
    CHECK(countVisible("ab\xff") == 2);
    CHECK(countVisible("😀") == 1);
}
