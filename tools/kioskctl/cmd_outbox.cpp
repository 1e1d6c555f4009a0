// kioskctl outbox — not implemented yet; replaced by the issue that delivers it.
#include "tools/kioskctl/Commands.h"

#include <cstdio>

int kioskctl::runOutbox(int, char**) {
    std::fprintf(stderr, "kioskctl outbox: not implemented in this build\n");
    return 69;
}
