// Slip templates: labels come from the [slip] string tables (every key present in zh-CN and en), no
// unmasked ID number / name / phone reaches the bytes, the complaint QR scans back, 58 mm works.
#include "kiosk/SlipTemplates.h"
#include "drivers/printer/EscposEncoder.h"
#include "drivers/printer/ReceiptPreview.h"
#include "drivers/printer/VirtualPrinter.h"
#include "tests/printer/ZbarDecode.h"

#include <doctest/doctest.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <set>

using namespace kiosk;
using namespace kiosk::printer;

namespace {

// Looks keys up in kiosk/strings/<lang>.toml like the kiosk's StringTable does ("section.key");
// remembers keys it could not find.
struct TomlLookup {
    toml::table table;
    std::set<std::string> missing;
    explicit TomlLookup(const char* lang) {
        table = toml::parse_file(std::string(KIOSK_SOURCE_DIR) + "/kiosk/strings/" + lang + ".toml");
    }
    SlipTextLookup fn() {
        return [this](std::string_view key) -> std::string {
            const auto dot = key.find('.');
            const auto v = table[key.substr(0, dot)][key.substr(dot + 1)].value<std::string>();
            if (!v) {
                missing.insert(std::string(key));
                return std::string(key);
            }
            return *v;
        };
    }
};

std::string asText(const std::vector<std::uint8_t>& b) {
    return std::string(b.begin(), b.end());
}

ComplaintReceiptData complaint() {
    ComplaintReceiptData d;
    d.trackingNumber = "TS20261127-0042";
    d.verificationCode = "839201";
    d.trackingUrl = "https://gov.example.cn/t?n=TS20261127-0042";
    d.category = "推诿扯皮";
    d.targetDepartment = "区市场监督管理局";
    d.citizenName = "张三丰";
    d.idNumber = "110101199003071234";
    d.phone = "138-1234-5678";
    return d;
}

} // namespace

TEST_CASE("every [slip] key the templates use exists in both string tables") {
    for (const char* lang : {"zh-CN", "en"}) {
        CAPTURE(lang);
        TomlLookup t(lang);
        for (std::string_view k : slipTextKeys()) {
            CAPTURE(k);
            CHECK(t.table["slip"][k].is_string());
        }
    }
}

TEST_CASE("complaint receipt: labels from the table, masked personal data, QR scans back") {
    TomlLookup zh("zh-CN");
    SlipContext ctx{"HALL-03", std::chrono::system_clock::now(), zh.fn()};
    const Receipt r = complaintReceiptSlip(complaint(), ctx);
    const EncodeResult enc = encodeReceipt(r);
    CHECK(enc.clean());
    CHECK(zh.missing.empty());
    const std::string bytes = asText(enc.bytes);
    CHECK(bytes.find("110101199003071234") == std::string::npos);
    CHECK(bytes.find("19900307") == std::string::npos);
    CHECK(bytes.find("110101********1234") != std::string::npos);
    CHECK(bytes.find("13812345678") == std::string::npos);
    CHECK(bytes.find("138****5678") != std::string::npos);
    CHECK(bytes.find("HALL-03") != std::string::npos);
    CHECK(bytes.find("TS20261127-0042") != std::string::npos);
    // 张三丰 -> 张** : the given name is not on paper (GB18030 of 三 = C8 FD, 丰 = B7 E1)
    CHECK(bytes.find("\xD5\xC5**") != std::string::npos);
    CHECK(bytes.find("\xC8\xFD") == std::string::npos);

    const auto jobs = renderEscposBytes(enc.bytes, SlipRenderOptions{});
    REQUIRE(jobs.size() == 1);
    const auto syms = test::zbarDecode(jobs[0].image);
    REQUIRE(syms.size() == 1);
    CHECK(syms[0].data == "https://gov.example.cn/t?n=TS20261127-0042");
}

TEST_CASE("case status and materials slips, English table, 58 mm paper") {
    TomlLookup en("en");
    SlipContext ctx{"HALL-04", std::chrono::system_clock::now(), en.fn()};
    CaseStatusData c;
    c.caseNumber = "2026-XK-000123";
    c.itemName = "食品经营许可证核发";
    c.department = "区市场监督管理局";
    c.statusText = "办理中";
    c.acceptedAt = "2026-11-20 10:02";
    c.dueDate = "2026-12-04";
    c.applicantName = "李四";
    c.applicantIdNumber = "11010119900307123X";
    c.steps = {{"受理", "已完成", "2026-11-20"}, {"审查", "办理中", ""}, {"决定", "未开始", ""}};
    EncodeOptions narrow;
    narrow.paperWidthMm = 58;
    const EncodeResult ce = encodeReceipt(caseStatusSlip(c, ctx), narrow);
    CHECK(ce.clean());
    const std::string cb = asText(ce.bytes);
    CHECK(cb.find("11010119900307123X") == std::string::npos);
    CHECK(cb.find("110101********123X") != std::string::npos);
    CHECK(cb.find("Case No.") != std::string::npos);

    MaterialsListData m;
    m.serviceName = "食品经营许可证核发";
    m.department = "区市场监督管理局";
    m.items = {
        {"营业执照", "复印件1份", true}, {"法定代表人身份证明", "原件核验", true}, {"委托书", "", false}};
    m.timeLimit = "10个工作日";
    m.fee = "不收费";
    m.guideUrl = "https://gov.example.cn/guide/123";
    const EncodeResult me = encodeReceipt(materialsListSlip(m, ctx), narrow);
    CHECK(me.clean());
    const std::string mb = asText(me.bytes);
    CHECK(mb.find("required") != std::string::npos);
    CHECK(mb.find("optional") != std::string::npos);
    CHECK(en.missing.empty());
    SlipRenderOptions ro;
    ro.paperWidthMm = 58;
    const auto jobs = renderEscposBytes(me.bytes, ro);
    REQUIRE(jobs.size() == 1);
    CHECK(jobs[0].image.width == 384 + 32);
    const auto syms = test::zbarDecode(jobs[0].image);
    REQUIRE(syms.size() == 1);
    CHECK(syms[0].data == "https://gov.example.cn/guide/123");
}

TEST_CASE("on-screen preview of a slip that failed to print: same layout, QR scans") {
    TomlLookup zh("zh-CN");
    const Receipt r = complaintReceiptSlip(complaint(), SlipContext{"HALL-03", {}, zh.fn()});
    const SlipImage img = renderReceiptPreview(r);
    CHECK(img.width == 576 + 32);
    CHECK(img.height > 600);
    const auto syms = test::zbarDecode(img);
    REQUIRE(syms.size() == 1);
    CHECK(syms[0].data == complaint().trackingUrl);
    CHECK(
        writeSlipPng(img, std::filesystem::temp_directory_path().string() + "/kiosk-complaint-preview.png"));
}

namespace {
// Every text on a slip, one line per block ("key: value" for rows), as the printer receives it.
std::string slipText(const Receipt& r) {
    std::string out;
    for (const ReceiptBlock& b : r.blocks) {
        if (const auto* t = std::get_if<TextBlock>(&b)) out += t->text + "\n";
        if (const auto* kv = std::get_if<KeyValueBlock>(&b)) out += kv->key + ": " + kv->value + "\n";
    }
    return out;
}
} // namespace

TEST_CASE("case slip: the server's note is printed under 说明; a case refused at intake shows 申请时间") {
    TomlLookup zh("zh-CN");
    SlipContext ctx{"HALL-03", {}, zh.fn()};
    CaseStatusData c;
    c.caseNumber = "QH-SCJG-600502";
    c.itemName = "营业执照变更登记";
    c.statusText = "不予受理";
    c.acceptedAt = "2026-11-20 10:02";
    c.completedAt = "2026-11-20 10:40";
    c.notAccepted = true;
    c.note = "不予受理：变更后的经营范围含食品销售，请先取得食品经营许可证后再申请";
    const std::string text = slipText(caseStatusSlip(c, ctx));
    CHECK(text.find("说明\n" + c.note + "\n") != std::string::npos);
    CHECK(text.find("申请时间: 2026-11-20 10:02") != std::string::npos);
    CHECK(text.find("受理时间") == std::string::npos);
    const EncodeResult enc = encodeReceipt(caseStatusSlip(c, ctx));
    CHECK(enc.clean());

    c.notAccepted = false;
    c.note.clear();
    const std::string plain = slipText(caseStatusSlip(c, ctx));
    CHECK(plain.find("受理时间: 2026-11-20 10:02") != std::string::npos);
    CHECK(plain.find("说明") == std::string::npos); // no empty note heading
    CHECK(zh.missing.empty());
}

TEST_CASE("打印时间 comes from the caller's formatter; without one it is UTC and says so (issue 8.6)") {
    TomlLookup zh("zh-CN");
    const auto at = std::chrono::sys_days{std::chrono::year{2026} / 11 / 20} + std::chrono::hours{4} +
                    std::chrono::minutes{57};
    SlipContext ctx{"HALL-03", at, zh.fn()};
    CHECK(slipText(complaintReceiptSlip(complaint(), ctx)).find("打印时间: 2026-11-20 04:57 UTC\n") !=
          std::string::npos);
    ctx.formatTime = [](std::chrono::system_clock::time_point) { return std::string("2026-11-20 12:57"); };
    CHECK(slipText(complaintReceiptSlip(complaint(), ctx)).find("打印时间: 2026-11-20 12:57\n") !=
          std::string::npos);
}
