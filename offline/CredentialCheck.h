// CredentialCheck — is this terminal's key + certificate pair one that can work? Read from the files the
// config names (cert_file, key_file, ca_file), offline, with OpenSSL; used by `kioskctl config check`
// (is the terminal enrolled, for the id and mode the config says?) and by enrolment (never replace a
// working pair without being told to).
//
// Sections: report | inspection
// Checklist:
//   [x] missing (never enrolled) told apart from broken (half a pair, unreadable, damaged)
//   [x] key belongs to the certificate; certificate chains to the CA file and is inside its validity
//   [x] terminal id (CN) and mode (OU, written by kiosk-central) read back for comparison with the config
//   [ ] revocation: kiosk-central keeps no list (see server/CertAuthority.h)
#pragma once

#include <string>

namespace kiosk::offline {

// ---- report ----
struct CredentialReport {
    enum class State {
        Missing, // neither certificate nor key: the terminal was never enrolled
        Broken,  // something is there but it cannot work; `problem` says what
        Working, // key matches, chains to the CA, valid now
    };
    State state = State::Missing;
    std::string problem;    // Missing / Broken: what is wrong, naming the file (technician text)
    std::string terminalId; // the certificate's CN, when the certificate could be read
    std::string mode;       // the certificate's OU ("hall" | "counter"); empty when it carries none
    std::string validUntil; // "YYYY-MM-DD HH:MM UTC", when the certificate could be read

    bool working() const { return state == State::Working; }
};

// ---- inspection ----
CredentialReport inspectCredentials(const std::string& certFile, const std::string& keyFile,
                                    const std::string& caFile);

} // namespace kiosk::offline
