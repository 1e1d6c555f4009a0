// kiosk-central's certificate authority (see CertAuthority.h).
//
// Sections: certificate building | first start | signing | terminal credentials
#include "server/CertAuthority.h"

#include <arpa/inet.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sys/stat.h>

#include <openssl/rand.h>
#include <openssl/x509v3.h>

namespace kiosk::central {
namespace fs = std::filesystem;
using common::PkeyPtr;
using common::X509Ptr;

TlsDirFiles TlsDirFiles::in(const std::string& tlsDir) {
    fs::path d(tlsDir);
    return {(d / "ca.crt").string(), (d / "ca.key").string(), (d / "server.crt").string(),
            (d / "server.key").string()};
}

namespace {

// ---- certificate building ----
bool addExtension(X509* cert, X509* issuer, int nid, const char* value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext) return false;
    int ok = X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
    return ok == 1;
}

enum class CertKind { Ca, Server, Client };

// "IP:127.0.0.1,IP:::1,DNS:localhost" plus each extra name: an IP address as IP:, anything else as DNS:.
std::string subjectAltNames(const std::vector<std::string>& extra) {
    std::string san = "IP:127.0.0.1,IP:::1,DNS:localhost";
    for (const std::string& n : extra) {
        if (n.empty() || n == "127.0.0.1" || n == "::1" || n == "localhost") continue;
        unsigned char buf[16];
        const bool ip = inet_pton(AF_INET, n.c_str(), buf) == 1 || inet_pton(AF_INET6, n.c_str(), buf) == 1;
        san += (ip ? ",IP:" : ",DNS:") + n;
    }
    return san;
}

// issuer/issuerKey null => self-signed (the CA).
// `unit` (OU): a terminal certificate's mode ("hall" | "counter"), read back by `kioskctl config check`.
X509Ptr buildCertificate(EVP_PKEY* subjectKey, const std::string& cn, CertKind kind, X509* issuer,
                         EVP_PKEY* issuerKey, long days, const std::vector<std::string>& serverNames = {},
                         const std::string& unit = {}) {
    X509Ptr cert(X509_new());
    if (!cert) return nullptr;
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f; // positive
    BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600); // tolerate an hour of clock skew
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), days * 24L * 3600L);
    X509_set_pubkey(cert.get(), subjectKey);
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>("Hall Kiosk Central"), -1, -1, 0);
    if (!unit.empty())
        X509_NAME_add_entry_by_txt(name, "OU", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(unit.c_str()), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.c_str()),
                               -1, -1, 0);
    X509* iss = issuer ? issuer : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(iss));
    bool ok = addExtension(cert.get(), iss, NID_subject_key_identifier, "hash");
    if (issuer) ok = ok && addExtension(cert.get(), iss, NID_authority_key_identifier, "keyid:always");
    switch (kind) {
    case CertKind::Ca:
        ok = ok && addExtension(cert.get(), iss, NID_basic_constraints, "critical,CA:TRUE,pathlen:0") &&
             addExtension(cert.get(), iss, NID_key_usage, "critical,keyCertSign,cRLSign");
        break;
    case CertKind::Server:
        ok = ok && addExtension(cert.get(), iss, NID_basic_constraints, "critical,CA:FALSE") &&
             addExtension(cert.get(), iss, NID_key_usage, "critical,digitalSignature") &&
             addExtension(cert.get(), iss, NID_ext_key_usage, "serverAuth") &&
             addExtension(cert.get(), iss, NID_subject_alt_name, subjectAltNames(serverNames).c_str());
        break;
    case CertKind::Client:
        ok = ok && addExtension(cert.get(), iss, NID_basic_constraints, "critical,CA:FALSE") &&
             addExtension(cert.get(), iss, NID_key_usage, "critical,digitalSignature") &&
             addExtension(cert.get(), iss, NID_ext_key_usage, "clientAuth");
        break;
    }
    if (!ok) return nullptr;
    if (X509_sign(cert.get(), issuerKey ? issuerKey : subjectKey, EVP_sha256()) <= 0) return nullptr;
    return cert;
}

bool exists(const std::string& p) {
    return fs::exists(p);
}

} // namespace

// ---- first start ----
std::optional<CertAuthority> CertAuthority::openOrCreate(const std::string& tlsDir, std::string* error,
                                                         const std::vector<std::string>& serverNames) {
    CertAuthority ca;
    ca.files_ = TlsDirFiles::in(tlsDir);
    const TlsDirFiles& f = ca.files_;
    std::error_code ec;
    fs::create_directories(tlsDir, ec);
    if (ec) {
        if (error) *error = "cannot create TLS directory " + tlsDir + ": " + ec.message();
        return std::nullopt;
    }
    ::chmod(tlsDir.c_str(), 0700);
    bool haveCa = exists(f.caCert) && exists(f.caKey);
    if (!haveCa && (exists(f.caCert) || exists(f.caKey))) {
        if (error)
            *error = "TLS directory " + tlsDir +
                     " holds only half of the CA (ca.crt/ca.key); refusing to overwrite";
        return std::nullopt;
    }
    if (!haveCa) {
        PkeyPtr key = common::generateEcKey();
        X509Ptr cert =
            key ? buildCertificate(key.get(), "Hall Kiosk Terminal CA", CertKind::Ca, nullptr, nullptr, 3650)
                : nullptr;
        if (!cert) {
            if (error) *error = "OpenSSL could not create the terminal CA";
            return std::nullopt;
        }
        if (!common::writeFileAtomic(f.caKey, common::privateKeyPem(key.get()), 0600, error) ||
            !common::writeFileAtomic(f.caCert, common::certificatePem(cert.get()), 0644, error))
            return std::nullopt;
    }
    std::string keyPem;
    if (!common::readWholeFile(f.caCert, &ca.caCertPem_) || !common::readWholeFile(f.caKey, &keyPem)) {
        if (error) *error = "cannot read the CA in " + tlsDir;
        return std::nullopt;
    }
    ca.caCert_ = common::loadCertificatePem(ca.caCertPem_);
    ca.caKey_ = common::loadPrivateKeyPem(keyPem);
    if (!ca.caCert_ || !ca.caKey_ || X509_check_private_key(ca.caCert_.get(), ca.caKey_.get()) != 1) {
        if (error) *error = "the CA files in " + tlsDir + " are damaged or do not belong together";
        return std::nullopt;
    }
    if (!exists(f.serverCert) || !exists(f.serverKey)) {
        PkeyPtr key = common::generateEcKey();
        X509Ptr cert = key ? buildCertificate(key.get(), "localhost", CertKind::Server, ca.caCert_.get(),
                                              ca.caKey_.get(), 730, serverNames)
                           : nullptr;
        if (!cert) {
            if (error) *error = "OpenSSL could not create the server certificate";
            return std::nullopt;
        }
        if (!common::writeFileAtomic(f.serverKey, common::privateKeyPem(key.get()), 0600, error) ||
            !common::writeFileAtomic(f.serverCert, common::certificatePem(cert.get()), 0644, error))
            return std::nullopt;
    }
    return ca;
}

// ---- signing ----
std::string CertAuthority::signClientCertificate(EVP_PKEY* publicKey, const std::string& terminalId,
                                                 std::string* error, const std::string& mode) const {
    X509Ptr cert =
        buildCertificate(publicKey, terminalId, CertKind::Client, caCert_.get(), caKey_.get(), 730, {}, mode);
    if (!cert) {
        if (error) *error = "OpenSSL could not sign the terminal certificate";
        return {};
    }
    return common::certificatePem(cert.get());
}

std::string CertAuthority::signCsr(const std::string& csrPem, const std::string& terminalId,
                                   std::string* error, const std::string& mode) const {
    common::X509ReqPtr req = common::loadCsrPem(csrPem);
    if (!req) {
        if (error) *error = "the certificate request is not a PEM CSR";
        return {};
    }
    EVP_PKEY* pub = X509_REQ_get0_pubkey(req.get());
    if (!pub || X509_REQ_verify(req.get(), pub) != 1) {
        if (error) *error = "the certificate request's signature does not verify";
        return {};
    }
    if (EVP_PKEY_get_base_id(pub) != EVP_PKEY_EC || EVP_PKEY_get_bits(pub) < 256) {
        if (error) *error = "the certificate request must carry an EC P-256 key";
        return {};
    }
    return signClientCertificate(pub, terminalId, error, mode);
}

// ---- terminal credentials ----
bool CertAuthority::issueTerminalCredentials(const std::string& terminalId, const std::string& outDir,
                                             std::string* error, const std::string& mode) const {
    std::error_code ec;
    fs::create_directories(outDir, ec);
    if (ec) {
        if (error) *error = "cannot create " + outDir + ": " + ec.message();
        return false;
    }
    PkeyPtr key = common::generateEcKey();
    if (!key) {
        if (error) *error = "OpenSSL could not create a key";
        return false;
    }
    std::string certPem = signClientCertificate(key.get(), terminalId, error, mode);
    if (certPem.empty()) return false;
    fs::path d(outDir);
    return common::writeFileAtomic((d / "client.key").string(), common::privateKeyPem(key.get()), 0600,
                                   error) &&
           common::writeFileAtomic((d / "client.crt").string(), certPem, 0644, error) &&
           common::writeFileAtomic((d / "ca.crt").string(), caCertPem_, 0644, error);
}

} // namespace kiosk::central
