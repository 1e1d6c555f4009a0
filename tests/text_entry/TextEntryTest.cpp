// The keyboard's state (kiosk/TextEntry) on a hall terminal: how taps become text in the focused
// field, with the pinyin engine answered by the test.
#include "../core/HallTerminal.h"

#include <doctest/doctest.h>

using namespace kiosk;
using kiosk::testing::HallTerminal;

namespace {
TextFieldSpec chineseSpec(std::size_t maxChars = 200) {
    TextFieldSpec s;
    s.labelKey = "test.field";
    s.kind = InputKind::Chinese;
    s.maxChars = maxChars;
    return s;
}

struct Keyboard : HallTerminal {
    TextEntry& keys = terminal.textEntry();
    TextField field{chineseSpec()};
    Keyboard() { keys.focus(&field); }
    void tapLetters(std::string_view s) {
        for (char c : s)
            keys.letter(c);
    }
    // The engine answers the last lookup with these candidates (each standing for `letters`).
    void answer(std::vector<PinyinCandidate> candidates) {
        keys.handle(PinyinCandidatesReady{pinyin.lastSeq(), pinyin.lastLetters(), std::move(candidates)});
    }
};
} // namespace

TEST_CASE("a Chinese field opens the 拼音 layout; letters compose and are looked up") {
    Keyboard k;
    CHECK(k.keys.view().focused);
    CHECK(k.keys.view().layout == KeyboardLayout::Pinyin);
    CHECK(k.keys.view().layouts.size() == 4);
    k.tapLetters("tui");
    CHECK(k.keys.view().composing == "tui");
    CHECK(k.keys.view().waiting);
    CHECK(k.pinyin.lastLetters() == "tui");
    CHECK(k.field.empty()); // nothing is in the field while composing
}

TEST_CASE("picking a phrase for part of the letters continues with the rest, then commits") {
    Keyboard k;
    k.tapLetters("tuiweichepi");
    k.answer({{"推诿扯皮", 11, false}, {"推诿", 6, false}, {"退", 3, false}});
    CHECK_FALSE(k.keys.view().waiting);
    k.keys.choose(1); // 推诿
    CHECK(k.keys.view().composing == "推诿chepi");
    CHECK(k.pinyin.lastLetters() == "chepi");
    k.answer({{"扯皮", 5, false}});
    k.keys.choose(0);
    CHECK(k.field.text() == "推诿扯皮");
    CHECK(k.keys.view().composing.empty());
}

TEST_CASE("space takes the first candidate, also when it arrives after the tap") {
    Keyboard k;
    k.tapLetters("luanshoufei");
    k.keys.space(); // the answer is not here yet
    CHECK(k.field.empty());
    k.answer({{"乱收费", 11, false}});
    CHECK(k.field.text() == "乱收费");
    k.keys.space(); // not composing: a space in the text
    CHECK(k.field.text() == "乱收费 ");
}

TEST_CASE("an answer for letters no longer typed is ignored") {
    Keyboard k;
    k.tapLetters("ba");
    const auto oldSeq = k.pinyin.lastSeq();
    k.keys.letter('n');
    k.keys.handle(PinyinCandidatesReady{oldSeq, "ba", {{"吧", 2, false}}});
    CHECK(k.keys.view().candidates.empty());
    CHECK(k.keys.view().waiting);
}

TEST_CASE("backspace removes a pinyin letter while composing, else a character") {
    Keyboard k;
    k.field.insert("办事");
    k.tapLetters("tu");
    k.keys.backspace();
    CHECK(k.keys.view().composing == "t");
    k.keys.backspace();
    CHECK(k.keys.view().composing.empty());
    CHECK(k.field.text() == "办事");
    k.keys.backspace();
    CHECK(k.field.text() == "办");
}

TEST_CASE("enter takes the letters as typed; clear empties field and composition") {
    Keyboard k;
    k.tapLetters("abc");
    k.keys.enter();
    CHECK(k.field.text() == "abc");
    k.tapLetters("de");
    k.keys.clear();
    CHECK(k.field.empty());
    CHECK(k.keys.view().composing.empty());
    k.keys.enter(); // nothing composing: done typing, the keyboard goes
    CHECK_FALSE(k.keys.view().focused);
    CHECK(k.keys.focusedField() == nullptr);
}

TEST_CASE("英文 with shift gives one capital; 数字 and 符号 insert what they show") {
    Keyboard k;
    k.keys.switchLayout(KeyboardLayout::Latin);
    k.keys.toggleShift();
    k.tapLetters("qh");
    CHECK(k.field.text() == "Qh");
    k.keys.switchLayout(KeyboardLayout::Digits);
    k.keys.insertText("7");
    k.keys.switchLayout(KeyboardLayout::Symbols);
    k.keys.insertText("，");
    CHECK(k.field.text() == "Qh7，");
}

TEST_CASE("switching layout while composing commits the first candidate first") {
    Keyboard k;
    k.tapLetters("banshi");
    k.answer({{"办事", 6, false}});
    k.keys.switchLayout(KeyboardLayout::Symbols);
    CHECK(k.field.text() == "办事");
    CHECK(k.keys.view().layout == KeyboardLayout::Symbols);
}

TEST_CASE("a phone field offers only the 数字 keypad") {
    Keyboard k;
    TextFieldSpec s;
    s.labelKey = "test.phone";
    s.kind = InputKind::Phone;
    TextField phone(s);
    k.keys.focus(&phone);
    CHECK(k.keys.view().layouts == std::vector<KeyboardLayout>{KeyboardLayout::Digits});
    k.keys.switchLayout(KeyboardLayout::Pinyin); // not offered: nothing changes
    CHECK(k.keys.view().layout == KeyboardLayout::Digits);
    k.keys.typed("a"); // a physical keyboard's letter
    CHECK(phone.empty());
    CHECK(k.keys.view().noticeKey == "text.wrong_kind");
    k.keys.typed("1");
    CHECK(phone.text() == "1");
}

TEST_CASE("a physical keyboard composes letters and picks candidates by digit") {
    Keyboard k;
    for (char c : std::string("banshi"))
        k.keys.typed(std::string(1, c));
    CHECK(k.keys.view().composing == "banshi");
    k.answer({{"办事", 6, false}, {"版式", 6, false}});
    k.keys.typed("2");
    CHECK(k.field.text() == "版式");
    k.keys.typed("，"); // an input method's commit goes straight in
    CHECK(k.field.text() == "版式，");
}

TEST_CASE("the limit is said on the keyboard and nothing past it is added") {
    Keyboard k;
    TextField small(chineseSpec(2));
    k.keys.focus(&small);
    k.tapLetters("tuiweichepi");
    k.answer({{"推诿扯皮", 11, false}});
    k.keys.choose(0);
    CHECK(small.text() == "推诿");
    CHECK(k.keys.view().noticeKey == "text.limit_reached");
    CHECK(k.keys.view().maxChars == 2);
}

TEST_CASE("pinyin unavailable: 英文, 数字, 符号 only, and the keyboard says so") {
    Keyboard k;
    k.tapLetters("ni");
    k.keys.handle(PinyinEngineStatus{false, "pinyin dictionary not found: /x"});
    CHECK_FALSE(k.keys.view().pinyinAvailable);
    CHECK(k.keys.view().layout == KeyboardLayout::Latin);
    CHECK(k.field.text() == "ni"); // the letters typed are not lost
    CHECK(std::find(k.keys.view().layouts.begin(), k.keys.view().layouts.end(), KeyboardLayout::Pinyin) ==
          k.keys.view().layouts.end());
}

TEST_CASE("the session's end wipes the keyboard: composition, candidates, focus") {
    Keyboard k;
    k.nav.open("case_query", k.t0);
    k.keys.focus(&k.field);
    k.tapLetters("wangxiu");
    k.answer({{"王秀", 7, false}});
    const auto before = k.terminal.revision();
    k.nav.goHome();
    CHECK_FALSE(k.keys.view().focused);
    CHECK(k.keys.view().composing.empty());
    CHECK(k.keys.view().candidates.empty());
    CHECK(k.keys.focusedField() == nullptr);
    CHECK(k.terminal.revision() != before);
    // The late answer to the old composition finds nobody waiting.
    k.keys.handle(PinyinCandidatesReady{k.pinyin.lastSeq(), "wangxiu", {{"王秀", 7, false}}});
    CHECK(k.keys.view().candidates.empty());
}

TEST_CASE("10,000 key taps in a row: no crash, the composition stops at its limit, nothing lost") {
    Keyboard k;
    for (int i = 0; i < 10000; ++i)
        k.keys.letter(static_cast<char>('a' + i % 26));
    CHECK(k.keys.view().composing.size() == PinyinComposition::kMaxLetters);
    CHECK(k.keys.view().noticeKey == "text.composition_full");
    k.keys.enter();
    CHECK(k.field.length() == PinyinComposition::kMaxLetters);
}
