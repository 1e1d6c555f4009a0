// TLS credential helpers (see TlsCredentials.h).
//
// Sections: key + CSR | PEM conversion | files | pins
#include "common/TlsCredentials.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

namespace kiosk::common {
namespace {

struct BioFree {
    void operator()(BIO* b) const { BIO_free(b); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

std::string bioToString(BIO* bio) {
    char* data = nullptr;
    long len = BIO_get_mem_data(bio, &data);
    return len > 0 ? std::string(data, static_cast<size_t>(len)) : std::string();
}

BioPtr memBio(const std::string& s) {
    return BioPtr(BIO_new_mem_buf(s.data(), static_cast<int>(s.size())));
}

} // namespace

// ---- key + CSR ----

PkeyPtr generateEcKey() {
    return PkeyPtr(EVP_EC_gen("P-256"));
}

std::string privateKeyPem(EVP_PKEY* key) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    return bioToString(bio.get());
}

std::string certificatePem(X509* cert) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1) return {};
    return bioToString(bio.get());
}

std::string makeCsrPem(EVP_PKEY* key, const std::string& commonName) {
    X509ReqPtr req(X509_REQ_new());
    if (!req) return {};
    X509_REQ_set_version(req.get(), 0);
    X509_NAME* name = X509_REQ_get_subject_name(req.get());
    if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(commonName.c_str()), -1, -1,
                                   0) != 1)
        return {};
    if (X509_REQ_set_pubkey(req.get(), key) != 1) return {};
    if (X509_REQ_sign(req.get(), key, EVP_sha256()) <= 0) return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509_REQ(bio.get(), req.get()) != 1) return {};
    return bioToString(bio.get());
}

std::string makeSelfSignedCertPem(EVP_PKEY* key, const std::string& commonName, long validSeconds) {
    X509Ptr cert(X509_new());
    if (!cert) return {};
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), validSeconds);
    X509_set_pubkey(cert.get(), key);
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(commonName.c_str()), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    if (X509_sign(cert.get(), key, EVP_sha256()) <= 0) return {};
    return certificatePem(cert.get());
}

// ---- PEM conversion ----

PkeyPtr loadPrivateKeyPem(const std::string& pem) {
    BioPtr bio = memBio(pem);
    return PkeyPtr(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

X509Ptr loadCertificatePem(const std::string& pem) {
    BioPtr bio = memBio(pem);
    return X509Ptr(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

X509ReqPtr loadCsrPem(const std::string& pem) {
    BioPtr bio = memBio(pem);
    return X509ReqPtr(bio ? PEM_read_bio_X509_REQ(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

namespace {
std::string subjectEntryOf(X509* cert, int nid) {
    if (!cert) return {};
    X509_NAME* name = X509_get_subject_name(cert);
    int idx = X509_NAME_get_index_by_NID(name, nid, -1);
    if (idx < 0) return {};
    ASN1_STRING* data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, idx));
    unsigned char* utf8 = nullptr;
    int len = ASN1_STRING_to_UTF8(&utf8, data);
    if (len < 0) return {};
    std::string out(reinterpret_cast<char*>(utf8), static_cast<size_t>(len));
    OPENSSL_free(utf8);
    return out;
}
} // namespace

std::string commonNameOf(X509* cert) {
    return subjectEntryOf(cert, NID_commonName);
}

std::string organizationalUnitOf(X509* cert) {
    return subjectEntryOf(cert, NID_organizationalUnitName);
}

// ---- files ----

namespace {
// A temp name unique to this call (several threads or processes may write the same target at once).
std::string uniqueTempName(const std::string& path) {
    unsigned char r[6];
    RAND_bytes(r, sizeof r);
    char suffix[40];
    std::snprintf(suffix, sizeof suffix, ".tmp.%d.%02x%02x%02x%02x%02x%02x", static_cast<int>(::getpid()),
                  r[0], r[1], r[2], r[3], r[4], r[5]);
    return path + suffix;
}
} // namespace

bool writeFileAtomic(const std::string& path, const std::string& content, unsigned mode, std::string* error) {
    std::string tmp = uniqueTempName(path);
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, static_cast<mode_t>(mode));
    if (fd < 0) {
        if (error) *error = "cannot create " + tmp + ": " + std::strerror(errno);
        return false;
    }
    ::fchmod(fd, static_cast<mode_t>(mode)); // umask must not widen or narrow what we asked for
    size_t off = 0;
    while (off < content.size()) {
        ssize_t n = ::write(fd, content.data() + off, content.size() - off);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (error) *error = "cannot write " + tmp + ": " + std::strerror(errno);
            ::close(fd);
            ::unlink(tmp.c_str());
            return false;
        }
        off += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        if (error) *error = "cannot sync " + tmp + ": " + std::strerror(errno);
        ::unlink(tmp.c_str());
        return false;
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        if (error) *error = "cannot rename to " + path + ": " + std::strerror(errno);
        ::unlink(tmp.c_str());
        return false;
    }
    return true;
}

FileCreate createFileExclusive(const std::string& path, const std::string& content, unsigned mode,
                               std::string* error) {
    std::string tmp = uniqueTempName(path);
    if (!writeFileAtomic(tmp, content, mode, error)) return FileCreate::Failed; // tmp written and synced
    int rc = ::link(tmp.c_str(), path.c_str());                                 // fails if path exists
    int err = errno;
    ::unlink(tmp.c_str());
    if (rc == 0) {
        size_t slash = path.find_last_of('/');
        std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
        int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dfd >= 0) {
            ::fsync(dfd); // the new name itself must survive a power cut
            ::close(dfd);
        }
        return FileCreate::Created;
    }
    if (err == EEXIST) return FileCreate::Exists;
    if (error) *error = "cannot create " + path + ": " + std::strerror(err);
    return FileCreate::Failed;
}

bool readWholeFile(const std::string& path, std::string* content) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    *content = ss.str();
    return true;
}

// ---- pins ----

std::string publicKeyPinOfCertPem(const std::string& certPem) {
    X509Ptr cert = loadCertificatePem(certPem);
    if (!cert) return {};
    EVP_PKEY* pub = X509_get0_pubkey(cert.get());
    if (!pub) return {};
    int len = i2d_PUBKEY(pub, nullptr);
    if (len <= 0) return {};
    std::string der(static_cast<size_t>(len), '\0');
    unsigned char* p = reinterpret_cast<unsigned char*>(der.data());
    i2d_PUBKEY(pub, &p);
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(der.data()), der.size(), digest);
    unsigned char b64[64] = {};
    int n = EVP_EncodeBlock(b64, digest, SHA256_DIGEST_LENGTH);
    return "sha256//" + std::string(reinterpret_cast<char*>(b64), static_cast<size_t>(n));
}

} // namespace kiosk::common
