// AppRunner (see the header).
//
// Sections: the loop (callbacks, set-up, events, frame, loop) | run (the loop and what it calls out to)
#include "ui/AppRunner.h"
#include "ui/PhysicalKeyboard.h"

#include "ui/DemoKeys.h"
#include "ui/FontSet.h"
#include "ui/FrameSchedule.h"
#include "ui/KioskView.h"
#include "ui/KioskWindow.h"
#include "ui/PointerInput.h"
#include "ui/RunStats.h"
#include "ui/ScriptBridge.h"
#include "ui/SlipTexture.h"
#include "ui/Theme.h"
#include "ui/UiScript.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace kiosk::ui {

namespace {

using Clock = std::chrono::steady_clock;

// ---------------------------------------------------------------------------------------------
// The loop
// ---------------------------------------------------------------------------------------------

// ---- callbacks ----
// What the loop calls out to; any of them may be empty.
struct LoopCallbacks {
    // Each event the loop does not take itself (quit, wake-ups, window and pointer events), before
    // it goes to ImGui; true ends the loop.
    std::function<bool(const SDL_Event&)> onEvent;
    // The earliest time something besides the app wants the loop awake (a script's timer).
    std::function<std::optional<Clock::time_point>(Clock::time_point now)> nextDeadline;
    // Once per loop iteration, after any frame. `settled`: nothing left to draw and no event
    // pending; `framesDrawn`: so far. True ends the loop.
    std::function<bool(Clock::time_point now, bool settled, long framesDrawn)> afterIteration;
    // Measurements: the loop came out of its wait; a frame was presented; the atlas was rebuilt.
    std::function<void()> onWakeup;
    std::function<void()> onFrameDrawn;
    std::function<void(double ms)> onAtlasRebuilt;
};

class AppLoop final : public ScriptWindow {
public:
    AppLoop(KioskApp& app, const RunnerOptions& o) : app_(app), opt_(o), view_(app) {}
    ~AppLoop() override { shutdown(); }

    bool setup(std::string& error);
    void run(const LoopCallbacks& callbacks);
    size_t glyphCount() const { return fonts_.glyphCount(); }

    // ScriptWindow: what a script may do with the window.
    const FrameRegistry& registry() const override { return registry_; }
    void pushTap(float x, float y) override { window_.pushTap(x, y); }
    void pushText(const std::string& utf8) override { window_.pushText(utf8); }
    std::string outputDir() const override { return opt_.screenshotDir; }
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
        if (!window_.resize(width, height, error) ||
            !fonts_.init(opt_.fontPath, opt_.fontIndex, emForScreen(width, height, textScale), error))
            return false;
        window_.fontsChanged();
        requestFrames(3);
        return true;
    }
    std::pair<float, float> displaySize() const override { return window_.outputSize(); }

private:
    void shutdown();
    int waitMs(Clock::time_point now, const LoopCallbacks& callbacks);
    void handleEvent(const SDL_Event& e, Clock::time_point now, const LoopCallbacks& callbacks);
    void drawFrame(Clock::time_point now, const LoopCallbacks& callbacks);

    KioskApp& app_;
    RunnerOptions opt_;
    KioskView view_;
    FontSet fonts_;
    FrameRegistry registry_;
    PointerInput pointer_;
    KioskWindow window_;
    std::unique_ptr<SlipTexture> slipTexture_;
    Uint32 wakeEvent_ = 0;
    FrameSchedule schedule_;
    long framesDrawn_ = 0;
    bool quit_ = false;
    std::string screenshotPath_;
    std::string screenshotError_;
};

// ---- set-up ----
bool AppLoop::setup(std::string& error) {
    if (!window_.open(WindowOptions{opt_.headless, opt_.fullscreen, opt_.width, opt_.height},
                      Theme{}.background, error))
        return false;
    wakeEvent_ = SDL_RegisterEvents(1);
    slipTexture_ = std::make_unique<SlipTexture>(window_.renderer());
    const auto [w, h] = window_.size();

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

void AppLoop::shutdown() {
    app_.events().setWaker(nullptr);
    slipTexture_.reset(); // before its renderer
    window_.close();
}

// ---- events ----
void AppLoop::handleEvent(const SDL_Event& e, Clock::time_point now, const LoopCallbacks& callbacks) {
    if (e.type == SDL_QUIT) {
        quit_ = true;
        return;
    }
    if (e.type == wakeEvent_) return; // worker events are drained by app_.pump
    if (e.type == SDL_WINDOWEVENT) {
        if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            const auto [w, h] = window_.size();
            std::string error;
            if (!fonts_.init(opt_.fontPath, opt_.fontIndex, emForScreen(w, h, opt_.textScale), error)) {
                std::fprintf(stderr, "kiosk: %s\n", error.c_str());
            }
            window_.fontsChanged();
        }
        requestFrames(2);
        return;
    }
    if (pointer_.onEvent(e)) {
        app_.userActivity(now);
        requestFrames(2);
        return;
    }
    if (callbacks.onEvent && callbacks.onEvent(e)) quit_ = true;
    if (e.type == SDL_KEYDOWN || e.type == SDL_KEYUP || e.type == SDL_TEXTINPUT) {
        if (typeIntoFocusedField(e, app_.terminal().textEntry())) {
            app_.userActivity(now);
            requestFrames(2);
            return;
        }
        ImGui_ImplSDL2_ProcessEvent(&e);
        app_.userActivity(now);
        requestFrames(2);
    }
}

// ---- frame ----
void AppLoop::drawFrame(Clock::time_point now, const LoopCallbacks& callbacks) {
    if (fonts_.needsRebuild()) {
        std::string error;
        const auto t0 = Clock::now();
        if (!fonts_.rebuild(error)) std::fprintf(stderr, "kiosk: %s\n", error.c_str());
        if (callbacks.onAtlasRebuilt)
            callbacks.onAtlasRebuilt(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        window_.fontsChanged();
    }
    window_.newFrame();
    pointer_.applyTo(ImGui::GetIO());
    ImGui::NewFrame();
    registry_.beginFrame();
    view_.draw(fonts_, registry_, *slipTexture_, fonts_.em(), now);
    registry_.endFrame();
    window_.render();
    // A glyph first seen this frame was drawn as '?': draw again right after the rebuild.
    if (fonts_.needsRebuild())
        requestFrames(1);
    else if (!screenshotPath_.empty()) {
        screenshotError_ = window_.saveScreenshot(screenshotPath_);
        screenshotPath_.clear();
    }
    window_.present();
    ++framesDrawn_;
    if (callbacks.onFrameDrawn) callbacks.onFrameDrawn();
}

// ---- loop ----
// How long the loop may sleep: not at all while frames are owed; else until the next deadline
// (-1: until an event).
int AppLoop::waitMs(Clock::time_point now, const LoopCallbacks& callbacks) {
    if (schedule_.frameOwed() || pointer_.pending()) return 0;
    std::optional<Clock::time_point> deadline = app_.nextDeadline(now);
    if (callbacks.nextDeadline) {
        auto s = callbacks.nextDeadline(now);
        if (s && (!deadline || *s < *deadline)) deadline = s;
    }
    if (!deadline) return -1;
    const auto ms = std::chrono::ceil<std::chrono::milliseconds>(*deadline - now).count();
    return static_cast<int>(std::clamp<long long>(ms, 0, 24 * 3600 * 1000));
}

void AppLoop::run(const LoopCallbacks& callbacks) {
    while (!quit_) {
        const int wait = waitMs(Clock::now(), callbacks);
        SDL_Event e;
        int got = wait < 0    ? SDL_WaitEvent(&e)
                  : wait == 0 ? SDL_PollEvent(&e)
                              : SDL_WaitEventTimeout(&e, wait);
        if (callbacks.onWakeup) callbacks.onWakeup();
        const Clock::time_point now = Clock::now();
        while (got) {
            handleEvent(e, now, callbacks);
            got = SDL_PollEvent(&e);
        }
        if (app_.pump(now) > 0) requestFrames(2);
        schedule_.observe(view_.signature(now));
        if (schedule_.frameOwed() || pointer_.pending()) {
            drawFrame(now, callbacks);
            // What a tap changed while this frame was drawn is drawn before the loop may sleep.
            schedule_.frameDrawn(view_.signature(Clock::now()), registry_.tappedThisFrame());
        }
        if (callbacks.afterIteration) {
            const bool settled = !schedule_.frameOwed() && !pointer_.pending() && app_.events().empty() &&
                                 !app_.answerPending();
            if (callbacks.afterIteration(Clock::now(), settled, framesDrawn_)) break;
        }
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------------------------

int runApp(KioskApp& app, DemoControl* demo, const RunnerOptions& options) {
    RunStats stats(options.firstFrameMarker); // its clock starts with the runner, before the window
    AppLoop loop(app, options);
    ScriptBridge bridge(loop, demo, &app);
    std::unique_ptr<UiScriptRunner> script;
    if (!options.scriptPath.empty()) {
        std::string why;
        script = loadScript(options.scriptPath, bridge, why);
        if (!script) {
            std::fprintf(stderr, "kiosk: %s\n", why.c_str());
            return 2;
        }
    }
    std::string error;
    if (!loop.setup(error)) {
        std::fprintf(stderr, "kiosk: %s\n", error.c_str());
        return 2;
    }

    LoopCallbacks callbacks;
    if (demo) callbacks.onEvent = [demo](const SDL_Event& e) { return applyDemoKey(e, *demo); };
    if (script) {
        callbacks.nextDeadline = [&script](Clock::time_point now) { return script->nextDeadline(now); };
        callbacks.afterIteration = [&script](Clock::time_point now, bool settled, long framesDrawn) {
            script->step(now, settled, framesDrawn);
            return script->finished();
        };
    }
    callbacks.onWakeup = [&stats] { stats.wokeUp(); };
    callbacks.onFrameDrawn = [&stats] { stats.frameDrawn(); };
    callbacks.onAtlasRebuilt = [&stats](double ms) { stats.atlasRebuilt(ms); };
    loop.run(callbacks);

    stats.write(options.statsPath, loop.glyphCount());
    if (!script) return 0;
    if (script->failed()) {
        std::fprintf(stderr, "kiosk: script failed: %s\n", script->failure().c_str());
        return 1;
    }
    std::printf("kiosk: script %s passed (%zu commands)\n", options.scriptPath.c_str(),
                script->commandsRun());
    return 0;
}

} // namespace kiosk::ui
