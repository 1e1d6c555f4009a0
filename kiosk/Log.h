// Log — what the technician reads when the kiosk misbehaves: state changes of the reader, the printer,
// the central server and the terminal's enrolment, start-up and session time-outs. Never personal data.
//
// Sections: levels | sinks (stderr, journal, memory for tests) | Logger | StateLog (log a change once)
//
//   [x] levels error, warning, notice, info, debug (syslog priorities 3..7); a minimum level from
//       [terminal] log_level or --log-level (default info)
//   [x] stderr lines "kiosk[level] component: message"
//   [x] under systemd (stderr is the journal: JOURNAL_STREAM names it) sd_journal_send with PRIORITY,
//       SYSLOG_IDENTIFIER and KIOSK_COMPONENT, instead of the same line twice
//   [x] defence in depth: one line per entry (control characters replaced), at most 1 KB, and any run
//       of 15+ digits (an ID number that slipped into a detail) replaced before it is written
//   [x] state changes only: StateLog writes a component's state when it differs from the last one
//   [ ] log files of our own / rotation: the journal (or whatever reads stderr) does that
//
// Ownership: no global logger. main() owns one Logger (it must exist before the config is loaded and
// outlive KioskApp: start-up errors and the out-of-service screen log too) and hands it by reference to
// KioskApp, which hands it to the adapters (IdCardReader, ReceiptPrinter, CentralCaseQuery). The
// Logger is thread-safe: adapters log from their worker threads.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// ---- levels ----
enum class LogLevel { Error = 3, Warning = 4, Notice = 5, Info = 6, Debug = 7 }; // syslog priorities

std::string_view logLevelName(LogLevel level);                // "error" ... "debug"
std::optional<LogLevel> parseLogLevel(std::string_view name); // the names above; nullopt otherwise
inline constexpr const char* kLogLevelNames = "error, warning, notice, info, debug";

// ---- sinks ----
class LogSink {
public:
    virtual ~LogSink() = default;
    // Called under the Logger's lock with a cleaned message: one line, bounded, no digit runs.
    virtual void write(LogLevel level, std::string_view component, std::string_view message) = 0;
};

// "kiosk[warning] reader: disconnected (...)" on stderr.
class StderrSink : public LogSink {
public:
    void write(LogLevel level, std::string_view component, std::string_view message) override;
};

// sd_journal_send; falls back to a stderr line when the journal does not take the entry.
class JournalSink : public LogSink {
public:
    void write(LogLevel level, std::string_view component, std::string_view message) override;
};

// Keeps every entry, for tests.
class MemorySink : public LogSink {
public:
    struct Entry {
        LogLevel level;
        std::string component;
        std::string message;
    };
    void write(LogLevel level, std::string_view component, std::string_view message) override;
    std::vector<Entry> entries() const;
    // Every entry as its stderr line, joined with '\n'.
    std::string text() const;
    // Entries of `component` whose message contains `words`.
    int count(std::string_view component, std::string_view words) const;

private:
    mutable std::mutex mutex_;
    std::vector<Entry> entries_;
};

// True when stderr is the journal's stream: JOURNAL_STREAM ("DEV:INODE", set by systemd for the
// service's stdout/stderr) names the file stderr is. Pure, so it can be tested without systemd.
bool journalStreamIs(std::string_view journalStreamEnv, unsigned long long dev, unsigned long long ino);

// The sink a running kiosk wants: the journal when stderr is the journal, stderr otherwise.
std::unique_ptr<LogSink> defaultLogSink();

// The line a StderrSink writes (without the newline).
std::string formatLogLine(LogLevel level, std::string_view component, std::string_view message);

// What reaches a sink: control characters become spaces, runs of 15 or more digits (with a trailing X,
// the shape of an ID number) become "[number removed]", and the result is cut at 1024 bytes.
std::string cleanLogMessage(std::string_view message);

// ---- Logger ----
class Logger {
public:
    explicit Logger(std::unique_ptr<LogSink> sink, LogLevel minimum = LogLevel::Info);

    void setMinimum(LogLevel level);
    LogLevel minimum() const;
    bool enabled(LogLevel level) const;

    void log(LogLevel level, std::string_view component, std::string_view message);
    void error(std::string_view component, std::string_view message) {
        log(LogLevel::Error, component, message);
    }
    void warning(std::string_view component, std::string_view message) {
        log(LogLevel::Warning, component, message);
    }
    void notice(std::string_view component, std::string_view message) {
        log(LogLevel::Notice, component, message);
    }
    void info(std::string_view component, std::string_view message) {
        log(LogLevel::Info, component, message);
    }
    void debug(std::string_view component, std::string_view message) {
        log(LogLevel::Debug, component, message);
    }

private:
    mutable std::mutex mutex_;
    std::unique_ptr<LogSink> sink_;
    LogLevel minimum_;
};

// ---- StateLog ----
// One component's state as last logged: set() logs only when the state differs from the previous one,
// so a reader that fails every poll, or a server that stays down, is one line, not one per attempt.
// Not thread-safe on its own: each StateLog is used by one thread (the adapter's worker or the UI).
class StateLog {
public:
    StateLog(Logger& log, std::string component) : log_(log), component_(std::move(component)) {}
    // `state` is compared; `message` is what is written. Returns true when it was a change.
    bool set(const std::string& state, LogLevel level, std::string_view message);
    const std::string& state() const { return state_; }

private:
    Logger& log_;
    std::string component_;
    std::string state_;
    bool any_ = false;
};

} // namespace kiosk
