// kioskctl — the technician's command-line tool: `kioskctl <command> [args]`.
#include "tools/kioskctl/Commands.h"

#include <cstdio>
#include <cstring>

namespace {

struct Command {
    const char* name;
    int (*run)(int, char**);
    const char* help;
};

const Command kCommands[] = {
    {"config", kioskctl::runConfig, "config check FILE | config init --out FILE [--mode hall|counter] ..."},
    {"idcard", kioskctl::runIdcard, "idcard read|status|simulate ...  (ID card reader)"},
    {"printer", kioskctl::runPrinter, "printer test|status|emulate ...  (receipt printer)"},
    {"escpos", kioskctl::runEscpos, "escpos render --in FILE --out PNG"},
    {"enroll", kioskctl::runEnroll, "enroll --config FILE --server URL --code CODE"},
    {"outbox", kioskctl::runOutbox, "outbox stats|enqueue-demo --config FILE ..."},
    {"sync", kioskctl::runSync, "sync --config FILE --until-empty [--timeout S]"},
};

void usage(FILE* out) {
    std::fprintf(out, "usage: kioskctl <command> [args]\n\ncommands:\n");
    for (const Command& c : kCommands)
        std::fprintf(out, "  %-8s %s\n", c.name, c.help);
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 64 : 0;
    }
    for (const Command& c : kCommands) {
        if (std::strcmp(argv[1], c.name) == 0) return c.run(argc - 1, argv + 1);
    }
    std::fprintf(stderr, "kioskctl: unknown command '%s'\n\n", argv[1]);
    usage(stderr);
    return 64;
}
