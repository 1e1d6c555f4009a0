#include "ui/Widgets.h"

#include "ui/LineBreak.h"

#include <imgui_internal.h>

#include <string>
#include <vector>

namespace kiosk::ui {

namespace {

// The text as drawn: U+00A0 (no-break space, UTF-8 C2 A0) becomes a plain space.
std::string withPlainSpaces(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC2 &&
            static_cast<unsigned char>(s[i + 1]) == 0xA0) {
            out += ' ';
            ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

// Text broken into lines by the Chinese rules (LineBreak.h), not ImGui's any-character wrap. The
// breaks are found in the real text (a character beyond the BMP is CJK there), measured with the
// glyph ImGui will draw for each character, and each line is then made drawable (FontSet.h).
struct WrappedText {
    std::vector<std::string> lines; // as drawn: no-break spaces are plain, stand-ins swapped in
    std::vector<float> widths;
    float width = 0.f, height = 0.f;
};

WrappedText wrapText(const FontSet& fonts, ImFont* font, std::string_view raw, float maxWidth) {
    WrappedText out;
    const auto ranges = breakLines(raw, maxWidth, [&fonts, font](char32_t c) {
        return font->GetCharAdvance(fonts.drawnAs(c == 0xA0 ? U' ' : c));
    });
    for (const LineRange& r : ranges) {
        out.lines.push_back(fonts.drawable(withPlainSpaces(raw.substr(r.begin, r.end - r.begin))));
        const std::string& line = out.lines.back();
        const float w =
            font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.f, line.data(), line.data() + line.size()).x;
        out.widths.push_back(w);
        out.width = std::max(out.width, w);
        out.height += font->FontSize;
    }
    return out;
}

// Draws each line aligned in a box `boxWidth` wide starting at `origin`.
void drawWrapped(ImDrawList* dl, ImFont* font, const WrappedText& t, ImVec2 origin, float boxWidth,
                 Align align, ImU32 color) {
    float y = origin.y;
    for (size_t i = 0; i < t.lines.size(); ++i) {
        float x = origin.x;
        if (align == Align::Center) x += std::max(0.f, (boxWidth - t.widths[i]) * 0.5f);
        if (align == Align::Right) x += std::max(0.f, boxWidth - t.widths[i]);
        const std::string& line = t.lines[i];
        dl->AddText(font, font->FontSize, ImVec2(x, y), color, line.data(), line.data() + line.size());
        y += font->FontSize;
    }
}

} // namespace

// The frame registry.
// Only what the citizen can see counts: text scrolled out of view is not "on screen", and a
// widget is tappable only when its centre (where a script taps) is visible.
void registerItem(Ui& ui, std::string_view s, ImVec2 min, ImVec2 max, bool tappable, bool overflows,
                  std::string_view key) {
    if (!ImGui::IsRectVisible(min, max)) return;
    const ImVec2 centre((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
    const bool centreVisible = ImGui::IsRectVisible(centre, ImVec2(centre.x + 1, centre.y + 1));
    RegisteredItem item;
    item.text = std::string(s);
    item.x = min.x, item.y = min.y, item.w = max.x - min.x, item.h = max.y - min.y;
    item.tappable = tappable && centreVisible;
    item.overflows = overflows;
    item.key = std::string(key);
    // Cut off by its window: a fault unless the window scrolls (then the rest is a drag away).
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImVec2 clipMin = ImGui::GetWindowDrawList()->GetClipRectMin();
    const ImVec2 clipMax = ImGui::GetWindowDrawList()->GetClipRectMax();
    const bool inside =
        min.x >= clipMin.x - 1 && min.y >= clipMin.y - 1 && max.x <= clipMax.x + 1 && max.y <= clipMax.y + 1;
    item.clipped = !inside && !window->ScrollbarY && !window->ScrollbarX;
    if (!inside) { // what can be seen of it
        item.x = std::max(min.x, clipMin.x), item.y = std::max(min.y, clipMin.y);
        item.w = std::max(0.f, std::min(max.x, clipMax.x) - item.x);
        item.h = std::max(0.f, std::min(max.y, clipMax.y) - item.y);
    }
    item.layer = window->RootWindow ? window->RootWindow->ID : window->ID;
    ui.registry.add(std::move(item));
}

std::string keepTogether(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 8);
    for (char c : s) {
        if (c == ' ')
            out += "\u00A0";
        else
            out += c;
    }
    return out;
}

void text(Ui& ui, std::string_view raw, FontSize size, ImU32 color, Align align, float wrapWidth) {
    ui.fonts.require(raw);
    ImFont* font = ui.fonts.font(size);
    ImGui::PushFont(font);
    // The box the text is aligned in: the given wrap width, else the rest of the content width.
    const float avail = wrapWidth > 0.f ? wrapWidth : ImGui::GetContentRegionAvail().x;
    const WrappedText t = wrapText(ui.fonts, font, raw, avail);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    drawWrapped(ImGui::GetWindowDrawList(), font, t, origin, avail, align, color ? color : ui.theme.text);
    ImGui::Dummy(ImVec2(align == Align::Left ? t.width : avail, t.height));
    float left = origin.x;
    if (align == Align::Center) left += std::max(0.f, (avail - t.width) * 0.5f);
    if (align == Align::Right) left += std::max(0.f, avail - t.width);
    registerItem(ui, withPlainSpaces(raw), ImVec2(left, origin.y),
                 ImVec2(left + t.width, origin.y + t.height), false);
    ImGui::PopFont();
}

float textHeight(Ui& ui, std::string_view s, FontSize size, float wrapWidth) {
    ui.fonts.require(s);
    return wrapText(ui.fonts, ui.fonts.font(size), s, wrapWidth).height;
}

bool button(Ui& ui, std::string_view label, ImVec2 size, ButtonKind kind, FontSize fontSize) {
    return keyButton(ui, label, {}, size, kind, fontSize);
}

bool keyButton(Ui& ui, std::string_view label, std::string_view key, ImVec2 size, ButtonKind kind,
               FontSize fontSize) {
    ui.fonts.require(label);
    ImGui::PushID(label.data(), label.data() + label.size());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool tapped = ImGui::InvisibleButton("##b", size);
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    const bool primary = kind == ButtonKind::Primary;
    const ImU32 fill = primary ? (held ? ui.theme.primaryPressed : ui.theme.primary)
                               : (held ? ui.theme.secondaryPressed : ui.theme.secondary);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, max, fill, ui.em * 0.3f);
    if (!primary) dl->AddRect(pos, max, ui.theme.primary, ui.em * 0.3f, 0, std::max(1.f, ui.em * 0.06f));
    ImFont* font = ui.fonts.font(fontSize);
    const std::string drawn = ui.fonts.drawable(label);
    const ImVec2 ts =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.f, drawn.data(), drawn.data() + drawn.size());
    dl->AddText(font, font->FontSize, ImVec2(pos.x + (size.x - ts.x) * 0.5f, pos.y + (size.y - ts.y) * 0.5f),
                primary ? ui.theme.primaryText : ui.theme.primary, drawn.data(), drawn.data() + drawn.size());
    registerItem(ui, label, pos, max, true, ts.x > size.x - ui.em * 0.3f || ts.y > size.y, key);
    if (tapped) ui.registry.noteTap();
    return tapped;
}

bool tile(Ui& ui, std::string_view title, std::string_view subtitle, ImVec2 size) {
    ui.fonts.require(title);
    ui.fonts.require(subtitle);
    ImGui::PushID(title.data(), title.data() + title.size());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool tapped = ImGui::InvisibleButton("##tile", size);
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = ui.em * 0.4f;
    dl->AddRectFilled(pos, max, held ? ui.theme.primaryPressed : ui.theme.primary, r);
    ImFont* big = ui.fonts.font(FontSize::Title);
    ImFont* small = ui.fonts.font(FontSize::Body);
    const float wrap = size.x - ui.em * 1.2f;
    const float room = size.y - ui.em * 0.4f;
    // The title wraps (English titles are long); the second line goes when both do not fit, and a
    // title still too tall for the tile is set one size smaller. Never clipped.
    WrappedText head = wrapText(ui.fonts, big, title, wrap);
    WrappedText sub = subtitle.empty() ? WrappedText{} : wrapText(ui.fonts, small, subtitle, wrap);
    float gap = subtitle.empty() ? 0.f : ui.em * 0.4f;
    if (head.height + gap + sub.height > room) sub = WrappedText{}, gap = 0.f;
    if (head.height > room) big = ui.fonts.font(FontSize::Large), head = wrapText(ui.fonts, big, title, wrap);
    const float top = pos.y + (size.y - head.height - gap - sub.height) * 0.5f;
    drawWrapped(dl, big, head, ImVec2(pos.x + (size.x - wrap) * 0.5f, top), wrap, Align::Center,
                ui.theme.primaryText);
    const ImVec2 subPos(pos.x + (size.x - wrap) * 0.5f, top + head.height + gap);
    drawWrapped(dl, small, sub, subPos, wrap, Align::Center, ui.theme.tileSubtitle);
    registerItem(ui, title, pos, max, true,
                 head.width > wrap + 1.f || head.height + gap + sub.height > size.y);
    if (!sub.lines.empty()) {
        const float left = subPos.x + (wrap - sub.width) * 0.5f;
        registerItem(ui, subtitle, ImVec2(left, subPos.y), ImVec2(left + sub.width, subPos.y + sub.height),
                     false);
    }
    if (tapped) ui.registry.noteTap();
    return tapped;
}

bool listRow(Ui& ui, std::string_view title, std::string_view detail, float width) {
    ui.fonts.require(title);
    ui.fonts.require(detail);
    const float em = ui.em;
    ImFont* big = ui.fonts.font(FontSize::Large);
    ImFont* small = ui.fonts.font(FontSize::Body);
    const float wrap = width - em * 1.2f;
    const WrappedText head = wrapText(ui.fonts, big, title, wrap);
    const WrappedText sub = detail.empty() ? WrappedText{} : wrapText(ui.fonts, small, detail, wrap);
    const float gap = detail.empty() ? 0.f : em * 0.15f;
    const ImVec2 size(width, std::max(em * 1.8f, head.height + gap + sub.height + em * 0.6f));
    ImGui::PushID(title.data(), title.data() + title.size());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool tapped = ImGui::InvisibleButton("##row", size);
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, max, held ? ui.theme.secondaryPressed : ui.theme.secondary, em * 0.3f);
    dl->AddRect(pos, max, ui.theme.primary, em * 0.3f, 0, std::max(1.f, em * 0.06f));
    const float top = pos.y + (size.y - head.height - gap - sub.height) * 0.5f;
    drawWrapped(dl, big, head, ImVec2(pos.x + em * 0.6f, top), wrap, Align::Left, ui.theme.primary);
    const ImVec2 subPos(pos.x + em * 0.6f, top + head.height + gap);
    drawWrapped(dl, small, sub, subPos, wrap, Align::Left, ui.theme.textMuted);
    registerItem(ui, title, pos, max, true, head.width > wrap + 1.f);
    if (!sub.lines.empty())
        registerItem(ui, detail, subPos, ImVec2(subPos.x + sub.width, subPos.y + sub.height), false);
    if (tapped) ui.registry.noteTap();
    return tapped;
}

void badge(Ui& ui, std::string_view words, ImU32 color) {
    ui.fonts.require(words);
    ImFont* font = ui.fonts.font(FontSize::Body);
    const std::string drawn = ui.fonts.drawable(words);
    const ImVec2 ts =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.f, drawn.data(), drawn.data() + drawn.size());
    const ImVec2 pad(ui.em * 0.4f, ui.em * 0.12f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 max(pos.x + ts.x + pad.x * 2, pos.y + ts.y + pad.y * 2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, max, color, ui.em * 0.25f);
    dl->AddText(font, font->FontSize, ImVec2(pos.x + pad.x, pos.y + pad.y), IM_COL32(255, 255, 255, 255),
                drawn.data(), drawn.data() + drawn.size());
    ImGui::Dummy(ImVec2(max.x - pos.x, max.y - pos.y));
    registerItem(ui, words, pos, max, false);
}

bool titleRow(Ui& ui, std::string_view title) {
    const float em = ui.em;
    const ImVec2 row = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 homeSize(em * 6, em * 2.2f);
    ImGui::SetCursorScreenPos(ImVec2(row.x + width - homeSize.x, row.y));
    const bool home = button(ui, ui.t("app.back_home"), homeSize, ButtonKind::Secondary);
    const float titleH = ui.fonts.font(FontSize::Title)->FontSize;
    ImGui::SetCursorScreenPos(ImVec2(row.x, row.y + std::max(0.f, (homeSize.y - titleH) * 0.5f)));
    text(ui, title, FontSize::Title, ui.theme.text, Align::Left, width - homeSize.x - em * 0.5f);
    ImGui::SetCursorScreenPos(
        ImVec2(row.x, std::max(row.y + homeSize.y, ImGui::GetCursorScreenPos().y) + em * 0.5f));
    return home;
}

ImDrawList* beginDimmedOverlay(Ui& ui, const char* id) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBackground);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), display, ui.theme.overlay);
    return dl;
}

void dragToScroll() {
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        ImGui::IsMouseDragging(0, 4.f)) {
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    }
}

} // namespace kiosk::ui
