// OutOfServiceRunner (see the header). Sections: window and ImGui set-up | script host | loop
//
// The SDL and ImGui set-up follows AppRunner's (same hints, sizes and renderer choice), so the
// out-of-service screen looks and behaves like the kiosk's own screens.
#include "ui/OutOfServiceRunner.h"

#include "ui/FontSet.h"
#include "ui/PointerInput.h"
#include "ui/Theme.h"
#include "ui/UiScript.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>
#include <stb_image_write.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

namespace kiosk::ui {

namespace {

using Clock = std::chrono::steady_clock;

class OutOfServiceRunner : public ScriptHost {
public:
    OutOfServiceRunner(const OutOfServiceInfo& info, const std::string& language, const RunnerOptions& o)
        : info_(info), strings_(StringTable::load(language)),
          other_(StringTable::load(language == "en" ? "zh-CN" : "en")), opt_(o) {}
    ~OutOfServiceRunner() override { shutdown(); }

    int run();

    // ---- script host ----
    const FrameRegistry& registry() const override { return registry_; }
    void pushTap(float x, float y) override;
    void pushText(const std::string&) override {}
    bool presentCard(const std::string&, std::string& error) override { return noDevices(error); }
    void removeCard() override {}
    bool setPrinterPaper(const std::string&, std::string& error) override { return noDevices(error); }
    bool setReaderFault(const std::string&, std::string& error) override { return noDevices(error); }
    bool setServerRunning(bool, std::string& error) override { return noDevices(error); }
    void requestScreenshot(const std::string& fileName) override {
        screenshotPath_ = opt_.screenshotDir + "/" + fileName;
        screenshotError_.clear();
        requestFrames(1);
    }
    bool screenshotPending(std::string& error) const override {
        error = screenshotError_;
        return !screenshotPath_.empty();
    }
    void requestFrames(int n) override { framesOwed_ = std::max(framesOwed_, n); }
    // The script's `layout` / `check-layout` hooks: this screen is checked at every size too.
    bool setLayout(int width, int height, double textScale, std::string& error) override {
        opt_.textScale = textScale;
        SDL_SetWindowSize(window_, width, height);
        int w = 0, h = 0;
        SDL_GetWindowSize(window_, &w, &h);
        if (w != width || h != height) {
            error =
                "the window could not be resized to " + std::to_string(width) + "x" + std::to_string(height);
            return false;
        }
        if (!fonts_.init(opt_.fontPath, opt_.fontIndex, emForScreen(w, h, textScale), error)) return false;
        ImGui_ImplSDLRenderer_DestroyFontsTexture();
        requestFrames(3);
        return true;
    }
    std::pair<float, float> displaySize() const override {
        int w = 0, h = 0;
        SDL_GetRendererOutputSize(renderer_, &w, &h);
        return {static_cast<float>(w), static_cast<float>(h)};
    }

private:
    static bool noDevices(std::string& error) {
        error = "the kiosk is out of service (its config file has problems): no devices, no demo";
        return false;
    }
    bool setup(std::string& error);
    void shutdown();
    void drawFrame();
    void saveScreenshot();

    OutOfServiceInfo info_;
    StringTable strings_;
    StringTable other_;
    RunnerOptions opt_;
    Theme theme_;
    FontSet fonts_;
    FrameRegistry registry_;
    PointerInput pointer_;
    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    bool sdlUp_ = false, imguiUp_ = false;
    int framesOwed_ = 3;
    long framesDrawn_ = 0;
    std::string screenshotPath_;
    std::string screenshotError_;
};

// ---- window and ImGui set-up ----
bool OutOfServiceRunner::setup(std::string& error) {
    if (opt_.headless) SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        error = std::string("cannot open a display: ") + SDL_GetError() +
                "\n  On a machine without a screen run `kiosk --headless ...`, or set DISPLAY.";
        return false;
    }
    sdlUp_ = true;
    int w = opt_.width, h = opt_.height;
    Uint32 flags = SDL_WINDOW_SHOWN;
    if (opt_.headless) {
        if (w <= 0 || h <= 0) w = 1920, h = 1080;
    } else if (opt_.fullscreen) {
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
        SDL_CreateRenderer(window_, -1, opt_.headless ? SDL_RENDERER_SOFTWARE : SDL_RENDERER_ACCELERATED);
    if (!renderer_ && !opt_.headless) renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_SOFTWARE);
    if (!renderer_) {
        error = std::string("cannot create a renderer: ") + SDL_GetError();
        return false;
    }
    SDL_GetWindowSize(window_, &w, &h);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    imguiUp_ = true;
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(theme_.background);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    ImGui_ImplSDL2_InitForSDLRenderer(window_);
    ImGui_ImplSDLRenderer_Init(renderer_);
    if (!opt_.headless) SDL_ShowCursor(SDL_DISABLE);
    for (const StringTable* table : {&strings_, &other_}) {
        for (const std::string& key : table->keys())
            fonts_.require(table->get(key));
    }
    fonts_.require(info_.detail);
    return fonts_.init(opt_.fontPath, opt_.fontIndex, emForScreen(w, h, opt_.textScale), error);
}

void OutOfServiceRunner::shutdown() {
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

void OutOfServiceRunner::drawFrame() {
    if (fonts_.needsRebuild()) {
        std::string error;
        if (!fonts_.rebuild(error)) std::fprintf(stderr, "kiosk: %s\n", error.c_str());
        ImGui_ImplSDLRenderer_DestroyFontsTexture();
    }
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    pointer_.applyTo(ImGui::GetIO());
    ImGui::NewFrame();
    registry_.beginFrame();
    const float em = fonts_.em();
    Ui ui{fonts_, strings_, registry_, theme_, em};
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em * 1.2f, em * 0.8f));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(em * 0.4f, em * 0.25f));
    // Scrollable (a scroll bar appears only when needed), so a long detail at 800x480 is a drag away
    // rather than cut off.
    ImGui::Begin("out_of_service", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysUseWindowPadding);
    drawOutOfServiceScreen(ui, other_, info_);
    dragToScroll();
    ImGui::End();
    ImGui::PopStyleVar(2);
    registry_.endFrame();
    ImGui::Render();
    const ImU32 bg = theme_.background;
    SDL_SetRenderDrawColor(renderer_, bg & 0xFF, (bg >> 8) & 0xFF, (bg >> 16) & 0xFF, 255);
    SDL_RenderClear(renderer_);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    if (fonts_.needsRebuild())
        requestFrames(1); // a glyph first seen in this frame: draw again after the rebuild
    else if (!screenshotPath_.empty())
        saveScreenshot();
    SDL_RenderPresent(renderer_);
    ++framesDrawn_;
}

void OutOfServiceRunner::saveScreenshot() {
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(renderer_, &w, &h);
    std::vector<unsigned char> pixels(static_cast<size_t>(w) * h * 4);
    if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_ABGR8888, pixels.data(), w * 4) != 0) {
        screenshotError_ = std::string("cannot read the frame: ") + SDL_GetError();
    } else if (!stbi_write_png(screenshotPath_.c_str(), w, h, 4, pixels.data(), w * 4)) {
        screenshotError_ = "cannot write " + screenshotPath_ + " (does --screenshot-dir exist?)";
    }
    screenshotPath_.clear();
}

// ---- script host ----
void OutOfServiceRunner::pushTap(float x, float y) {
    // Real input, as AppRunner sends it: nothing here is tappable, but a tap must not break anything.
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

// ---- loop ----
int OutOfServiceRunner::run() {
    std::unique_ptr<UiScriptRunner> script;
    if (!opt_.scriptPath.empty()) {
        std::ifstream in(opt_.scriptPath);
        if (!in) {
            std::fprintf(stderr, "kiosk: cannot read script %s\n", opt_.scriptPath.c_str());
            return 2;
        }
        std::stringstream text;
        text << in.rdbuf();
        ParsedScript parsed = parseScript(text.str(), opt_.scriptPath);
        if (!parsed.error.empty()) {
            std::fprintf(stderr, "kiosk: %s\n", parsed.error.c_str());
            return 2;
        }
        script = std::make_unique<UiScriptRunner>(opt_.scriptPath, std::move(parsed.commands), *this);
    }
    std::string error;
    if (!setup(error)) {
        std::fprintf(stderr, "kiosk: %s\n", error.c_str());
        return 2;
    }
    bool quit = false;
    while (!quit) {
        Clock::time_point now = Clock::now();
        int waitMs = -1; // nothing changes on this screen by itself: sleep until something happens
        if (framesOwed_ > 0 || pointer_.pending()) {
            waitMs = 0;
        } else if (script) {
            if (const auto d = script->nextDeadline(now)) {
                const auto ms = std::chrono::ceil<std::chrono::milliseconds>(*d - now).count();
                waitMs = static_cast<int>(std::clamp<long long>(ms, 0, 24 * 3600 * 1000));
            }
        }
        SDL_Event e;
        int got = waitMs < 0    ? SDL_WaitEvent(&e)
                  : waitMs == 0 ? SDL_PollEvent(&e)
                                : SDL_WaitEventTimeout(&e, waitMs);
        while (got) {
            if (e.type == SDL_QUIT) {
                quit = true;
            } else if (e.type == SDL_WINDOWEVENT) {
                if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
                    int w = 0, h = 0;
                    SDL_GetWindowSize(window_, &w, &h);
                    if (!fonts_.init(opt_.fontPath, opt_.fontIndex, emForScreen(w, h, opt_.textScale), error))
                        std::fprintf(stderr, "kiosk: %s\n", error.c_str());
                    ImGui_ImplSDLRenderer_DestroyFontsTexture();
                }
                requestFrames(2);
            } else if (pointer_.onEvent(e)) {
                requestFrames(2);
            }
            got = SDL_PollEvent(&e);
        }
        if (quit) break;
        if (framesOwed_ > 0 || pointer_.pending()) {
            drawFrame();
            if (framesOwed_ > 0) --framesOwed_;
        }
        if (script) {
            script->step(Clock::now(), framesOwed_ == 0 && !pointer_.pending(), framesDrawn_);
            if (script->finished()) break;
        }
    }
    if (script) {
        if (script->failed()) {
            std::fprintf(stderr, "kiosk: script failed: %s\n", script->failure().c_str());
            return 1;
        }
        std::printf("kiosk: script %s passed (%zu commands)\n", opt_.scriptPath.c_str(),
                    script->commandsRun());
        return 0;
    }
    return 2; // quit while out of service: the kiosk never started
}

} // namespace

int runOutOfService(const OutOfServiceInfo& info, const std::string& language, const RunnerOptions& options) {
    OutOfServiceRunner runner(info, language, options);
    return runner.run();
}

} // namespace kiosk::ui
