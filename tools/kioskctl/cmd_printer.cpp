// kioskctl printer — not implemented yet; replaced by the issue that delivers it.
#include "tools/kioskctl/Commands.h"

#include <cstdio>

int kioskctl::runPrinter(int, char**) {
    std::fprintf(stderr, "kioskctl printer: not implemented in this build\n");
    return 69;
}
