// ID number check digit and forms. Checklist: see IdNumber.h.
#include "text/IdNumber.h"

namespace kiosk::text {

std::optional<char> gb11643CheckChar(std::string_view first17) {
    static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr char kCheck[] = "10X98765432";
    if (first17.size() != 17) return std::nullopt;
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        const char c = first17[i];
        if (c < '0' || c > '9') return std::nullopt;
        sum += (c - '0') * kWeights[i];
    }
    return kCheck[sum % 11];
}

bool gb11643Valid(std::string_view id) {
    if (id.size() != 18) return false;
    const auto want = gb11643CheckChar(id.substr(0, 17));
    if (!want) return false;
    char got = id[17];
    if (got == 'x') got = 'X';
    return got == *want;
}

IdNumberForm idNumberForm(std::string_view id) {
    auto digits = [](std::string_view s) {
        for (char c : s)
            if (c < '0' || c > '9') return false;
        return true;
    };
    if (id.size() == 18 && digits(id.substr(0, 17)) &&
        (digits(id.substr(17)) || id[17] == 'X' || id[17] == 'x'))
        return IdNumberForm::Gb11643;
    if (id.size() == 15 && digits(id.substr(3))) {
        for (char c : id.substr(0, 3))
            if (c < 'A' || c > 'Z') return IdNumberForm::Invalid;
        return IdNumberForm::Foreign2017;
    }
    return IdNumberForm::Invalid;
}

} // namespace kiosk::text
