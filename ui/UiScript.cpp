#include "ui/UiScript.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include <sstream>

namespace kiosk::ui {

// ---------------------------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------------------------

namespace {

// Reads a "quoted string" (with \" and \\ escapes) at s[i]; advances i past it.
bool readQuoted(const std::string& s, size_t& i, std::string& out) {
    if (i >= s.size() || s[i] != '"') return false;
    ++i;
    out.clear();
    while (i < s.size()) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            out += s[i + 1];
            i += 2;
        } else if (s[i] == '"') {
            ++i;
            return true;
        } else {
            out += s[i++];
        }
    }
    return false;
}

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

void skipSpaces(const std::string& s, size_t& i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
        ++i;
}

std::string readWord(const std::string& s, size_t& i) {
    skipSpaces(s, i);
    const size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t')
        ++i;
    return s.substr(start, i - start);
}

} // namespace

ParsedScript parseScript(const std::string& text, const std::string& fileName) {
    ParsedScript out;
    std::istringstream in(text);
    std::string raw;
    int lineNo = 0;
    while (std::getline(in, raw)) {
        ++lineNo;
        if (!raw.empty() && raw.back() == '\r') raw.pop_back();
        size_t i = 0;
        skipSpaces(raw, i);
        if (i >= raw.size() || raw[i] == '#') continue;
        const std::string verb = readWord(raw, i);
        ScriptCommand c;
        c.line = lineNo;
        c.source = raw.substr(raw.find_first_not_of(" \t"));
        auto bad = [&](const std::string& why) {
            out.error = fileName + ":" + std::to_string(lineNo) + ": " + why + ": " + c.source;
            out.commands.clear();
        };
        auto quoted = [&](std::string& dst) {
            skipSpaces(raw, i);
            return readQuoted(raw, i, dst);
        };
        std::string word;
        if (verb == "tap" || verb == "type" || verb == "expect" || verb == "expect-not" ||
            verb == "expect-slip" || verb == "expect-slip-not") {
            c.kind = verb == "tap"           ? ScriptCommand::Kind::Tap
                     : verb == "type"        ? ScriptCommand::Kind::Type
                     : verb == "expect"      ? ScriptCommand::Kind::Expect
                     : verb == "expect-not"  ? ScriptCommand::Kind::ExpectNot
                     : verb == "expect-slip" ? ScriptCommand::Kind::ExpectSlip
                                             : ScriptCommand::Kind::ExpectSlipNot;
            if (!quoted(c.arg)) return bad(verb + " needs a \"quoted\" text"), out;
        } else if (verb == "wait-for" || verb == "wait-for-slip") {
            c.kind = verb == "wait-for" ? ScriptCommand::Kind::WaitFor : ScriptCommand::Kind::WaitForSlip;
            if (!quoted(c.arg)) return bad(verb + " needs a \"quoted\" text"), out;
            word = readWord(raw, i);
            if (!readDuration(word, c.duration)) return bad(verb + " needs a time-out like 5s or 500ms"), out;
        } else if (verb == "wait") {
            c.kind = ScriptCommand::Kind::Wait;
            word = readWord(raw, i);
            if (!readDuration(word, c.duration)) return bad("wait needs a time like 500ms or 2s"), out;
        } else if (verb == "card") {
            word = readWord(raw, i);
            if (word.empty()) return bad("card needs a card name or 'remove'"), out;
            c.kind = word == "remove" ? ScriptCommand::Kind::CardRemove : ScriptCommand::Kind::Card;
            c.arg = word;
        } else if (verb == "printer") {
            c.kind = ScriptCommand::Kind::PrinterPaper;
            if (readWord(raw, i) != "paper") return bad("printer needs 'paper out|near-end|ok'"), out;
            c.arg = readWord(raw, i);
            if (c.arg != "out" && c.arg != "near-end" && c.arg != "ok") {
                return bad("printer paper must be out, near-end or ok"), out;
            }
        } else if (verb == "reader") {
            c.kind = ScriptCommand::Kind::ReaderFault;
            if (readWord(raw, i) != "fault") return bad("reader needs 'fault SPEC'"), out;
            skipSpaces(raw, i);
            c.arg = raw.substr(i);
            while (!c.arg.empty() && (c.arg.back() == ' ' || c.arg.back() == '\t'))
                c.arg.pop_back();
            i = raw.size();
            if (c.arg.empty()) return bad("reader fault needs a fault (e.g. sw3 41, silence, none)"), out;
        } else if (verb == "check-layout") {
            c.kind = ScriptCommand::Kind::CheckLayout;
        } else if (verb == "layout") {
            // layout 1024x600 1.25: the window's size and the text scale, as a config would set them
            c.kind = ScriptCommand::Kind::Layout;
            const std::string size = readWord(raw, i);
            const std::string scale = readWord(raw, i);
            char extra = 0;
            if (std::sscanf(size.c_str(), "%dx%d%c", &c.width, &c.height, &extra) != 2 || c.width < 320 ||
                c.height < 240)
                return bad("layout needs a size like 1024x600 (at least 320x240)"), out;
            char* end = nullptr;
            c.scale = scale.empty() ? 1.0 : std::strtod(scale.c_str(), &end);
            if (!scale.empty() && (*end != 0 || c.scale < 0.5 || c.scale > 3.0))
                return bad("layout's text scale must be a number like 1.25"), out;
        } else if (verb == "server") {
            c.kind = ScriptCommand::Kind::Server;
            c.arg = readWord(raw, i);
            if (c.arg != "down" && c.arg != "up") return bad("server needs 'down' or 'up'"), out;
        } else if (verb == "screenshot") {
            c.kind = ScriptCommand::Kind::Screenshot;
            c.arg = readWord(raw, i);
            if (c.arg.empty() || c.arg.find('/') != std::string::npos ||
                c.arg.find("..") != std::string::npos) {
                return bad("screenshot needs a file name (no directories)"), out;
            }
        } else {
            return bad("unknown command '" + verb + "'"), out;
        }
        skipSpaces(raw, i);
        if (i < raw.size() && raw[i] != '#') return bad("unexpected text after the command"), out;
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
    const auto kind = index_ < commands_.size() ? commands_[index_].kind : ScriptCommand::Kind::Tap;
    const bool polls = kind == ScriptCommand::Kind::WaitFor || kind == ScriptCommand::Kind::WaitForSlip;
    if (started_ && (kind == ScriptCommand::Kind::Wait || polls)) {
        // wait-for polls the screen every 50 ms; wait sleeps to its end.
        const TimePoint poll = now + std::chrono::milliseconds(50);
        return polls ? std::min(poll, deadline_) : deadline_;
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
    using K = ScriptCommand::Kind;
    switch (c.kind) {
    case K::Tap: {
        const RegisteredItem* item = host_.registry().findTappable(c.arg);
        if (!item) return fail(c, "no tappable \"" + c.arg + "\" on screen");
        host_.pushTap(item->x + item->w * 0.5f, item->y + item->h * 0.5f);
        return next(framesDrawn + 2); // press and release take a frame each
    }
    case K::Type:
        host_.pushText(c.arg);
        return next(framesDrawn);
    case K::Card: {
        std::string error;
        if (!host_.presentCard(c.arg, error)) return fail(c, error);
        return next(framesDrawn);
    }
    case K::CardRemove:
        host_.removeCard();
        return next(framesDrawn);
    case K::PrinterPaper: {
        std::string error;
        if (!host_.setPrinterPaper(c.arg, error)) return fail(c, error);
        return next(framesDrawn);
    }
    case K::Layout: {
        std::string error;
        if (!host_.setLayout(c.width, c.height, c.scale, error)) return fail(c, error);
        return next(framesDrawn);
    }
    case K::CheckLayout: {
        const auto [w, h] = host_.displaySize();
        const std::string problems = layoutProblems(host_.registry().shown(), w, h);
        if (!problems.empty()) return fail(c, problems);
        return next(framesDrawn);
    }
    case K::Server: {
        std::string error;
        if (!host_.setServerRunning(c.arg == "up", error)) return fail(c, error);
        return next(framesDrawn);
    }
    case K::ReaderFault: {
        std::string error;
        if (!host_.setReaderFault(c.arg, error)) return fail(c, error);
        return next(framesDrawn);
    }
    case K::Wait:
        if (!started_) {
            started_ = true;
            deadline_ = now + c.duration;
        }
        if (now >= deadline_) next(framesDrawn);
        return;
    case K::WaitFor:
        if (!started_) {
            started_ = true;
            deadline_ = now + c.duration;
        }
        if (host_.registry().showsText(c.arg)) return next(framesDrawn);
        if (now >= deadline_)
            fail(c, "\"" + c.arg + "\" did not appear within " + std::to_string(c.duration.count()) + " ms");
        return;
    case K::WaitForSlip:
        if (!started_) {
            started_ = true;
            deadline_ = now + c.duration;
        }
        if (host_.registry().slipShows(c.arg)) return next(framesDrawn);
        if (now >= deadline_)
            fail(c, "no slip picture saying \"" + c.arg + "\" appeared within " +
                        std::to_string(c.duration.count()) + " ms");
        return;
    case K::Expect:
        if (!host_.registry().showsText(c.arg)) return fail(c, "\"" + c.arg + "\" is not on screen");
        return next(framesDrawn);
    case K::ExpectNot:
        if (host_.registry().showsText(c.arg)) return fail(c, "\"" + c.arg + "\" is on screen");
        return next(framesDrawn);
    case K::ExpectSlip:
        if (!host_.registry().slipShows(c.arg))
            return fail(c, "the slip picture on screen does not say \"" + c.arg + "\"");
        return next(framesDrawn);
    case K::ExpectSlipNot:
        if (host_.registry().slipShows(c.arg))
            return fail(c, "the slip picture on screen says \"" + c.arg + "\"");
        return next(framesDrawn);
    case K::Screenshot: {
        std::string error;
        if (!started_) {
            started_ = true;
            host_.requestScreenshot(c.arg);
            return;
        }
        if (host_.screenshotPending(error)) return;
        if (!error.empty()) return fail(c, error);
        return next(framesDrawn);
    }
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

} // namespace kiosk::ui
