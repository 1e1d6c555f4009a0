// Terminal enrolment: the technician types a one-time code from `kiosk-central enroll-code`; the terminal
// creates its key, sends a CSR with the code, and stores the signed certificate and the central CA.
//
// Sections: request | result | enrolment
// Checklist:
//   [x] EC P-256 key generated on the terminal, never leaves it; written 0600
//   [x] server verified against an existing CA file or a pinned key when the technician has one; otherwise
//       trust on first use, reported as such (with the CA's key pin for the technician to compare)
//   [x] the received certificate must match our key; a verification request with the new credentials and
//       the received CA must succeed before anything replaces the previous files
//   [x] the data-at-rest key (store.key) is created at enrolment when missing
#pragma once

#include <string>

namespace kiosk::offline {

// ---- request ----
struct EnrolmentRequest {
    std::string serverUrl; // https://host:port
    std::string code;
    std::string caFile;       // central CA: used to verify the server if it exists; written on success
    std::string pinnedPubkey; // optional
    std::string certFile, keyFile;
    std::string dataKeyFile; // store.key, created when missing
    std::string workDir;     // for the temporary enrolment certificate
    int timeoutMs = 15000;
};

// ---- result ----
struct EnrolmentResult {
    bool ok = false;
    std::string terminalId, mode;
    int counter = 0;
    bool trustedOnFirstUse = false;
    std::string caPin; // sha256// pin of the received central CA key, for the technician to compare
    std::string error; // technician text
};

// ---- enrolment ----
EnrolmentResult enrollTerminal(const EnrolmentRequest& request);

} // namespace kiosk::offline
