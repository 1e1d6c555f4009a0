// AES-256-GCM at rest (see RecordCipher.h).
//
// Sections: key file | seal | open
#include "offline/RecordCipher.h"

#include "common/TlsCredentials.h"

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace kiosk::offline {
namespace {

constexpr unsigned char kVersion = 0x01;
constexpr size_t kNonce = 12, kTag = 16;

struct CtxFree {
    void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
using CtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CtxFree>;

} // namespace

RecordCipher::~RecordCipher() {
    OPENSSL_cleanse(key_.data(), key_.size());
}

// ---- key file ----
std::optional<RecordCipher> RecordCipher::loadOrCreate(const std::string& keyPath, std::string* error) {
    struct stat st {};
    if (::stat(keyPath.c_str(), &st) != 0) {
        if (errno != ENOENT) {
            if (error) *error = "cannot read data key " + keyPath + ": " + std::strerror(errno);
            return std::nullopt;
        }
        std::array<unsigned char, 32> key{};
        if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1) {
            if (error) *error = "no randomness for a new data key";
            return std::nullopt;
        }
        std::string raw(reinterpret_cast<const char*>(key.data()), key.size());
        // Exclusive: when the writer and the sync thread open the store at the same first start, exactly one
        // key wins and both use it (two keys would make one thread's records unreadable).
        common::FileCreate created = common::createFileExclusive(keyPath, raw, 0600, error);
        OPENSSL_cleanse(raw.data(), raw.size());
        if (created == common::FileCreate::Failed) return std::nullopt;
        if (created == common::FileCreate::Created) {
            RecordCipher c(key);
            OPENSSL_cleanse(key.data(), key.size());
            return c;
        }
        OPENSSL_cleanse(key.data(), key.size());
        if (::stat(keyPath.c_str(), &st) != 0) {
            if (error) *error = "cannot read data key " + keyPath + ": " + std::strerror(errno);
            return std::nullopt;
        }
    }
    if ((st.st_mode & 077) != 0) {
        if (error) *error = "data key " + keyPath + " is readable by others (mode must be 0600)";
        return std::nullopt;
    }
    std::string raw;
    if (!common::readWholeFile(keyPath, &raw) || raw.size() != 32) {
        if (error) *error = "data key " + keyPath + " is damaged (expected 32 bytes)";
        OPENSSL_cleanse(raw.data(), raw.size());
        return std::nullopt;
    }
    std::array<unsigned char, 32> key{};
    std::memcpy(key.data(), raw.data(), 32);
    OPENSSL_cleanse(raw.data(), raw.size());
    RecordCipher c(key);
    OPENSSL_cleanse(key.data(), key.size());
    return c;
}

// ---- seal ----
std::string RecordCipher::seal(std::string_view plaintext, std::string_view aad) const {
    std::string out(1 + kNonce + plaintext.size() + kTag, '\0');
    auto* o = reinterpret_cast<unsigned char*>(out.data());
    o[0] = kVersion;
    if (RAND_bytes(o + 1, kNonce) != 1) return {};
    CtxPtr ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key_.data(), o + 1) != 1 ||
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(aad.data()),
                          static_cast<int>(aad.size())) != 1 ||
        EVP_EncryptUpdate(ctx.get(), o + 1 + kNonce, &len,
                          reinterpret_cast<const unsigned char*>(plaintext.data()),
                          static_cast<int>(plaintext.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), o + 1 + kNonce + len, &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTag, o + 1 + kNonce + plaintext.size()) != 1)
        return {};
    return out;
}

// ---- open ----
std::optional<std::string> RecordCipher::open(std::string_view sealed, std::string_view aad) const {
    if (sealed.size() < 1 + kNonce + kTag || static_cast<unsigned char>(sealed[0]) != kVersion)
        return std::nullopt;
    const auto* s = reinterpret_cast<const unsigned char*>(sealed.data());
    size_t n = sealed.size() - 1 - kNonce - kTag;
    std::string out(n, '\0');
    CtxPtr ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    unsigned char tag[kTag];
    std::memcpy(tag, s + 1 + kNonce + n, kTag);
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key_.data(), s + 1) != 1 ||
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(aad.data()),
                          static_cast<int>(aad.size())) != 1 ||
        EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len, s + 1 + kNonce,
                          static_cast<int>(n)) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTag, tag) != 1 ||
        EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + len, &len) != 1) {
        OPENSSL_cleanse(out.data(), out.size());
        return std::nullopt;
    }
    return out;
}

} // namespace kiosk::offline
