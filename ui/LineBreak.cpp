#include "ui/LineBreak.h"

#include "text/Utf8.h"

namespace kiosk::ui {

namespace {

constexpr char32_t kNoBreakSpace = 0x00A0;

bool isCjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) ||   // radicals, CJK punctuation, kana, ideographs
           (c >= 0xF900 && c <= 0xFAFF) ||   // compatibility ideographs
           (c >= 0xFF00 && c <= 0xFFEF) ||   // full-width forms (，：（） ...)
           (c >= 0x20000 && c <= 0x3FFFF) || // extension ideographs
           c == 0x2014 || c == 0x2026 || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019;
}

// May not start a line (行首禁则).
bool isClosing(char32_t c) {
    switch (c) {
    case U'，':
    case U'。':
    case U'、':
    case U'；':
    case U'：':
    case U'？':
    case U'！':
    case U'）':
    case U'》':
    case U'」':
    case U'』':
    case U'】':
    case U'〕':
    case U'〉':
    case U'”':
    case U'’':
    case U'…':
    case U'％':
    case U'·':
    case U'〗':
    case U'］':
    case U'｝':
    case U',':
    case U'.':
    case U';':
    case U':':
    case U'?':
    case U'!':
    case U')':
    case U']':
    case U'}':
    case U'%':
        return true;
    default:
        return false;
    }
}

// May not end a line (行尾禁则).
bool isOpening(char32_t c) {
    switch (c) {
    case U'（':
    case U'《':
    case U'「':
    case U'『':
    case U'【':
    case U'〔':
    case U'〈':
    case U'“':
    case U'‘':
    case U'〖':
    case U'［':
    case U'｛':
    case U'(':
    case U'[':
    case U'{':
        return true;
    default:
        return false;
    }
}

bool isSpace(char32_t c) {
    return c == U' ' || c == U'\t';
}

struct Cp {
    char32_t c;
    std::size_t begin, end;
    float width;
    bool glued = false; // in a run of non-spaces that holds a no-break space: kept whole
};

// A line may break between a and b (b starts the next line).
bool mayBreakBetween(char32_t a, char32_t b) {
    if (a == kNoBreakSpace || b == kNoBreakSpace) return false;
    if (isSpace(b)) return false; // break after the spaces, not before them
    if (isClosing(b) || isOpening(a)) return false;
    if (isSpace(a)) return true;
    return isCjk(a) || isCjk(b);
}

} // namespace

std::vector<LineRange> breakLines(std::string_view text, float maxWidth,
                                  const std::function<float(char32_t)>& advance) {
    std::vector<Cp> cps;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        char32_t c = 0;
        if (!text::nextCodePoint(text, pos, c)) c = U'?';
        cps.push_back({c, start, pos, c == U'\n' ? 0.f : advance(c == kNoBreakSpace ? U' ' : c)});
    }
    // A run of characters between spaces that holds a no-break space ("受理时间\u00A02026-10-29")
    // is kept whole: the label does not break inside either.
    for (std::size_t runStart = 0; runStart < cps.size();) {
        std::size_t runEnd = runStart;
        bool hasNbsp = false;
        while (runEnd < cps.size() && !isSpace(cps[runEnd].c) && cps[runEnd].c != U'\n')
            hasNbsp |= cps[runEnd++].c == kNoBreakSpace;
        for (std::size_t k = runStart; k < runEnd; ++k)
            cps[k].glued = hasNbsp;
        runStart = runEnd + 1;
    }
    std::vector<LineRange> lines;
    auto emit = [&](std::size_t from, std::size_t to) { // cps[from, to), trailing spaces dropped
        std::size_t last = to;
        while (last > from && isSpace(cps[last - 1].c))
            --last;
        const std::size_t b = from < cps.size() ? cps[from].begin : text.size();
        lines.push_back({b, last > from ? cps[last - 1].end : b});
    };
    std::size_t lineStart = 0;
    while (lineStart <= cps.size()) {
        float width = 0.f;
        std::size_t i = lineStart;
        std::size_t lastBreak = 0; // index of the first character of the next line, 0 = none yet
        bool forced = false;
        for (; i < cps.size(); ++i) {
            if (cps[i].c == U'\n') {
                forced = true;
                break;
            }
            if (i > lineStart && !(cps[i - 1].glued && cps[i].glued) &&
                mayBreakBetween(cps[i - 1].c, cps[i].c))
                lastBreak = i;
            // Spaces may hang past the edge: they are not drawn at a line's end.
            if (width + cps[i].width > maxWidth && i > lineStart && !isSpace(cps[i].c)) break;
            width += cps[i].width;
        }
        if (forced) {
            emit(lineStart, i);
            lineStart = i + 1;
            if (lineStart == cps.size()) { // a final '\n' ends the text with an empty line
                emit(lineStart, lineStart);
                break;
            }
            continue;
        }
        if (i >= cps.size()) {
            emit(lineStart, cps.size());
            break;
        }
        // Overflow at i: break at the last opportunity, else (one word wider than the line) at i,
        // moving back so that the next line does not start with closing punctuation.
        std::size_t next = lastBreak > lineStart ? lastBreak : i;
        if (next == i) {
            while (next > lineStart + 1 && (isClosing(cps[next].c) || isOpening(cps[next - 1].c)))
                --next;
        }
        emit(lineStart, next);
        lineStart = next;
        while (lineStart < cps.size() && isSpace(cps[lineStart].c))
            ++lineStart; // a new line does not start with the spaces it broke at
    }
    return lines;
}

} // namespace kiosk::ui
