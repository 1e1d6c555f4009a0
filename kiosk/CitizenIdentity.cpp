#include "kiosk/CitizenIdentity.h"

#include "kiosk/SecureWipe.h"

#include <cstdio>

namespace kiosk {

void CitizenIdentity::wipe() {
    secureWipe(name);
    secureWipe(idNumber);
    secureWipe(maskedIdNumber);
    secureWipe(cardType);
    idChecksumOk = true;
    expired = false;
}

bool cardExpired(const std::string& validTo, std::chrono::year_month_day today) {
    int y = 0;
    unsigned m = 0, d = 0;
    if (validTo.size() != 10 || std::sscanf(validTo.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return false;
    const std::chrono::year_month_day last{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    return last.ok() && last < today;
}

std::string maskName(const std::string& s) {
    // Keep the first UTF-8 code point, replace every following code point by '*'.
    std::string out;
    size_t i = 0;
    bool first = true;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
        if (i + len > s.size()) len = s.size() - i;
        if (first)
            out.append(s, i, len);
        else if (c != ' ')
            out += '*';
        first = false;
        i += len;
    }
    return out;
}

} // namespace kiosk
