// ReceiptPrinter — the ESC/POS print queue (drivers/printer) seen from the app: PrintService for
// the flows, PrintFinished events out. A failed job stays in the queue's failed list for the
// technician to reprint; the flow shows the citizen what the slip would have said.
#pragma once

#include "drivers/printer/PrintQueue.h"
#include "drivers/printer/SlipRenderer.h"
#include "kiosk/EventQueue.h"
#include "kiosk/Log.h"
#include "kiosk/Services.h"

namespace kiosk {

class ReceiptPrinter : public PrintService {
public:
    // `previewOptions`: font and paper width for drawing a failed slip on screen (config [ui], [printer]).
    // Status changes and failed jobs are logged (`log`, from the printer's thread).
    ReceiptPrinter(printer::PrinterSettings settings, printer::SlipRenderOptions previewOptions,
                   EventQueue& events, Logger& log);

    bool available() const override { return true; }
    std::uint64_t print(printer::Receipt receipt) override { return queue_.submit(std::move(receipt)); }
    printer::PrintQueue& queue() { return queue_; }

private:
    void logEvent(const printer::PrinterEvent& e); // on the printer's thread

    EventQueue& events_;
    Logger& log_;
    StateLog status_; // used on the printer's thread only
    printer::SlipRenderOptions previewOptions_;
    printer::PrintQueue queue_; // last: its worker calls back into the members above
};

// Printer event -> app event (pure; unit-tested). False for events the flows do not need.
bool toAppEvent(const printer::PrinterEvent& in, AppEvent& out);

} // namespace kiosk
