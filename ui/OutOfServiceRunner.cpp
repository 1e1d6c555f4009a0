// OutOfServiceRunner (see the header). Sections: script host | window and ImGui set-up | frame | loop
//
// The window, renderer and ImGui set-up are AppRunner's own (ui/KioskWindow), so the out-of-service
// screen looks and behaves like the kiosk's other screens.
#include "ui/OutOfServiceRunner.h"

#include "ui/FontSet.h"
#include "ui/KioskWindow.h"
#include "ui/PointerInput.h"
#include "ui/Theme.h"
#include "ui/UiScript.h"

#include <SDL.h>
#include <imgui.h>

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
    ~OutOfServiceRunner() override = default;

    int run();

    // ---- script host ----
    const FrameRegistry& registry() const override { return registry_; }
    // Real input, as in the kiosk: nothing here is tappable, but a tap must not break anything.
    void pushTap(float x, float y) override { window_.pushTap(x, y); }
    void pushText(const std::string&) override {}
    bool presentCard(const std::string&, std::string& error) override { return noDevices(error); }
    void removeCard() override {}
    bool setPrinterPaper(const std::string&, std::string& error) override { return noDevices(error); }
    bool setReaderFault(const std::string&, std::string& error) override { return noDevices(error); }
    bool setServerRunning(bool, std::string& error) override { return noDevices(error); }
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
    void requestFrames(int n) override { framesOwed_ = std::max(framesOwed_, n); }
    // The script's `layout` / `check-layout` hooks: this screen is checked at every size too.
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
    static bool noDevices(std::string& error) {
        error = "the kiosk is out of service (its config file has problems): no devices, no demo";
        return false;
    }
    bool setup(std::string& error);
    void drawFrame();

    OutOfServiceInfo info_;
    StringTable strings_;
    StringTable other_;
    RunnerOptions opt_;
    Theme theme_;
    DeferredActions later_; // nothing posts today; the screen has no taps that change state
    FontSet fonts_;
    FrameRegistry registry_;
    PointerInput pointer_;
    KioskWindow window_;
    int framesOwed_ = 3;
    long framesDrawn_ = 0;
    std::string screenshotPath_;
    std::string screenshotError_;
};

// ---- window and ImGui set-up ----
bool OutOfServiceRunner::setup(std::string& error) {
    if (!window_.open(WindowOptions{opt_.headless, opt_.fullscreen, opt_.width, opt_.height},
                      theme_.background, error))
        return false;
    const auto [w, h] = window_.size();
    for (const StringTable* table : {&strings_, &other_}) {
        for (const std::string& key : table->keys())
            fonts_.require(table->get(key));
    }
    fonts_.require(info_.detail);
    return fonts_.init(opt_.fontPath, opt_.fontIndex, emForScreen(w, h, opt_.textScale), error);
}

// ---- frame ----
void OutOfServiceRunner::drawFrame() {
    if (fonts_.needsRebuild()) {
        std::string error;
        if (!fonts_.rebuild(error)) std::fprintf(stderr, "kiosk: %s\n", error.c_str());
        window_.fontsChanged();
    }
    window_.newFrame();
    pointer_.applyTo(ImGui::GetIO());
    ImGui::NewFrame();
    registry_.beginFrame();
    const float em = fonts_.em();
    Ui ui{fonts_, strings_, registry_, theme_, em, later_};
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
    later_.run();
    registry_.endFrame();
    window_.render();
    if (fonts_.needsRebuild()) {
        requestFrames(1); // a glyph first seen in this frame: draw again after the rebuild
    } else if (!screenshotPath_.empty()) {
        screenshotError_ = window_.saveScreenshot(screenshotPath_);
        screenshotPath_.clear();
    }
    window_.present();
    ++framesDrawn_;
}

// ---- loop ----
int OutOfServiceRunner::run() {
    std::unique_ptr<UiScriptRunner> script;
    if (!opt_.scriptPath.empty()) {
        std::string why;
        script = loadScript(opt_.scriptPath, *this, why);
        if (!script) {
            std::fprintf(stderr, "kiosk: %s\n", why.c_str());
            return 2;
        }
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
                    const auto [w, h] = window_.size();
                    if (!fonts_.init(opt_.fontPath, opt_.fontIndex, emForScreen(w, h, opt_.textScale), error))
                        std::fprintf(stderr, "kiosk: %s\n", error.c_str());
                    window_.fontsChanged();
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
