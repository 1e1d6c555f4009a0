// Widgets — the touch widgets every screen is built from. Each one requires its glyphs from the
// FontSet and registers its text (and, when tappable, its rectangle) in the FrameRegistry, so a
// script can tap it by label and check what the citizen sees.
//
// This is the one place text reaches ImGui: a widget measures and draws ui.fonts.drawable(text)
// (characters beyond the BMP swapped for their stand-ins, FontSet.h) and registers the text itself.
// A new widget that draws text must do the same, or rare characters show '?'.
//
//   [x] text (wrapped, aligned), large buttons with press feedback, home tiles, list rows, status badges
//   [x] touch: no hover styling at all (a finger has no hover); press shows while held
//   [x] drag-to-scroll for lists (ImGui 1.86 has none for touch)
//   [x] every character the font has, also beyond the BMP (𫖮 𬌗), in every widget
//   [x] on-screen keyboard and text fields: ui/OnScreenKeyboard (built on keyButton)
#pragma once

#include "kiosk/StringTable.h"
#include "ui/DeferredActions.h"
#include "ui/FontSet.h"
#include "ui/FrameRegistry.h"
#include "ui/Theme.h"

#include <imgui.h>

#include <string>
#include <string_view>

namespace kiosk::ui {

// Everything a screen needs to draw, for one frame.
struct Ui {
    FontSet& fonts;
    const StringTable& strings;
    FrameRegistry& registry;
    const Theme& theme;
    float em;
    // What a tap changes (flow, language, session) is posted here and runs after the frame.
    DeferredActions& later;

    const std::string& t(std::string_view key) const { return strings.get(key); }
    std::string f(std::string_view key, std::initializer_list<std::string> args) const {
        return strings.format(key, std::vector<std::string>(args));
    }
};

enum class Align { Left, Center, Right };

// `s` with its spaces made no-break: a label and its value ("受理时间 2026-11-20 09:29") are
// kept on one line by text() (see LineBreak.h), drawn with plain spaces.
std::string keepTogether(std::string_view s);

// Draws text at the cursor, wrapped by the Chinese line-breaking rules (LineBreak.h) to `wrapWidth` (0 = the
// rest of the content width).
void text(Ui& ui, std::string_view s, FontSize size = FontSize::Body, ImU32 color = 0,
          Align align = Align::Left, float wrapWidth = 0.f);

// The height text() would take for `s` wrapped to `wrapWidth`, so a layout can reserve it first.
float textHeight(Ui& ui, std::string_view s, FontSize size, float wrapWidth);

enum class ButtonKind { Primary, Secondary };

// A large touch button; returns true on the frame it is tapped (released over it).
bool button(Ui& ui, std::string_view label, ImVec2 size, ButtonKind kind = ButtonKind::Primary,
            FontSize font = FontSize::Large);

// A button scripts can also find by a name of their own (`key`: "key:{space}", "field:LABEL"),
// for widgets whose words are not unique or not what a script would type (the on-screen keys).
bool keyButton(Ui& ui, std::string_view label, std::string_view key, ImVec2 size,
               ButtonKind kind = ButtonKind::Secondary, FontSize font = FontSize::Large);

// A home-screen tile: title and a line under it. Tapping anywhere on it counts; its label is the title.
bool tile(Ui& ui, std::string_view title, std::string_view subtitle, ImVec2 size);

// A row of a list, `width` wide, as tall as its words need: the title wraps (a long service name is
// never clipped), an optional detail line under it. Its label for scripts is the title.
bool listRow(Ui& ui, std::string_view title, std::string_view detail, float width);

// A small rounded badge with words (state is never colour alone).
void badge(Ui& ui, std::string_view words, ImU32 color);

// Every screen but home starts with this row: its title on the left, 返回首页 on the right, in the
// same place on every screen. Returns true when 返回首页 was tapped.
bool titleRow(Ui& ui, std::string_view title);

// Opens a full-screen window above everything, dimmed; end it with ImGui::End(). Being on top, it
// receives every tap, so nothing underneath is hit through the dimmed area.
ImDrawList* beginDimmedOverlay(Ui& ui, const char* id);

// Adds a widget drawn at [min, max] to the frame registry (what scripts and check-layout read): only
// what the citizen can see counts, a widget is tappable only when its centre is visible, and one cut
// off by a window that does not scroll is marked clipped. Every widget registers through this.
void registerItem(Ui& ui, std::string_view s, ImVec2 min, ImVec2 max, bool tappable, bool overflows = false,
                  std::string_view key = {});

// Makes the current child window scroll when dragged by a finger.
void dragToScroll();

} // namespace kiosk::ui
