// SecureWipe — overwrite personal data in memory before it is released.
// explicit_bzero is not optimised away, unlike memset on memory about to be freed.
#pragma once

#include <string.h>

#include <string>
#include <vector>

namespace kiosk {

inline void secureWipe(std::string& s) {
    if (!s.empty()) explicit_bzero(s.data(), s.size());
    s.clear();
    s.shrink_to_fit();
}

template <class T>
void secureWipe(std::vector<T>& v) {
    if (!v.empty()) explicit_bzero(v.data(), v.size() * sizeof(T));
    v.clear();
    v.shrink_to_fit();
}

} // namespace kiosk
