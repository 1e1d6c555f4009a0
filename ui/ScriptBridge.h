// ScriptBridge — the UI script's host in the running kiosk: each verb reaches the runner's window
// (taps, text, frames, screenshots, layout) or the demo's devices (card, printer paper, reader
// fault, server), and says why when there is no demo to do it.
//
// Why a bridge and not the runner itself: the runner keeps the loop and knows no script verbs, and
// the devices are the demo's, reached through kiosk/DemoControl only, so the UI links no demo and no
// server. Without --demo every device verb fails with a message naming the option it needs.
//
//   [x] window verbs: forwarded to the runner's ScriptWindow as they are
//   [x] device verbs: kiosk/DemoControl, or "... needs --demo"
//   [x] an unknown card names the cards there are
//   [x] outbox verb (wait-synced): the terminal's sync engine, woken with a ticket its status echoes
#pragma once

#include "kiosk/DemoControl.h"
#include "ui/UiScript.h"

namespace kiosk {
class KioskApp;
}

namespace kiosk::ui {

class ScriptBridge final : public ScriptHost {
public:
    // `demo` may be null (a kiosk run from its config file): the device verbs then fail. `app` (the
    // terminal whose outbox `wait-synced` watches) may be null in tests of the other verbs.
    ScriptBridge(ScriptWindow& window, DemoControl* demo, KioskApp* app = nullptr)
        : window_(window), demo_(demo), app_(app) {}

    // ---- the window: the runner's ----
    const FrameRegistry& registry() const override { return window_.registry(); }
    void pushTap(float x, float y) override { window_.pushTap(x, y); }
    void pushText(const std::string& utf8) override { window_.pushText(utf8); }
    void requestScreenshot(const std::string& fileName) override { window_.requestScreenshot(fileName); }
    std::string outputDir() const override { return window_.outputDir(); }
    bool screenshotPending(std::string& error) const override { return window_.screenshotPending(error); }
    void requestFrames(int n) override { window_.requestFrames(n); }
    bool setLayout(int width, int height, double textScale, std::string& error) override {
        return window_.setLayout(width, height, textScale, error);
    }
    std::pair<float, float> displaySize() const override { return window_.displaySize(); }

    // ---- the devices: the demo's ----
    bool presentCard(const std::string& name, std::string& error) override;
    void removeCard() override;
    bool setPrinterPaper(const std::string& state, std::string& error) override;
    bool setReaderFault(const std::string& spec, std::string& error) override;
    bool setServerRunning(bool running, std::string& error) override;

    // ---- the outbox: the terminal's ----
    bool requestUpload(std::string& error) override;
    std::optional<std::int64_t> pendingAfterUploadRequest() const override;

private:
    ScriptWindow& window_;
    DemoControl* demo_;
    KioskApp* app_;
    std::uint64_t uploadTicket_ = 0; // the sync engine's answer to the last requestUpload
};

} // namespace kiosk::ui
