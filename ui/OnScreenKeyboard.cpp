// OnScreenKeyboard (see the header).
//
// Sections: sizes | text fields | key rows | the layouts | the keyboard
#include "ui/OnScreenKeyboard.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace kiosk::ui {

namespace {

// ---- sizes ----
constexpr float kKeyHeightEm = 1.5f;    // 70 px at 1080p (em 47): above the 60 px a finger needs there
constexpr float kMinKeyHeightPx = 44.f; // small screens (1024x600: em 26) still get a finger's size
constexpr float kGapEm = 0.15f;
constexpr float kMaxKeyWidthEm = 3.4f;
constexpr float kBarHeightEm = 1.65f; // the composition and candidate bar (拼音)

float keyHeight(const Ui& ui) {
    return std::max(ui.em * kKeyHeightEm, kMinKeyHeightPx);
}
float rowHeight(const Ui& ui) {
    return keyHeight(ui) + ui.em * kGapEm;
}
float barHeight(const Ui& ui) {
    return std::max(ui.em * kBarHeightEm, kMinKeyHeightPx);
}

int rowsFor(KeyboardLayout layout) {
    switch (layout) {
    case KeyboardLayout::Pinyin:
    case KeyboardLayout::Latin:
        return 4; // three rows of letters, then space and the rest
    case KeyboardLayout::Digits:
        return 5; // 1-9 in three rows, 清空 0 删除, then 确定 and the layouts
    case KeyboardLayout::Symbols:
        return 3;
    }
    return 4;
}

// ---- text fields ----
std::string noticeText(const Ui& ui, const TextEntryView& v) {
    if (v.noticeKey.empty()) return {};
    if (v.noticeKey == "text.limit_reached") return ui.f("text.limit_reached", {std::to_string(v.maxChars)});
    return ui.t(v.noticeKey);
}

} // namespace

void textField(Ui& ui, TextEntry& entry, TextField& field, float width, int lines) {
    const float em = ui.em;
    const std::string& label = ui.t(field.spec().labelKey);
    text(ui, label, FontSize::Body, ui.theme.text, Align::Left, width);
    const bool focused = entry.hasFocus(field);
    const float lineH = ui.fonts.font(FontSize::Large)->FontSize * 1.25f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size(width, lineH * static_cast<float>(std::max(1, lines)) + em * 0.6f);
    const ImVec2 max(pos.x + size.x, pos.y + size.y);

    ImGui::PushID(&field);
    const bool tapped = ImGui::InvisibleButton("##field", size);
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, max, ui.theme.panel, em * 0.2f);
    dl->AddRect(pos, max, focused ? ui.theme.primary : ui.theme.panelBorder, em * 0.2f, 0,
                focused ? std::max(2.f, em * 0.1f) : std::max(1.f, em * 0.04f));
    // The box is what `field "LABEL"` taps; its words are registered by text() below.
    // Through the one registration, so a box scrolled out of view or under the keyboard's edge is
    // not "there" for a script either.
    registerItem(ui, label, pos, max, true, false, "field:" + label);
    if (tapped) {
        ui.registry.noteTap();
        ui.later.post([&entry, &field] { entry.focus(&field); });
    }

    const ImVec2 after(pos.x, max.y);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + em * 0.4f, pos.y + em * 0.3f));
    ImGui::PushClipRect(pos, max, true);
    if (field.empty()) {
        const std::string& hint = field.spec().hintKey.empty()
                                      ? ui.t(focused ? "text.typing_here" : "text.tap_to_type")
                                      : ui.t(field.spec().hintKey);
        text(ui, hint, FontSize::Large, ui.theme.textMuted, Align::Left, width - em * 0.8f);
    } else
        text(ui, field.text(), FontSize::Large, ui.theme.text, Align::Left, width - em * 0.8f);
    ImGui::PopClipRect();

    // Under the box: what the field refused (focused only) on the left, the count on the right.
    ImGui::SetCursorScreenPos(ImVec2(after.x, after.y + em * 0.15f));
    const std::string count = std::to_string(field.length()) + "/" + std::to_string(field.spec().maxChars);
    const std::string notice = focused ? noticeText(ui, entry.view()) : std::string();
    const float countW = em * 4;
    const ImVec2 row = ImGui::GetCursorScreenPos();
    if (!notice.empty()) text(ui, notice, FontSize::Body, ui.theme.bad, Align::Left, width - countW);
    const float noticeBottom = ImGui::GetCursorScreenPos().y;
    ImGui::SetCursorScreenPos(ImVec2(row.x + width - countW, row.y));
    text(ui, count, FontSize::Body, ui.theme.textMuted, Align::Right, countW);
    ImGui::SetCursorScreenPos(
        ImVec2(row.x, std::max(noticeBottom, ImGui::GetCursorScreenPos().y) + em * 0.2f));
}

namespace {

// ---- key rows ----
struct Key {
    std::string label; // what the key shows
    std::string name;  // what `keys` calls it: the letter, or {space} ...
    float weight = 1;  // width in ordinary keys
    ButtonKind kind = ButtonKind::Secondary;
};

// One row of keys, centred in `width`; returns the tapped key's name ("" when none).
std::string keyRow(Ui& ui, const std::vector<Key>& keys, float width, float unit) {
    const float em = ui.em;
    const float gap = em * kGapEm;
    float total = 0;
    for (const Key& k : keys)
        total += k.weight * unit + gap;
    total -= gap;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    float x = start.x + std::max(0.f, (width - total) * 0.5f);
    std::string tapped;
    for (const Key& k : keys) {
        ImGui::SetCursorScreenPos(ImVec2(x, start.y));
        const float w = k.weight * unit + gap * (k.weight - 1);
        // A label too wide for its key (English "Symbols" on a narrow key) is set one size smaller.
        ImFont* large = ui.fonts.font(FontSize::Large);
        const std::string drawn = ui.fonts.drawable(k.label);
        const float labelW =
            large->CalcTextSizeA(large->FontSize, FLT_MAX, 0.f, drawn.data(), drawn.data() + drawn.size()).x;
        const FontSize size = labelW > w - em * 0.3f ? FontSize::Body : FontSize::Large;
        if (keyButton(ui, k.label, "key:" + k.name, ImVec2(w, keyHeight(ui)), k.kind, size)) tapped = k.name;
        x += w + gap;
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + rowHeight(ui)));
    return tapped;
}

std::vector<Key> letters(std::string_view row, bool upper) {
    std::vector<Key> keys;
    for (char c : row) {
        const std::string name(1, c);
        keys.push_back({upper ? std::string(1, static_cast<char>(c - 'a' + 'A')) : name, name});
    }
    return keys;
}

// ---- the layouts ----
std::string layoutName(KeyboardLayout l) {
    switch (l) {
    case KeyboardLayout::Pinyin:
        return "{py}";
    case KeyboardLayout::Latin:
        return "{abc}";
    case KeyboardLayout::Digits:
        return "{123}";
    case KeyboardLayout::Symbols:
        return "{sym}";
    }
    return "{abc}";
}

std::string layoutLabel(const Ui& ui, KeyboardLayout l) {
    switch (l) {
    case KeyboardLayout::Pinyin:
        return ui.t("keyboard.pinyin");
    case KeyboardLayout::Latin:
        return ui.t("keyboard.latin");
    case KeyboardLayout::Digits:
        return ui.t("keyboard.digits");
    case KeyboardLayout::Symbols:
        return ui.t("keyboard.symbols");
    }
    return {};
}

// The last row of every layout: the other layouts, space (where it types), backspace, enter.
std::vector<Key> bottomRow(const Ui& ui, const TextEntryView& v, bool withSpace) {
    std::vector<Key> keys;
    for (KeyboardLayout l : v.layouts)
        if (l != v.layout) keys.push_back({layoutLabel(ui, l), layoutName(l), 1.2f});
    if (withSpace) keys.push_back({ui.t("keyboard.space"), "{space}", 3.f});
    keys.push_back({ui.t("keyboard.clear"), "{clear}", 1.2f});
    keys.push_back({ui.t("keyboard.enter"), "{enter}", 1.4f, ButtonKind::Primary});
    return keys;
}

const std::array<const char*, 16> kSymbols = {"，", "。", "？", "！", "、", "：", "；", "“",
                                              "”",  "（", "）", "《", "》", "—",  "…",  "·"};

// The composition and the page of candidates (拼音 only). Returns the tapped candidate's index or -1;
// sets `page` to -1 / +1 for ‹ ›.
int candidateBar(Ui& ui, const TextEntryView& v, float width, int& page) {
    const float em = ui.em;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float h = barHeight(ui);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(start, ImVec2(start.x + width, start.y + h), ui.theme.panel, em * 0.2f);
    int tapped = -1;
    float x = start.x + em * 0.3f;
    if (!v.pinyinAvailable) {
        ImGui::SetCursorScreenPos(ImVec2(x, start.y + em * 0.3f));
        text(ui, ui.t("keyboard.pinyin_unavailable"), FontSize::Body, ui.theme.bad, Align::Left, width - em);
    } else if (!v.composing.empty()) {
        // The composition on one line, as wide as it is (at most a third of the bar).
        ImFont* body = ui.fonts.font(FontSize::Body);
        const std::string shown = ui.fonts.drawable(v.composing);
        const float cw = std::min(
            width / 3.f,
            body->CalcTextSizeA(body->FontSize, FLT_MAX, 0.f, shown.data(), shown.data() + shown.size()).x +
                em * 0.2f);
        ImGui::SetCursorScreenPos(ImVec2(x, start.y + (h - body->FontSize) * 0.5f));
        text(ui, v.composing, FontSize::Body, ui.theme.primary, Align::Left, cw);
        x += cw + em * 0.3f;
        const float pagerW = em * 1.6f;
        const float right = start.x + width - 2 * (pagerW + em * 0.2f);
        const std::size_t first = v.page * TextEntry::kPageSize;
        for (std::size_t i = first; i < v.candidates.size() && i < first + TextEntry::kPageSize; ++i) {
            const std::string& c = v.candidates[i].text;
            ImFont* font = ui.fonts.font(FontSize::Large);
            const std::string drawn = ui.fonts.drawable(c);
            const float w =
                font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.f, drawn.data(), drawn.data() + drawn.size())
                    .x +
                em * 0.8f;
            if (x + w > right) break; // the rest are on the next page
            ImGui::SetCursorScreenPos(ImVec2(x, start.y + em * 0.1f));
            if (keyButton(ui, c, {}, ImVec2(w, h - em * 0.2f), ButtonKind::Secondary))
                tapped = static_cast<int>(i);
            x += w + em * 0.15f;
        }
        if (v.waiting) {
            ImGui::SetCursorScreenPos(ImVec2(x, start.y + em * 0.3f));
            text(ui, "…", FontSize::Large, ui.theme.textMuted);
        }
        const bool more = first + TextEntry::kPageSize < v.candidates.size();
        ImGui::SetCursorScreenPos(ImVec2(start.x + width - 2 * pagerW - em * 0.2f, start.y + em * 0.1f));
        if (v.page > 0 && keyButton(ui, "‹", "key:{prev}", ImVec2(pagerW, h - em * 0.2f))) page = -1;
        ImGui::SetCursorScreenPos(ImVec2(start.x + width - pagerW, start.y + em * 0.1f));
        if (more && keyButton(ui, "›", "key:{next}", ImVec2(pagerW, h - em * 0.2f))) page = +1;
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + h + em * kGapEm));
    return tapped;
}

// Runs a key's action after the frame (TextEntry changes what this frame is still drawing).
void press(Ui& ui, TextEntry& entry, const std::string& name) {
    if (name.empty()) return;
    ui.later.post([&entry, name] {
        if (name == "{space}") return entry.space();
        if (name == "{backspace}") return entry.backspace();
        if (name == "{clear}") return entry.clear();
        if (name == "{enter}") return entry.enter();
        if (name == "{shift}") return entry.toggleShift();
        if (name == "{py}") return entry.switchLayout(KeyboardLayout::Pinyin);
        if (name == "{abc}") return entry.switchLayout(KeyboardLayout::Latin);
        if (name == "{123}") return entry.switchLayout(KeyboardLayout::Digits);
        if (name == "{sym}") return entry.switchLayout(KeyboardLayout::Symbols);
        if (name.size() == 1 && name[0] >= 'a' && name[0] <= 'z') return entry.letter(name[0]);
        entry.insertText(name); // digits and symbols
    });
}

} // namespace

// ---- the keyboard ----
float keyboardHeight(const Ui& ui, const TextEntry& entry) {
    const TextEntryView& v = entry.view();
    if (!v.focused) return 0;
    const bool bar = v.layout == KeyboardLayout::Pinyin || !v.pinyinAvailable;
    return (bar ? barHeight(ui) + ui.em * kGapEm : 0) +
           rowHeight(ui) * static_cast<float>(rowsFor(v.layout)) + ui.em * 0.3f;
}

void drawKeyboard(Ui& ui, TextEntry& entry, float width) {
    const TextEntryView& v = entry.view();
    if (!v.focused) return;
    const float em = ui.em;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(origin,
                                              ImVec2(origin.x + width, origin.y + keyboardHeight(ui, entry)),
                                              ui.theme.secondary, em * 0.3f);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + em * 0.15f));
    ImGui::PushID("keyboard");
    std::string tapped;
    if (v.layout == KeyboardLayout::Pinyin || !v.pinyinAvailable) {
        int page = 0;
        const int chosen = candidateBar(ui, v, width, page);
        if (chosen >= 0) ui.later.post([&entry, chosen] { entry.choose(static_cast<std::size_t>(chosen)); });
        if (page < 0) ui.later.post([&entry] { entry.previousPage(); });
        if (page > 0) ui.later.post([&entry] { entry.nextPage(); });
    }
    const float gap = em * kGapEm;
    switch (v.layout) {
    case KeyboardLayout::Pinyin:
    case KeyboardLayout::Latin: {
        const float unit = std::min(em * kMaxKeyWidthEm, (width - 9 * gap - em * 0.4f) / 10.f);
        const bool upper = v.layout == KeyboardLayout::Latin && v.shift;
        std::string t;
        if (!(t = keyRow(ui, letters("qwertyuiop", upper), width, unit)).empty()) tapped = t;
        if (!(t = keyRow(ui, letters("asdfghjkl", upper), width, unit)).empty()) tapped = t;
        std::vector<Key> third = letters("zxcvbnm", upper);
        if (v.layout == KeyboardLayout::Latin)
            third.insert(third.begin(), Key{ui.t("keyboard.shift"), "{shift}", 1.4f,
                                            v.shift ? ButtonKind::Primary : ButtonKind::Secondary});
        third.push_back({ui.t("keyboard.backspace"), "{backspace}", 1.6f});
        if (!(t = keyRow(ui, third, width, unit)).empty()) tapped = t;
        if (!(t = keyRow(ui, bottomRow(ui, v, true), width, unit)).empty()) tapped = t;
        break;
    }
    case KeyboardLayout::Digits: {
        const float unit = std::min(em * 5.f, (width - 2 * gap) / 3.f);
        std::string t;
        for (const char* row : {"123", "456", "789"}) {
            std::vector<Key> keys;
            for (const char* c = row; *c; ++c)
                keys.push_back({std::string(1, *c), std::string(1, *c)});
            if (!(t = keyRow(ui, keys, width, unit)).empty()) tapped = t;
        }
        if (!(t = keyRow(ui,
                         {{ui.t("keyboard.clear"), "{clear}"},
                          {"0", "0"},
                          {ui.t("keyboard.backspace"), "{backspace}"}},
                         width, unit))
                 .empty())
            tapped = t;
        std::vector<Key> last;
        // A tracking number's '-' (HALL-07-000012) beside the digits, not on another layout.
        const TextField* field = entry.focusedField();
        if (field && field->spec().kind == InputKind::Code) last.push_back({"-", "-"});
        for (KeyboardLayout l : v.layouts)
            if (l != v.layout) last.push_back({layoutLabel(ui, l), layoutName(l)});
        last.push_back({ui.t("keyboard.enter"), "{enter}", 1.f, ButtonKind::Primary});
        if (!(t = keyRow(ui, last, width,
                         std::min(unit, (width - gap * static_cast<float>(last.size())) /
                                            static_cast<float>(last.size()))))
                 .empty())
            tapped = t;
        break;
    }
    case KeyboardLayout::Symbols: {
        const float unit = std::min(em * kMaxKeyWidthEm, (width - 9 * gap - em * 0.4f) / 9.6f); // 8 + 删除
        std::vector<Key> a, b;
        for (std::size_t i = 0; i < kSymbols.size(); ++i)
            (i < 8 ? a : b).push_back({kSymbols[i], kSymbols[i]});
        b.push_back({ui.t("keyboard.backspace"), "{backspace}", 1.6f});
        std::string t;
        if (!(t = keyRow(ui, a, width, unit)).empty()) tapped = t;
        if (!(t = keyRow(ui, b, width, unit)).empty()) tapped = t;
        if (!(t = keyRow(ui, bottomRow(ui, v, true), width, unit)).empty()) tapped = t;
        break;
    }
    }
    ImGui::PopID();
    press(ui, entry, tapped);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + keyboardHeight(ui, entry)));
}

} // namespace kiosk::ui
