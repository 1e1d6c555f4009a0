// Slip pictures on disk (issue 8.14): a printed slip shows a citizen's masked name and case, so its PNG is
// 0600 whatever the umask, and a wider file left from before is narrowed when written again.
#include "drivers/printer/SlipImage.h"
#include "tests/server/TempDir.h"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <fstream>

using kiosk::printer::SlipImage;

namespace {

struct Umask {
    mode_t old;
    explicit Umask(mode_t m) : old(::umask(m)) {}
    ~Umask() { ::umask(old); }
};

unsigned modeOf(const std::string& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

SlipImage smallSlip() {
    SlipImage img;
    img.width = 8;
    img.height = 4;
    img.pixels.assign(32, 255);
    img.pixels[9] = 0;
    return img;
}

} // namespace

TEST_CASE("a slip picture is written 0600 under umask 000, and a wider old file is narrowed") {
    kiosk::testing::TempDir dir("slipmode");
    Umask open(0);
    const std::string path = dir / "job-0001.png";
    std::string error;
    REQUIRE_MESSAGE(kiosk::printer::writeSlipPng(smallSlip(), path, &error), error);
    CHECK(modeOf(path) == 0600);
    // The bytes are the PNG the in-memory encoder makes.
    std::ifstream in(path, std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto png = kiosk::printer::encodeSlipPng(smallSlip());
    CHECK(std::vector<char>(png.begin(), png.end()) == bytes);

    REQUIRE(::chmod(path.c_str(), 0666) == 0);
    REQUIRE(kiosk::printer::writeSlipPng(smallSlip(), path, &error));
    CHECK(modeOf(path) == 0600);

    CHECK_FALSE(kiosk::printer::writeSlipPng(smallSlip(), dir / "no-such-dir/x.png", &error));
    CHECK(error.find("no-such-dir/x.png") != std::string::npos);
}
