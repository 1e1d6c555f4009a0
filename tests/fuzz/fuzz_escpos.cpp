// libFuzzer target: the virtual printer's input path — arbitrary bytes into the ESC/POS parser, fed in
// uneven chunks (as a socket delivers them), every job rendered (text layout, QR, CODE128, raster).
// Checks: no crash, no sanitizer report, bounded memory (parser and renderer caps), byte accounting.
#include "drivers/printer/EscposParser.h"
#include "drivers/printer/SlipRenderer.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kiosk::printer;
    // One renderer for the whole run: loading the CJK font per input would dominate the time.
    static SlipRenderer renderer([] {
        SlipRenderOptions o;
        o.maxHeightDots = 4000;
        return o;
    }());
    std::size_t jobBytes = 0;
    EscposParserOptions po;
    po.maxRasterBytes = 64u << 10;
    po.maxJobBytes = 256u << 10;
    EscposParser parser(EscposParser::Callbacks{[](int) {},
                                                [&](EscposJob&& job) {
                                                    jobBytes += job.byteCount;
                                                    std::vector<std::string> warnings;
                                                    const SlipImage img = renderer.render(job, &warnings);
                                                    if (img.pixels.size() !=
                                                        static_cast<std::size_t>(img.width) * img.height)
                                                        std::abort();
                                                }},
                        po);
    // Chunk sizes come from the first byte so the fuzzer explores split commands.
    const std::size_t chunk = size ? 1 + data[0] % 17 : 1;
    for (std::size_t i = 0; i < size; i += chunk)
        parser.feed(data + i, std::min(chunk, size - i));
    parser.finish();
    if (jobBytes > size) std::abort(); // a job cannot account for more bytes than were fed
    return 0;
}
