#include "kiosk/CitizenIdentity.h"

#include "kiosk/SecureWipe.h"

namespace kiosk {

void CitizenIdentity::wipe() {
    secureWipe(name);
    secureWipe(idNumber);
    secureWipe(maskedIdNumber);
    secureWipe(cardType);
    idChecksumOk = true;
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
