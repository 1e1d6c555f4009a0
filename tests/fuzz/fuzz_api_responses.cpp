// libFuzzer target for the bytes the terminal reads from the server during sync: the ratings-batch results
// document, JSON error bodies, and sealed outbox payloads read back from disk (RecordCipher::open).
// None of them may crash, hang or read out of bounds, whatever the bytes.
#include "offline/RecordCipher.h"
#include "offline/SyncProtocol.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (auto results = kiosk::offline::parseBatchResults(bytes)) {
        for (const auto& r : *results) {
            volatile size_t keep = r.id.size() + r.result.size() + r.error.size();
            (void)keep;
        }
    }
    std::string text = kiosk::offline::describeHttpError(422, bytes);
    if (text.size() > 200) __builtin_trap(); // the technician text is bounded
    static const std::array<unsigned char, 32> key{};
    auto cipher = kiosk::offline::RecordCipher::fromKey(key);
    auto opened = cipher.open(bytes, "0190a6f2-0000-7000-8000-000000000000");
    (void)opened;
    return 0;
}
