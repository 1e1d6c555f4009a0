// ReceiptPrinter — the ESC/POS print queue (drivers/printer) seen from the app: PrintService for
// the flows, PrintFinished events out. A failed job stays in the queue's failed list for the
// technician to reprint; the flow shows the citizen what the slip would have said.
#pragma once

#include "drivers/printer/PrintQueue.h"
#include "kiosk/EventQueue.h"
#include "kiosk/Services.h"

namespace kiosk {

class ReceiptPrinter : public PrintService {
public:
    ReceiptPrinter(printer::PrinterSettings settings, EventQueue& events);

    bool available() const override { return true; }
    std::uint64_t print(printer::Receipt receipt) override { return queue_.submit(std::move(receipt)); }
    printer::PrintQueue& queue() { return queue_; }

private:
    EventQueue& events_;
    printer::PrintQueue queue_;
};

// Printer event -> app event (pure; unit-tested). False for events the flows do not need.
bool toAppEvent(const printer::PrinterEvent& in, AppEvent& out);

} // namespace kiosk
