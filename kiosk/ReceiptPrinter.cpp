#include "kiosk/ReceiptPrinter.h"

#include "drivers/printer/ReceiptPreview.h"

namespace kiosk {

ReceiptPrinter::ReceiptPrinter(printer::PrinterSettings settings, printer::SlipRenderOptions previewOptions,
                               EventQueue& events, Logger& log)
    : events_(events), log_(log), status_(log, "printer"), previewOptions_(std::move(previewOptions)),
      queue_(std::move(settings), [this](const printer::PrinterEvent& e) {
          logEvent(e);
          AppEvent out;
          if (!toAppEvent(e, out)) return;
          // A failed slip is drawn here, on the printer's thread (font work stays off the UI thread),
          // so the citizen can read on screen what the paper would have said.
          if (auto* p = std::get_if<PrintFinished>(&out); p && !p->ok) {
              if (const auto job = queue_.failedJob(p->jobId)) {
                  p->preview = printer::renderReceiptPreview(job->receipt, previewOptions_);
              }
          }
          events_.push(std::move(out));
      }) {
    // The printer's state at start-up, not 30 s later (the first idle poll): an unplugged printer is
    // in the log before a citizen finds out.
    queue_.requestStatus();
}

void ReceiptPrinter::logEvent(const printer::PrinterEvent& e) {
    using K = printer::PrinterEvent::Kind;
    if (e.kind == K::StatusChanged) {
        // The queue sends a status only when it changed; the verdict and the conditions are the state.
        const bool ok = e.status.canPrint();
        const std::string detail =
            e.technicianDetail.empty() ? e.status.technicianDetail() : e.technicianDetail;
        status_.set(std::string(ok ? "ready " : "not ready ") + detail,
                    ok ? LogLevel::Notice : LogLevel::Warning,
                    std::string(ok ? "status: " : "cannot print: ") + detail);
    } else if (e.kind == K::JobFailed) {
        // Each failed slip is an event a citizen saw, not a poll: every one is logged.
        log_.warning("printer", "slip " + std::to_string(e.jobId) +
                                    " not printed: " + printer::printFailureCode(e.reason) +
                                    (e.technicianDetail.empty() ? "" : " (" + e.technicianDetail + ")"));
    } else if (e.kind == K::JobPrinted) {
        log_.debug("printer", "slip " + std::to_string(e.jobId) + " printed");
    }
}

bool toAppEvent(const printer::PrinterEvent& in, AppEvent& out) {
    using K = printer::PrinterEvent::Kind;
    if (in.kind == K::JobPrinted) {
        out = PrintFinished{in.jobId, true, "", ""};
        return true;
    }
    if (in.kind == K::JobFailed) {
        out = PrintFinished{in.jobId, false,
                            std::string("print.failure.") + printer::printFailureCode(in.reason),
                            in.technicianDetail};
        return true;
    }
    return false; // status changes go to the technician screen and heartbeats, not the citizen
}

} // namespace kiosk
