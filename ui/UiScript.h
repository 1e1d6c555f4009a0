// UiScript — the headless UI test language (`kiosk --script FILE`) and its executor.
//
// Sections: commands and parser | the host the runner drives | the runner | the verb reference
//
// One command per line, a verb and its arguments; '#' starts a comment. Example:
//   tap "办件查询"
//   card wang-xiuying
//   wait-for "已超期" 10s
//   tap "打印回执"
//   screenshot slip-printed.png
//
// The verbs are one table, in UiScript.cpp (section "verb table"): one row per verb with its name,
// its arguments, what it does, how it parses and how it runs. The parser, its messages ("unknown
// command 'X' (known: tap, type, ...)"), the runner's dispatch and the list of verbs in
// `kiosk --help` (scriptVerbReference) all come from that table; nothing else lists the verbs.
//
// "The current screen" is the last frame drawn once nothing is left to draw: each command waits
// until the app has settled (no input or worker event pending, frames drawn) before it looks.
//
//   [x] one table of verbs: parsing, messages, dispatch and the reference come from it
//   [x] the host split in two: the window every runner has, the devices only the demo has
#pragma once

#include "ui/FrameRegistry.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::ui {

// ---- commands and parser ----
struct ScriptVerb; // a row of the verb table (UiScript.cpp)

struct ScriptCommand {
    enum class Kind {
        Tap,
        TapIf,
        Type,
        Keys,
        Field,
        SaveText,
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
        WaitSynced,
        Layout,
        CheckLayout
    };
    Kind kind = Kind::Wait;
    std::string arg;
    std::vector<std::string> keys; // `keys` while parsing (then one command per key, in arg)
    std::chrono::milliseconds duration{0};
    int width = 0, height = 0; // layout
    double scale = 1.0;        // layout
    int line = 0;
    std::string source;               // the line as written, for messages
    const ScriptVerb* verb = nullptr; // its row in the verb table: how it runs
};

struct ParsedScript {
    std::vector<ScriptCommand> commands;
    std::string error; // "FILE:LINE: message" on the first bad line
};

ParsedScript parseScript(const std::string& text, const std::string& fileName);

// ---- the host the runner drives ----
// What every runner's window offers a script (ui/AppRunner, ui/OutOfServiceRunner).
class ScriptWindow {
public:
    virtual ~ScriptWindow() = default;
    virtual const FrameRegistry& registry() const = 0;
    virtual void pushTap(float x, float y) = 0;         // real SDL input events, as a finger would
    virtual void pushText(const std::string& utf8) = 0; // SDL_TEXTINPUT events
    virtual void requestScreenshot(const std::string& fileName) = 0; // taken on the next frame drawn
    virtual bool screenshotPending(std::string& error) const = 0;    // false once written (error if failed)
    virtual void requestFrames(int n) = 0;
    virtual bool setLayout(int width, int height, double textScale, std::string& error) = 0;
    virtual std::pair<float, float> displaySize() const = 0;
    // Where `screenshot` and `save-text` write (--screenshot-dir).
    virtual std::string outputDir() const { return "."; }
};

// The window and the devices: in the kiosk ui/ScriptBridge (the demo's devices through
// kiosk/DemoControl); out of service, the runner itself (no devices).
class ScriptHost : public ScriptWindow {
public:
    virtual bool presentCard(const std::string& name, std::string& error) = 0;
    virtual void removeCard() = 0;
    virtual bool setPrinterPaper(const std::string& state, std::string& error) = 0;
    virtual bool setReaderFault(const std::string& spec, std::string& error) = 0;
    virtual bool setServerRunning(bool running, std::string& error) = 0;
    // The terminal's outbox, for `wait-synced`: ask the sync engine to upload now, then how many
    // records still wait for the server, counted after that request (nullopt until such a count came).
    // A host without a terminal (out of service) has no outbox.
    virtual bool requestUpload(std::string& error) {
        error = "no outbox here (wait-synced needs a running terminal)";
        return false;
    }
    virtual std::optional<std::int64_t> pendingAfterUploadRequest() const { return std::nullopt; }
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

// ---- the verb reference ----
// One line per verb, from the table: "  tap \"LABEL\"   tap the widget labelled ..." (for --help).
std::string scriptVerbReference();

} // namespace kiosk::ui
