// RunStats (see the header): the counters and their JSON.
#include "ui/RunStats.h"

#include <algorithm>
#include <fstream>
#include <utility>

namespace kiosk::ui {

namespace {
constexpr size_t kMaxTimes = 5000; // per list; see the header
}

RunStats::RunStats(std::string firstFrameMarker) : firstFrameMarker_(std::move(firstFrameMarker)) {}

double RunStats::sinceStartMs() const {
    return std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
}

void RunStats::wokeUp() {
    ++wakeups_;
    if (wakeTimes_.size() < kMaxTimes) wakeTimes_.push_back(sinceStartMs());
}

void RunStats::frameDrawn() {
    ++framesDrawn_;
    if (frameTimes_.size() < kMaxTimes) frameTimes_.push_back(sinceStartMs());
    if (firstFrameMs_ < 0) {
        firstFrameMs_ = sinceStartMs();
        if (!firstFrameMarker_.empty()) std::ofstream(firstFrameMarker_) << firstFrameMs_ << "\n";
    }
}

void RunStats::atlasRebuilt(double ms) {
    ++atlasRebuilds_;
    maxRebuildMs_ = std::max(maxRebuildMs_, ms);
}

void RunStats::write(const std::string& path, size_t glyphs) const {
    if (path.empty()) return;
    std::ofstream out(path);
    auto list = [&out](const std::vector<double>& v) {
        out << "[";
        for (size_t i = 0; i < v.size(); ++i)
            out << (i ? ", " : "") << static_cast<long>(v[i]);
        out << "]";
    };
    out << "{\"frames_drawn\": " << framesDrawn_ << ", \"loop_wakeups\": " << wakeups_
        << ", \"first_frame_ms\": " << firstFrameMs_ << ", \"glyphs\": " << glyphs
        << ", \"atlas_rebuilds\": " << atlasRebuilds_ << ", \"max_atlas_rebuild_ms\": " << maxRebuildMs_
        << ", \"frame_times_ms\": ";
    list(frameTimes_);
    out << ", \"wakeup_times_ms\": ";
    list(wakeTimes_);
    out << "}\n";
}

} // namespace kiosk::ui
