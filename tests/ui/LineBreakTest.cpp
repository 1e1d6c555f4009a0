// LineBreak: Chinese line-breaking rules and whole words, with every character one unit wide
// (two for CJK, as on screen).
#include "ui/LineBreak.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using kiosk::ui::breakLines;

namespace {

float unit(char32_t c) {
    return c >= 0x2E80 ? 2.f : 1.f;
}

std::vector<std::string> wrap(std::string_view s, float width) {
    std::vector<std::string> out;
    for (const auto& r : breakLines(s, width, unit))
        out.emplace_back(s.substr(r.begin, r.end - r.begin));
    return out;
}

using Lines = std::vector<std::string>;

} // namespace

TEST_CASE("CJK text breaks between characters; text that fits is one line") {
    CHECK(wrap("办件查询", 20) == Lines{"办件查询"});
    CHECK(wrap("城乡居民基本养老保险", 8) == Lines{"城乡居民", "基本养老", "保险"});
    CHECK(wrap("", 10) == Lines{""});
}

TEST_CASE("no line starts with closing punctuation, none ends with opening punctuation") {
    // Width 6 = three CJK characters. Greedy would give "请补交" / "，诊断" ...
    CHECK(wrap("请补交，诊断证明", 6) == Lines{"请补", "交，诊", "断证明"});
    // "（" would end the first line: it moves to the next.
    CHECK(wrap("王**（证件号）", 6) == Lines{"王**", "（证件", "号）"});
    for (const std::string& line :
         wrap("材料补正中：请补交定点医院出具的诊断证明（原件）及近三个月检查报告。", 9)) {
        CHECK(line.rfind("，", 0) != 0);
        CHECK(line.rfind("。", 0) != 0);
        CHECK(line.rfind("：", 0) != 0);
        CHECK(line.rfind("）", 0) != 0);
        CHECK((line.size() < 3 || line.compare(line.size() - 3, 3, "（") != 0));
    }
}

TEST_CASE("Latin words and numbers stay whole; long words break where they must") {
    CHECK(wrap("case QH-YBJ-300562 accepted", 14) == Lines{"case", "QH-YBJ-300562", "accepted"});
    CHECK(wrap("受理时间 2026-10-29 09:29", 16) == Lines{"受理时间", "2026-10-29 09:29"});
    CHECK(wrap("ABCDEFGHIJ", 4) == Lines{"ABCD", "EFGH", "IJ"});
}

TEST_CASE("a no-break space keeps a label with its value") {
    const std::string label = "受理时间\u00A02026-10-29";
    // Without it the break falls after the label; with it the pair moves to the next line whole.
    CHECK(wrap("承诺 受理时间 2026-10-29", 16) == Lines{"承诺 受理时间", "2026-10-29"});
    CHECK(wrap("承诺 " + label, 20) == Lines{"承诺", label});
}

TEST_CASE("newlines always break; trailing spaces are not drawn; invalid UTF-8 does not stop it") {
    CHECK(wrap("一\n二", 20) == Lines{"一", "二"});
    CHECK(wrap("abc   def", 4) == Lines{"abc", "def"});
    const std::string bad = "ab\xff\xfe"
                            "cd";
    std::string joined;
    for (const std::string& line : wrap(bad, 3)) {
        CHECK_FALSE(line.empty());
        joined += line;
    }
    CHECK(joined == bad); // every byte drawn (as '?'), none lost or repeated
}
