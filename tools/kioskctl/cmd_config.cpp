// kioskctl config — check a config file, or write a commented one to start from.
//
//   kioskctl config check FILE
//   kioskctl config init --out FILE [--mode hall|counter] [--server URL] [--state-dir DIR]
//                        [--terminal ID] [--counter N] [--force]
#include "config/KioskConfig.h"
#include "tools/kioskctl/Commands.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

int usage() {
    std::fprintf(stderr,
                 "usage: kioskctl config check FILE\n"
                 "       kioskctl config init --out FILE [--mode hall|counter] [--server URL]\n"
                 "                            [--state-dir DIR] [--terminal ID] [--counter N] [--force]\n");
    return 64;
}

int check(const char* path) {
    const kiosk::config::LoadResult r = kiosk::config::loadConfigFile(path);
    if (!r.ok()) {
        std::fputs(r.report().c_str(), stderr);
        std::fprintf(stderr, "%s: %zu problem%s found\n", path, r.issues.size(),
                     r.issues.size() == 1 ? "" : "s");
        return 1;
    }
    const auto& c = *r.config;
    std::printf("%s: ok (terminal %s, mode %s, server %s)\n", path, c.terminal.id.c_str(),
                std::string(kiosk::config::modeName(c.terminal.mode)).c_str(), c.server.url.c_str());
    return 0;
}

int init(int argc, char** argv) {
    kiosk::config::TemplateOptions o;
    std::string out;
    bool force = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&](std::string& dst) {
            if (i + 1 >= argc) return false;
            dst = argv[++i];
            return true;
        };
        std::string v;
        if (a == "--out" && value(out)) {
        } else if (a == "--mode" && value(v)) {
            if (v != "hall" && v != "counter") {
                std::fprintf(stderr, "kioskctl config init: --mode must be hall or counter\n");
                return 64;
            }
            o.mode = v == "hall" ? kiosk::config::Mode::Hall : kiosk::config::Mode::Counter;
            if (o.mode == kiosk::config::Mode::Counter && o.terminalId == "HALL-01")
                o.terminalId = "COUNTER-01";
        } else if (a == "--server" && value(o.serverUrl)) {
        } else if (a == "--state-dir" && value(o.stateDir)) {
        } else if (a == "--terminal" && value(o.terminalId)) {
        } else if (a == "--counter" && value(v)) {
            o.counter = std::atoi(v.c_str());
        } else if (a == "--force") {
            force = true;
        } else {
            return usage();
        }
    }
    if (out.empty()) return usage();
    const std::string text = kiosk::config::configTemplate(o);
    // Never hand a technician a file that does not pass its own check.
    const auto r = kiosk::config::parseConfig(text, out, "");
    if (!r.ok()) {
        std::fprintf(stderr, "kioskctl config init: these options give an invalid config:\n%s",
                     r.report().c_str());
        return 1;
    }
    std::error_code ec;
    if (!force && std::filesystem::exists(out, ec)) {
        std::fprintf(stderr, "kioskctl config init: %s already exists (use --force to overwrite)\n",
                     out.c_str());
        return 1;
    }
    std::ofstream f(out, std::ios::binary | std::ios::trunc);
    f << text;
    f.close();
    if (!f) {
        std::fprintf(stderr, "kioskctl config init: cannot write %s: %s\n", out.c_str(),
                     std::strerror(errno));
        return 1;
    }
    std::printf("wrote %s\n", out.c_str());
    return 0;
}

} // namespace

int kioskctl::runConfig(int argc, char** argv) {
    if (argc >= 3 && std::strcmp(argv[1], "check") == 0) return check(argv[2]);
    if (argc >= 2 && std::strcmp(argv[1], "init") == 0) return init(argc - 1, argv + 1);
    return usage();
}
