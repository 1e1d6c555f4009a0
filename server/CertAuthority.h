// kiosk-central's terminal certificate authority: one EC P-256 CA in the TLS directory that signs the
// server certificate (127.0.0.1 / localhost) and every terminal's client certificate (CN = terminal id).
//
// Sections: files in the TLS directory | authority
// Checklist:
//   [x] first start creates ca.key (0600), ca.crt, server.key (0600), server.crt (SAN 127.0.0.1, ::1,
//       localhost)
//   [x] later starts reuse them (a half-written set is refused with a clear message, not overwritten)
//   [x] terminal client certificate issued directly (demo/tests) or from a CSR (enrolment); CN forced to
//       the id, OU = the terminal's mode (hall|counter) when known
//   [x] terminal certificates: clientAuth EKU, 2 years; server certificate: serverAuth EKU, 2 years;
//       CA 10 years
//   [ ] revocation list: not implemented (a replaced terminal is refused by id on the server instead)
#pragma once

#include "common/TlsCredentials.h"

#include <optional>
#include <string>
#include <vector>

namespace kiosk::central {

// ---- files in the TLS directory ----
struct TlsDirFiles {
    std::string caCert, caKey, serverCert, serverKey;
    static TlsDirFiles in(const std::string& tlsDir);
};

// ---- authority ----
class CertAuthority {
public:
    // Loads the CA from tlsDir, creating the CA and the server certificate on first use.
    // `serverNames`: host names or IP addresses terminals reach the server by, added to the server
    // certificate (next to 127.0.0.1, ::1 and localhost) when it is first created.
    static std::optional<CertAuthority> openOrCreate(const std::string& tlsDir, std::string* error,
                                                     const std::vector<std::string>& serverNames = {});

    // Signs `publicKey` into a client certificate for `terminalId`; returns PEM or empty on failure.
    // `mode` ("hall" | "counter"), when given, goes into the subject's OU for the terminal to check.
    std::string signClientCertificate(EVP_PKEY* publicKey, const std::string& terminalId, std::string* error,
                                      const std::string& mode = {}) const;
    // Verifies the CSR's self-signature, then signs its key for `terminalId` (the CSR's own subject is
    // ignored).
    std::string signCsr(const std::string& csrPem, const std::string& terminalId, std::string* error,
                        const std::string& mode = {}) const;
    // Writes ca.crt, client.crt, client.key (0600) for `terminalId` into outDir (created if missing).
    bool issueTerminalCredentials(const std::string& terminalId, const std::string& outDir,
                                  std::string* error, const std::string& mode = {}) const;

    const std::string& caCertPem() const { return caCertPem_; }
    const TlsDirFiles& files() const { return files_; }

private:
    TlsDirFiles files_;
    std::string caCertPem_;
    common::X509Ptr caCert_;
    common::PkeyPtr caKey_;
};

} // namespace kiosk::central
