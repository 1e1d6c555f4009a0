// kioskctl config — placeholder until config lands.
#include "tools/kioskctl/Commands.h"

#include <cstdio>

int kioskctl::runConfig(int, char**) {
    std::fprintf(stderr, "kioskctl config: not implemented in this build\n");
    return 69;
}
