// PinyinRanking — the candidate bar's order: the hall's own vocabulary first, then the engine's.
//
// Sections: ranking
//
// A phrase of the vocabulary (kiosk/HallVocabulary) matches the letters when each syllable the
// engine found can stand for the phrase's character at that place (`chi na ka yao` → 吃拿卡要:
// 吃 is among the characters of "chi", 拿 of "na"...). No pinyin table is kept: the engine's own
// characters per syllable decide, so polyphones (卡 ka/qia) and partial syllables ("zh") work.
//
//   [x] whole matches (as many characters as syllables) first, ahead of the engine's guess
//   [x] phrases the letters begin (two or more syllables typed): after the engine's guess, three at most
//   [x] duplicates of a vocabulary phrase removed from the engine's list
//   [x] each candidate says how many letters it stands for (a phrase continues with the rest)
#pragma once

#include "kiosk/AppEvent.h"
#include "kiosk/PinyinEngine.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// ---- ranking ----
// `charactersFor(syllable)`: what the engine says the syllable can stand for (cached by the caller).
std::vector<PinyinCandidate>
rankCandidates(std::string_view letters, const PinyinSearch& engine,
               const std::vector<std::u32string>& vocabulary,
               const std::function<const std::u32string&(std::string_view)>& charactersFor);

} // namespace kiosk
