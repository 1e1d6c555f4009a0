// SlipTemplates — the slips the hall's flows print: complaint receipt, case status summary, materials
// list. Plain data in, a printer::Receipt (the driver's document model) out: what a slip says is the
// core's business; the printer driver only encodes and prints it. Every citizen-facing label comes
// from the string tables through a lookup ("slip.<key>", keys in the [slip] table of
// kiosk/strings/*.toml); personal data is masked here, so an unmasked ID number never reaches paper.
//
// Sections: SlipContext · data structs · templates (masking: text/Masking).
// Checklist:
//   [x] header (title), body rows, QR for following a complaint, footer with terminal id and print time
//   [x] ID numbers masked to first 6 + last 4, names to the first character, phones to 3 + 4
//   [x] 80 and 58 mm (the encoder wraps; rows fall back to two lines when long)
//   [x] 打印时间 from the caller's formatter (the hall's time zone), never the machine's TZ
//   [x] case slip: the server's note (说明) as a wrapped paragraph under its label
//   [ ] logos (a raster block can be prepended by the caller)
#pragma once

#include "drivers/printer/Receipt.h"

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// ---- SlipContext ----
// Returns the text for a full key such as "slip.tracking_number" ({0} placeholders are filled by the
// template). The kiosk passes StringTable::get of the current language.
using SlipTextLookup = std::function<std::string(std::string_view key)>;

// Formats an instant for the slip ("2026-11-20 12:57"). The kiosk passes its hall-time formatter
// (kiosk/HallTime), so the slip shows the hall's wall time whatever the machine's TZ is.
using SlipTimeFormat = std::function<std::string(std::chrono::system_clock::time_point)>;

struct SlipContext {
    std::string terminalId;
    std::chrono::system_clock::time_point printedAt;
    SlipTextLookup text;
    SlipTimeFormat formatTime; // empty: UTC, printed with "UTC" so it is never mistaken for local time
};

// ---- data structs ----
struct ComplaintReceiptData {
    std::string trackingNumber;
    std::string verificationCode;
    std::string trackingUrl; // QR content; the tracking number is used when empty
    std::string category;    // e.g. 推诿扯皮
    std::string targetDepartment;
    std::string citizenName; // printed masked; may be empty (anonymous)
    std::string idNumber;    // printed masked; may be empty
    std::string phone;       // printed masked; may be empty
    std::string receivedAt;  // when the terminal registered it (the hall's wall time)
    int handlingDays = 0;    // the handling time limit in working days; 0 = not printed
};

struct CaseStepLine {
    std::string name;      // 受理, 审查 ...
    std::string stateText; // already localised (已完成 / 办理中 / 未开始)
    std::string finishedAt;
};

struct CaseStatusData {
    std::string caseNumber;
    std::string itemName;
    std::string department;
    std::string statusText; // already localised
    std::string acceptedAt;
    std::string dueDate;
    std::string completedAt;       // empty while open
    bool notAccepted = false;      // 不予受理: acceptedAt is when the application was made (申请时间)
    std::string note;              // the server's note (why suspended / refused, what to bring); may be empty
    std::string applicantName;     // printed masked
    std::string applicantIdNumber; // printed masked
    std::vector<CaseStepLine> steps;
};

struct MaterialItem {
    std::string name;
    std::string requirement; // e.g. 原件1份，复印件1份
    bool required = true;
};

struct MaterialsListData {
    std::string serviceName;
    std::string department;
    std::vector<MaterialItem> items;
    std::string timeLimit; // e.g. 5个工作日
    std::string fee;       // e.g. 不收费
    std::string location;  // e.g. 二楼 12 号窗口
    std::string consultPhone;
    std::string guideUrl; // optional QR to the online guide
};

// ---- templates ----
// What the complaint slip's QR holds: both numbers a follow-up needs ("complaint:HALL-07-000012:483920"),
// so a scanner (or a phone) can fill 投诉查询 without typing.
std::string complaintQrText(const std::string& trackingNo, const std::string& verifyCode);

printer::Receipt complaintReceiptSlip(const ComplaintReceiptData& data, const SlipContext& ctx);
printer::Receipt caseStatusSlip(const CaseStatusData& data, const SlipContext& ctx);
printer::Receipt materialsListSlip(const MaterialsListData& data, const SlipContext& ctx);

// The [slip] keys the templates use (for the string-table completeness test).
const std::vector<std::string_view>& slipTextKeys();

} // namespace kiosk
