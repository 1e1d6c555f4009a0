// TLS credential helpers shared by the terminal (enrolment) and kiosk-central (its CA): EC P-256 keys,
// certificate signing requests, PEM files written 0600, and the libcurl public-key pin of a certificate.
//
// Sections: owning handles | key + CSR | files | pins
// Checklist:
//   [x] EC P-256 key generation (OpenSSL 3 EVP_EC_gen)
//   [x] CSR with the terminal id as CN, signed by the key
//   [x] private files created 0600 atomically (write to temp, fsync, rename)
//   [x] sha256//BASE64 pin of a certificate's SubjectPublicKeyInfo (the format CURLOPT_PINNEDPUBLICKEY takes)
//   [ ] other key types (RSA, SM2): not needed by this product
#pragma once

#include <memory>
#include <string>

#include <openssl/evp.h>
#include <openssl/x509.h>

namespace kiosk::common {

// ---- owning handles ----
struct EvpPkeyFree {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct X509Free {
    void operator()(X509* p) const { X509_free(p); }
};
struct X509ReqFree {
    void operator()(X509_REQ* p) const { X509_REQ_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, EvpPkeyFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;
using X509ReqPtr = std::unique_ptr<X509_REQ, X509ReqFree>;

// ---- key + CSR ----
PkeyPtr generateEcKey();                                              // P-256; null on failure
std::string privateKeyPem(EVP_PKEY* key);                             // PKCS#8 PEM, unencrypted
std::string certificatePem(X509* cert);                               // PEM
std::string makeCsrPem(EVP_PKEY* key, const std::string& commonName); // empty on failure
// A short-lived self-signed certificate (the enrolment handshake certificate); empty on failure.
std::string makeSelfSignedCertPem(EVP_PKEY* key, const std::string& commonName, long validSeconds);
PkeyPtr loadPrivateKeyPem(const std::string& pem);
X509Ptr loadCertificatePem(const std::string& pem);
X509ReqPtr loadCsrPem(const std::string& pem);
std::string commonNameOf(X509* cert); // empty when none
// The subject's OU. kiosk-central writes the terminal's mode there ("hall" | "counter") so the terminal can
// check its config against its certificate; empty when none (certificates from before that).
std::string organizationalUnitOf(X509* cert);

// ---- files ----
// Writes the file atomically with the given mode (0600 for keys, 0644 for certificates).
bool writeFileAtomic(const std::string& path, const std::string& content, unsigned mode, std::string* error);
bool readWholeFile(const std::string& path, std::string* content);
// Creates the file only if it does not exist yet, atomically (temp file + link): when two threads or
// processes race, exactly one content wins and the others get FileCreate::Exists.
enum class FileCreate { Created, Exists, Failed };
FileCreate createFileExclusive(const std::string& path, const std::string& content, unsigned mode,
                               std::string* error);

// ---- pins ----
// "sha256//BASE64" of the certificate's public key (SPKI DER); empty on failure.
std::string publicKeyPinOfCertPem(const std::string& certPem);

} // namespace kiosk::common
