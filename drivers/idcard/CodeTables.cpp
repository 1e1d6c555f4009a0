// Gender and nation tables. Checklist: see CodeTables.h.
#include "drivers/idcard/CodeTables.h"

namespace kiosk::idcard {

std::optional<std::string> genderName(std::string_view code) {
    if (code == "0") return "未知";
    if (code == "1") return "男";
    if (code == "2") return "女";
    if (code == "9") return "未说明";
    return std::nullopt;
}

std::optional<std::string> nationName(std::string_view code) {
    static constexpr const char* kNations[] = {
        "汉",     "蒙古",   "回",       "藏",     "维吾尔", "苗",   "彝",     "壮",   "布依",     "朝鲜",
        "满",     "侗",     "瑶",       "白",     "土家",   "哈尼", "哈萨克", "傣",   "黎",       "傈僳",
        "佤",     "畲",     "高山",     "拉祜",   "水",     "东乡", "纳西",   "景颇", "柯尔克孜", "土",
        "达斡尔", "仫佬",   "羌",       "布朗",   "撒拉",   "毛南", "仡佬",   "锡伯", "阿昌",     "普米",
        "塔吉克", "怒",     "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安",   "裕固", "京",       "塔塔尔",
        "独龙",   "鄂伦春", "赫哲",     "门巴",   "珞巴",   "基诺"};
    if (code.size() != 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9')
        return std::nullopt;
    const int n = (code[0] - '0') * 10 + (code[1] - '0');
    if (n >= 1 && n <= 56) return kNations[n - 1];
    if (n == 97) return "其他";
    if (n == 98) return "外国血统中国籍人士";
    return std::nullopt;
}

} // namespace kiosk::idcard
