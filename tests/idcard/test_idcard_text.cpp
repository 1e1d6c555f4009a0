// Unit tests: UCS-2LE text, GB 11643 check digit, masking, code tables.
#include "drivers/idcard/CodeTables.h"
#include "drivers/idcard/Ucs2Text.h"
#include "text/IdNumber.h"

#include <doctest/doctest.h>

#include <vector>

using namespace kiosk::idcard;
using kiosk::text::gb11643CheckChar;
using kiosk::text::gb11643Valid;
using kiosk::text::idNumberForm;
using kiosk::text::IdNumberForm;
using Bytes = std::vector<std::uint8_t>;

TEST_CASE("UCS-2LE decodes BMP text exactly, including CJK Extension A (not in GB2312)") {
    // 李 U+674E, 䶮 U+4DAE, then padding spaces.
    const Bytes b{0x4E, 0x67, 0xAE, 0x4D, 0x20, 0x00, 0x20, 0x00};
    const DecodedText t = decodeUcs2le(b);
    CHECK(t.utf8 == "李䶮");
    CHECK(!t.replaced);
    const Bytes ascii{'H', 0, '6', 0, '0', 0, 0, 0, 0x20, 0};
    CHECK(decodeUcs2le(ascii).utf8 == "H60");
}

TEST_CASE("UCS-2LE: lone surrogates and control characters become U+FFFD and are flagged") {
    const Bytes lone{0x4E, 0x67, 0x00, 0xD8, 0x4E, 0x67}; // 李 <D800> 李
    const DecodedText t = decodeUcs2le(lone);
    CHECK(t.utf8 == "李\xEF\xBF\xBD李");
    CHECK(t.replaced);
    const Bytes loneLow{0x00, 0xDC};
    CHECK(decodeUcs2le(loneLow).utf8 == "\xEF\xBF\xBD");
    const Bytes ctrl{0x1B, 0x00, 'A', 0x00};
    CHECK(decodeUcs2le(ctrl).utf8 == "\xEF\xBF\xBD"
                                     "A");
    const Bytes odd{'A', 0x00, 'B'};
    const DecodedText o = decodeUcs2le(odd);
    CHECK(o.utf8 == "A");
    CHECK(o.replaced);
    // A proper surrogate pair (UTF-16) is combined: U+20000 = D840 DC00.
    const Bytes pair{0x40, 0xD8, 0x00, 0xDC};
    const DecodedText p = decodeUcs2le(pair);
    CHECK(p.utf8 == "\xF0\xA0\x80\x80");
    CHECK(!p.replaced);
}

TEST_CASE("UCS-2LE encoding pads with spaces and refuses what does not fit") {
    auto e = encodeUcs2leField("李䶮", 30);
    REQUIRE(e);
    CHECK(e->size() == 30);
    CHECK((*e)[2] == 0xAE);
    CHECK((*e)[3] == 0x4D);
    CHECK((*e)[4] == 0x20);
    CHECK(decodeUcs2le(*e).utf8 == "李䶮");
    CHECK(!encodeUcs2leField("\xF0\xA0\x80\x80", 30)); // outside the BMP
    CHECK(!encodeUcs2leField("123456789012345678X", 36));
    CHECK(encodeUcs2leField("12345678901234567X", 36));
    CHECK(!encodeUcs2leField("\xC3", 30)); // broken UTF-8
}

TEST_CASE("GB 11643 check digit: reference samples and the demo cards") {
    for (const char* ok :
         {"11010519491231002X", "810000199408230021", "830000199201300022", "932682198501010017",
          "110105195603121529", "44030519821105003X", "320102199007186017"})
        CHECK_MESSAGE(gb11643Valid(ok), ok);
    CHECK(gb11643Valid("11010519491231002x"));
    CHECK(!gb11643Valid("110108194506200028")); // the demo's bad-check card
    CHECK(!gb11643Valid("11010519491231002"));
    CHECK(!gb11643Valid("1101051949123100AX"));
    CHECK(gb11643CheckChar("11010519491231002") == 'X');
    CHECK(!gb11643CheckChar("1101051949123100"));
}

TEST_CASE("idNumberForm: the shapes the case query accepts (issue 8.5)") {
    for (const char* id :
         {"110105195603121529", "44030519821105003X", "11010519491231002x", "810000199408230021",
          "932682198501010017", "110108194506200028" /* bad check digit: still a number */})
        CHECK_MESSAGE(idNumberForm(id) == IdNumberForm::Gb11643, id);
    CHECK(idNumberForm("USA310087065001") == IdNumberForm::Foreign2017);
    CHECK(idNumberForm("CAN123456789012") == IdNumberForm::Foreign2017);
    for (const char* id : {"", "usa310087065001", "US1310087065001", "USA31008706500", "USA3100870650012",
                           "USA31008706500X", "11010519560312152", "1101051956031215291",
                           "11010519560312X529", "H60123456", "11010519560312152 ", "ＵＳＡ310087065001"})
        CHECK_MESSAGE(idNumberForm(id) == IdNumberForm::Invalid, id);
}

TEST_CASE("gender and nation tables") {
    CHECK(genderName("1") == "男");
    CHECK(genderName("2") == "女");
    CHECK(genderName("0") == "未知");
    CHECK(genderName("9") == "未说明");
    CHECK(!genderName("3"));
    CHECK(nationName("01") == "汉");
    CHECK(nationName("03") == "回");
    CHECK(nationName("29") == "柯尔克孜");
    CHECK(nationName("56") == "基诺");
    CHECK(nationName("97") == "其他");
    CHECK(nationName("98") == "外国血统中国籍人士");
    CHECK(!nationName("57"));
    CHECK(!nationName("00"));
    CHECK(!nationName("1"));
    int known = 0;
    for (int i = 0; i < 100; ++i) {
        const char code[3] = {static_cast<char>('0' + i / 10), static_cast<char>('0' + i % 10), 0};
        if (nationName(code)) ++known;
    }
    CHECK(known == 58);
}
