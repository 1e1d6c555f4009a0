#include "ui/Theme.h"

#include <algorithm>

namespace kiosk::ui {

float emForScreen(int width, int height, double textScale) {
    const float byHeight = static_cast<float>(height) / 23.f;
    const float byWidth = static_cast<float>(width) / 26.f;
    return std::max(20.f, std::min(byHeight, byWidth) * static_cast<float>(textScale));
}

} // namespace kiosk::ui
