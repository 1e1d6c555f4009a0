// libFuzzer target: the GA 467 stream parser and everything that reads an answer's bytes.
// The input is split into reads at positions chosen by its own bytes; every frame found is decoded as a
// read answer (30 01 and 30 10 layouts), a SAM id answer and an additional-address answer.
// Invariants checked: the parser never buffers more than one maximal frame + the latest read; parsed
// frames re-encode to valid frames; decoding never crashes and produces valid UTF-8 JSON.
#include "drivers/idcard/IdCardFrame.h"
#include "drivers/idcard/ReaderSession.h"
#include "drivers/idcard/Ucs2Text.h"
#include "text/Masking.h"
#include "text/Utf8.h"

#include <cstdlib>

using namespace kiosk::idcard;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FrameParser parser;
    std::size_t pos = 0;
    std::size_t step = size > 0 ? (data[0] % 64) + 1 : 1;
    while (pos < size) {
        const std::size_t n = std::min(step, size - pos);
        parser.feed(std::span<const std::uint8_t>(data + pos, n));
        pos += n;
        step = (step * 7 + 3) % 97 + 1;
        while (auto item = parser.next()) {
            if (!item->body) continue;
            const auto& body = *item->body;
            if (body.size() > kMaxFrameLen) std::abort();
            const auto again = buildFrame(body);
            FrameParser check;
            check.feed(again);
            auto round = check.next();
            if (!round || !round->body || *round->body != body) std::abort();
            if (body.size() < 3) continue;
            const auto payload = std::span<const std::uint8_t>(body).subspan(3);
            for (bool fp : {false, true}) {
                auto card = parseReadData(payload, fp, "fuzz");
                if (card) {
                    const std::string json = cardToJson(card.value(), false);
                    if (!kiosk::text::decodeUtf8(json)) std::abort();
                }
            }
            (void)formatSamId(payload);
            (void)decodeUcs2le(payload);
        }
        if (parser.buffered() > kHeaderSize + kMaxFrameLen + 97) std::abort();
    }
    return 0;
}
