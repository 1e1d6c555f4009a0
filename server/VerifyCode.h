// What kiosk-central keeps of a complaint's 6-digit verification code: a random per-complaint salt
// (16 bytes, OpenSSL RAND_bytes) and PBKDF2-HMAC-SHA256 of "<tracking number> 0x1f <code>" with
// kVerifyIterations rounds. Six digits are only a million guesses, so the hash is made slow: with the
// database alone, trying every code for one complaint costs about 10^6 x 3 ms, some 50 CPU-minutes,
// instead of a second with the SHA-256 that versions before schema 3 stored.
//
// Sections: verifier
// Checklist:
//   [x] random salt per complaint; the tracking number bound into the input (a hash fits one complaint)
//   [x] iterations stored with each hash, so the figure can be raised without breaking old complaints
//   [x] constant-time comparison (CRYPTO_memcmp)
//   [x] a dummy check for unknown numbers (CentralDb::complaintFor), so timing does not tell either
//   [ ] a pepper (secret kept apart from the database): not yet
#pragma once

#include <string>

namespace kiosk::central {

// ---- verifier ----
// About 3 ms per check on the reference machine (one core of a 2-core VM, 4.2 rounds/µs measured with
// the build running alongside; docs/API.md "Complaint progress").
inline constexpr int kVerifyIterations = 12000;

struct CodeVerifier {
    std::string salt; // 16 random bytes
    std::string hash; // 32 bytes
    int iterations = kVerifyIterations;
};

CodeVerifier makeCodeVerifier(const std::string& trackingNo, const std::string& code,
                              int iterations = kVerifyIterations);
bool codeMatches(const CodeVerifier& stored, const std::string& trackingNo, const std::string& code);

} // namespace kiosk::central
