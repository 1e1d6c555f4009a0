// kioskctl idcard — not implemented yet; replaced by the issue that delivers it.
#include "tools/kioskctl/Commands.h"

#include <cstdio>

int kioskctl::runIdcard(int, char**) {
    std::fprintf(stderr, "kioskctl idcard: not implemented in this build\n");
    return 69;
}
