// kioskctl enroll — not implemented yet; replaced by the issue that delivers it.
#include "tools/kioskctl/Commands.h"

#include <cstdio>

int kioskctl::runEnroll(int, char**) {
    std::fprintf(stderr, "kioskctl enroll: not implemented in this build\n");
    return 69;
}
