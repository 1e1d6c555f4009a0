#include "ui/AppRunner.h"

#include "ui/FontSet.h"
#include "ui/FrameSchedule.h"
#include "ui/KioskView.h"
#include "ui/PointerInput.h"
#include "ui/SlipTexture.h"
#include "ui/Theme.h"
#include "ui/UiScript.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace kiosk::ui {

namespace {

using Clock = std::chrono::steady_clock;

class Runner : public ScriptHost {
public:
    Runner(KioskApp& app, DemoEnvironment* demo, const RunnerOptions& o)
        : app_(app), demo_(demo), opt_(o), view_(app) {}
    ~Runner() override { shutdown(); }

    int run();

    // ---- ScriptHost ----
    const FrameRegistry& registry() const override { return registry_; }
    void pushTap(float x, float y) override;
    void pushText(const std::string& utf8) override;
    bool presentCard(const std::string& name, std::string& error) override;
    void removeCard() override {
        if (demo_) demo_->removeCard();
    }
    bool setPrinterPaper(const std::string& state, std::string& error) override {
        if (demo_ && demo_->setPaper(state)) return true;
        error = demo_ ? "the demo has no virtual printer in this mode"
                      : "no virtual printer (printer needs --demo)";
        return false;
    }
    bool setServerRunning(bool running, std::string& error) override {
        if (!demo_) {
            error = "no demo server (server needs --demo)";
            return false;
        }
        return demo_->setServerRunning(running, error);
    }
    bool setReaderFault(const std::string& spec, std::string& error) override {
        if (!demo_) {
            error = "no simulated reader (reader fault needs --demo)";
            return false;
        }
        return demo_->setReaderFault(spec, error);
    }
    void requestScreenshot(const std::string& fileName) override {
        screenshotPath_ = opt_.screenshotDir + "/" + fileName;
        screenshotError_.clear();
        requestFrames(1);
    }
    bool screenshotPending(std::string& error) const override {
        error = screenshotError_;
        return !screenshotPath_.empty();
    }
    void requestFrames(int n) override { schedule_.owe(n); }
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
    bool setup(std::string& error);
    void shutdown();
    void handleEvent(const SDL_Event& e, Clock::time_point now);
    void drawFrame(Clock::time_point now);
    void saveScreenshot();
    void writeStats() const;

    KioskApp& app_;
    DemoEnvironment* demo_;
    RunnerOptions opt_;
    KioskView view_;
    FontSet fonts_;
    FrameRegistry registry_;
    PointerInput pointer_;
    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    std::unique_ptr<SlipTexture> slipTexture_;
    bool sdlUp_ = false, imguiUp_ = false;
    Uint32 wakeEvent_ = 0;
    FrameSchedule schedule_;
    long framesDrawn_ = 0;
    long wakeups_ = 0;
    bool quit_ = false;
    std::string screenshotPath_;
    std::string screenshotError_;
    Clock::time_point started_ = Clock::now();
    double firstFrameMs_ = -1;
    int atlasRebuilds_ = 0; // after the first build
    double maxRebuildMs_ = 0;
    // When each frame was drawn and each loop wake-up happened (ms since start, first 5000 each),
    // so the idle benchmark can count what happened inside its measuring window.
    std::vector<double> frameTimes_, wakeTimes_;
    double sinceStartMs() const {
        return std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
    }
};

bool Runner::setup(std::string& error) {
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
    wakeEvent_ = SDL_RegisterEvents(1);

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
    style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(Theme{}.background);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    ImGui_ImplSDL2_InitForSDLRenderer(window_);
    ImGui_ImplSDLRenderer_Init(renderer_);
    slipTexture_ = std::make_unique<SlipTexture>(renderer_);
    if (!opt_.headless) SDL_ShowCursor(opt_.fullscreen ? SDL_DISABLE : SDL_ENABLE);

    // Every string-table character of both languages goes into the first atlas, so moving between
    // screens never rebuilds it; only data (names, server text) can add glyphs later.
    for (const char* lang : {"zh-CN", "en"}) {
        const StringTable table = StringTable::load(lang);
        for (const std::string& key : table.keys())
            fonts_.require(table.get(key));
    }
    if (!fonts_.init(opt_.fontPath, opt_.fontIndex, emForScreen(w, h, opt_.textScale), error)) return false;

    Uint32 type = wakeEvent_;
    app_.events().setWaker([type] {
        SDL_Event e{};
        e.type = type;
        SDL_PushEvent(&e); // thread-safe; wakes SDL_WaitEvent
    });
    return true;
}

void Runner::shutdown() {
    app_.events().setWaker(nullptr);
    if (imguiUp_) {
        ImGui_ImplSDLRenderer_Shutdown();
        ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext();
        imguiUp_ = false;
    }
    slipTexture_.reset();
    if (renderer_) SDL_DestroyRenderer(renderer_), renderer_ = nullptr;
    if (window_) SDL_DestroyWindow(window_), window_ = nullptr;
    if (sdlUp_) SDL_Quit(), sdlUp_ = false;
}

void Runner::handleEvent(const SDL_Event& e, Clock::time_point now) {
    if (e.type == SDL_QUIT) {
        quit_ = true;
        return;
    }
    if (e.type == wakeEvent_) return; // worker events are drained by app_.pump
    if (e.type == SDL_WINDOWEVENT) {
        if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            int w, h;
            SDL_GetWindowSize(window_, &w, &h);
            std::string error;
            if (!fonts_.init(opt_.fontPath, opt_.fontIndex, emForScreen(w, h, opt_.textScale), error)) {
                std::fprintf(stderr, "kiosk: %s\n", error.c_str());
            }
            ImGui_ImplSDLRenderer_DestroyFontsTexture();
        }
        requestFrames(2);
        return;
    }
    if (pointer_.onEvent(e)) {
        app_.userActivity(now);
        requestFrames(2);
        return;
    }
    if (e.type == SDL_KEYDOWN && demo_) {
        const SDL_Keycode k = e.key.keysym.sym;
        if (k >= SDLK_F1 && k <= SDLK_F7) {
            const auto names = demo_->cardNames();
            const size_t i = static_cast<size_t>(k - SDLK_F1);
            if (i < names.size()) demo_->presentCard(names[i]);
        } else if (k == SDLK_F8) {
            demo_->removeCard();
        } else if (k == SDLK_ESCAPE) {
            quit_ = true;
        }
    }
    if (e.type == SDL_KEYDOWN || e.type == SDL_KEYUP || e.type == SDL_TEXTINPUT) {
        ImGui_ImplSDL2_ProcessEvent(&e);
        app_.userActivity(now);
        requestFrames(2);
    }
}

void Runner::drawFrame(Clock::time_point now) {
    if (fonts_.needsRebuild()) {
        std::string error;
        const auto t0 = Clock::now();
        if (!fonts_.rebuild(error)) std::fprintf(stderr, "kiosk: %s\n", error.c_str());
        ++atlasRebuilds_;
        maxRebuildMs_ =
            std::max(maxRebuildMs_, std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        ImGui_ImplSDLRenderer_DestroyFontsTexture(); // NewFrame re-creates it from the new atlas
    }
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    pointer_.applyTo(ImGui::GetIO());
    ImGui::NewFrame();
    registry_.beginFrame();
    view_.draw(fonts_, registry_, *slipTexture_, fonts_.em(), now);
    registry_.endFrame();
    ImGui::Render();
    const ImU32 bg = Theme{}.background;
    SDL_SetRenderDrawColor(renderer_, bg & 0xFF, (bg >> 8) & 0xFF, (bg >> 16) & 0xFF, 255);
    SDL_RenderClear(renderer_);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    // A glyph first seen this frame was drawn as '?': draw again right after the rebuild.
    if (fonts_.needsRebuild())
        requestFrames(1);
    else if (!screenshotPath_.empty())
        saveScreenshot();
    SDL_RenderPresent(renderer_);
    ++framesDrawn_;
    if (frameTimes_.size() < 5000) frameTimes_.push_back(sinceStartMs());
    if (firstFrameMs_ < 0) {
        firstFrameMs_ = std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
        if (!opt_.firstFrameMarker.empty()) std::ofstream(opt_.firstFrameMarker) << firstFrameMs_ << "\n";
    }
}

void Runner::saveScreenshot() {
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(renderer_, &w, &h);
    std::vector<unsigned char> pixels(static_cast<size_t>(w) * h * 4);
    // ABGR8888 is R,G,B,A in memory on little-endian machines: what stb_image_write expects.
    if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_ABGR8888, pixels.data(), w * 4) != 0) {
        screenshotError_ = std::string("cannot read the frame: ") + SDL_GetError();
    } else if (!stbi_write_png(screenshotPath_.c_str(), w, h, 4, pixels.data(), w * 4)) {
        screenshotError_ = "cannot write " + screenshotPath_ + " (does --screenshot-dir exist?)";
    }
    screenshotPath_.clear();
}

void Runner::pushTap(float x, float y) {
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

void Runner::pushText(const std::string& s) {
    // One SDL_TEXTINPUT per character, as an input method would send them.
    size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
        SDL_Event e{};
        e.type = SDL_TEXTINPUT;
        e.text.windowID = SDL_GetWindowID(window_);
        const std::string ch = s.substr(i, len);
        std::snprintf(e.text.text, sizeof(e.text.text), "%s", ch.c_str());
        SDL_PushEvent(&e);
        i += len;
    }
}

bool Runner::presentCard(const std::string& name, std::string& error) {
    if (!demo_) {
        error = "no simulated card reader (card needs --demo)";
        return false;
    }
    if (demo_->presentCard(name)) return true;
    std::string known;
    for (const auto& n : demo_->cardNames())
        known += (known.empty() ? "" : ", ") + n;
    error = "unknown card '" + name + "' (known: " + known + ")";
    return false;
}

void Runner::writeStats() const {
    if (opt_.statsPath.empty()) return;
    std::ofstream out(opt_.statsPath);
    auto list = [&out](const std::vector<double>& v) {
        out << "[";
        for (size_t i = 0; i < v.size(); ++i)
            out << (i ? ", " : "") << static_cast<long>(v[i]);
        out << "]";
    };
    out << "{\"frames_drawn\": " << framesDrawn_ << ", \"loop_wakeups\": " << wakeups_
        << ", \"first_frame_ms\": " << firstFrameMs_ << ", \"glyphs\": " << fonts_.glyphCount()
        << ", \"atlas_rebuilds\": " << atlasRebuilds_ << ", \"max_atlas_rebuild_ms\": " << maxRebuildMs_
        << ", \"frame_times_ms\": ";
    list(frameTimes_);
    out << ", \"wakeup_times_ms\": ";
    list(wakeTimes_);
    out << "}\n";
}

int Runner::run() {
    std::string error;
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
    if (!setup(error)) {
        std::fprintf(stderr, "kiosk: %s\n", error.c_str());
        return 2;
    }

    while (!quit_) {
        Clock::time_point now = Clock::now();
        // How long may we sleep? Not at all while frames are owed; else until the next deadline.
        int waitMs = -1;
        if (schedule_.frameOwed() || pointer_.pending()) {
            waitMs = 0;
        } else {
            std::optional<Clock::time_point> deadline = app_.nextDeadline(now);
            if (script) {
                auto s = script->nextDeadline(now);
                if (s && (!deadline || *s < *deadline)) deadline = s;
            }
            if (deadline) {
                const auto ms = std::chrono::ceil<std::chrono::milliseconds>(*deadline - now).count();
                waitMs = static_cast<int>(std::clamp<long long>(ms, 0, 24 * 3600 * 1000));
            }
        }
        SDL_Event e;
        int got = waitMs < 0    ? SDL_WaitEvent(&e)
                  : waitMs == 0 ? SDL_PollEvent(&e)
                                : SDL_WaitEventTimeout(&e, waitMs);
        ++wakeups_;
        if (wakeTimes_.size() < 5000) wakeTimes_.push_back(sinceStartMs());
        now = Clock::now();
        while (got) {
            handleEvent(e, now);
            got = SDL_PollEvent(&e);
        }
        if (app_.pump(now) > 0) requestFrames(2);
        schedule_.observe(view_.signature(now));
        if (schedule_.frameOwed() || pointer_.pending()) {
            drawFrame(now);
            // What a tap changed while this frame was drawn is drawn before the loop may sleep.
            schedule_.frameDrawn(view_.signature(Clock::now()), registry_.tappedThisFrame());
        }
        if (script) {
            const bool settled = !schedule_.frameOwed() && !pointer_.pending() && app_.events().empty();
            script->step(Clock::now(), settled, framesDrawn_);
            if (script->finished()) break;
        }
    }
    writeStats();
    if (script) {
        if (script->failed()) {
            std::fprintf(stderr, "kiosk: script failed: %s\n", script->failure().c_str());
            return 1;
        }
        std::printf("kiosk: script %s passed (%zu commands)\n", opt_.scriptPath.c_str(),
                    script->commandsRun());
    }
    return 0;
}

} // namespace

int runApp(KioskApp& app, DemoEnvironment* demo, const RunnerOptions& options) {
    Runner runner(app, demo, options);
    return runner.run();
}

} // namespace kiosk::ui
