// kioskctl escpos — not implemented yet; replaced by the issue that delivers it.
#include "tools/kioskctl/Commands.h"

#include <cstdio>

int kioskctl::runEscpos(int, char**) {
    std::fprintf(stderr, "kioskctl escpos: not implemented in this build\n");
    return 69;
}
