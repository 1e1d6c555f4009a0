#include "kiosk/ReceiptPrinter.h"

#include "drivers/printer/ReceiptPreview.h"

namespace kiosk {

ReceiptPrinter::ReceiptPrinter(printer::PrinterSettings settings, printer::SlipRenderOptions previewOptions,
                               EventQueue& events)
    : events_(events), previewOptions_(std::move(previewOptions)),
      queue_(std::move(settings), [this](const printer::PrinterEvent& e) {
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
      }) {}

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
