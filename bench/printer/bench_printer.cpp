// bench_printer: how long encoding a typical slip takes and how many bytes it produces (80 and 58 mm),
// plus how long the virtual printer takes to parse and render it. Prints one JSON object.
//
// Sections: sample slips · timing helper · main.
// Checklist: [x] complaint receipt, case status, materials list  [x] median and p95 over many runs
#include "drivers/printer/EscposEncoder.h"
#include "drivers/printer/VirtualPrinter.h"
#include "kiosk/SlipTemplates.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace kiosk;
using namespace kiosk::printer;

// ---- sample slips ----
namespace {

SlipContext context() {
    // Labels as in kiosk/strings/zh-CN.toml (the bench does not load the string tables: the lookup cost is
    // the kiosk's, not the encoder's).
    return SlipContext{"HALL-01", std::chrono::system_clock::now(), [](std::string_view key) {
                           return std::string("标签") + std::string(key.substr(key.find('.') + 1, 4));
                       }};
}

Receipt complaintSlip() {
    ComplaintReceiptData d;
    d.trackingNumber = "TS20261127-0042";
    d.verificationCode = "839201";
    d.trackingUrl = "https://gov.example.cn/complaint/track?n=TS20261127-0042&c=839201";
    d.category = "推诿扯皮";
    d.targetDepartment = "区市场监督管理局食品经营许可科";
    d.citizenName = "张三";
    d.idNumber = "110101199003071234";
    d.phone = "13812345678";
    return complaintReceiptSlip(d, context());
}

Receipt caseSlip() {
    CaseStatusData c;
    c.caseNumber = "2026-XK-000123";
    c.itemName = "食品经营许可证核发（新办）";
    c.department = "区市场监督管理局";
    c.statusText = "办理中";
    c.acceptedAt = "2026-11-20 10:02";
    c.dueDate = "2026-12-04";
    c.applicantName = "李四";
    c.applicantIdNumber = "11010119900307123X";
    c.steps = {{"受理", "已完成", "2026-11-20"},
               {"审查", "办理中", ""},
               {"现场核查", "未开始", ""},
               {"决定", "未开始", ""},
               {"制证", "未开始", ""}};
    return caseStatusSlip(c, context());
}

Receipt materialsSlip() {
    MaterialsListData m;
    m.serviceName = "食品经营许可证核发（新办）";
    m.department = "区市场监督管理局";
    for (int i = 0; i < 8; ++i)
        m.items.push_back({"申请材料第" + std::to_string(i + 1) + "项：食品经营许可申请书及相关证明文件",
                           "原件1份，复印件1份，需加盖公章", i % 3 != 2});
    m.timeLimit = "10个工作日";
    m.fee = "不收费";
    m.location = "政务服务中心二楼 12 号窗口";
    m.consultPhone = "010-12345678";
    m.guideUrl = "https://gov.example.cn/guide/123";
    return materialsListSlip(m, context());
}

// ---- timing helper ----
struct Timing {
    double medianUs = 0, p95Us = 0;
};

template <typename F>
Timing measure(int runs, F&& f) {
    std::vector<double> us;
    us.reserve(static_cast<std::size_t>(runs));
    for (int i = 0; i < runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        us.push_back(
            std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(us.begin(), us.end());
    return Timing{us[us.size() / 2], us[us.size() * 95 / 100]};
}

} // namespace

// ---- main ----
int main() {
    struct Named {
        const char* name;
        Receipt receipt;
    };
    const std::vector<Named> slips = {{"complaint_receipt", complaintSlip()},
                                      {"case_status", caseSlip()},
                                      {"materials_list", materialsSlip()}};
    std::printf("{\n  \"benchmark\": \"printer\",\n  \"runs\": {\"encode\": 2000, \"render\": 20},\n  "
                "\"slips\": [\n");
    for (std::size_t s = 0; s < slips.size(); ++s) {
        const Receipt& r = slips[s].receipt;
        std::printf("    {\"slip\": \"%s\", \"blocks\": %zu", slips[s].name, r.blocks.size());
        std::vector<std::uint8_t> bytes80;
        for (int width : {80, 58}) {
            EncodeOptions eo;
            eo.paperWidthMm = width;
            std::size_t bytes = 0;
            const Timing t = measure(2000, [&] { bytes = encodeReceipt(r, eo).bytes.size(); });
            if (width == 80) bytes80 = encodeReceipt(r, eo).bytes;
            std::printf(", \"encode_%dmm\": {\"median_us\": %.1f, \"p95_us\": %.1f, \"bytes\": %zu}", width,
                        t.medianUs, t.p95Us, bytes);
        }
        // Cold: a new renderer (font load, empty glyph cache), as for the first slip after start-up.
        const auto c0 = std::chrono::steady_clock::now();
        const std::size_t coldJobs = renderEscposBytes(bytes80, SlipRenderOptions{}).size();
        const double coldMs =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - c0).count();
        SlipRenderer renderer;
        int height = 0;
        const Timing rt = measure(20, [&] {
            EscposParser parser(
                EscposParser::Callbacks{{}, [&](EscposJob&& job) { height = renderer.render(job).height; }});
            parser.feed(bytes80.data(), bytes80.size());
            parser.finish();
        });
        std::printf(", \"render_80mm\": {\"cold_ms\": %.2f, \"warm_median_ms\": %.2f, \"warm_p95_ms\": %.2f, "
                    "\"height_dots\": %d, \"jobs\": %zu}}%s\n",
                    coldMs, rt.medianUs / 1000, rt.p95Us / 1000, height, coldJobs,
                    s + 1 < slips.size() ? "," : "");
    }
    std::printf("  ]\n}\n");
    return 0;
}
