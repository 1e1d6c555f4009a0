// GooglePinyinEngine — kiosk/PinyinEngine over Debian's libgooglepinyin (Apache-2.0, system
// dictionary dict_pinyin.dat, ~1 MB, opened in ~1.5 ms; a search takes ≤ 0.3 ms).
//
// Sections: the engine
//
// The library keeps one global decoder per process: at most one GooglePinyinEngine may be open at
// a time (a second open() fails with a message), and it must be used from the thread that opened it.
// The user dictionary the library insists on is a path that can never be created ("/dev/null/..."):
// it persists nothing, and as kiosk/PinyinEngine explains, nothing is ever chosen in the engine.
//
//   [x] search with syllable boundaries; candidates converted from UTF-16 (surrogate pairs too)
//   [x] characters for a syllable (for the hall's vocabulary, kiosk/PinyinRanking)
//   [x] a missing or unreadable dictionary: open() fails, naming the file and the package
#pragma once

#include "kiosk/PinyinEngine.h"

#include <string>

namespace kiosk {

// ---- the engine ----
class GooglePinyinEngine final : public PinyinEngine {
public:
    static constexpr const char* kDefaultDictionary = KIOSK_PINYIN_DICTIONARY; // from pkg-config (CMake)

    explicit GooglePinyinEngine(std::string dictionaryPath = kDefaultDictionary);
    ~GooglePinyinEngine() override; // closes the decoder (on the owning thread: the caller's)
    GooglePinyinEngine(const GooglePinyinEngine&) = delete;
    GooglePinyinEngine& operator=(const GooglePinyinEngine&) = delete;

    bool open(std::string& error) override;
    PinyinSearch search(std::string_view letters, std::size_t maxCandidates) override;
    std::u32string charactersFor(std::string_view syllable) override;

private:
    std::string dictionaryPath_;
    bool open_ = false;
};

} // namespace kiosk
