// ScriptBridge: window verbs reach the runner's window, device verbs the demo; without a demo every
// device verb fails naming --demo.
#include "ui/ScriptBridge.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using kiosk::ui::ScriptBridge;

namespace {

struct FakeWindow : kiosk::ui::ScriptWindow {
    kiosk::ui::FrameRegistry reg;
    std::vector<std::string> log;
    const kiosk::ui::FrameRegistry& registry() const override { return reg; }
    void pushTap(float x, float y) override {
        log.push_back("tap " + std::to_string(int(x)) + "," + std::to_string(int(y)));
    }
    void pushText(const std::string& t) override { log.push_back("text " + t); }
    void requestScreenshot(const std::string& f) override { log.push_back("shot " + f); }
    bool screenshotPending(std::string& error) const override {
        error = "disk full";
        return false;
    }
    void requestFrames(int n) override { log.push_back("frames " + std::to_string(n)); }
    bool setLayout(int w, int h, double, std::string&) override {
        log.push_back("layout " + std::to_string(w) + "x" + std::to_string(h));
        return true;
    }
    std::pair<float, float> displaySize() const override { return {800.f, 480.f}; }
};

struct FakeDemo : kiosk::DemoControl {
    std::vector<std::string> log;
    std::vector<std::string> cardNames() const override { return {"wang", "li"}; }
    bool presentCard(const std::string& n) override {
        if (n != "wang" && n != "li") return false;
        log.push_back("present " + n);
        return true;
    }
    void removeCard() override { log.push_back("remove"); }
    bool setPaper(const std::string& s) override {
        log.push_back("paper " + s);
        return s == "out";
    }
    bool setReaderFault(const std::string& s, std::string& error) override {
        log.push_back("fault " + s);
        error = "bad fault";
        return false;
    }
    bool setServerRunning(bool up, std::string&) override {
        log.push_back(up ? "server up" : "server down");
        return true;
    }
};

} // namespace

TEST_CASE("window verbs are the window's, unchanged") {
    FakeWindow window;
    ScriptBridge bridge(window, nullptr);
    bridge.pushTap(10, 20);
    bridge.pushText("x");
    bridge.requestScreenshot("a.png");
    bridge.requestFrames(3);
    std::string error;
    CHECK(bridge.setLayout(1024, 600, 1.0, error));
    CHECK(window.log ==
          std::vector<std::string>{"tap 10,20", "text x", "shot a.png", "frames 3", "layout 1024x600"});
    CHECK_FALSE(bridge.screenshotPending(error));
    CHECK(error == "disk full");
    CHECK(bridge.displaySize() == std::pair<float, float>{800.f, 480.f});
    CHECK(&bridge.registry() == &window.reg);
}

TEST_CASE("device verbs reach the demo; an unknown card names the known ones; errors come through") {
    FakeWindow window;
    FakeDemo demo;
    ScriptBridge bridge(window, &demo);
    std::string error;
    CHECK(bridge.presentCard("li", error));
    CHECK_FALSE(bridge.presentCard("nobody", error));
    CHECK(error == "unknown card 'nobody' (known: wang, li)");
    bridge.removeCard();
    CHECK(bridge.setPrinterPaper("out", error));
    CHECK_FALSE(bridge.setPrinterPaper("ok", error)); // the demo refused: a printer-less mode
    CHECK(error == "the demo has no virtual printer in this mode");
    CHECK_FALSE(bridge.setReaderFault("sw3 99", error));
    CHECK(error == "bad fault");
    CHECK(bridge.setServerRunning(false, error));
    CHECK(demo.log == std::vector<std::string>{"present li", "remove", "paper out", "paper ok",
                                               "fault sw3 99", "server down"});
    CHECK(window.log.empty());
}

TEST_CASE("without a demo every device verb fails naming --demo, and nothing breaks") {
    FakeWindow window;
    ScriptBridge bridge(window, nullptr);
    std::string error;
    CHECK_FALSE(bridge.presentCard("wang", error));
    CHECK(error == "no simulated card reader (card needs --demo)");
    CHECK_FALSE(bridge.setPrinterPaper("out", error));
    CHECK(error == "no virtual printer (printer needs --demo)");
    CHECK_FALSE(bridge.setReaderFault("silence", error));
    CHECK(error == "no simulated reader (reader fault needs --demo)");
    CHECK_FALSE(bridge.setServerRunning(true, error));
    CHECK(error == "no demo server (server needs --demo)");
    bridge.removeCard(); // a no-op, as before
}
