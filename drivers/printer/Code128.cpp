// CODE128 layout. Sections: pattern table · data -> symbol values · values -> module widths.
#include "drivers/printer/Code128.h"

namespace kiosk::printer {

// ---- pattern table ----
namespace {
// Element widths (bar, space, bar, space, bar, space) for symbol values 0..105; 106 is the stop
// pattern with its final 2-module bar.
constexpr const char* kPatterns[107] = {
    "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
    "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
    "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
    "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
    "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
    "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
    "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
    "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
    "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
    "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
    "114131", "311141", "411131", "211412", "211214", "211232", "2331112"};

constexpr int kStartA = 103, kStartB = 104, kStartC = 105, kStop = 106;
constexpr int kCodeA = 101, kCodeB = 100, kCodeC = 99, kShift = 98, kFnc1 = 102;
} // namespace

const char* code128Pattern(int value) {
    return (value >= 0 && value <= 106) ? kPatterns[value] : "";
}

// ---- data -> symbol values ----
Code128Symbol layoutCode128(std::string_view d) {
    Code128Symbol sym;
    std::vector<int> values;
    char set = 0;
    auto valueIn = [](char s, unsigned char ch) -> int {
        if (s == 'A') return ch < 32 ? ch + 64 : (ch < 96 ? ch - 32 : -1);
        if (s == 'B') return (ch >= 32 && ch < 128) ? ch - 32 : -1;
        return ch < 100 ? ch : -1; // code set C: each byte is a value 0..99
    };
    std::size_t i = 0;
    if (d.size() >= 2 && d[0] == '{' && (d[1] == 'A' || d[1] == 'B' || d[1] == 'C')) {
        set = d[1];
        i = 2;
    } else {
        sym.error = "data does not start with {A, {B or {C";
        return sym;
    }
    values.push_back(set == 'A' ? kStartA : set == 'B' ? kStartB : kStartC);
    bool shiftNext = false;
    while (i < d.size()) {
        const auto ch = static_cast<unsigned char>(d[i]);
        if (ch == '{' && i + 1 < d.size()) {
            const char f = d[i + 1];
            i += 2;
            if (f == 'A' || f == 'B' || f == 'C') {
                if (f != set) values.push_back(f == 'A' ? kCodeA : f == 'B' ? kCodeB : kCodeC);
                set = f;
                continue;
            }
            if (f == 'S') {
                values.push_back(kShift);
                shiftNext = true;
                continue;
            }
            if (f == '1') {
                values.push_back(kFnc1);
                continue;
            }
            if (f == '2' || f == '3' || f == '4') {
                values.push_back(f == '2' ? 97 : f == '3' ? 96 : (set == 'A' ? 101 : 100));
                continue;
            }
            if (f == '{') {
                const int v = valueIn(set == 'C' ? 'B' : set, '{');
                if (set == 'C' || v < 0) {
                    sym.error = "'{' not encodable in the current code set";
                    return sym;
                }
                values.push_back(v);
                sym.humanReadable += '{';
                continue;
            }
            sym.error = std::string("unknown code set function {") + f;
            return sym;
        }
        const char s = shiftNext ? (set == 'A' ? 'B' : 'A') : set;
        shiftNext = false;
        const int v = valueIn(s, ch);
        if (v < 0) {
            sym.error = "byte not encodable in code set " + std::string(1, s);
            return sym;
        }
        values.push_back(v);
        if (s == 'C') {
            sym.humanReadable += static_cast<char>('0' + ch / 10);
            sym.humanReadable += static_cast<char>('0' + ch % 10);
        } else if (ch >= 32 && ch < 127) {
            sym.humanReadable += static_cast<char>(ch);
        }
        ++i;
    }
    if (values.size() < 2) {
        sym.error = "no data";
        return sym;
    }

    // ---- values -> module widths (check character, stop pattern) ----
    long sum = values[0];
    for (std::size_t k = 1; k < values.size(); ++k)
        sum += values[k] * static_cast<long>(k);
    values.push_back(static_cast<int>(sum % 103));
    values.push_back(kStop);
    for (int v : values)
        for (const char* p = kPatterns[v]; *p; ++p)
            sym.moduleWidths.push_back(*p - '0');
    sym.valid = true;
    return sym;
}

} // namespace kiosk::printer
