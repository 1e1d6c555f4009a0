// SlipTracker — the slip a citizen asked for, from "print" to printed or failed, shared by every flow
// that prints (case status, complaint receipt, materials list).
//
// Sections: the view screens render | the tracker (print, events, close, wipe)
//
// Why one piece: the rules that keep one citizen's slip from the next citizen's eyes are subtle
// (issue 8.1) and must hold for every flow: a job answers only if it is this citizen's; a rendering
// of the demo's virtual printer (which carries no job id) is taken only when this citizen's job is
// the one the printer can be drawing; every picture gets a serial that is never reused, so a cached
// texture can never pass for another slip. No ImGui, no I/O: the PrintService does the printing.
//
//   [x] one slip at a time; Printing -> Printed, or Failed with what the slip says (its picture)
//   [x] jobs of a previous citizen still in flight are tracked and never shown
//   [x] wipe() when the session ends: the slip goes, the jobs in flight and the serials stay
#pragma once

#include "drivers/printer/Receipt.h"
#include "drivers/printer/SlipImage.h"
#include "kiosk/AppEvent.h"
#include "kiosk/Services.h"
#include "kiosk/Watched.h"

#include <cstdint>
#include <set>
#include <string>

namespace kiosk {

// ---- the view screens render ----
enum class SlipPhase { None, Printing, Printed, Failed };

struct SlipView {
    SlipPhase phase = SlipPhase::None;
    std::uint64_t jobId = 0;
    std::string failureKey;     // when Failed
    printer::SlipImage preview; // Failed: what the slip says; Printed (demo): what the virtual printer drew
    // Names this picture for the terminal's whole life (0 = none yet): every new picture gets a new
    // serial, across citizens too, so a cached texture can never pass for the next citizen's slip.
    std::uint64_t previewSerial = 0;
};

// ---- the tracker ----
class SlipTracker {
public:
    explicit SlipTracker(PrintService& printer) : printer_(printer) {}

    const SlipView& view() const { return view_.get(); }
    // False when the terminal has no printer: screens then offer no print button.
    bool available() const { return printer_.available(); }
    // Sends the receipt. False (nothing sent) without a printer or while a slip is printing.
    bool print(printer::Receipt receipt);
    // PrintFinished and SlipRendered; every other event is ignored.
    void handle(const AppEvent& event);
    void close();
    void wipe();

    std::uint64_t revision() const { return view_.revision(); }

private:
    void showPicture(const printer::SlipImage& image);

    PrintService& printer_;
    Watched<SlipView> view_;
    std::set<std::uint64_t> inFlight_; // job ids sent and not finished, whoever's they were
    std::uint64_t lastSerial_ = 0;     // never reset: see SlipView::previewSerial
};

} // namespace kiosk
