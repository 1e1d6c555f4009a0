// kioskctl escpos render --in FILE --out PNG [--paper-width 80|58] [--font PATH] [--face N]
// Renders a captured ESC/POS byte file (e.g. from a file: printer URI) exactly as the virtual printer
// would. One job -> OUT; several -> OUT, OUT-2.png, OUT-3.png ...
//
// Checklist: [x] render every job, warnings on stderr, exit 1 when the file holds no job  [ ] other outputs
#include "tools/kioskctl/Commands.h"

#include "drivers/printer/VirtualPrinter.h"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

using namespace kiosk::printer;

namespace {
int usage() {
    std::fprintf(stderr,
                 "usage: kioskctl escpos render --in FILE --out PNG [--paper-width 80|58] [--font PATH] "
                 "[--face N]\n");
    return 64;
}

std::string nthPath(const std::string& out, int n) {
    if (n == 1) return out;
    const auto dot = out.rfind(".png");
    const std::string base = dot == std::string::npos ? out : out.substr(0, dot);
    return base + "-" + std::to_string(n) + ".png";
}
} // namespace

int kioskctl::runEscpos(int argc, char** argv) {
    if (argc < 2 || std::string(argv[1]) != "render") return usage();
    std::string in, out;
    SlipRenderOptions ro;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (i + 1 >= argc) return usage();
        const std::string v = argv[++i];
        if (a == "--in")
            in = v;
        else if (a == "--out")
            out = v;
        else if (a == "--font")
            ro.fontPath = v;
        else if (a == "--paper-width" && (v == "80" || v == "58"))
            ro.paperWidthMm = std::stoi(v);
        else if (a == "--face" && v.size() <= 2 && v.find_first_not_of("0123456789") == std::string::npos)
            ro.fontFaceIndex = std::stoi(v);
        else
            return usage();
    }
    if (in.empty() || out.empty()) return usage();
    std::ifstream f(in, std::ios::binary);
    if (!f) {
        std::fprintf(stderr, "kioskctl escpos render: cannot read %s\n", in.c_str());
        return 66;
    }
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(f)),
                                          std::istreambuf_iterator<char>());
    const auto jobs = renderEscposBytes(bytes, ro);
    if (jobs.empty()) {
        std::fprintf(stderr, "kioskctl escpos render: %s holds no printable job (%zu bytes)\n", in.c_str(),
                     bytes.size());
        return 1;
    }
    int rc = 0;
    for (const RenderedJob& j : jobs) {
        const std::string path = nthPath(out, j.number);
        for (const std::string& w : j.warnings)
            std::fprintf(stderr, "job %d: warning: %s\n", j.number, w.c_str());
        std::string error;
        if (!writeSlipPng(j.image, path, &error)) {
            std::fprintf(stderr, "kioskctl escpos render: %s\n", error.c_str());
            rc = 73;
            continue;
        }
        std::printf("job %d: %s (%dx%d, %zu bytes%s)\n", j.number, path.c_str(), j.image.width,
                    j.image.height, j.bytes, j.endedByCut ? "" : ", no cut");
    }
    return rc;
}
