// Code tables printed on the card: gender (GB/T 2261.1) and nation (GB/T 3304).
// Checklist: [x] all gender codes of the reference  [x] all 56 nations + 97 + 98  [x] unknown -> nullopt
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kiosk::idcard {

// "1" -> "男", "2" -> "女", "0" -> "未知", "9" -> "未说明"
std::optional<std::string> genderName(std::string_view code);
// "01" -> "汉" ... "98" -> "外国血统中国籍人士"
std::optional<std::string> nationName(std::string_view code);

} // namespace kiosk::idcard
