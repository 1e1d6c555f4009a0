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

} // namespace kiosk
