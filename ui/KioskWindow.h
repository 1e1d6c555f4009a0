// KioskWindow — the SDL window, its renderer and the ImGui context with its SDL backends, for the
// two runners (AppRunner: the kiosk; OutOfServiceRunner: the screen shown when it cannot start).
//
// Sections: open / close | per frame | what scripts need (resize, screenshot, synthetic input)
//
// One place for the window rules, so both screens look and behave alike:
//   [x] borderless full screen on the desktop's mode, or a window of the given size; --headless uses
//       SDL's offscreen driver and a software renderer (default 1920x1080)
//   [x] touch as mouse, no cursor changes, no ImGui files on disk, the theme's background
//   [x] screenshots as PNG (stb_image_write), resize for `layout`, taps and text as real SDL events
#pragma once

#include <SDL.h>
#include <imgui.h>

#include <string>
#include <utility>

namespace kiosk::ui {

struct WindowOptions {
    bool headless = false;
    bool fullscreen = true;
    int width = 0, height = 0; // 0 = the desktop (full screen) or 1280x800; headless 1920x1080
};

class KioskWindow {
public:
    KioskWindow() = default;
    ~KioskWindow() { close(); }
    KioskWindow(const KioskWindow&) = delete;
    KioskWindow& operator=(const KioskWindow&) = delete;

    // ---- open / close ----
    bool open(const WindowOptions& options, ImU32 background, std::string& error);
    void close();
    SDL_Window* window() const { return window_; }
    SDL_Renderer* renderer() const { return renderer_; }
    std::pair<int, int> size() const; // the window's size in screen coordinates

    // ---- per frame ----
    void newFrame();     // the backends' NewFrame (before ImGui::NewFrame)
    void render();       // ImGui::Render and the draw data onto the cleared back buffer
    void present();      // after an optional saveScreenshot
    void fontsChanged(); // the atlas was rebuilt: the backend re-uploads it on the next frame

    // ---- what scripts need ----
    bool resize(int width, int height, std::string& error);
    std::pair<float, float> outputSize() const;                // the renderer's size in pixels
    std::string saveScreenshot(const std::string& path) const; // "" or what went wrong
    void pushTap(float x, float y) const;                      // motion, press, release: a finger
    void pushText(const std::string& utf8) const;              // one SDL_TEXTINPUT per character

private:
    ImU32 background_ = 0;
    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    bool sdlUp_ = false, imguiUp_ = false;
};

} // namespace kiosk::ui
