#include "ui/FrameRegistry.h"

#include <algorithm>
#include <cstdio>

namespace kiosk::ui {

namespace {

std::string describe(const RegisteredItem& i) {
    char where[96];
    std::snprintf(where, sizeof where, " at %.0f,%.0f %.0fx%.0f", i.x, i.y, i.w, i.h);
    return "\"" + i.text.substr(0, 60) + "\"" + where;
}

bool contains(const RegisteredItem& a, const RegisteredItem& b, float tol) {
    return b.x >= a.x - tol && b.y >= a.y - tol && b.x + b.w <= a.x + a.w + tol &&
           b.y + b.h <= a.y + a.h + tol;
}

} // namespace

std::string layoutProblems(const std::vector<RegisteredItem>& items, float displayW, float displayH) {
    constexpr float tol = 1.5f; // rounding of pixel positions
    std::string out;
    int count = 0;
    auto report = [&](const std::string& what) {
        if (++count <= 8) out += (out.empty() ? "" : "; ") + what;
    };
    for (size_t a = 0; a < items.size(); ++a) {
        const RegisteredItem& i = items[a];
        if (i.source != TextSource::Widget) continue;
        if (i.clipped) report("cut off: " + describe(i));
        if (i.overflows) report("label does not fit: " + describe(i));
        if (i.x < -tol || i.y < -tol || i.x + i.w > displayW + tol || i.y + i.h > displayH + tol)
            report("off screen: " + describe(i));
        for (size_t b = a + 1; b < items.size(); ++b) {
            const RegisteredItem& j = items[b];
            if (j.source != TextSource::Widget || j.layer != i.layer) continue;
            const float ox = std::min(i.x + i.w, j.x + j.w) - std::max(i.x, j.x);
            const float oy = std::min(i.y + i.h, j.y + j.h) - std::max(i.y, j.y);
            if (ox <= tol || oy <= tol) continue;
            // A label inside its tile or button is by design; anything else drawn over another is not.
            if (contains(i, j, tol) || contains(j, i, tol)) continue;
            report("overlap: " + describe(i) + " and " + describe(j));
        }
    }
    if (count > 8) out += "; and " + std::to_string(count - 8) + " more";
    return out;
}

} // namespace kiosk::ui
