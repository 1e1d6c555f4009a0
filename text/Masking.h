// Masking — the one policy for showing personal data partly: on screen, on slips and in the card
// JSON the technician's CLI prints (the log carries no personal data at all, masked or not). Screen
// and paper used to disagree (a different star count for foreign names and short ID numbers); now
// both call these.
//
// Sections: names | ID numbers | phones
// Checklist:
//   [x] names: the first character, then one '*' per further character; spaces are dropped, so a
//       foreign name does not show where its words break (SMITH JOHN -> S********)
//   [x] ID numbers: first 6 and last 4 of a long number (18-digit resident, 15-character permanent
//       residence), first 2 and last 2 of one of 5-10 characters, nothing of a shorter one
//   [x] phones: digits only (spaces, dashes, +86 signs dropped); first 3 and last 4 of 7 or more
//       digits, nothing of fewer
//   [x] invalid UTF-8 reveals nothing: one '*' per byte
//   [x] idempotent: masking a masked value changes nothing (the slip masks what the screen masked)
#pragma once

#include <string>
#include <string_view>

namespace kiosk::text {

// ---- names ----
std::string maskName(std::string_view name);

// ---- ID numbers ----
std::string maskIdNumber(std::string_view id);

// ---- phones ----
std::string maskPhone(std::string_view phone);

} // namespace kiosk::text
