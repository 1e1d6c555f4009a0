// CitizenIdentity — the little the app keeps of a presented ID card while a citizen is served.
//
// Data minimisation: the full card (address, photo, issuer ...) stays in the driver and is wiped there;
// the session keeps the name for greeting, the ID number for the server query and its masked form
// for the screen. wipe() runs when the session ends.
#pragma once

#include <chrono>
#include <string>

namespace kiosk {

struct CitizenIdentity {
    std::string name;           // as printed on the card; shown masked on screen
    std::string idNumber;       // full number; sent to the server, never shown, never logged
    std::string maskedIdNumber; // first 6 + last 4, the only form the screen shows
    std::string cardType;       // resident | hmt_permit | foreign_2017 | foreign_2023
    bool idChecksumOk = true;
    bool expired = false; // the card's validity ended before today (the hall's date): flag it to the citizen

    void wipe();
};

// True when `validTo` ("YYYY-MM-DD", the card's last valid day) is before `today`. "长期" (no end),
// an empty or unreadable date is not expired: the terminal does not guess.
bool cardExpired(const std::string& validTo, std::chrono::year_month_day today);

} // namespace kiosk
