// The UI script language: parsing, and the runner's rules against a fake host.
#include "ui/UiScript.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace kiosk::ui;
using namespace std::chrono_literals;

TEST_CASE("every command parses; comments and blank lines are skipped") {
    const ParsedScript p =
        parseScript("# c\n\ntap \"办件 查询\"\ntype \"a\\\"b\"\ncard wang-xiuying\ncard remove\n"
                    "wait 500ms\nwait 2s\nwait-for \"X\" 5s\nexpect \"Y\"  # trailing\n"
                    "expect-not \"Z\"\nscreenshot a.png\nprinter paper out\nreader fault sw3 41 x2\n",
                    "t.kioskscript");
    REQUIRE_MESSAGE(p.error.empty(), p.error);
    REQUIRE(p.commands.size() == 12);
    using K = ScriptCommand::Kind;
    CHECK(p.commands[0].kind == K::Tap);
    CHECK(p.commands[0].arg == "办件 查询");
    CHECK(p.commands[0].line == 3);
    CHECK(p.commands[1].arg == "a\"b");
    CHECK(p.commands[2].kind == K::Card);
    CHECK(p.commands[3].kind == K::CardRemove);
    CHECK(p.commands[4].duration == 500ms);
    CHECK(p.commands[5].duration == 2000ms);
    CHECK(p.commands[6].kind == K::WaitFor);
    CHECK(p.commands[6].duration == 5000ms);
    CHECK(p.commands[9].kind == K::Screenshot);
    CHECK(p.commands[10].kind == K::PrinterPaper);
    CHECK(p.commands[10].arg == "out");
    CHECK(p.commands[11].kind == K::ReaderFault);
    CHECK(p.commands[11].arg == "sw3 41 x2");
}

TEST_CASE("a bad line is reported with file and line") {
    CHECK(parseScript("tap \"ok\"\nklick \"x\"\n", "s").error.find("s:2: unknown command 'klick'") == 0);
    CHECK(parseScript("tap unquoted\n", "s").error.find("s:1: tap needs") == 0);
    CHECK(parseScript("wait soon\n", "s").error.find("s:1: wait needs") == 0);
    CHECK(parseScript("wait-for \"x\"\n", "s").error.find("s:1: wait-for needs a time-out") == 0);
    CHECK(parseScript("screenshot ../x.png\n", "s").error.find("s:1: screenshot needs") == 0);
    CHECK(parseScript("expect \"x\" extra\n", "s").error.find("unexpected text") != std::string::npos);
    CHECK(parseScript("tap \"open\n", "s").error.find("s:1:") == 0);
}

namespace {

struct FakeHost : ScriptHost {
    FrameRegistry reg;
    std::vector<std::pair<float, float>> taps;
    std::vector<std::string> cards;
    std::string shot;
    int frames = 0;
    const FrameRegistry& registry() const override { return reg; }
    void pushTap(float x, float y) override { taps.emplace_back(x, y); }
    void pushText(const std::string&) override {}
    bool presentCard(const std::string& n, std::string& e) override {
        if (n == "nobody") {
            e = "unknown card 'nobody'";
            return false;
        }
        cards.push_back(n);
        return true;
    }
    void removeCard() override {}
    bool setPrinterPaper(const std::string&, std::string&) override { return true; }
    bool setReaderFault(const std::string&, std::string&) override { return true; }
    bool setServerRunning(bool, std::string&) override { return true; }
    // The outbox: `pending` as the sync engine would count it once it has seen the request.
    int uploadRequests = 0;
    std::optional<std::int64_t> pending;
    bool requestUpload(std::string&) override {
        ++uploadRequests;
        return true;
    }
    std::optional<std::int64_t> pendingAfterUploadRequest() const override { return pending; }
    void requestScreenshot(const std::string& f) override { shot = f; }
    bool screenshotPending(std::string&) const override { return false; }
    void requestFrames(int n) override { frames += n; }
    bool setLayout(int w, int h, double, std::string&) override {
        size = {static_cast<float>(w), static_cast<float>(h)};
        return true;
    }
    std::pair<float, float> displaySize() const override { return size; }
    std::pair<float, float> size{1920.f, 1080.f};
    void show(const std::string& text, bool tappable) {
        reg.beginFrame();
        reg.add(text, 100, 200, 50, 20, tappable);
        reg.endFrame();
    }
    // A tappable widget a script finds by its name (an on-screen key, a text field).
    void showNamed(const std::string& text, const std::string& key, float x, float y, float w, float h) {
        RegisteredItem item;
        item.text = text;
        item.key = key;
        item.x = x, item.y = y, item.w = w, item.h = h;
        item.tappable = true;
        reg.beginFrame();
        reg.add(item);
        reg.endFrame();
    }
};

} // namespace

TEST_CASE("tap hits the centre of the labelled widget; a missing label fails with its line") {
    FakeHost host;
    host.show("办件查询", true);
    UiScriptRunner r("s", parseScript("tap \"办件查询\"\ntap \"不存在\"\n", "s").commands, host);
    const auto t0 = std::chrono::steady_clock::now();
    long frames = 10;
    r.step(t0, true, frames);
    REQUIRE(host.taps.size() == 1);
    CHECK(host.taps[0].first == 125.f);
    CHECK(host.taps[0].second == 210.f);
    r.step(t0, true, frames); // not settled yet: the tap's frames have not been drawn
    CHECK_FALSE(r.finished());
    frames += 10;
    r.step(t0, true, frames);
    CHECK(r.failed());
    CHECK(r.failure() == "s:2: tap \"不存在\": no tappable \"不存在\" on screen");
}

TEST_CASE("plain text is not tappable; expect and expect-not read the screen") {
    FakeHost host;
    host.show("请将身份证放在读卡区", false);
    UiScriptRunner r(
        "s",
        parseScript("expect \"身份证\"\nexpect-not \"王\"\ntap \"请将身份证放在读卡区\"\n", "s").commands,
        host);
    const auto t0 = std::chrono::steady_clock::now();
    for (long f = 0; f < 100 && !r.finished(); f += 5)
        r.step(t0, true, f);
    CHECK(r.failed());
    CHECK(r.failure().find("s:3:") == 0);
    CHECK(r.commandsRun() == 2);
}

TEST_CASE("wait-for times out; unknown cards fail; an unsettled app is never judged") {
    FakeHost host;
    host.show("loading", false);
    UiScriptRunner r("s", parseScript("wait-for \"done\" 100ms\n", "s").commands, host);
    const auto t0 = std::chrono::steady_clock::now();
    r.step(t0, false, 100); // not settled: nothing happens
    CHECK_FALSE(r.finished());
    r.step(t0, true, 100);
    CHECK_FALSE(r.finished());
    r.step(t0 + 50ms, true, 101);
    CHECK_FALSE(r.finished());
    r.step(t0 + 100ms, true, 102);
    CHECK(r.failed());
    CHECK(r.failure().find("did not appear within 100 ms") != std::string::npos);

    UiScriptRunner c("s", parseScript("card wang\ncard nobody\n", "s").commands, host);
    for (long f = 0; f < 100 && !c.finished(); f += 5)
        c.step(t0, true, f);
    CHECK(host.cards == std::vector<std::string>{"wang"});
    CHECK(c.failure().find("unknown card 'nobody'") != std::string::npos);
}

TEST_CASE("a script that passes ends without failure") {
    FakeHost host;
    host.show("欢迎", false);
    UiScriptRunner r("s", parseScript("expect \"欢迎\"\nwait 10ms\nscreenshot x.png\n", "s").commands, host);
    auto t = std::chrono::steady_clock::now();
    for (long f = 0; f < 200 && !r.finished(); f += 3) {
        r.step(t, true, f);
        t += 5ms;
    }
    CHECK(r.finished());
    CHECK_FALSE(r.failed());
    CHECK(host.shot == "x.png");
}

TEST_CASE("the verb table: an unknown verb lists every known one; the reference has a line per verb") {
    const std::string error = parseScript("klick \"x\"\n", "s").error;
    CHECK(error == "s:1: unknown command 'klick' (known: tap, tap-if, type, keys, field, save-text, card, "
                   "wait, wait-for, "
                   "wait-for-slip, expect, expect-not, expect-slip, expect-slip-not, screenshot, printer, "
                   "reader, layout, "
                   "check-layout, server, wait-synced): klick \"x\"");
    const std::string ref = scriptVerbReference();
    for (const char* verb :
         {"tap \"LABEL\"", "card NAME|remove", "wait-for \"TEXT\" TIME", "printer paper out",
          "reader fault SPEC", "layout WxH [SCALE]", "check-layout", "server down|up", "wait-synced TIME"})
        CHECK_MESSAGE(ref.find(std::string("  ") + verb) != std::string::npos, verb);
    CHECK(std::count(ref.begin(), ref.end(), '\n') == 21);
}

TEST_CASE("every verb's command carries its row; layout, server and printer read their arguments") {
    const ParsedScript p = parseScript("layout 1024x600 1.25\nserver down\nprinter paper near-end\n"
                                       "check-layout\nwait-for-slip \"X\" 2s\n",
                                       "s");
    REQUIRE_MESSAGE(p.error.empty(), p.error);
    REQUIRE(p.commands.size() == 5);
    for (const auto& c : p.commands)
        CHECK(c.verb != nullptr);
    using K = ScriptCommand::Kind;
    CHECK(p.commands[0].kind == K::Layout);
    CHECK(p.commands[0].width == 1024);
    CHECK(p.commands[0].height == 600);
    CHECK(p.commands[0].scale == 1.25);
    CHECK(p.commands[1].kind == K::Server);
    CHECK(p.commands[1].arg == "down");
    CHECK(p.commands[2].arg == "near-end");
    CHECK(p.commands[3].kind == K::CheckLayout);
    CHECK(p.commands[4].kind == K::WaitForSlip);
    CHECK(p.commands[4].duration == 2000ms);
    CHECK(parseScript("layout 100x100\n", "s").error.find("s:1: layout needs a size") == 0);
    CHECK(parseScript("server sideways\n", "s").error.find("s:1: server needs") == 0);
    CHECK(parseScript("printer paper wet\n", "s").error.find("s:1: printer paper must be") == 0);
    CHECK(parseScript("reader fault\n", "s").error.find("s:1: reader fault needs a fault") == 0);
}

TEST_CASE("keys: one command per key, letters, symbols and {names}, each tapped by its key name") {
    const ParsedScript p = parseScript("keys \"ab{space}，{123}\"\n", "s");
    REQUIRE_MESSAGE(p.error.empty(), p.error);
    REQUIRE(p.commands.size() == 5);
    CHECK(p.commands[0].arg == "a");
    CHECK(p.commands[2].arg == "{space}");
    CHECK(p.commands[3].arg == "，");
    CHECK(p.commands[4].arg == "{123}");
    CHECK(p.commands[4].line == 1);
    CHECK(parseScript("keys \"a{space\"\n", "s").error.find("without '}'") != std::string::npos);
    CHECK(parseScript("keys \"\"\n", "s").error.find("keys needs") != std::string::npos);

    FakeHost host;
    host.showNamed("a", "key:a", 10, 20, 40, 40);
    UiScriptRunner r("s", parseScript("keys \"ab\"\n", "s").commands, host);
    const auto t0 = std::chrono::steady_clock::now();
    for (long f = 0; f < 100 && !r.finished(); f += 5)
        r.step(t0, true, f);
    REQUIRE(host.taps.size() == 1);
    CHECK(host.taps[0].first == 30.f);
    CHECK(r.failed());
    CHECK(r.failure().find("no key \"b\" on the on-screen keyboard") != std::string::npos);
}

TEST_CASE("tap-if passes silently when the label is absent; field taps the field by its label") {
    FakeHost host;
    host.showNamed("搜索", "field:搜索", 0, 0, 100, 50);
    UiScriptRunner r("s", parseScript("tap-if \"没有\"\nfield \"搜索\"\nfield \"电话\"\n", "s").commands,
                     host);
    const auto t0 = std::chrono::steady_clock::now();
    for (long fr = 0; fr < 100 && !r.finished(); fr += 5)
        r.step(t0, true, fr);
    REQUIRE(host.taps.size() == 1);
    CHECK(host.taps[0].first == 50.f);
    CHECK(r.failure() == "s:3: field \"电话\": no text field labelled \"电话\" on screen");
}

TEST_CASE("wait-synced asks for an upload once, passes on an empty count made after it, fails naming what is "
          "left") {
    FakeHost host;
    UiScriptRunner r("s", parseScript("wait-synced 2s\n", "s").commands, host);
    const auto t0 = std::chrono::steady_clock::now();
    r.step(t0, true, 10);
    CHECK(host.uploadRequests == 1);
    CHECK_FALSE(r.finished()); // no count since the request yet
    host.pending = 1;
    r.step(t0 + std::chrono::milliseconds(500), true, 10);
    CHECK_FALSE(r.finished());
    host.pending = 0;
    r.step(t0 + std::chrono::seconds(1), true, 10);
    CHECK(host.uploadRequests == 1);
    r.step(t0 + std::chrono::seconds(1), true, 20);
    CHECK(r.finished());
    CHECK_FALSE(r.failed());

    FakeHost stuck;
    stuck.pending = 3;
    UiScriptRunner s("s", parseScript("wait-synced 1s\n", "s").commands, stuck);
    s.step(t0, true, 10);
    s.step(t0 + std::chrono::seconds(2), true, 10);
    REQUIRE(s.failed());
    CHECK(s.failure() == "s:1: wait-synced 1s: 3 record(s) still waiting for the server after 1000 ms");
    CHECK(parseScript("wait-synced\n", "s").error.find("s:1: wait-synced needs a time") == 0);
}
