// On-screen copy of a slip: the receipt drawn exactly as the printer would print it (encode -> parse ->
// render), so a citizen whose slip failed to print still sees its content and its QR code.
//
// Checklist: [x] same bytes as the printer gets, same renderer as the virtual printer  [ ] caching
#pragma once

#include "drivers/printer/Receipt.h"
#include "drivers/printer/SlipImage.h"
#include "drivers/printer/SlipRenderer.h"

namespace kiosk::printer {

// Blocks of the calling thread for a few milliseconds (font load + drawing): call it from a worker or
// once per failed job, not every frame.
SlipImage renderReceiptPreview(const Receipt& receipt, const SlipRenderOptions& options = {});

} // namespace kiosk::printer
