// RunStats — what the idle benchmark measures of a run: frames drawn, loop wake-ups, the time to the
// first frame and font-atlas rebuilds, written as JSON at exit (`kiosk --stats-out FILE`, read by
// bench/app) and the first frame's time as a marker file (`--first-frame-marker FILE`).
//
// Why the times and not only counts: the benchmark measures a window inside the run (idle after
// start-up), so it counts the frames and wake-ups whose times fall inside it. The first 5000 of each
// are kept; that is minutes of a busy kiosk and hours of an idle one.
//
// The JSON, one line (bench/app parses it; keep the keys and their order):
//   {"frames_drawn": N, "loop_wakeups": N, "first_frame_ms": MS, "glyphs": N, "atlas_rebuilds": N,
//    "max_atlas_rebuild_ms": MS, "frame_times_ms": [MS, ...], "wakeup_times_ms": [MS, ...]}
//
//   [x] times in ms since the stats were made (made with the runner, before its window opens)
//   [x] -1 for first_frame_ms when no frame was drawn
//   [x] atlas rebuilds after the first build, and the slowest one
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace kiosk::ui {

class RunStats {
public:
    // `firstFrameMarker`: when not empty, this file gets the first frame's time (ms) once it is shown.
    explicit RunStats(std::string firstFrameMarker = "");

    void wokeUp();     // the loop came out of its wait
    void frameDrawn(); // a frame was presented
    void atlasRebuilt(double ms);

    // Writes the JSON to `path` (nothing when empty). `glyphs`: the font atlas's glyph count at exit.
    void write(const std::string& path, size_t glyphs) const;

private:
    using Clock = std::chrono::steady_clock;
    double sinceStartMs() const;

    std::string firstFrameMarker_;
    Clock::time_point started_ = Clock::now();
    long framesDrawn_ = 0;
    long wakeups_ = 0;
    double firstFrameMs_ = -1;
    int atlasRebuilds_ = 0;
    double maxRebuildMs_ = 0;
    std::vector<double> frameTimes_, wakeTimes_;
};

} // namespace kiosk::ui
