// Receipt preview. Sections: renderReceiptPreview.
#include "drivers/printer/ReceiptPreview.h"

#include "drivers/printer/EscposEncoder.h"
#include "drivers/printer/VirtualPrinter.h"

namespace kiosk::printer {

// ---- renderReceiptPreview ----
SlipImage renderReceiptPreview(const Receipt& receipt, const SlipRenderOptions& options) {
    EncodeOptions eo;
    eo.paperWidthMm = options.paperWidthMm;
    auto jobs = renderEscposBytes(encodeReceipt(receipt, eo).bytes, options);
    return jobs.empty() ? SlipImage{} : std::move(jobs.front().image);
}

} // namespace kiosk::printer
