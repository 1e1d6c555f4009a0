// ServiceGuideInitials — finding a service item by the pinyin initials of its name: "gtgsh" finds
// 个体工商户设立登记 (ge ti gong shang hu ...), as citizens are used to from phones and ticket machines.
//
// Sections: the table | a text's initials | matching
//
// No char→pinyin table ships with the Debian packages the kiosk uses; libgooglepinyin's dictionary
// knows, per syllable, the characters it stands for. Asking it for each initial letter alone ("g")
// gives every character whose reading starts with that letter (613 for g), so a heteronym lands
// under each of its readings (行: x for xing and h for hang). Building the table asks the engine 23
// times and must run on the pinyin thread (kiosk/PinyinService); matching is pure and cheap.
//
//   [x] table: character → bit set of the initials of its readings (a..z without i, u, v)
//   [x] a text's initials: Han characters by the table (unknown ones break a run), Latin letters
//       stand for themselves, punctuation and spaces are skipped
//   [x] a match is a run of consecutive characters anywhere in the name, case ignored
//   [ ] full-pinyin search ("getigongshang" without the keyboard's composition): the keyboard does it
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kiosk {

// ---- the table ----
using InitialsTable = std::unordered_map<char32_t, std::uint32_t>; // bit (c - 'a') per initial c

// `charactersFor(letter)`: every character a reading starting with `letter` stands for (the engine).
InitialsTable initialsTableFrom(const std::function<std::u32string(std::string_view)>& charactersFor);

// ---- a text's initials ----
// One bit set per character that counts (see the header); 0 for a Han character the table lacks.
std::vector<std::uint32_t> initialsOf(std::string_view utf8, const InitialsTable& table);

// ---- matching ----
// Whether `letters` (a-z, A-Z; anything else never matches) are the initials of consecutive
// characters of the text whose initials are `initials`. Empty letters never match.
bool initialsMatch(const std::vector<std::uint32_t>& initials, std::string_view letters);

} // namespace kiosk
