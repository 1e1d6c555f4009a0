// The text field model (kiosk/TextField): what a citizen can type into which kind of field, and
// what happens to what cannot be typed.
#include "kiosk/TextField.h"

#include <doctest/doctest.h>

#include <string>

using namespace kiosk;

namespace {
TextFieldSpec spec(InputKind kind, std::size_t maxChars = 200) {
    TextFieldSpec s;
    s.labelKey = "test.field";
    s.kind = kind;
    s.maxChars = maxChars;
    return s;
}
} // namespace

TEST_CASE("a Chinese field takes Chinese, Latin and rare characters, counted by character") {
    TextField f(spec(InputKind::Chinese, 10));
    CHECK(f.insert("窗口推诿") == EditOutcome::Accepted);
    CHECK(f.insert("ABC") == EditOutcome::Accepted);
    CHECK(f.insert("𫖮") == EditOutcome::Accepted); // outside the BMP: one character, four bytes
    CHECK(f.length() == 8);
    CHECK(f.text() == "窗口推诿ABC𫖮");
    CHECK(f.backspace());
    CHECK(f.text() == "窗口推诿ABC"); // backspace removes the whole character, not a byte
}

TEST_CASE("typing past the limit keeps what fits and says the limit was reached") {
    TextField f(spec(InputKind::Chinese, 5));
    CHECK(f.insert("一二三") == EditOutcome::Accepted);
    CHECK(f.insert("四五六七") == EditOutcome::Truncated);
    CHECK(f.text() == "一二三四五");
    CHECK(f.insert("八") == EditOutcome::Truncated);
    CHECK(f.length() == 5);
    CHECK(editOutcomeKey(EditOutcome::Truncated) == "text.limit_reached");
}

TEST_CASE("invalid UTF-8 loses only the bad bytes") {
    TextField f(spec(InputKind::Chinese));
    CHECK(f.insert(std::string("办\xff事\xc3(")) == EditOutcome::InvalidUtf8);
    CHECK(f.text() == "办事(");
    CHECK(f.insert(std::string("\xe5\x8a")) == EditOutcome::InvalidUtf8); // a truncated 办
    CHECK(f.text() == "办事(");
}

TEST_CASE("emoji and control characters are refused with a reason; the rest of a paste stays") {
    TextField f(spec(InputKind::Chinese));
    CHECK(f.insert("好😀评") == EditOutcome::Unsupported);
    CHECK(f.text() == "好评");
    CHECK(f.insert("a\nb\x07"
                   "c") == EditOutcome::Unsupported);
    CHECK(f.text() == "好评abc");
    CHECK(f.insert("\xee\x80\x80") == EditOutcome::Unsupported); // U+E000: the renderer's private use
    CHECK(editOutcomeKey(EditOutcome::Unsupported) == "text.unsupported");
}

TEST_CASE("digits and phone fields take digits only; a phone at most 11") {
    TextField d(spec(InputKind::Digits, 6));
    CHECK(d.insert("12a3") == EditOutcome::WrongKind);
    CHECK(d.text() == "123");
    TextField p(spec(InputKind::Phone, 50));
    CHECK(p.spec().maxChars == 11);
    CHECK(p.insert("138001380001") == EditOutcome::Truncated);
    CHECK(p.text() == "13800138000");
    TextField l(spec(InputKind::Latin));
    CHECK(l.insert("QH-投诉") == EditOutcome::WrongKind);
    CHECK(l.text() == "QH-");
}

TEST_CASE("the validation hook judges the whole text") {
    TextFieldSpec s = spec(InputKind::Phone);
    s.validate = [](std::string_view t) {
        return t.size() == 11 ? std::string() : std::string("phone.incomplete");
    };
    TextField f(s);
    f.insert("1380013");
    CHECK(f.problem() == "phone.incomplete");
    f.insert("8000");
    CHECK(f.problem().empty());
}

TEST_CASE("wipe and clear empty the field and move its revision") {
    TextField f(spec(InputKind::Chinese));
    f.insert("王秀英 13800138000");
    const auto before = f.revision();
    f.wipe();
    CHECK(f.empty());
    CHECK(f.text().empty());
    CHECK(f.revision() > before);
    f.insert("x");
    f.clear();
    CHECK(f.empty());
}

TEST_CASE("10,000 taps in a row: the field holds its limit and never more") {
    TextField f(spec(InputKind::Chinese, 500));
    int truncated = 0;
    for (int i = 0; i < 10000; ++i)
        if (f.insert("字") == EditOutcome::Truncated) ++truncated;
    CHECK(f.length() == 500);
    CHECK(truncated == 9500);
}
