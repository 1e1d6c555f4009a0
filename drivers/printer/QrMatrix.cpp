// QrMatrix (see the header).
#include "drivers/printer/QrMatrix.h"

#include <qrencode.h>

namespace kiosk::printer {

std::optional<QrMatrix> encodeQr(std::string_view data, int escposLevel) {
    const QRecLevel level = escposLevel == 0x31   ? QR_ECLEVEL_M
                            : escposLevel == 0x32 ? QR_ECLEVEL_Q
                            : escposLevel == 0x33 ? QR_ECLEVEL_H
                                                  : QR_ECLEVEL_L;
    QRcode* code = QRcode_encodeData(static_cast<int>(data.size()),
                                     reinterpret_cast<const unsigned char*>(data.data()), 0, level);
    if (!code) return std::nullopt;
    QrMatrix m;
    m.width = code->width;
    m.dark.resize(static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width));
    for (std::size_t i = 0; i < m.dark.size(); ++i)
        m.dark[i] = code->data[i] & 1;
    QRcode_free(code);
    return m;
}

} // namespace kiosk::printer
