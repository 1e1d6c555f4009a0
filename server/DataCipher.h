// DataCipher — kiosk-central's encryption at rest for what citizens wrote: each stored record's
// payload (complaint text, phone, name, ID number, rating comments) is sealed with AES-256-GCM
// (OpenSSL EVP) under a 32-byte key kept in its own file (0600), apart from the database: by default
// <tls-dir>/data.key, so a copy of central.db alone reveals nothing.
//
// Sections: key file | sealing
// Checklist:
//   [x] key file created once with O_EXCL and mode 0600 (random 32 bytes); refused when its size is wrong
//       or it is readable by group/others
//   [x] sealed form: "KC1" | 12-byte random nonce | ciphertext | 16-byte tag; `aad` (terminal + record id)
//       binds a payload to its row, so rows cannot be swapped unnoticed
//   [x] open() fails (nullopt) on a wrong key, a damaged blob or a different aad
//   [ ] key rotation: not yet (one key for the database's life; losing it loses the payloads)
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::central {

// ---- key file ----
class DataCipher {
public:
    // Loads the key at `path`, creating it (0600) when it does not exist. nullopt + *error otherwise.
    static std::optional<DataCipher> openOrCreate(const std::string& path, std::string* error);
    static DataCipher fromKey(const std::array<unsigned char, 32>& key) { return DataCipher(key); }

    // ---- sealing ----
    std::string seal(std::string_view plaintext, std::string_view aad) const; // throws on an OpenSSL failure
    std::optional<std::string> open(std::string_view sealed, std::string_view aad) const;
    static bool isSealed(std::string_view blob);

private:
    explicit DataCipher(const std::array<unsigned char, 32>& key) : key_(key) {}
    std::array<unsigned char, 32> key_;
};

} // namespace kiosk::central
