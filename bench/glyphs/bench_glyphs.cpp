// bench_glyphs: the cost of characters beyond the BMP (issue 11.5). Builds the FontSet headlessly
// (an ImGui context, no window) at 1080p em and prints one JSON object:
//   - atlas rebuild time (median of 7, taken in turns) and texture size for a base set, the base set plus the
//   two
//     supplementary test characters, plus 200 supplementary characters, and (the yardstick) plus
//     200 BMP ideographs that imgui_freetype renders itself;
//   - the memory of the second FreeType face SupplementaryGlyphs opens (heap in use, glibc mallinfo2);
//   - FontSet::drawable() per call for a 20-character Chinese string without and with a rare character.
//
// Sections: helpers · main.
// Checklist: [x] rebuild time and atlas size  [x] face memory  [x] mapping per string
//   [ ] GPU texture upload time (the renderer's, the same for any glyph)
#include "text/Utf8.h"
#include "ui/FontSet.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <malloc.h>
#include <memory>
#include <string>
#include <vector>

using namespace kiosk::ui;
using Clock = std::chrono::steady_clock;

// ---- helpers ----
namespace {

const char* kFont = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

// Bytes in use on the heap (RSS would not move: the face fits in memory freed by the rebuilds).
long heapKiB() {
    return static_cast<long>(mallinfo2().uordblks / 1024);
}

double ms(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

std::string atlasSize() {
    const ImFontAtlas* a = ImGui::GetIO().Fonts;
    return "\"" + std::to_string(a->TexWidth) + "x" + std::to_string(a->TexHeight) + "\"";
}

double drawableNs(const FontSet& fonts, const std::string& s) {
    constexpr int n = 200000;
    std::size_t sink = 0;
    const auto t0 = Clock::now();
    for (int i = 0; i < n; ++i)
        sink += fonts.drawable(s).size();
    const double ns = ms(t0, Clock::now()) * 1e6 / n;
    return sink ? ns : -1;
}

std::string utf8(char32_t c) {
    std::string out;
    kiosk::text::appendCodePoint(out, c);
    return out;
}

// One font set with its own ImGui context (the atlas is the context's).
struct Variant {
    const char* name;
    ImGuiContext* context = nullptr;
    std::unique_ptr<FontSet> fonts;
    std::vector<double> rebuildMs;
    std::string atlas;
};

} // namespace

// ---- main ----
int main() {
    // The base set: ASCII, punctuation (init) and 600 common ideographs, about a day's worth.
    std::string base;
    for (char32_t c = 0x4E00; c < 0x4E00 + 600; ++c)
        base += utf8(c);
    std::string many; // 200 characters beyond the BMP that the face has (the two test ones first)
    many = "𫖮𬌗";
    for (char32_t c = 0x20000; c < 0x2A6E0; ++c)
        many += utf8(c);
    Variant variants[] = {
        {"base"}, {"base_plus_2_supplementary"}, {"base_plus_200_supplementary"}, {"base_plus_200_bmp"}};
    std::string error;
    for (Variant& v : variants) {
        v.context = ImGui::CreateContext();
        ImGui::SetCurrentContext(v.context);
        v.fonts = std::make_unique<FontSet>();
        v.fonts->require(base);
        if (&v == &variants[1]) v.fonts->require("陶𫖮张𬌗");
        // The same number of BMP ideographs, built by imgui_freetype itself: the yardstick.
        for (char32_t c = 0x8000; &v == &variants[3] && c < 0x8000 + 200; ++c)
            v.fonts->require(utf8(c));
        if (!v.fonts->init(kFont, 2, 47.f, error)) {
            std::fprintf(stderr, "bench_glyphs: %s\n", error.c_str());
            return 1;
        }
        // 200 stand-ins: the face lacks many code points of the range, which are skipped.
        for (std::size_t pos = 0;
             &v == &variants[2] && pos < many.size() && v.fonts->supplementaryCount() < 200; pos += 4)
            v.fonts->require(std::string_view(many).substr(pos, 4));
    }
    // Rebuilds taken in turns, so that a busy moment of the machine does not favour one variant.
    for (int round = 0; round < 8; ++round) {
        for (Variant& v : variants) {
            ImGui::SetCurrentContext(v.context);
            const auto t0 = Clock::now();
            if (!v.fonts->rebuild(error)) std::fprintf(stderr, "bench_glyphs: %s\n", error.c_str());
            if (round > 0) v.rebuildMs.push_back(ms(t0, Clock::now())); // round 0 warms the caches
            v.atlas = atlasSize();
        }
    }
    for (Variant& v : variants)
        std::sort(v.rebuildMs.begin(), v.rebuildMs.end());

    // The second face on the same bytes, as FontSet opens it (its own copy of the file here).
    std::ifstream in(kFont, std::ios::binary);
    const std::vector<char> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const long heap0 = heapKiB();
    SupplementaryGlyphs face;
    face.open(data, 2);
    if (!face.require(0x2B5AE)) { // opens the face
        std::fprintf(stderr, "bench_glyphs: the face has no U+2B5AE or cannot be opened\n");
        return 1;
    }
    const long faceKiB = heapKiB() - heap0;

    ImGui::SetCurrentContext(variants[1].context);
    const FontSet& fonts = *variants[1].fonts;
    const std::string plain = "请将身份证放在读卡区，我们将为您查询办件进度和结果";
    const std::string withRare = "请将身份证放在读卡区，陶𫖮先生您好，您的办件已办结";
    std::printf("{\"em_px\": 47, \"base_glyphs\": %zu, \"supplementary\": [0, %zu, %zu, 0],\n",
                variants[0].fonts->glyphCount(), variants[1].fonts->supplementaryCount(),
                variants[2].fonts->supplementaryCount());
    std::printf(" \"rebuild_ms_median_of_7\": {");
    for (const Variant& v : variants)
        std::printf("%s\"%s\": %.1f", &v == variants ? "" : ", ", v.name,
                    v.rebuildMs[v.rebuildMs.size() / 2]);
    std::printf("},\n \"atlas\": {");
    for (const Variant& v : variants)
        std::printf("%s\"%s\": %s", &v == variants ? "" : ", ", v.name, v.atlas.c_str());
    std::printf("},\n \"second_face_heap_kib\": %ld,\n"
                " \"drawable_ns\": {\"plain_24_chars\": %.0f, \"with_rare_24_chars\": %.0f}}\n",
                faceKiB, drawableNs(fonts, plain), drawableNs(fonts, withRare));
    for (Variant& v : variants) {
        ImGui::SetCurrentContext(v.context);
        v.fonts.reset();
        ImGui::DestroyContext(v.context);
    }
    return 0;
}
