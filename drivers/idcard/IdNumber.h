// Citizen ID numbers: the GB 11643-1999 check digit (ISO 7064 MOD 11-2) and masking for display/logs.
//
// Checklist:
//   [x] check character for 17 digits; validity of an 18-character number (X or x accepted)
//   [x] maskIdNumber: first 6 + last 4 visible, the middle as '*'; shorter texts reveal less
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kiosk::idcard {

// The check character ('0'-'9' or 'X') for the first 17 digits; nullopt if they are not 17 digits.
std::optional<char> gb11643CheckChar(std::string_view first17);
// True when `id` is 17 digits followed by the right check character.
bool gb11643Valid(std::string_view id);

// Masks an identifier for display and logs (counts UTF-8 code points):
//   more than 10 characters: first 6 + '*'... + last 4 ("110105********1529");
//   5 to 10 characters: first 2 + '*'... + last 2;  4 or fewer: all '*'.
std::string maskIdNumber(std::string_view id);

} // namespace kiosk::idcard
