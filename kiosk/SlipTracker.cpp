#include "kiosk/SlipTracker.h"

namespace kiosk {

bool SlipTracker::print(printer::Receipt receipt) {
    if (!printer_.available() || view_->phase == SlipPhase::Printing) return false;
    SlipView& v = view_.edit();
    v = SlipView{};
    v.phase = SlipPhase::Printing;
    v.jobId = printer_.print(std::move(receipt));
    inFlight_.insert(v.jobId);
    return true;
}

void SlipTracker::showPicture(const printer::SlipImage& image) {
    SlipView& v = view_.edit();
    v.preview = image;
    v.previewSerial = ++lastSerial_;
}

void SlipTracker::handle(const AppEvent& event) {
    const SlipView& v = view_.get();
    if (const auto* p = std::get_if<PrintFinished>(&event)) {
        inFlight_.erase(p->jobId);
        if (v.phase != SlipPhase::Printing || p->jobId != v.jobId) return; // not this citizen's
        if (p->ok) {
            view_.edit().phase = SlipPhase::Printed;
        } else {
            view_.edit().phase = SlipPhase::Failed;
            view_.edit().failureKey = p->failureKey;
            showPicture(p->preview);
        }
    } else if (const auto* r = std::get_if<SlipRendered>(&event)) {
        // Only the demo has a printer that can show what it printed. A rendering carries no job id, so
        // it is taken only when this citizen's job is the one job the printer can be drawing: never
        // a late picture of the previous citizen's slip.
        const bool onlyOurs = inFlight_.size() == 1 && inFlight_.count(v.jobId) == 1;
        if ((v.phase == SlipPhase::Printing && onlyOurs) ||
            (v.phase == SlipPhase::Printed && inFlight_.empty() && v.previewSerial == 0))
            showPicture(r->image);
    }
}

void SlipTracker::close() {
    if (view_->phase != SlipPhase::None) view_.set(SlipView{});
}

void SlipTracker::wipe() {
    close();
}

} // namespace kiosk
