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
//   [x] a working key + certificate pair is never replaced unless the request says so; a replaced pair
//       is kept as FILE.<UTC time>.bak (the key 0600)
//   [x] a code issued for another terminal id or mode replaces nothing (checked before any file changes)
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
    // What the config says this terminal is; when set, a code the server issued for another id or mode is
    // refused before anything is replaced.
    std::string expectedTerminalId, expectedMode;
    bool replaceWorking = false; // false: refuse (without contacting the server) when a working pair exists
};

// ---- result ----
struct EnrolmentResult {
    bool ok = false;
    std::string terminalId, mode;
    int counter = 0;
    bool trustedOnFirstUse = false;
    std::string caPin; // sha256// pin of the received central CA key, for the technician to compare
    std::string error; // technician text
    bool alreadyEnrolled = false; // refused: a working pair is there and replaceWorking was false
    bool unreachable = false;     // the server could not be reached (no answer at all)
    std::string existingTerminalId, existingValidUntil; // the working pair that was refused or replaced
    std::string backupCertFile, backupKeyFile;          // where the replaced pair was kept
};

// ---- enrolment ----
EnrolmentResult enrollTerminal(const EnrolmentRequest& request);

} // namespace kiosk::offline
