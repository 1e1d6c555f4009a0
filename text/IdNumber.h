// Citizen ID numbers: the GB 11643-1999 check digit (ISO 7064 MOD 11-2) and the forms the server
// looks up. Masking is the project's one policy, text/Masking.h.
//
// Checklist:
//   [x] check character for 17 digits; validity of an 18-character number (X or x accepted)
//   [x] idNumberForm: the two shapes the central server looks cases up by (18 GB 11643-style, 15 for
//       the 2017 foreign permanent resident card); shared by kiosk-central and the terminal
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kiosk::text {

// The check character ('0'-'9' or 'X') for the first 17 digits; nullopt if they are not 17 digits.
std::optional<char> gb11643CheckChar(std::string_view first17);
// True when `id` is 17 digits followed by the right check character.
bool gb11643Valid(std::string_view id);

// The shape of a number the case query accepts (docs/IDCARD.md "Card numbers"):
//   Gb11643: 18 characters, 17 digits and a check character 0-9 / X (resident ID cards, Hong Kong /
//            Macao / Taiwan residence permits, and 2023 foreign permanent resident cards, which start
//            with 9). Only the shape: a wrong check digit is still looked up (the screen warns).
//   Foreign2017: 15 characters, 3 capital letters and 12 digits (2017 foreign permanent resident
//            card). The reference gives no check digit for it, so none is checked.
enum class IdNumberForm { Invalid, Gb11643, Foreign2017 };
IdNumberForm idNumberForm(std::string_view id);

} // namespace kiosk::text
