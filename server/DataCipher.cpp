// AES-256-GCM at rest (see DataCipher.h).
//
// Sections: key file | sealing
#include "server/DataCipher.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::central {
namespace {

constexpr std::string_view kMagic = "KC1";
constexpr std::size_t kNonce = 12, kTag = 16;

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

bool readExactly(int fd, unsigned char* out, std::size_t n) {
    std::size_t got = 0;
    while (got < n) {
        ssize_t r = ::read(fd, out + got, n - got);
        if (r <= 0) return false;
        got += static_cast<std::size_t>(r);
    }
    return true;
}

} // namespace

// ---- key file ----
std::optional<DataCipher> DataCipher::openOrCreate(const std::string& path, std::string* error) {
    auto fail = [&](const std::string& why) {
        if (error) *error = "data key " + path + ": " + why;
        return std::optional<DataCipher>();
    };
    std::array<unsigned char, 32> key{};
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1) {
            ::close(fd);
            ::unlink(path.c_str());
            return fail("no random bytes");
        }
        bool ok = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size()) && ::fsync(fd) == 0;
        ::close(fd);
        if (!ok) {
            ::unlink(path.c_str());
            return fail(std::strerror(errno));
        }
        return DataCipher(key);
    }
    if (errno != EEXIST) return fail(std::strerror(errno));
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail(std::strerror(errno));
    struct stat st {};
    bool sized = ::fstat(fd, &st) == 0 && st.st_size == static_cast<off_t>(key.size());
    bool privateMode = (st.st_mode & 077) == 0;
    bool read = sized && privateMode && readExactly(fd, key.data(), key.size());
    ::close(fd);
    if (!sized) return fail("must be exactly 32 bytes");
    if (!privateMode) return fail("readable by group or others; chmod 600 it");
    if (!read) return fail("cannot be read");
    return DataCipher(key);
}

// ---- sealing ----
std::string DataCipher::seal(std::string_view plaintext, std::string_view aad) const {
    unsigned char nonce[kNonce];
    if (RAND_bytes(nonce, sizeof nonce) != 1) throw std::runtime_error("seal: no random bytes");
    CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    std::string out(kMagic);
    out.append(reinterpret_cast<const char*>(nonce), kNonce);
    std::size_t head = out.size();
    out.resize(head + plaintext.size() + kTag);
    auto* dst = reinterpret_cast<unsigned char*>(out.data() + head);
    int len = 0, fin = 0;
    bool ok =
        ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key_.data(), nonce) == 1 &&
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(aad.data()),
                          static_cast<int>(aad.size())) == 1 &&
        EVP_EncryptUpdate(ctx.get(), dst, &len, reinterpret_cast<const unsigned char*>(plaintext.data()),
                          static_cast<int>(plaintext.size())) == 1 &&
        EVP_EncryptFinal_ex(ctx.get(), dst + len, &fin) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTag, dst + plaintext.size()) == 1;
    if (!ok) throw std::runtime_error("seal: AES-256-GCM failed");
    return out;
}

bool DataCipher::isSealed(std::string_view blob) {
    return blob.size() >= kMagic.size() + kNonce + kTag && blob.substr(0, kMagic.size()) == kMagic;
}

std::optional<std::string> DataCipher::open(std::string_view sealed, std::string_view aad) const {
    if (!isSealed(sealed)) return std::nullopt;
    const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.data() + kMagic.size());
    std::string_view body = sealed.substr(kMagic.size() + kNonce);
    std::size_t n = body.size() - kTag;
    std::string out(n, '\0');
    unsigned char tag[kTag];
    std::memcpy(tag, body.data() + n, kTag);
    CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int len = 0, fin = 0;
    auto* dst = reinterpret_cast<unsigned char*>(out.data());
    bool ok = ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key_.data(), nonce) == 1 &&
              EVP_DecryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(aad.data()),
                                static_cast<int>(aad.size())) == 1 &&
              EVP_DecryptUpdate(ctx.get(), dst, &len, reinterpret_cast<const unsigned char*>(body.data()),
                                static_cast<int>(n)) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTag, tag) == 1 &&
              EVP_DecryptFinal_ex(ctx.get(), dst + len, &fin) == 1;
    if (!ok) return std::nullopt;
    return out;
}

} // namespace kiosk::central
