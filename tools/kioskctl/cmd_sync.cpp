// kioskctl sync — not implemented yet; replaced by the issue that delivers it.
#include "tools/kioskctl/Commands.h"

#include <cstdio>

int kioskctl::runSync(int, char**) {
    std::fprintf(stderr, "kioskctl sync: not implemented in this build\n");
    return 69;
}
