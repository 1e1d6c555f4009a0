// CredentialCheck.cpp — see CredentialCheck.h.
#include "offline/CredentialCheck.h"

#include "common/TlsCredentials.h"

#include <ctime>
#include <filesystem>

#include <openssl/x509_vfy.h>

namespace kiosk::offline {
namespace {

std::string utcText(const ASN1_TIME* t) {
    std::tm tm{};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1) return "?";
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
    return buf;
}

struct StoreFree {
    void operator()(X509_STORE* s) const { X509_STORE_free(s); }
};
struct StoreCtxFree {
    void operator()(X509_STORE_CTX* c) const { X509_STORE_CTX_free(c); }
};

} // namespace

// ---- inspection ----
CredentialReport inspectCredentials(const std::string& certFile, const std::string& keyFile,
                                    const std::string& caFile) {
    CredentialReport out;
    auto broken = [&](std::string why) {
        out.state = CredentialReport::State::Broken;
        out.problem = std::move(why);
        return out;
    };
    std::error_code ec;
    const bool haveCert = std::filesystem::exists(certFile, ec);
    const bool haveKey = std::filesystem::exists(keyFile, ec);
    if (!haveCert && !haveKey) {
        out.problem = "no certificate " + certFile + " and no key " + keyFile;
        return out;
    }
    if (!haveCert)
        return broken("the key " + keyFile + " is there but the certificate " + certFile + " is not");
    if (!haveKey)
        return broken("the certificate " + certFile + " is there but the key " + keyFile + " is not");

    std::string certPem, keyPem, caPem;
    if (!common::readWholeFile(certFile, &certPem))
        return broken("cannot read " + certFile + " (check its permissions)");
    common::X509Ptr cert = common::loadCertificatePem(certPem);
    if (!cert) return broken(certFile + " is not a PEM certificate");
    out.terminalId = common::commonNameOf(cert.get());
    out.mode = common::organizationalUnitOf(cert.get());
    out.validUntil = utcText(X509_get0_notAfter(cert.get()));

    if (!common::readWholeFile(keyFile, &keyPem))
        return broken("cannot read " + keyFile +
                      " (check its permissions: the kiosk's user must own it, 0600)");
    common::PkeyPtr key = common::loadPrivateKeyPem(keyPem);
    if (!key) return broken(keyFile + " is not a PEM private key");
    if (X509_check_private_key(cert.get(), key.get()) != 1)
        return broken("the key " + keyFile + " does not belong to the certificate " + certFile);

    if (!std::filesystem::exists(caFile, ec)) return broken("no central CA file " + caFile);
    if (!common::readWholeFile(caFile, &caPem))
        return broken("cannot read " + caFile + " (check its permissions)");
    common::X509Ptr ca = common::loadCertificatePem(caPem);
    if (!ca) return broken(caFile + " is not a PEM certificate");

    std::unique_ptr<X509_STORE, StoreFree> store(X509_STORE_new());
    std::unique_ptr<X509_STORE_CTX, StoreCtxFree> ctx(X509_STORE_CTX_new());
    if (!store || !ctx || X509_STORE_add_cert(store.get(), ca.get()) != 1 ||
        X509_STORE_CTX_init(ctx.get(), store.get(), cert.get(), nullptr) != 1)
        return broken("OpenSSL could not check " + certFile);
    if (X509_verify_cert(ctx.get()) != 1) {
        const int err = X509_STORE_CTX_get_error(ctx.get());
        if (err == X509_V_ERR_CERT_HAS_EXPIRED)
            return broken("the certificate " + certFile + " expired on " + out.validUntil);
        if (err == X509_V_ERR_CERT_NOT_YET_VALID)
            return broken("the certificate " + certFile +
                          " is not valid yet (is this machine's clock right? date -u: check it)");
        return broken("the certificate " + certFile + " is not from the central CA in " + caFile + " (" +
                      X509_verify_cert_error_string(err) + ")");
    }
    out.state = CredentialReport::State::Working;
    return out;
}

} // namespace kiosk::offline
