#include "kiosk/ReceiptPrinter.h"

namespace kiosk {

ReceiptPrinter::ReceiptPrinter(printer::PrinterSettings settings, EventQueue& events)
    : events_(events), queue_(std::move(settings), [this](const printer::PrinterEvent& e) {
          AppEvent out;
          if (toAppEvent(e, out)) events_.push(std::move(out));
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
