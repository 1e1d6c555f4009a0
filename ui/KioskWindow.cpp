#include "ui/KioskWindow.h"

#include "common/PrivateFiles.h"
#include "text/Utf8.h"

#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>
#include <stb_image_write.h>

#include <cstdio>
#include <filesystem>
#include <vector>

namespace kiosk::ui {

// ---- open / close ----
bool KioskWindow::open(const WindowOptions& o, ImU32 background, std::string& error) {
    background_ = background;
    if (o.headless) SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        error = std::string("cannot open a display: ") + SDL_GetError() +
                "\n  On a machine without a screen run `kiosk --headless ...`, or set DISPLAY.";
        return false;
    }
    sdlUp_ = true;

    int w = o.width, h = o.height;
    Uint32 flags = SDL_WINDOW_SHOWN;
    if (o.headless) {
        if (w <= 0 || h <= 0) w = 1920, h = 1080;
    } else if (o.fullscreen) {
        SDL_DisplayMode mode;
        if (SDL_GetDesktopDisplayMode(0, &mode) == 0) w = mode.w, h = mode.h;
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
    }
    if (w <= 0 || h <= 0) w = 1280, h = 800;
    window_ = SDL_CreateWindow("kiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!window_) {
        error = std::string("cannot create the window: ") + SDL_GetError();
        return false;
    }
    renderer_ =
        SDL_CreateRenderer(window_, -1, o.headless ? SDL_RENDERER_SOFTWARE : SDL_RENDERER_ACCELERATED);
    if (!renderer_ && !o.headless) renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_SOFTWARE);
    if (!renderer_) {
        error = std::string("cannot create a renderer: ") + SDL_GetError();
        return false;
    }
    SDL_GetWindowSize(window_, &w, &h);
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(renderer_, &info) == 0) {
        std::fprintf(stderr, "kiosk: %dx%d, video %s, renderer %s\n", w, h, SDL_GetCurrentVideoDriver(),
                     info.name);
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    imguiUp_ = true;
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // a kiosk keeps no window layout on disk
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(background);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    ImGui_ImplSDL2_InitForSDLRenderer(window_);
    ImGui_ImplSDLRenderer_Init(renderer_);
    if (!o.headless) SDL_ShowCursor(o.fullscreen ? SDL_DISABLE : SDL_ENABLE);
    return true;
}

void KioskWindow::close() {
    if (imguiUp_) {
        ImGui_ImplSDLRenderer_Shutdown();
        ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext();
        imguiUp_ = false;
    }
    if (renderer_) SDL_DestroyRenderer(renderer_), renderer_ = nullptr;
    if (window_) SDL_DestroyWindow(window_), window_ = nullptr;
    if (sdlUp_) SDL_Quit(), sdlUp_ = false;
}

std::pair<int, int> KioskWindow::size() const {
    int w = 0, h = 0;
    if (window_) SDL_GetWindowSize(window_, &w, &h);
    return {w, h};
}

// ---- per frame ----
void KioskWindow::newFrame() {
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui_ImplSDL2_NewFrame();
}

void KioskWindow::render() {
    ImGui::Render();
    SDL_SetRenderDrawColor(renderer_, background_ & 0xFF, (background_ >> 8) & 0xFF,
                           (background_ >> 16) & 0xFF, 255);
    SDL_RenderClear(renderer_);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
}

void KioskWindow::present() {
    SDL_RenderPresent(renderer_);
}

void KioskWindow::fontsChanged() {
    ImGui_ImplSDLRenderer_DestroyFontsTexture(); // NewFrame re-creates it from the new atlas
}

// ---- what scripts need ----
bool KioskWindow::resize(int width, int height, std::string& error) {
    SDL_SetWindowSize(window_, width, height);
    const auto [w, h] = size();
    if (w != width || h != height) {
        error = "the window could not be resized to " + std::to_string(width) + "x" + std::to_string(height);
        return false;
    }
    return true;
}

std::pair<float, float> KioskWindow::outputSize() const {
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(renderer_, &w, &h);
    return {static_cast<float>(w), static_cast<float>(h)};
}

std::string KioskWindow::saveScreenshot(const std::string& path) const {
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(renderer_, &w, &h);
    std::vector<unsigned char> pixels(static_cast<size_t>(w) * h * 4);
    // ABGR8888 is R,G,B,A in memory on little-endian machines: what stb_image_write expects.
    if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_ABGR8888, pixels.data(), w * 4) != 0)
        return std::string("cannot read the frame: ") + SDL_GetError();
    // A screenshot shows what a citizen saw (masked, but still theirs): a missing folder is created 0700
    // (an existing one, say /tmp, is left as it is) and the file 0600 before a byte is written (fopen
    // keeps the mode when it truncates).
    std::string why;
    std::error_code ec;
    const std::filesystem::path dir = std::filesystem::path(path).parent_path();
    if (!dir.empty() && !std::filesystem::exists(dir, ec) && !common::ensurePrivateDir(dir.string(), &why))
        return "cannot write " + path + ": " + why;
    if (!common::ensurePrivateFile(path, &why)) return "cannot write " + path + ": " + why;
    if (!stbi_write_png(path.c_str(), w, h, 4, pixels.data(), w * 4))
        return "cannot write " + path + " (is the disk full or the folder read-only?)";
    return {};
}

void KioskWindow::pushTap(float x, float y) const {
    SDL_Event e{};
    e.type = SDL_MOUSEMOTION;
    e.motion.windowID = SDL_GetWindowID(window_);
    e.motion.which = SDL_TOUCH_MOUSEID;
    e.motion.x = static_cast<Sint32>(x);
    e.motion.y = static_cast<Sint32>(y);
    SDL_PushEvent(&e);
    for (Uint32 type : {SDL_MOUSEBUTTONDOWN, SDL_MOUSEBUTTONUP}) {
        SDL_Event b{};
        b.type = type;
        b.button.windowID = SDL_GetWindowID(window_);
        b.button.which = SDL_TOUCH_MOUSEID;
        b.button.button = SDL_BUTTON_LEFT;
        b.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
        b.button.clicks = 1;
        b.button.x = static_cast<Sint32>(x);
        b.button.y = static_cast<Sint32>(y);
        SDL_PushEvent(&b);
    }
}

void KioskWindow::pushText(const std::string& s) const {
    // One SDL_TEXTINPUT per character, as an input method would send them (the project's codec
    // finds the characters; an invalid byte goes on its own).
    for (std::size_t pos = 0; pos < s.size();) {
        const std::size_t start = pos;
        char32_t cp = 0;
        text::nextCodePoint(s, pos, cp);
        SDL_Event e{};
        e.type = SDL_TEXTINPUT;
        e.text.windowID = SDL_GetWindowID(window_);
        const std::string ch = s.substr(start, pos - start);
        std::snprintf(e.text.text, sizeof(e.text.text), "%s", ch.c_str());
        SDL_PushEvent(&e);
    }
}

} // namespace kiosk::ui
