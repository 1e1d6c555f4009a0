// GooglePinyinEngine (see the header).
//
// Sections: the one decoder | UTF-16 | the engine
#include "kiosk/GooglePinyinEngine.h"

#include "text/Utf8.h"

#include <googlepinyin/pinyinime.h>

#include <atomic>
#include <filesystem>
#include <fstream>

namespace kiosk {

namespace {

// ---- the one decoder ----
// The library's decoder is a process global; this flag is the only guard against two engines
// sharing it (a test opening a second one gets a clear failure, not a corrupted search).
std::atomic<bool> decoderTaken{false};

constexpr std::size_t kMaxLetters = 48;        // longer compositions are cut (the keyboard stops at 32)
constexpr std::size_t kMaxCandidateUnits = 64; // UTF-16 units per candidate

// ---- UTF-16 ----
std::string fromUtf16(const ime_pinyin::char16* s) {
    std::string out;
    for (; *s; ++s) {
        char32_t cp = *s;
        if (cp >= 0xD800 && cp <= 0xDBFF && s[1] >= 0xDC00 && s[1] <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (s[1] - 0xDC00);
            ++s;
        }
        text::appendCodePoint(out, cp); // a lone surrogate becomes U+FFFD
    }
    return out;
}

} // namespace

// ---- the engine ----
GooglePinyinEngine::GooglePinyinEngine(std::string dictionaryPath)
    : dictionaryPath_(std::move(dictionaryPath)) {}

GooglePinyinEngine::~GooglePinyinEngine() {
    if (!open_) return;
    ime_pinyin::im_close_decoder();
    decoderTaken = false;
}

bool GooglePinyinEngine::open(std::string& error) {
    if (open_) return true;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(dictionaryPath_, ec)) {
        error = "pinyin dictionary not found: " + dictionaryPath_ + " (install libgooglepinyin0)";
        return false;
    }
    if (!std::ifstream(dictionaryPath_, std::ios::binary).good()) {
        error = "pinyin dictionary cannot be read: " + dictionaryPath_ + " (check its permissions)";
        return false;
    }
    if (decoderTaken.exchange(true)) {
        error = "the pinyin decoder is already open in this process (libgooglepinyin has only one)";
        return false;
    }
    // "/dev/null" is not a directory, so the user dictionary can never be created or read back.
    if (!ime_pinyin::im_open_decoder(dictionaryPath_.c_str(), "/dev/null/kiosk-pinyin-user.dat")) {
        decoderTaken = false;
        error = "pinyin dictionary cannot be opened: " + dictionaryPath_ +
                " (corrupt? reinstall libgooglepinyin0)";
        return false;
    }
    ime_pinyin::im_set_max_lens(kMaxLetters, kMaxLetters);
    open_ = true;
    return true;
}

PinyinSearch GooglePinyinEngine::search(std::string_view letters, std::size_t maxCandidates) {
    PinyinSearch out;
    if (!open_ || letters.empty()) return out;
    const std::string buf(letters.substr(0, kMaxLetters));
    const std::size_t n = ime_pinyin::im_search(buf.c_str(), buf.size());
    const ime_pinyin::uint16* starts = nullptr;
    const std::size_t syllables = ime_pinyin::im_get_spl_start_pos(starts);
    for (std::size_t i = 1; starts && i <= syllables; ++i)
        out.syllableEnds.push_back(starts[i]);
    ime_pinyin::char16 cand[kMaxCandidateUnits + 1];
    for (std::size_t i = 0; i < n && out.candidates.size() < maxCandidates; ++i) {
        if (!ime_pinyin::im_get_candidate(i, cand, kMaxCandidateUnits)) continue;
        out.candidates.push_back(fromUtf16(cand));
    }
    return out;
}

std::u32string GooglePinyinEngine::charactersFor(std::string_view syllable) {
    std::u32string out;
    if (!open_ || syllable.empty()) return out;
    const std::string buf(syllable.substr(0, kMaxLetters));
    const std::size_t n = ime_pinyin::im_search(buf.c_str(), buf.size());
    ime_pinyin::char16 cand[4];
    for (std::size_t i = 0; i < n; ++i) {
        // Single characters only: a BMP character is one unit, a rare one a surrogate pair.
        if (!ime_pinyin::im_get_candidate(i, cand, 3)) continue;
        const std::string s = fromUtf16(cand);
        const auto cps = text::decodeUtf8(s);
        if (cps && cps->size() == 1 && out.find((*cps)[0]) == std::u32string::npos) out.push_back((*cps)[0]);
    }
    return out;
}

} // namespace kiosk
