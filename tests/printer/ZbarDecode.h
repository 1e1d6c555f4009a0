// Test helper: decode every barcode in a slip image with zbar (an independent decoder).
#pragma once

#include "drivers/printer/SlipImage.h"

#include <zbar.h>

#include <string>
#include <vector>

namespace kiosk::printer::test {
using namespace zbar;

struct DecodedSymbol {
    std::string type; // "QR-Code", "CODE-128", ...
    std::string data;
};

inline std::vector<DecodedSymbol> zbarDecode(const SlipImage& img) {
    std::vector<DecodedSymbol> out;
    zbar_image_scanner_t* scanner = zbar_image_scanner_create();
    zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 1);
    zbar_image_t* image = zbar_image_create();
    zbar_image_set_format(image, zbar_fourcc('Y', '8', '0', '0'));
    zbar_image_set_size(image, static_cast<unsigned>(img.width), static_cast<unsigned>(img.height));
    zbar_image_set_data(image, img.pixels.data(), img.pixels.size(), nullptr);
    if (zbar_scan_image(scanner, image) > 0) {
        for (const zbar_symbol_t* s = zbar_image_first_symbol(image); s; s = zbar_symbol_next(s))
            out.push_back(
                DecodedSymbol{zbar_get_symbol_name(zbar_symbol_get_type(s)),
                              std::string(zbar_symbol_get_data(s), zbar_symbol_get_data_length(s))});
    }
    zbar_image_destroy(image);
    zbar_image_scanner_destroy(scanner);
    return out;
}

} // namespace kiosk::printer::test
