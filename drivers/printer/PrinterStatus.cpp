// Status decoding and wording. Sections: decodeStatus · verdict · messages · JSON.
#include "drivers/printer/PrinterStatus.h"

#include <cstdio>

namespace kiosk::printer {

// ---- decodeStatus ----
PrinterStatus decodeStatus(const std::array<std::uint8_t, 4>& r) {
    PrinterStatus s;
    s.raw = r;
    s.answered = isStatusReplyByte(r[0]) && isStatusReplyByte(r[1]) && isStatusReplyByte(r[2]) &&
                 isStatusReplyByte(r[3]);
    if (!s.answered) return s;
    s.offline = r[0] & 0x08;
    s.waitingForOnlineRecovery = r[0] & 0x20;
    s.feedButtonPressed = r[0] & 0x40;
    s.coverOpen = r[1] & 0x04;
    s.paperFedByButton = r[1] & 0x08;
    s.stoppedOnPaperEnd = r[1] & 0x20;
    s.errorOccurred = r[1] & 0x40;
    s.recoverableError = r[2] & 0x04;
    s.cutterError = r[2] & 0x08;
    s.unrecoverableError = r[2] & 0x20;
    s.autoRecoverableError = r[2] & 0x40;
    s.paperNearEnd = (r[3] & 0x0C) == 0x0C;
    s.paperOut = (r[3] & 0x60) == 0x60;
    return s;
}

// ---- verdict ----
bool PrinterStatus::canPrint() const {
    return answered && !offline && !coverOpen && !stoppedOnPaperEnd && !paperOut && !errorOccurred &&
           !cutterError && !unrecoverableError && !recoverableError && !autoRecoverableError;
}

// ---- messages ----
std::string PrinterStatus::citizenMessageZh() const {
    if (!answered) return "打印机没有响应，请联系工作人员。";
    if (paperOut || stoppedOnPaperEnd) return "打印机缺纸，请联系工作人员。";
    if (coverOpen) return "打印机盖未关好，请联系工作人员。";
    if (cutterError || unrecoverableError || recoverableError || autoRecoverableError || errorOccurred)
        return "打印机故障，请联系工作人员。";
    if (offline) return "打印机未就绪，请联系工作人员。";
    if (paperNearEnd) return "打印纸即将用完。";
    return "";
}

std::string PrinterStatus::technicianDetail() const {
    std::string d;
    auto add = [&](bool on, const char* what) {
        if (!on) return;
        if (!d.empty()) d += ", ";
        d += what;
    };
    char rawText[64];
    std::snprintf(rawText, sizeof rawText, "DLE EOT 1-4 = %02X %02X %02X %02X", raw[0], raw[1], raw[2],
                  raw[3]);
    if (!answered) return std::string("no valid status reply (") + rawText + ")";
    add(offline, "offline");
    add(waitingForOnlineRecovery, "waiting for online recovery");
    add(feedButtonPressed, "feed button pressed");
    add(coverOpen, "cover open");
    add(paperFedByButton, "paper fed by button");
    add(stoppedOnPaperEnd, "stopped on paper end");
    add(errorOccurred, "error");
    add(recoverableError, "recoverable error");
    add(cutterError, "autocutter error");
    add(unrecoverableError, "unrecoverable error");
    add(autoRecoverableError, "auto-recoverable error");
    add(paperNearEnd, "paper near end");
    add(paperOut, "paper out");
    if (d.empty()) d = "ready";
    return d + " (" + rawText + ")";
}

// ---- JSON ----
std::string statusToJson(const PrinterStatus& s) {
    auto b = [](bool v) { return v ? "true" : "false"; };
    char raw[32];
    std::snprintf(raw, sizeof raw, "[%u,%u,%u,%u]", s.raw[0], s.raw[1], s.raw[2], s.raw[3]);
    std::string j = "{";
    j += std::string("\"answered\":") + b(s.answered);
    j += std::string(",\"canPrint\":") + b(s.canPrint());
    j += std::string(",\"online\":") + b(s.online());
    j += std::string(",\"coverOpen\":") + b(s.coverOpen);
    j += std::string(",\"paperNearEnd\":") + b(s.paperNearEnd);
    j += std::string(",\"paperOut\":") + b(s.paperOut || s.stoppedOnPaperEnd);
    j += std::string(",\"cutterError\":") + b(s.cutterError);
    j += std::string(",\"unrecoverableError\":") + b(s.unrecoverableError);
    j += std::string(",\"recoverableError\":") + b(s.recoverableError || s.autoRecoverableError);
    j += std::string(",\"raw\":") + raw;
    j += ",\"messageZh\":\"" + s.citizenMessageZh() + "\"";
    j += ",\"detail\":\"" + s.technicianDetail() + "\"";
    return j + "}";
}

} // namespace kiosk::printer
