// Test-only stand-in for a vendor WLT decoder library: exports `int unpack(char* src, char* dst, int
// bmpSave)`. Writes a recognisable 102x126 BGR bottom-up pattern (308-byte rows) derived from src[0]. If
// bmpSave is non-zero it writes "fake_photo.bmp" into the current directory, like vendor libraries do: the
// driver must never ask for that, and the test checks no such file appears. Returns 0 when src[0] == 0xEE.
#include <cstdio>

extern "C" __attribute__((visibility("default"))) int unpack(char* src, char* dst, int bmpSave) {
    const unsigned char seed = static_cast<unsigned char>(src[0]);
    if (seed == 0xEE) return 0;
    for (int row = 0; row < 126; ++row) { // row 0 of the buffer is the bottom line of the image
        const int y = 125 - row;          // top-down line number
        for (int x = 0; x < 102; ++x) {
            char* px = dst + row * 308 + x * 3;
            px[0] = static_cast<char>(seed); // B
            px[1] = static_cast<char>(y);    // G
            px[2] = static_cast<char>(x);    // R
        }
    }
    if (bmpSave != 0) {
        if (FILE* f = std::fopen("fake_photo.bmp", "wb")) {
            std::fwrite(dst, 1, 308 * 126, f);
            std::fclose(f);
        }
    }
    return 1;
}
