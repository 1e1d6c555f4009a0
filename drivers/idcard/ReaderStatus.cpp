// SW3 status table. Sections: table · lookups. Checklist: see ReaderStatus.h.
#include "drivers/idcard/ReaderStatus.h"

#include <cstdio>

namespace kiosk::idcard {
// ---- table ----
namespace {

struct Sw3Entry {
    std::uint8_t code;
    const char* name;
    const char* zh;
    const char* en;
};

constexpr Sw3Entry kSw3Table[] = {
    {0x90, "ok", "操作成功", "operation succeeded"},
    {0x91, "no_content", "该项无内容", "no content for this item"},
    {0x9F, "find_ok", "找到身份证", "card found"},
    {0x10, "host_checksum_error", "读卡器收到的命令校验和错误", "checksum error in the host frame"},
    {0x11, "host_length_error", "读卡器收到的命令长度错误", "length error in the host frame"},
    {0x21, "command_error", "读卡器不支持该命令", "command error"},
    {0x23, "not_permitted", "读卡器不允许该操作", "operation not permitted"},
    {0x24, "unrecognised_error", "读卡器发生未知错误", "unrecognised error"},
    {0x31, "card_auth_sam_failed", "身份证认证读卡模块失败", "card failed to authenticate the SAM"},
    {0x32, "sam_auth_card_failed", "读卡模块认证身份证失败，请确认是真实证件",
     "SAM failed to authenticate the card"},
    {0x33, "verification_failed", "证件信息验证失败", "information verification failed"},
    {0x37, "fingerprint_error", "指纹信息验证错误", "fingerprint verification error"},
    {0x3F, "info_length_error", "证件信息长度错误", "information length error"},
    {0x40, "unknown_card_type", "无法识别的证件类型", "unrecognised card type"},
    {0x41, "read_card_failed", "读取证件失败，请重新放置证件", "reading the card failed"},
    {0x47, "random_failed", "读卡模块取随机数失败", "get random number failed"},
    {0x60, "sam_self_test_failed", "读卡模块自检失败，请联系工作人员", "SAM self-test failed"},
    {0x66, "sam_not_authorised", "读卡模块未授权，请联系工作人员", "SAM not authorised"},
    {0x80, "no_card", "未放置证件", "find card failed (no card)"},
    {0x81, "select_failed", "选卡失败，请重新放置证件", "select card failed"},
};

// ---- lookups ----
const Sw3Entry* lookup(std::uint8_t code) {
    for (const Sw3Entry& e : kSw3Table)
        if (e.code == code) return &e;
    return nullptr;
}

std::string hex2(std::uint8_t v) {
    char b[3];
    std::snprintf(b, sizeof b, "%02X", v);
    return b;
}

} // namespace

std::string sw3Name(std::uint8_t sw3) {
    const Sw3Entry* e = lookup(sw3);
    return e ? e->name : "unknown_" + hex2(sw3);
}

std::string sw3MessageZh(std::uint8_t sw3) {
    const Sw3Entry* e = lookup(sw3);
    return e ? e->zh : "读卡器返回未知状态，请联系工作人员";
}

std::string sw3MessageEn(std::uint8_t sw3) {
    const Sw3Entry* e = lookup(sw3);
    return e ? e->en : "unknown status 0x" + hex2(sw3);
}

std::string describeStatus(const StatusWord& sw) {
    return "SW " + hex2(sw.sw1) + " " + hex2(sw.sw2) + " " + hex2(sw.sw3) + " (" + sw3Name(sw.sw3) + ": " +
           sw3MessageEn(sw.sw3) + ")";
}

} // namespace kiosk::idcard
