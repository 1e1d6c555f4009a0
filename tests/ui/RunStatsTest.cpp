// RunStats: the JSON bench/app reads, key for key and in order; the first-frame marker.
#include "ui/RunStats.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

using kiosk::ui::RunStats;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

const std::string kDir = std::string(KIOSK_BINARY_DIR) + "/tests/ui/run_stats";

} // namespace

TEST_CASE("the stats JSON keeps bench/app's keys, their order and its one line") {
    std::filesystem::create_directories(kDir);
    const std::string path = kDir + "/stats.json", marker = kDir + "/first-frame";
    std::filesystem::remove(marker);
    RunStats stats(marker);
    stats.wokeUp();
    stats.wokeUp();
    stats.frameDrawn();
    CHECK(std::filesystem::exists(marker)); // written with the first frame, not at exit
    stats.frameDrawn();
    stats.atlasRebuilt(12.5);
    stats.atlasRebuilt(3.0);
    stats.wokeUp();
    stats.write(path, 464);
    const std::string json = slurp(path);
    const std::regex shape(
        R"(^\{"frames_drawn": 2, "loop_wakeups": 3, "first_frame_ms": [0-9.e-]+, )"
        R"("glyphs": 464, "atlas_rebuilds": 2, "max_atlas_rebuild_ms": 12\.5, )"
        R"("frame_times_ms": \[[0-9]+, [0-9]+\], "wakeup_times_ms": \[[0-9]+, [0-9]+, [0-9]+\]\}\n$)");
    CHECK_MESSAGE(std::regex_match(json, shape), json);
    CHECK(std::stod(slurp(marker)) >= 0);
}

TEST_CASE("no frame drawn: first_frame_ms is -1 and the lists are empty; no path, no file") {
    std::filesystem::create_directories(kDir);
    const std::string path = kDir + "/idle.json";
    RunStats stats;
    stats.write(path, 0);
    CHECK(slurp(path) == "{\"frames_drawn\": 0, \"loop_wakeups\": 0, \"first_frame_ms\": -1, \"glyphs\": 0, "
                         "\"atlas_rebuilds\": 0, \"max_atlas_rebuild_ms\": 0, \"frame_times_ms\": [], "
                         "\"wakeup_times_ms\": []}\n");
    std::filesystem::remove(path);
    stats.write("", 0);
    CHECK_FALSE(std::filesystem::exists(path));
}
