// QrMatrix — a QR symbol as a square of dark and light modules (libqrencode), for whoever draws it:
// the slip renderer on paper, the screen beside the numbers it holds. One encoder for both, so what
// the citizen scans on screen and on paper is the same symbol.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace kiosk::printer {

struct QrMatrix {
    int width = 0;                  // modules per side (no quiet zone)
    std::vector<std::uint8_t> dark; // width * width, row by row: 1 = dark
    bool at(int row, int col) const { return dark[static_cast<std::size_t>(row * width + col)] != 0; }
};

// Error correction as ESC/POS numbers it: 0x30 L, 0x31 M, 0x32 Q, 0x33 H. nullopt when the data
// cannot be encoded (too long).
std::optional<QrMatrix> encodeQr(std::string_view data, int escposLevel = 0x31);

} // namespace kiosk::printer
