// UiScript (see the header): the verb table and what reads and runs it.
//
// Sections: verb rows (the row type, its argument reader) | arguments | handlers | verb table |
//           parser | runner | reference
//
// Adding a verb: a parse and a run handler (or reuse one), one row in the table. The parser finds
// the row by name, the runner calls the row's run handler, and the row's timing says how long the
// loop may sleep while the command runs.
#include "ui/UiScript.h"

#include "text/Utf8.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace kiosk::ui {

// ---------------------------------------------------------------------------------------------
// Verb rows
// ---------------------------------------------------------------------------------------------

struct ScriptVerb {
    using TimePoint = UiScriptRunner::TimePoint;
    // How the loop may sleep while the command runs: it is done at once (the next look in 10 ms),
    // it sleeps to its deadline (wait), or it polls the screen until its deadline (wait-for).
    enum class Timing { Once, Sleeps, Polls };

    class Args; // the words after the verb, read left to right

    // What a run handler sees: the host, the command, and whether it has run before (a command
    // that waits or polls runs again each step until it is done).
    struct Context {
        ScriptHost& host;
        const ScriptCommand& command;
        TimePoint now;
        TimePoint deadline; // now + the command's duration when it first ran
        bool started;
    };
    // What a step of a command came to.
    struct Step {
        enum class Outcome { Next, Stay, Fail } outcome = Outcome::Next;
        std::string why;      // Fail: the message
        long extraFrames = 0; // Next: frames to draw beyond the usual before the next look
    };

    const char* name;
    ScriptCommand::Kind kind; // the command's kind unless its parse handler says otherwise (card remove)
    Timing timing;
    // Reads the arguments into the command; returns why they are wrong, or "".
    std::string (*parse)(const ScriptVerb& verb, Args& args, ScriptCommand& command);
    Step (*run)(const Context& context);
    const char* usage; // the arguments as written after the name
    const char* help;  // what it does, for the reference
};

class ScriptVerb::Args {
public:
    Args(const std::string& line, size_t start) : s_(line), i_(start) {}

    // A "quoted string" (with \" and \\ escapes).
    bool quoted(std::string& out) {
        skipSpaces();
        if (i_ >= s_.size() || s_[i_] != '"') return false;
        ++i_;
        out.clear();
        while (i_ < s_.size()) {
            if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
                out += s_[i_ + 1];
                i_ += 2;
            } else if (s_[i_] == '"') {
                ++i_;
                return true;
            } else {
                out += s_[i_++];
            }
        }
        return false;
    }
    // The next blank-separated word ("" at the end of the line).
    std::string word() {
        skipSpaces();
        const size_t start = i_;
        while (i_ < s_.size() && s_[i_] != ' ' && s_[i_] != '\t')
            ++i_;
        return s_.substr(start, i_ - start);
    }
    // Everything left on the line, without trailing blanks.
    std::string rest() {
        skipSpaces();
        std::string r = s_.substr(i_);
        while (!r.empty() && (r.back() == ' ' || r.back() == '\t'))
            r.pop_back();
        i_ = s_.size();
        return r;
    }
    // Only blanks or a comment are left.
    bool done() {
        skipSpaces();
        return i_ >= s_.size() || s_[i_] == '#';
    }

private:
    void skipSpaces() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t'))
            ++i_;
    }
    const std::string& s_;
    size_t i_;
};

namespace {

using Verb = ScriptVerb;
using Args = ScriptVerb::Args;
using Context = ScriptVerb::Context;
using Step = ScriptVerb::Step;
using Kind = ScriptCommand::Kind;

// ---------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------

bool readDuration(const std::string& word, std::chrono::milliseconds& out) {
    size_t pos = 0;
    long long n = 0;
    try {
        n = std::stoll(word, &pos);
    } catch (...) {
        return false;
    }
    const std::string unit = word.substr(pos);
    if (n < 0) return false;
    if (unit == "ms")
        out = std::chrono::milliseconds(n);
    else if (unit == "s")
        out = std::chrono::seconds(n);
    else
        return false;
    return true;
}

std::string parseNothing(const Verb&, Args&, ScriptCommand&) {
    return "";
}

std::string parseText(const Verb& v, Args& a, ScriptCommand& c) {
    return a.quoted(c.arg) ? "" : std::string(v.name) + " needs a \"quoted\" text";
}

std::string parseTextAndTimeOut(const Verb& v, Args& a, ScriptCommand& c) {
    if (!a.quoted(c.arg)) return std::string(v.name) + " needs a \"quoted\" text";
    if (!readDuration(a.word(), c.duration))
        return std::string(v.name) + " needs a time-out like 5s or 500ms";
    return "";
}

std::string parseWait(const Verb& v, Args& a, ScriptCommand& c) {
    return readDuration(a.word(), c.duration) ? "" : std::string(v.name) + " needs a time like 500ms or 2s";
}

std::string parseCard(const Verb&, Args& a, ScriptCommand& c) {
    c.arg = a.word();
    if (c.arg.empty()) return "card needs a card name or 'remove'";
    if (c.arg == "remove") c.kind = Kind::CardRemove;
    return "";
}

std::string parsePrinter(const Verb&, Args& a, ScriptCommand& c) {
    if (a.word() != "paper") return "printer needs 'paper out|near-end|ok'";
    c.arg = a.word();
    if (c.arg != "out" && c.arg != "near-end" && c.arg != "ok")
        return "printer paper must be out, near-end or ok";
    return "";
}

std::string parseReader(const Verb&, Args& a, ScriptCommand& c) {
    if (a.word() != "fault") return "reader needs 'fault SPEC'";
    c.arg = a.rest(); // a comment after it is part of the spec, which the simulator then refuses
    if (c.arg.empty()) return "reader fault needs a fault (e.g. sw3 41, silence, none)";
    return "";
}

// layout 1024x600 1.25: the window's size and the text scale, as a config would set them
std::string parseLayout(const Verb&, Args& a, ScriptCommand& c) {
    const std::string size = a.word();
    const std::string scale = a.word();
    char extra = 0;
    if (std::sscanf(size.c_str(), "%dx%d%c", &c.width, &c.height, &extra) != 2 || c.width < 320 ||
        c.height < 240)
        return "layout needs a size like 1024x600 (at least 320x240)";
    char* end = nullptr;
    c.scale = scale.empty() ? 1.0 : std::strtod(scale.c_str(), &end);
    if (!scale.empty() && (*end != 0 || c.scale < 0.5 || c.scale > 3.0))
        return "layout's text scale must be a number like 1.25";
    return "";
}

std::string parseServer(const Verb&, Args& a, ScriptCommand& c) {
    c.arg = a.word();
    return c.arg == "down" || c.arg == "up" ? "" : "server needs 'down' or 'up'";
}

// keys "tuiweichepi{space}": one on-screen key per letter, digit or symbol, {name} for the others.
std::string parseKeys(const Verb&, Args& a, ScriptCommand& c) {
    std::string spec;
    if (!a.quoted(spec) || spec.empty())
        return "keys needs a \"quoted\" list of keys, like \"tuiwei{space}\"";
    for (std::size_t i = 0; i < spec.size();) {
        if (spec[i] == '{') {
            const std::size_t end = spec.find('}', i);
            if (end == std::string::npos)
                return "keys: '{' without '}' (write {space}, {backspace}, {123} ...)";
            c.keys.push_back(spec.substr(i, end - i + 1));
            i = end + 1;
        } else if (spec[i] == ' ') {
            c.keys.push_back("{space}");
            ++i;
        } else {
            // One character (a symbol key is a Chinese punctuation mark: several bytes).
            const std::size_t start = i;
            char32_t cp = 0;
            text::nextCodePoint(spec, i, cp); // an invalid byte is a key of its own (and not found)
            c.keys.push_back(spec.substr(start, i - start));
        }
    }
    return "";
}

std::string parseFileName(const Verb& v, Args& a, ScriptCommand& c) {
    c.arg = a.word();
    if (c.arg.empty() || c.arg.find('/') != std::string::npos || c.arg.find("..") != std::string::npos)
        return std::string(v.name) + " needs a file name (no directories)";
    return "";
}

std::string parseScreenshot(const Verb&, Args& a, ScriptCommand& c) {
    c.arg = a.word();
    if (c.arg.empty() || c.arg.find('/') != std::string::npos || c.arg.find("..") != std::string::npos)
        return "screenshot needs a file name (no directories)";
    return "";
}

// ---------------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------------

Step next(long extraFrames = 0) {
    return Step{Step::Outcome::Next, "", extraFrames};
}
Step stay() {
    return Step{Step::Outcome::Stay, "", 0};
}
Step failWith(std::string why) {
    return Step{Step::Outcome::Fail, std::move(why), 0};
}
// For the host's bool-and-error calls.
Step nextUnless(bool ok, const std::string& error) {
    return ok ? next() : failWith(error);
}

Step runTap(const Context& x) {
    const RegisteredItem* item = x.host.registry().findTappable(x.command.arg);
    if (!item) return failWith("no tappable \"" + x.command.arg + "\" on screen");
    x.host.pushTap(item->x + item->w * 0.5f, item->y + item->h * 0.5f);
    return next(2); // press and release take a frame each
}

Step runTapIf(const Context& x) {
    if (!x.host.registry().findTappable(x.command.arg)) return next(); // optional: not there, fine
    return runTap(x);
}

// One key of `keys` (the parser gave each its own command): tapped through real input, as a finger.
Step runKey(const Context& x) {
    const RegisteredItem* item = x.host.registry().findKey("key:" + x.command.arg);
    if (!item)
        return failWith("no key \"" + x.command.arg +
                        "\" on the on-screen keyboard (is a text field focused, is that layout up?)");
    x.host.pushTap(item->x + item->w * 0.5f, item->y + item->h * 0.5f);
    return next(2);
}

Step runField(const Context& x) {
    const RegisteredItem* item = x.host.registry().findKey("field:" + x.command.arg);
    if (!item) return failWith("no text field labelled \"" + x.command.arg + "\" on screen");
    x.host.pushTap(item->x + item->w * 0.5f, item->y + item->h * 0.5f);
    return next(2);
}

// Every text on the current screen, one per line, into --screenshot-dir (created when missing).
Step runSaveText(const Context& x) {
    const std::string dir = x.host.outputDir();
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    const std::string path = dir + "/" + x.command.arg;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    for (const RegisteredItem& i : x.host.registry().shown())
        out << i.text << '\n';
    out.close();
    return nextUnless(out.good(), "cannot write " + path + " (check that the directory is writable)");
}

Step runType(const Context& x) {
    x.host.pushText(x.command.arg);
    return next();
}

Step runCard(const Context& x) {
    if (x.command.kind == Kind::CardRemove) {
        x.host.removeCard();
        return next();
    }
    std::string error;
    return nextUnless(x.host.presentCard(x.command.arg, error), error);
}

Step runWait(const Context& x) {
    return x.now >= x.deadline ? next() : stay();
}

Step runWaitFor(const Context& x) {
    const ScriptCommand& c = x.command;
    if (x.host.registry().showsText(c.arg)) return next();
    if (x.now < x.deadline) return stay();
    return failWith("\"" + c.arg + "\" did not appear within " + std::to_string(c.duration.count()) + " ms");
}

Step runWaitForSlip(const Context& x) {
    const ScriptCommand& c = x.command;
    if (x.host.registry().slipShows(c.arg)) return next();
    if (x.now < x.deadline) return stay();
    return failWith("no slip picture saying \"" + c.arg + "\" appeared within " +
                    std::to_string(c.duration.count()) + " ms");
}

Step runExpect(const Context& x) {
    const std::string& t = x.command.arg;
    return x.host.registry().showsText(t) ? next() : failWith("\"" + t + "\" is not on screen");
}

Step runExpectNot(const Context& x) {
    const std::string& t = x.command.arg;
    return x.host.registry().showsText(t) ? failWith("\"" + t + "\" is on screen") : next();
}

Step runExpectSlip(const Context& x) {
    const std::string& t = x.command.arg;
    return x.host.registry().slipShows(t) ? next()
                                          : failWith("the slip picture on screen does not say \"" + t + "\"");
}

Step runExpectSlipNot(const Context& x) {
    const std::string& t = x.command.arg;
    return x.host.registry().slipShows(t) ? failWith("the slip picture on screen says \"" + t + "\"")
                                          : next();
}

Step runScreenshot(const Context& x) {
    if (!x.started) {
        x.host.requestScreenshot(x.command.arg);
        return stay();
    }
    std::string error;
    if (x.host.screenshotPending(error)) return stay();
    return nextUnless(error.empty(), error);
}

Step runPrinter(const Context& x) {
    std::string error;
    return nextUnless(x.host.setPrinterPaper(x.command.arg, error), error);
}

Step runReader(const Context& x) {
    std::string error;
    return nextUnless(x.host.setReaderFault(x.command.arg, error), error);
}

Step runLayout(const Context& x) {
    const ScriptCommand& c = x.command;
    std::string error;
    return nextUnless(x.host.setLayout(c.width, c.height, c.scale, error), error);
}

Step runCheckLayout(const Context& x) {
    const auto [w, h] = x.host.displaySize();
    const std::string problems = layoutProblems(x.host.registry().shown(), w, h);
    return nextUnless(problems.empty(), problems);
}

Step runServer(const Context& x) {
    std::string error;
    return nextUnless(x.host.setServerRunning(x.command.arg == "up", error), error);
}

// wait-synced 10s: the outbox empty, counted after everything the script did so far was committed.
Step runWaitSynced(const Context& x) {
    std::string error;
    if (!x.started && !x.host.requestUpload(error)) return failWith(error);
    const std::optional<std::int64_t> pending = x.host.pendingAfterUploadRequest();
    if (pending && *pending == 0) return next();
    if (x.now < x.deadline) return stay();
    const long long ms = x.command.duration.count();
    if (!pending)
        return failWith("the sync engine did not count the outbox within " + std::to_string(ms) + " ms");
    return failWith(std::to_string(*pending) + " record(s) still waiting for the server after " +
                    std::to_string(ms) + " ms");
}

// ---------------------------------------------------------------------------------------------
// Verb table
// ---------------------------------------------------------------------------------------------

using T = Verb::Timing;

const ScriptVerb kVerbs[] = {
    // name, kind, timing, parse, run, arguments, what it does
    {"tap", Kind::Tap, T::Once, parseText, runTap, "\"LABEL\"",
     "tap the widget labelled LABEL (fails if none is on screen)"},
    {"tap-if", Kind::TapIf, T::Once, parseText, runTapIf, "\"LABEL\"",
     "tap LABEL when it is on screen; pass silently when it is not (optional steps)"},
    {"type", Kind::Type, T::Once, parseText, runType, "\"TEXT\"", "type TEXT as keyboard text input"},
    {"keys", Kind::Keys, T::Once, parseKeys, runKey, "\"KEYS\"",
     "tap on-screen keys one by one: letters, digits, symbols, {space} {backspace} {clear} {enter} {shift} "
     "{py} {abc} {123} {sym} {prev} {next}"},
    {"field", Kind::Field, T::Once, parseText, runField, "\"LABEL\"", "focus the text field labelled LABEL"},
    {"save-text", Kind::SaveText, T::Once, parseFileName, runSaveText, "NAME.txt",
     "write every text on the current screen, one per line, into --screenshot-dir"},
    {"card", Kind::Card, T::Once, parseCard, runCard, "NAME|remove",
     "present a sample card on the simulated reader / lift it"},
    {"wait", Kind::Wait, T::Sleeps, parseWait, runWait, "TIME", "let time pass (500ms, 2s)"},
    {"wait-for", Kind::WaitFor, T::Polls, parseTextAndTimeOut, runWaitFor, "\"TEXT\" TIME",
     "wait until TEXT is on screen (fails after the time-out)"},
    {"wait-for-slip", Kind::WaitForSlip, T::Polls, parseTextAndTimeOut, runWaitForSlip, "\"TEXT\" TIME",
     "wait until the slip picture on screen says TEXT"},
    {"expect", Kind::Expect, T::Once, parseText, runExpect, "\"TEXT\"", "TEXT is on the current screen"},
    {"expect-not", Kind::ExpectNot, T::Once, parseText, runExpectNot, "\"TEXT\"",
     "TEXT is not on the current screen"},
    {"expect-slip", Kind::ExpectSlip, T::Once, parseText, runExpectSlip, "\"TEXT\"",
     "the slip picture on screen says TEXT (the words of the texture shown)"},
    {"expect-slip-not", Kind::ExpectSlipNot, T::Once, parseText, runExpectSlipNot, "\"TEXT\"",
     "the slip picture on screen does not say TEXT"},
    {"screenshot", Kind::Screenshot, T::Once, parseScreenshot, runScreenshot, "NAME.png",
     "save the current frame into --screenshot-dir"},
    {"printer", Kind::PrinterPaper, T::Once, parsePrinter, runPrinter, "paper out|near-end|ok",
     "set the demo's virtual printer paper (fault injection)"},
    {"reader", Kind::ReaderFault, T::Once, parseReader, runReader, "fault SPEC",
     "inject a reader fault in the demo's simulator (\"sw3 41\", \"silence\", \"none\" ...)"},
    {"layout", Kind::Layout, T::Once, parseLayout, runLayout, "WxH [SCALE]",
     "resize the window and set the text scale (as the config's text_scale)"},
    {"check-layout", Kind::CheckLayout, T::Once, parseNothing, runCheckLayout, "",
     "fail if anything is cut off, off screen, drawn over another item, or a label overflows"},
    {"server", Kind::Server, T::Once, parseServer, runServer, "down|up",
     "stop / restart the demo's central server (same port)"},
    {"wait-synced", Kind::WaitSynced, T::Polls, parseWait, runWaitSynced, "TIME",
     "wait until the outbox has nothing pending, everything committed so far uploaded (fails after TIME)"},
};

const ScriptVerb* findVerb(const std::string& name) {
    for (const ScriptVerb& v : kVerbs)
        if (name == v.name) return &v;
    return nullptr;
}

std::string knownVerbs() {
    std::string out;
    for (const ScriptVerb& v : kVerbs)
        out += (out.empty() ? "" : ", ") + std::string(v.name);
    return out;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------------------------

ParsedScript parseScript(const std::string& text, const std::string& fileName) {
    ParsedScript out;
    std::istringstream in(text);
    std::string raw;
    int lineNo = 0;
    while (std::getline(in, raw)) {
        ++lineNo;
        if (!raw.empty() && raw.back() == '\r') raw.pop_back();
        Args args(raw, 0);
        if (args.done()) continue; // blank or a comment
        ScriptCommand c;
        c.line = lineNo;
        c.source = raw.substr(raw.find_first_not_of(" \t"));
        auto bad = [&](const std::string& why) {
            out.error = fileName + ":" + std::to_string(lineNo) + ": " + why + ": " + c.source;
            out.commands.clear();
            return out;
        };
        const std::string name = args.word();
        c.verb = findVerb(name);
        if (!c.verb) return bad("unknown command '" + name + "' (known: " + knownVerbs() + ")");
        c.kind = c.verb->kind;
        if (const std::string why = c.verb->parse(*c.verb, args, c); !why.empty()) return bad(why);
        if (!args.done()) return bad("unexpected text after the command");
        if (c.kind == Kind::Keys) {
            // One command per key: each waits for the screen to settle (a layout switch, a
            // candidate bar) before the next key is looked for.
            for (const std::string& k : c.keys) {
                ScriptCommand one = c;
                one.keys.clear();
                one.arg = k;
                out.commands.push_back(std::move(one));
            }
            continue;
        }
        out.commands.push_back(std::move(c));
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Runner
// ---------------------------------------------------------------------------------------------

UiScriptRunner::UiScriptRunner(std::string fileName, std::vector<ScriptCommand> commands, ScriptHost& host)
    : fileName_(std::move(fileName)), commands_(std::move(commands)), host_(host) {}

void UiScriptRunner::fail(const ScriptCommand& c, const std::string& why) {
    failure_ = fileName_ + ":" + std::to_string(c.line) + ": " + c.source + ": " + why;
    finished_ = true;
}

void UiScriptRunner::next(long framesDrawn) {
    ++index_;
    started_ = false;
    // Whatever the command did, the next one looks at a screen drawn after it.
    settleUntilFrame_ = framesDrawn + 2;
    host_.requestFrames(2);
}

std::optional<UiScriptRunner::TimePoint> UiScriptRunner::nextDeadline(TimePoint now) const {
    if (finished_) return std::nullopt;
    const ScriptVerb* verb = index_ < commands_.size() ? commands_[index_].verb : nullptr;
    const ScriptVerb::Timing timing = verb ? verb->timing : ScriptVerb::Timing::Once;
    if (started_ && timing != ScriptVerb::Timing::Once) {
        // wait-for polls the screen every 50 ms; wait sleeps to its end.
        const TimePoint poll = now + std::chrono::milliseconds(50);
        return timing == ScriptVerb::Timing::Polls ? std::min(poll, deadline_) : deadline_;
    }
    return now + std::chrono::milliseconds(10);
}

void UiScriptRunner::step(TimePoint now, bool settled, long framesDrawn) {
    if (finished_) return;
    if (index_ >= commands_.size()) {
        finished_ = true;
        return;
    }
    if (!settled || framesDrawn < settleUntilFrame_) {
        host_.requestFrames(1);
        return;
    }
    const ScriptCommand& c = commands_[index_];
    if (!c.verb) return fail(c, "not a parsed command (no verb)");
    if (!started_) deadline_ = now + c.duration;
    const ScriptVerb::Step s = c.verb->run(ScriptVerb::Context{host_, c, now, deadline_, started_});
    switch (s.outcome) {
    case ScriptVerb::Step::Outcome::Next:
        return next(framesDrawn + s.extraFrames);
    case ScriptVerb::Step::Outcome::Stay:
        started_ = true;
        return;
    case ScriptVerb::Step::Outcome::Fail:
        return fail(c, s.why);
    }
}

std::unique_ptr<UiScriptRunner> loadScript(const std::string& path, ScriptHost& host, std::string& error) {
    std::ifstream in(path);
    if (!in) {
        error = "cannot read script " + path;
        return nullptr;
    }
    std::stringstream text;
    text << in.rdbuf();
    ParsedScript parsed = parseScript(text.str(), path);
    if (!parsed.error.empty()) {
        error = parsed.error;
        return nullptr;
    }
    return std::make_unique<UiScriptRunner>(path, std::move(parsed.commands), host);
}

// ---------------------------------------------------------------------------------------------
// Reference
// ---------------------------------------------------------------------------------------------

std::string scriptVerbReference() {
    std::string out;
    for (const ScriptVerb& v : kVerbs) {
        std::string call = std::string(v.name) + (*v.usage ? " " : "") + v.usage;
        call.resize(std::max<size_t>(call.size() + 2, 32), ' ');
        out += "  " + call + v.help + "\n";
    }
    return out;
}

} // namespace kiosk::ui
