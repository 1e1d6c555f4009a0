// UiScript — the headless UI test language (`kiosk --script FILE`) and its executor.
//
// Sections: commands and parser | the host the runner drives | the runner
//
// One command per line; '#' starts a comment:
//   tap "LABEL"            tap the widget labelled LABEL (fails if none is on screen)
//   type "TEXT"            type TEXT as keyboard text input
//   card NAME | card remove  present a sample card on the simulated reader / lift it
//   wait 500ms | wait 2s   let time pass
//   wait-for "TEXT" 5s     wait until TEXT is on screen (fails after the time-out)
//   expect "TEXT"          TEXT is on the current screen
//   expect-not "TEXT"      TEXT is not on the current screen
//   wait-for-slip "TEXT" 5s  wait until the slip picture on screen says TEXT
//   expect-slip "TEXT"     the slip picture on screen says TEXT (the words of the texture shown)
//   expect-slip-not "TEXT" the slip picture on screen does not say TEXT
//   screenshot NAME.png    save the current frame into --screenshot-dir
//   printer paper out|near-end|ok   set the demo's virtual printer paper (fault injection)
//   reader fault SPEC      inject a reader fault in the demo's simulator ("sw3 41", "silence", "none" ...)
//   layout WxH [SCALE]     resize the window and set the text scale (as the config's text_scale)
//   check-layout           fails if anything on screen is cut off, off screen, drawn over another
//                          item, or a label does not fit its button (FrameRegistry's layoutProblems)
//   server down|up         stop / restart the demo's central server (same port)
//
// "The current screen" is the last frame drawn once nothing is left to draw: each command waits
// until the app has settled (no input or worker event pending, frames drawn) before it looks.
#pragma once

#include "ui/FrameRegistry.h"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::ui {

// ---- commands and parser ----
struct ScriptCommand {
    enum class Kind {
        Tap,
        Type,
        Card,
        CardRemove,
        Wait,
        WaitFor,
        WaitForSlip,
        Expect,
        ExpectNot,
        ExpectSlip,
        ExpectSlipNot,
        Screenshot,
        PrinterPaper,
        ReaderFault,
        Server,
        Layout,
        CheckLayout
    };
    Kind kind = Kind::Wait;
    std::string arg;
    std::chrono::milliseconds duration{0};
    int width = 0, height = 0; // layout
    double scale = 1.0;        // layout
    int line = 0;
    std::string source; // the line as written, for messages
};

struct ParsedScript {
    std::vector<ScriptCommand> commands;
    std::string error; // "FILE:LINE: message" on the first bad line
};

ParsedScript parseScript(const std::string& text, const std::string& fileName);

// ---- the host the runner drives ----
class ScriptHost {
public:
    virtual ~ScriptHost() = default;
    virtual const FrameRegistry& registry() const = 0;
    virtual void pushTap(float x, float y) = 0;         // real SDL input events, as a finger would
    virtual void pushText(const std::string& utf8) = 0; // SDL_TEXTINPUT events
    virtual bool presentCard(const std::string& name, std::string& error) = 0;
    virtual void removeCard() = 0;
    virtual bool setPrinterPaper(const std::string& state, std::string& error) = 0;
    virtual bool setReaderFault(const std::string& spec, std::string& error) = 0;
    virtual bool setServerRunning(bool running, std::string& error) = 0;
    virtual void requestScreenshot(const std::string& fileName) = 0; // taken on the next frame drawn
    virtual bool screenshotPending(std::string& error) const = 0;    // false once written (error if failed)
    virtual void requestFrames(int n) = 0;
    virtual bool setLayout(int width, int height, double textScale, std::string& error) = 0;
    virtual std::pair<float, float> displaySize() const = 0;
};

// ---- the runner ----
class UiScriptRunner {
public:
    using TimePoint = std::chrono::steady_clock::time_point;
    UiScriptRunner(std::string fileName, std::vector<ScriptCommand> commands, ScriptHost& host);

    // Called once per loop iteration. `settled`: nothing pending to draw; `framesDrawn`: total so far.
    void step(TimePoint now, bool settled, long framesDrawn);
    std::optional<TimePoint> nextDeadline(TimePoint now) const;

    bool finished() const { return finished_; }
    bool failed() const { return !failure_.empty(); }
    const std::string& failure() const { return failure_; }
    size_t commandsRun() const { return index_; }

private:
    void fail(const ScriptCommand& c, const std::string& why);
    void next(long framesDrawn);

    std::string fileName_;
    std::vector<ScriptCommand> commands_;
    ScriptHost& host_;
    size_t index_ = 0;
    bool started_ = false;      // the current command has begun
    TimePoint deadline_{};      // wait / wait-for
    long settleUntilFrame_ = 0; // frames that must be drawn before the next look
    bool finished_ = false;
    std::string failure_;
};

// Reads and parses the script file; null with `error` set ("cannot read script FILE", or the
// parser's "FILE:LINE: ..." message) when it cannot be run.
std::unique_ptr<UiScriptRunner> loadScript(const std::string& path, ScriptHost& host, std::string& error);

} // namespace kiosk::ui
