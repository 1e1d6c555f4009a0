// kioskctl escpos render --in FILE --out PNG [--paper-width 80|58] [--font PATH] [--face N]
// Renders a captured ESC/POS byte file (e.g. from a file: printer URI) exactly as the virtual printer
// would. One job -> OUT; several -> OUT, OUT-2.png, OUT-3.png ...
//
// Sections: render | command tree
// Checklist: [x] render every job, warnings on stderr, exit 1 when the file holds no job  [ ] other outputs
#include "tools/kioskctl/Commands.h"

#include "drivers/printer/VirtualPrinter.h"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

using namespace kiosk::printer;

// ---- render ----
namespace {
std::string nthPath(const std::string& out, int n) {
    if (n == 1) return out;
    const auto dot = out.rfind(".png");
    const std::string base = dot == std::string::npos ? out : out.substr(0, dot);
    return base + "-" + std::to_string(n) + ".png";
}

struct RenderOptions {
    std::string in, out;
    SlipRenderOptions ro;
};

int render(const RenderOptions& o) {
    const std::string& in = o.in;
    const std::string& out = o.out;
    const SlipRenderOptions& ro = o.ro;
    std::ifstream f(in, std::ios::binary);
    if (!f) {
        std::fprintf(stderr, "kioskctl escpos render: cannot read %s\n", in.c_str());
        return kioskctl::kExitNoInput;
    }
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(f)),
                                          std::istreambuf_iterator<char>());
    const auto jobs = renderEscposBytes(bytes, ro);
    if (jobs.empty()) {
        std::fprintf(stderr, "kioskctl escpos render: %s holds no printable job (%zu bytes)\n", in.c_str(),
                     bytes.size());
        return kioskctl::kExitFailed;
    }
    int rc = kioskctl::kExitOk;
    for (const RenderedJob& j : jobs) {
        const std::string path = nthPath(out, j.number);
        for (const std::string& w : j.warnings)
            std::fprintf(stderr, "job %d: warning: %s\n", j.number, w.c_str());
        std::string error;
        if (!writeSlipPng(j.image, path, &error)) {
            std::fprintf(stderr, "kioskctl escpos render: %s\n", error.c_str());
            rc = kioskctl::kExitCantCreate;
            continue;
        }
        std::printf("job %d: %s (%dx%d, %zu bytes%s)\n", j.number, path.c_str(), j.image.width,
                    j.image.height, j.bytes, j.endedByCut ? "" : ", no cut");
    }
    return rc;
}

} // namespace

// ---- command tree ----
void kioskctl::addEscposCommand(CLI::App& root, int* exitCode) {
    CLI::App* escpos =
        root.add_subcommand("escpos", "ESC/POS byte files (captured with a file: printer URI)");
    escpos->require_subcommand(1);
    auto o = std::make_shared<RenderOptions>();
    CLI::App* cmd = escpos->add_subcommand(
        "render", "render a captured ESC/POS file exactly as the virtual printer would; "
                  "several jobs -> OUT, OUT-2.png, OUT-3.png ...");
    cmd->add_option("--in", o->in, "the captured bytes")->required();
    cmd->add_option("--out", o->out, "PNG to write")->required();
    cmd->add_option("--paper-width", o->ro.paperWidthMm, "paper width in mm")
        ->check(CLI::IsMember({80, 58}))
        ->capture_default_str();
    cmd->add_option("--font", o->ro.fontPath, "font file")->capture_default_str();
    cmd->add_option("--face", o->ro.fontFaceIndex, "face index inside a .ttc")
        ->check(CLI::Range(0, 99))
        ->capture_default_str();
    cmd->footer("Exit codes: 0 rendered; 1 the file holds no printable job; 66 cannot read --in; 73 cannot "
                "write a PNG; 64 bad command line.");
    cmd->callback([o, exitCode] { *exitCode = render(*o); });
}
