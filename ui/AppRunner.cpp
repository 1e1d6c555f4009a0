#include "ui/AppRunner.h"

#include "ui/FontSet.h"
#include "ui/FrameSchedule.h"
#include "ui/KioskView.h"
#include "ui/KioskWindow.h"
#include "ui/PointerInput.h"
#include "ui/SlipTexture.h"
#include "ui/Theme.h"
#include "ui/UiScript.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>

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
    void pushTap(float x, float y) override { window_.pushTap(x, y); }
    void pushText(const std::string& utf8) override { window_.pushText(utf8); }
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
        if (!window_.resize(width, height, error) ||
            !fonts_.init(opt_.fontPath, opt_.fontIndex, emForScreen(width, height, textScale), error))
            return false;
        window_.fontsChanged();
        requestFrames(3);
        return true;
    }
    std::pair<float, float> displaySize() const override { return window_.outputSize(); }

private:
    bool setup(std::string& error);
    void shutdown();
    void handleEvent(const SDL_Event& e, Clock::time_point now);
    void drawFrame(Clock::time_point now);
    void writeStats() const;

    KioskApp& app_;
    DemoEnvironment* demo_;
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

void Runner::shutdown() {
    app_.events().setWaker(nullptr);
    slipTexture_.reset(); // before its renderer
    window_.close();
}

void Runner::handleEvent(const SDL_Event& e, Clock::time_point now) {
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
    if (frameTimes_.size() < 5000) frameTimes_.push_back(sinceStartMs());
    if (firstFrameMs_ < 0) {
        firstFrameMs_ = std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
        if (!opt_.firstFrameMarker.empty()) std::ofstream(opt_.firstFrameMarker) << firstFrameMs_ << "\n";
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
        std::string why;
        script = loadScript(opt_.scriptPath, *this, why);
        if (!script) {
            std::fprintf(stderr, "kiosk: %s\n", why.c_str());
            return 2;
        }
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
