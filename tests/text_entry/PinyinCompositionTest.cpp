// Composing pinyin (kiosk/PinyinComposition) and ranking its candidates (kiosk/PinyinRanking),
// with an engine made of a few facts so every rule is visible in the test.
#include "kiosk/PinyinComposition.h"
#include "kiosk/HallVocabulary.h"
#include "kiosk/PinyinRanking.h"
#include "text/Utf8.h"

#include <doctest/doctest.h>

#include <map>

using namespace kiosk;

TEST_CASE("a phrase for part of the letters continues with the rest") {
    PinyinComposition c;
    for (char ch : std::string("tuiweichepi"))
        CHECK(c.addLetter(ch));
    CHECK(c.remaining() == "tuiweichepi");
    CHECK_FALSE(c.choose({"推诿", 6, false}).has_value());
    CHECK(c.remaining() == "chepi");
    CHECK(c.display() == "推诿chepi");
    const auto whole = c.choose({"扯皮", 5, false});
    REQUIRE(whole.has_value());
    CHECK(*whole == "推诿扯皮");
    CHECK_FALSE(c.active());
}

TEST_CASE("backspace removes a letter; a phrase that stood for it is un-picked") {
    PinyinComposition c;
    for (char ch : std::string("banshi"))
        c.addLetter(ch);
    c.choose({"办", 3, false});
    CHECK(c.display() == "办shi");
    c.removeLetter(); // "bansh": 办 still stands for "ban"
    CHECK(c.display() == "办sh");
    c.removeLetter();
    c.removeLetter(); // "ban": 办 stands for all; still picked
    CHECK(c.display() == "办");
    c.removeLetter(); // "ba": 办 no longer fits
    CHECK(c.display() == "ba");
    CHECK(c.remaining() == "ba");
}

TEST_CASE("the composition takes a-z only and at most kMaxLetters") {
    PinyinComposition c;
    CHECK_FALSE(c.addLetter('A'));
    CHECK_FALSE(c.addLetter('1'));
    for (std::size_t i = 0; i < PinyinComposition::kMaxLetters; ++i)
        CHECK(c.addLetter('a'));
    CHECK_FALSE(c.addLetter('a'));
    CHECK(c.takeRaw().size() == PinyinComposition::kMaxLetters);
    CHECK_FALSE(c.active());
}

namespace {
// The characters each syllable stands for, as a tiny engine would say.
struct Syllables {
    std::map<std::string, std::u32string, std::less<>> table = {
        {"chi", U"吃持池"}, {"na", U"那拿哪"},  {"ka", U"卡咖"}, {"yao", U"要药"},
        {"gong", U"工公"},  {"shang", U"商上"}, {"ju", U"局居"}};
    std::u32string none;
    const std::u32string& operator()(std::string_view s) const {
        auto it = table.find(s);
        return it == table.end() ? none : it->second;
    }
};
std::vector<std::u32string> phrases(std::initializer_list<const char*> list) {
    std::vector<std::u32string> out;
    for (const char* p : list)
        out.push_back(*text::decodeUtf8(p));
    return out;
}
} // namespace

TEST_CASE("the hall's phrase comes first, ahead of the engine's guess") {
    Syllables syl;
    PinyinSearch engine;
    engine.candidates = {"吃那卡要", "吃", "持"};
    engine.syllableEnds = {3, 5, 7, 10};
    const auto ranked =
        rankCandidates("chinakayao", engine, phrases({"吃拿卡要", "推诿扯皮"}), std::cref(syl));
    REQUIRE(ranked.size() == 4);
    CHECK(ranked[0].text == "吃拿卡要");
    CHECK(ranked[0].domain);
    CHECK(ranked[0].letters == 10);
    CHECK(ranked[1].text == "吃那卡要");
    CHECK(ranked[2].text == "吃");
    CHECK(ranked[2].letters == 3); // one character: the first syllable
}

TEST_CASE("a phrase the letters begin is offered after the engine's guess, a duplicate once") {
    Syllables syl;
    PinyinSearch engine;
    engine.candidates = {"工商", "工", "公"};
    engine.syllableEnds = {4, 9};
    const auto ranked = rankCandidates("gongshang", engine, phrases({"工商局", "公上"}), std::cref(syl));
    REQUIRE(ranked.size() >= 3);
    CHECK(ranked[0].text == "公上"); // a whole match
    CHECK(ranked[1].text == "工商");
    CHECK(ranked[2].text == "工商局"); // begun by the letters: the whole phrase for them
    CHECK(ranked[2].letters == 9);
    // One syllable typed: no phrase is guessed from it.
    PinyinSearch one;
    one.candidates = {"工", "公"};
    one.syllableEnds = {4};
    for (const auto& c : rankCandidates("gong", one, phrases({"工商局"}), std::cref(syl)))
        CHECK(c.text != "工商局");
}

TEST_CASE("the vocabulary comes from the catalog and the roster, checked") {
    const auto catalog = nlohmann::json::parse(R"({
        "complaint_categories": [{"id": "chinakayao", "name": "吃拿卡要"}, {"id": "x", "name": 7}],
        "departments": [{"id": "gs", "name": "区市场监督管理局"}, {"name": "A部门"}],
        "service_items": [{"name": "个体工商户设立登记"}, {"name": "吃拿卡要"}],
        "rating_reason_tags": {"positive": ["一次办成"], "negative": [3, "多次跑腿"]}})");
    const auto words = vocabularyFromCatalog(catalog);
    CHECK(words == std::vector<std::string>{"一次办成", "个体工商户设立登记", "区市场监督管理局", "吃拿卡要",
                                            "多次跑腿"});
    const auto roster = nlohmann::json::parse(R"({"counters": [{"function": "医保服务"}],
        "staff": [{"name": "刘晓燕"}, {"name": "王"}, {"name": "Anna李"}]})");
    CHECK(vocabularyFromRoster(roster) == std::vector<std::string>{"刘晓燕", "医保服务"});
    CHECK(vocabularyFromCatalog(nlohmann::json::array()).empty());
    CHECK(vocabularyFromRoster(nullptr).empty());
}
