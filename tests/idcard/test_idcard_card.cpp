// Unit tests: text-block parsing for every card type, the demo card set, JSON output, wiping.
#include "drivers/idcard/CardTextBlock.h"
#include "drivers/idcard/IdCard.h"
#include "drivers/idcard/SimCardSet.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace kiosk::idcard;
using Bytes = std::vector<std::uint8_t>;

namespace {

const SimCardSet& demo() {
    static const SimCardSet set = [] {
        std::string err;
        auto s = parseSimCardSet(demoCardSetJson(), err);
        REQUIRE_MESSAGE(s, err);
        return *s;
    }();
    return set;
}

IdCard demoCard(const char* handle) {
    const SimCard* c = demo().find(handle);
    REQUIRE(c);
    std::string err;
    auto card = parseTextBlock(c->text, &err);
    REQUIRE_MESSAGE(card, err);
    return *card;
}

void putChar(Bytes& b, std::size_t at, char16_t c) {
    b[at] = static_cast<std::uint8_t>(c & 0xFF);
    b[at + 1] = static_cast<std::uint8_t>(c >> 8);
}

} // namespace

TEST_CASE("the embedded demo card set is the file drivers/idcard/sim/demo-cards.json") {
    std::ifstream in(std::string(KIOSK_SOURCE_DIR) + "/drivers/idcard/sim/demo-cards.json", std::ios::binary);
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    CHECK(ss.str() == demoCardSetJson());
    CHECK(demo().names() == std::vector<std::string>{"wang-xiuying", "li-yan", "zhao-min", "chen-jiaming",
                                                     "john-smith", "maria-garcia", "bad-check"});
}

TEST_CASE("resident card: wang-xiuying, long-term validity") {
    const IdCard c = demoCard("wang-xiuying");
    CHECK(c.type == CardType::Resident);
    CHECK(c.name == "王秀英");
    CHECK(c.gender == "女");
    CHECK(c.genderCode == "2");
    CHECK(c.nation == "汉");
    CHECK(c.nationCode == "01");
    CHECK(c.birthDate == "1956-03-12");
    CHECK(c.address == "北京市朝阳区建国路88号院3号楼2单元501室");
    CHECK(c.idNumber == "110105195603121529");
    CHECK(c.idChecksumOk);
    CHECK(c.issuer == "北京市公安局朝阳分局");
    CHECK(c.validFrom == "2016-05-10");
    CHECK(c.validTo == "长期");
    CHECK(!c.textReplaced);
}

TEST_CASE("resident card: li-yan, a name outside GB2312, with an additional address") {
    const IdCard c = demoCard("li-yan");
    CHECK(c.name == "李䶮");
    CHECK(c.idNumber == "44030519821105003X");
    CHECK(c.idChecksumOk);
    CHECK(c.validTo == "2035-08-01");
    const SimCard* s = demo().find("li-yan");
    REQUIRE(s->additionalAddress);
    CHECK(s->additionalAddress->size() == 70);
}

TEST_CASE("resident card: zhao-min (回, expired) and bad-check (flagged, still parsed)") {
    const IdCard z = demoCard("zhao-min");
    CHECK(z.nation == "回");
    CHECK(z.validTo == "2020-03-01");
    CHECK(z.idChecksumOk);
    const IdCard b = demoCard("bad-check");
    CHECK(b.name == "张伟");
    CHECK(b.idNumber == "110108194506200028");
    CHECK(!b.idChecksumOk);
    CHECK(b.birthDate == "1945-06-20");
}

TEST_CASE("'J' HMT residence permit: pass number and issue count, no nation") {
    const IdCard c = demoCard("chen-jiaming");
    CHECK(c.type == CardType::HmtPermit);
    CHECK(c.name == "陈家明");
    CHECK(c.gender == "男");
    CHECK(c.nation.empty());
    CHECK(c.idNumber == "810000199408230021");
    CHECK(c.idChecksumOk);
    CHECK(c.passNumber == "H60123456");
    CHECK(c.issueCount == "01");
    CHECK(c.issuer == "深圳市公安局");
    CHECK(c.validFrom == "2023-09-01");
    CHECK(c.validTo == "2028-09-01");
}

TEST_CASE("'I' 2017 foreign permanent resident card") {
    const IdCard c = demoCard("john-smith");
    CHECK(c.type == CardType::Foreign2017);
    CHECK(c.nameEn == "SMITH JOHN");
    CHECK(c.name == "约翰·史密斯");
    CHECK(c.gender == "男");
    CHECK(c.idNumber == "USA310087065001");
    CHECK(c.nationality == "USA");
    CHECK(c.birthDate == "1978-05-06");
    CHECK(c.validFrom == "2017-06-15");
    CHECK(c.validTo == "2027-06-15");
    CHECK(c.cardVersion == "01");
    CHECK(c.authorityCode == "1500");
    CHECK(!c.hasIdChecksum());
}

TEST_CASE("'Y' 2023 foreign permanent resident card") {
    const IdCard c = demoCard("maria-garcia");
    CHECK(c.type == CardType::Foreign2023);
    CHECK(c.name == "玛丽亚");
    CHECK(c.nameEn == "GARCIA MARIA");
    CHECK(c.gender == "女");
    CHECK(c.issueCount == "00");
    CHECK(c.birthDate == "1985-01-01");
    CHECK(c.idNumber == "932682198501010017");
    CHECK(c.idChecksumOk);
    CHECK(c.validFrom == "2023-12-01");
    CHECK(c.validTo == "2033-12-01");
    CHECK(c.nationality == "ESP");
}

TEST_CASE("'Y' English names longer than 35 characters continue at byte 220") {
    CardTextFields f;
    f.type = CardType::Foreign2023;
    f.name = "测试";
    f.nameEn = "ABCDEFGHIJKLMNOPQRSTUVWXYZ ABCDEFGHIJKLMNOPQRS"; // 46 characters
    f.idNumber = "932682198501010017";
    f.nationality = "ESP";
    auto block = encodeTextBlock(f);
    REQUIRE(block);
    CHECK((*block)[52 + 34 * 2] == 'H'); // character 35
    CHECK((*block)[220] == 'I');         // character 36
    auto c = parseTextBlock(*block);
    REQUIRE(c);
    CHECK(c->nameEn == f.nameEn);
    CHECK(c->nationality == "ESP");
    f.nameEn += "X";
    std::string err;
    CHECK(!encodeTextBlock(f, &err));
    CHECK(err.find("name_en") != std::string::npos);
}

TEST_CASE("parsing refuses an unknown card type or a short block, and flags invalid UCS-2") {
    Bytes b = demo().find("wang-xiuying")->text;
    putChar(b, 248, u'Q');
    std::string err;
    CHECK(!parseTextBlock(b, &err));
    CHECK(err.find("U+0051") != std::string::npos);
    CHECK(!parseTextBlock(std::span<const std::uint8_t>(b).first(200), &err));
    CHECK(err.find("200") != std::string::npos);
    b = demo().find("wang-xiuying")->text;
    putChar(b, 2, char16_t(0xDC00)); // second character of the name: a lone low surrogate
    auto c = parseTextBlock(b);
    REQUIRE(c);
    CHECK(c->textReplaced);
    CHECK(c->name == "王\xEF\xBF\xBD英");
}

TEST_CASE("card set errors name the card and the field") {
    std::string err;
    CHECK(!parseSimCardSet("{\"cards\": [{\"card\": \"x\", \"name\": \"一二三四五六七八九十一二三四五六\"}]}",
                           err));
    CHECK(err.find("card 'x'") != std::string::npos);
    CHECK(err.find("'name'") != std::string::npos);
    CHECK(!parseSimCardSet("{\"cards\": [{\"card\": \"x\", \"card_type\": \"passport\"}]}", err));
    CHECK(err.find("passport") != std::string::npos);
    CHECK(!parseSimCardSet("{\"cards\": [{\"card\": \"x\"}, {\"card\": \"x\"}]}", err));
    CHECK(err.find("duplicate") != std::string::npos);
    CHECK(!parseSimCardSet("not json", err));
    CHECK(!parseSimCardSet("{\"cards\": [{\"card\": \"x\", \"nation\": \"火星\"}]}", err));
    auto ok = parseSimCardSet(
        "{\"cards\": [{\"card\": \"y\", \"name\": \"测试\", \"gender\": \"女\", \"nation\": \"回族\","
        " \"text_block_hex\": null}]}",
        err);
    REQUIRE_MESSAGE(ok, err);
    auto c = parseTextBlock(ok->cards[0].text);
    REQUIRE(c);
    CHECK(c->genderCode == "2");
    CHECK(c->nationCode == "03");
}

TEST_CASE("JSON: issue keys per card type, masked by default, absent keys where a type has none") {
    IdCard w = demoCard("wang-xiuying");
    w.samId = "05.01-20230915-001234567-987654321";
    auto j = nlohmann::json::parse(cardToJson(w, false));
    CHECK(j["card_type"] == "resident");
    CHECK(j["id_number"] == "110105********1529");
    CHECK(j["id_checksum_ok"] == true);
    CHECK(j["valid_to"] == "长期");
    CHECK(j["nation"] == "汉");
    CHECK(j["sam_id"] == "05.01-20230915-001234567-987654321");
    for (const char* absent : {"name_en", "pass_number", "issue_count", "nationality", "photo"})
        CHECK_MESSAGE(!j.contains(absent), absent);
    CHECK(nlohmann::json::parse(cardToJson(w, true))["id_number"] == "110105195603121529");

    auto jj = nlohmann::json::parse(cardToJson(demoCard("chen-jiaming"), false));
    CHECK(jj["card_type"] == "hmt_permit");
    CHECK(jj["pass_number"] == "H60123456");
    CHECK(jj["issue_count"] == "01");
    CHECK(!jj.contains("nation"));
    CHECK(!jj.contains("nationality"));

    auto ji = nlohmann::json::parse(cardToJson(demoCard("john-smith"), false));
    CHECK(ji["card_type"] == "foreign_2017");
    CHECK(ji["name_en"] == "SMITH JOHN");
    CHECK(ji["nationality"] == "USA");
    CHECK(ji["id_number"] == "USA310*****5001");
    CHECK(!ji.contains("id_checksum_ok"));
    CHECK(!ji.contains("address"));
    CHECK(!ji.contains("issuer"));

    auto jy = nlohmann::json::parse(cardToJson(demoCard("maria-garcia"), false));
    CHECK(jy["card_type"] == "foreign_2023");
    CHECK(jy["name_en"] == "GARCIA MARIA");
    CHECK(jy["nationality"] == "ESP");
    CHECK(jy["id_checksum_ok"] == true);
    CHECK(jy["birth_date"] == "1985-01-01");

    auto jb = nlohmann::json::parse(cardToJson(demoCard("bad-check"), false));
    CHECK(jb["id_checksum_ok"] == false);
}

TEST_CASE("wipe() zeroes every string buffer and the photo, then empties them") {
    IdCard c = demoCard("li-yan");
    c.photo.assign(1024, 0xAB);
    c.photoRgb.assign(102 * 126 * 3, 0xCD);
    c.additionalAddress = "广东省深圳市南山区科技园路8号";
    const char* idBuf = c.idNumber.data();
    const std::size_t idCap = c.idNumber.capacity();
    const char* addrBuf = c.address.data();
    const std::size_t addrCap = c.address.capacity();
    const std::uint8_t* photoBuf = c.photo.data();
    c.wipe();
    CHECK(c.idNumber.empty());
    CHECK(c.name.empty());
    CHECK(c.address.empty());
    CHECK(c.photo.empty());
    CHECK(c.photoRgb.empty());
    CHECK(!c.idChecksumOk);
    // The buffers are still owned by the (now empty) members: their old contents must be gone.
    REQUIRE(c.idNumber.data() == idBuf);
    REQUIRE(c.address.data() == addrBuf);
    REQUIRE(c.photo.data() == photoBuf);
    for (std::size_t i = 0; i < idCap; ++i)
        CHECK(idBuf[i] == 0);
    for (std::size_t i = 0; i < addrCap; ++i)
        CHECK(addrBuf[i] == 0);
    bool photoZero = true;
    for (std::size_t i = 0; i < 1024; ++i)
        photoZero = photoZero && photoBuf[i] == 0;
    CHECK(photoZero);
}
