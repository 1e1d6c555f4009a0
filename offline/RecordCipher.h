// Encryption at rest for outbox payloads: AES-256-GCM (OpenSSL EVP) with the record id as associated data,
// so a sealed payload cannot be moved to another record without failing authentication.
//
// Sections: key file | cipher
// Checklist:
//   [x] 32-byte key in a 0600 file, created once (at enrolment or first store open), never logged
//   [x] refuses a key file that is not exactly 32 bytes or is readable by group/others
//   [x] sealed format: version byte 0x01 | 12-byte random nonce | ciphertext | 16-byte tag
//   [x] open() fails closed (nullopt) on any tampering, wrong key or wrong record id
//   [ ] key rotation: not implemented (the key lives as long as the terminal's enrolment)
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::offline {

class RecordCipher {
public:
    // ---- key file ----
    // Loads the key, or creates it (0600) when the file does not exist. nullopt + error on failure.
    static std::optional<RecordCipher> loadOrCreate(const std::string& keyPath, std::string* error);
    static RecordCipher fromKey(const std::array<unsigned char, 32>& key) { return RecordCipher(key); }

    // ---- cipher ----
    std::string seal(std::string_view plaintext, std::string_view associatedData) const;
    std::optional<std::string> open(std::string_view sealed, std::string_view associatedData) const;

    RecordCipher(const RecordCipher&) = default;
    RecordCipher& operator=(const RecordCipher&) = default;
    ~RecordCipher();

private:
    explicit RecordCipher(const std::array<unsigned char, 32>& key) : key_(key) {}
    std::array<unsigned char, 32> key_;
};

} // namespace kiosk::offline
