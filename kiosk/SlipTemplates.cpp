// Slip templates (personal data masked by the one policy, text/Masking.h). Sections: shared header/footer ·
// complaint · case status · materials · keys.
#include "kiosk/SlipTemplates.h"

#include "text/Masking.h"

#include <ctime>

namespace kiosk {

using printer::Align;
using printer::Receipt;
using printer::TextStyle;

namespace {

// ---- shared header/footer ----

std::string label(const SlipContext& ctx, std::string_view key) {
    std::string full = "slip.";
    full += key;
    return ctx.text ? ctx.text(full) : full;
}

// Not localtime: the machine's TZ is not the hall's (issue 8.6).
std::string formatTime(const SlipContext& ctx) {
    if (ctx.formatTime) return ctx.formatTime(ctx.printedAt);
    const std::time_t t = std::chrono::system_clock::to_time_t(ctx.printedAt);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
    return buf;
}

// The pattern's {0} replaced by `arg`.
std::string filled(std::string pattern, const std::string& arg) {
    const auto at = pattern.find("{0}");
    if (at != std::string::npos) pattern.replace(at, 3, arg);
    return pattern;
}

void rowIf(Receipt& r, const SlipContext& ctx, std::string_view key, const std::string& value,
           bool bold = false) {
    if (!value.empty()) r.row(label(ctx, key), value, bold);
}

void footer(Receipt& r, const SlipContext& ctx) {
    r.separator();
    r.row(label(ctx, "terminal"), ctx.terminalId);
    r.row(label(ctx, "printed_at"), formatTime(ctx));
    r.text(label(ctx, "footer"), TextStyle{Align::Center});
    r.cut();
}

} // namespace

// ---- complaint ----

std::string complaintQrText(const std::string& trackingNo, const std::string& verifyCode) {
    return "complaint:" + trackingNo + ":" + verifyCode;
}

Receipt complaintReceiptSlip(const ComplaintReceiptData& d, const SlipContext& ctx) {
    Receipt r;
    r.title(label(ctx, "complaint_title"));
    r.separator();
    r.row(label(ctx, "tracking_number"), d.trackingNumber, true);
    r.row(label(ctx, "verification_code"), d.verificationCode, true);
    rowIf(r, ctx, "category", d.category);
    rowIf(r, ctx, "target_department", d.targetDepartment);
    rowIf(r, ctx, "complainant", d.citizenName.empty() ? std::string() : text::maskName(d.citizenName));
    rowIf(r, ctx, "id_number", d.idNumber.empty() ? std::string() : text::maskIdNumber(d.idNumber));
    rowIf(r, ctx, "phone", d.phone.empty() ? std::string() : text::maskPhone(d.phone));
    rowIf(r, ctx, "received_at", d.receivedAt);
    if (d.handlingDays > 0)
        r.row(label(ctx, "handling_limit"),
              filled(label(ctx, "handling_days"), std::to_string(d.handlingDays)));
    r.separator();
    r.qr(d.trackingUrl.empty() ? d.trackingNumber : d.trackingUrl, 6);
    r.text(label(ctx, "complaint_scan_hint"), TextStyle{Align::Center});
    r.text(label(ctx, "complaint_keep"));
    footer(r, ctx);
    return r;
}

// ---- case status ----

Receipt caseStatusSlip(const CaseStatusData& d, const SlipContext& ctx) {
    Receipt r;
    r.title(label(ctx, "case_title"));
    r.separator();
    r.row(label(ctx, "case_number"), d.caseNumber, true);
    rowIf(r, ctx, "item", d.itemName);
    rowIf(r, ctx, "department", d.department);
    rowIf(r, ctx, "applicant", d.applicantName.empty() ? std::string() : text::maskName(d.applicantName));
    rowIf(r, ctx, "id_number",
          d.applicantIdNumber.empty() ? std::string() : text::maskIdNumber(d.applicantIdNumber));
    rowIf(r, ctx, "status", d.statusText, true);
    rowIf(r, ctx, d.notAccepted ? "applied_at" : "accepted_at", d.acceptedAt);
    rowIf(r, ctx, "due_date", d.dueDate);
    rowIf(r, ctx, "completed_at", d.completedAt);
    if (!d.note.empty()) {
        // A paragraph, not a row: notes run to a few lines and a right-aligned value would be hard to read.
        r.text(label(ctx, "note"), TextStyle{Align::Left, true});
        r.text(d.note);
    }
    if (!d.steps.empty()) {
        r.separator();
        r.text(label(ctx, "steps"), TextStyle{Align::Left, true});
        for (const CaseStepLine& s : d.steps)
            r.row(s.name, s.finishedAt.empty() ? s.stateText : s.stateText + " " + s.finishedAt);
    }
    footer(r, ctx);
    return r;
}

// ---- materials ----

Receipt materialsListSlip(const MaterialsListData& d, const SlipContext& ctx) {
    Receipt r;
    r.title(label(ctx, "materials_title"));
    r.separator();
    r.text(d.serviceName, TextStyle{Align::Left, true});
    rowIf(r, ctx, "department", d.department);
    r.separator();
    int n = 0;
    for (const MaterialItem& m : d.items) {
        ++n;
        const std::string mark = label(ctx, m.required ? "material_required" : "material_optional");
        // A row, the mark on the right like a checklist's box: the printer wraps by columns, so a mark
        // written after a long name could be split at its bracket; a row falls back to two lines whole.
        r.row(std::to_string(n) + ". " + m.name, mark);
        if (!m.requirement.empty()) r.text("   " + m.requirement);
    }
    r.separator();
    rowIf(r, ctx, "time_limit", d.timeLimit);
    rowIf(r, ctx, "fee", d.fee);
    rowIf(r, ctx, "location", d.location);
    rowIf(r, ctx, "consult_phone", d.consultPhone);
    if (!d.guideUrl.empty()) {
        r.qr(d.guideUrl, 5);
        r.text(label(ctx, "materials_scan_hint"), TextStyle{Align::Center});
    }
    footer(r, ctx);
    return r;
}

// ---- keys ----

const std::vector<std::string_view>& slipTextKeys() {
    static const std::vector<std::string_view> keys = {"complaint_title",
                                                       "tracking_number",
                                                       "verification_code",
                                                       "category",
                                                       "target_department",
                                                       "complainant",
                                                       "id_number",
                                                       "phone",
                                                       "complaint_scan_hint",
                                                       "complaint_keep",
                                                       "received_at",
                                                       "handling_limit",
                                                       "handling_days",
                                                       "case_title",
                                                       "case_number",
                                                       "item",
                                                       "department",
                                                       "applicant",
                                                       "status",
                                                       "accepted_at",
                                                       "applied_at",
                                                       "note",
                                                       "due_date",
                                                       "completed_at",
                                                       "steps",
                                                       "materials_title",
                                                       "material_required",
                                                       "material_optional",
                                                       "time_limit",
                                                       "fee",
                                                       "location",
                                                       "consult_phone",
                                                       "materials_scan_hint",
                                                       "terminal",
                                                       "printed_at",
                                                       "footer"};
    return keys;
}

} // namespace kiosk
