// Salted slow hashes of verification codes (see VerifyCode.h).
//
// Sections: verifier
#include "server/VerifyCode.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <stdexcept>

namespace kiosk::central {

// ---- verifier ----
namespace {
std::string derive(const std::string& trackingNo, const std::string& code, const std::string& salt,
                   int iterations) {
    const std::string input = trackingNo + '\x1f' + code;
    unsigned char out[32];
    if (PKCS5_PBKDF2_HMAC(input.data(), static_cast<int>(input.size()),
                          reinterpret_cast<const unsigned char*>(salt.data()), static_cast<int>(salt.size()),
                          iterations, EVP_sha256(), sizeof out, out) != 1)
        throw std::runtime_error("PBKDF2 failed");
    return std::string(reinterpret_cast<const char*>(out), sizeof out);
}
} // namespace

CodeVerifier makeCodeVerifier(const std::string& trackingNo, const std::string& code, int iterations) {
    unsigned char salt[16];
    if (RAND_bytes(salt, sizeof salt) != 1) throw std::runtime_error("no random bytes for a salt");
    CodeVerifier v;
    v.salt.assign(reinterpret_cast<const char*>(salt), sizeof salt);
    v.iterations = iterations;
    v.hash = derive(trackingNo, code, v.salt, iterations);
    return v;
}

bool codeMatches(const CodeVerifier& stored, const std::string& trackingNo, const std::string& code) {
    if (stored.iterations < 1 || stored.salt.empty()) return false;
    std::string given = derive(trackingNo, code, stored.salt, stored.iterations);
    return stored.hash.size() == given.size() &&
           CRYPTO_memcmp(stored.hash.data(), given.data(), given.size()) == 0;
}

} // namespace kiosk::central
