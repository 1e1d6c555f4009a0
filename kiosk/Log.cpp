// Log: cleaning, sinks and the thread-safe Logger (see Log.h).
//
// Sections: levels | cleaning and format | sinks | Logger | StateLog
#include "kiosk/Log.h"

#include <sys/stat.h>
#include <systemd/sd-journal.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace kiosk {

// ---- levels ----
std::string_view logLevelName(LogLevel level) {
    switch (level) {
    case LogLevel::Error:
        return "error";
    case LogLevel::Warning:
        return "warning";
    case LogLevel::Notice:
        return "notice";
    case LogLevel::Info:
        return "info";
    case LogLevel::Debug:
        return "debug";
    }
    return "info";
}

std::optional<LogLevel> parseLogLevel(std::string_view name) {
    for (LogLevel l :
         {LogLevel::Error, LogLevel::Warning, LogLevel::Notice, LogLevel::Info, LogLevel::Debug}) {
        if (name == logLevelName(l)) return l;
    }
    return std::nullopt;
}

// ---- cleaning and format ----
std::string cleanLogMessage(std::string_view m) {
    constexpr std::size_t kMaxBytes = 1024;
    std::string out;
    out.reserve(std::min(m.size(), kMaxBytes + 16));
    for (std::size_t i = 0; i < m.size() && out.size() < kMaxBytes;) {
        const unsigned char c = static_cast<unsigned char>(m[i]);
        if (c >= '0' && c <= '9') {
            std::size_t j = i;
            while (j < m.size() && m[j] >= '0' && m[j] <= '9')
                ++j;
            if (j - i >= 15) {
                // 15 digits: a first-generation ID number; 17 + digit or X: the current one. No state
                // the kiosk logs is a number that long (times are 13 digits in ms).
                if (j < m.size() && (m[j] == 'X' || m[j] == 'x')) ++j;
                out += "[number removed]";
            } else {
                out.append(m.substr(i, j - i));
            }
            i = j;
            continue;
        }
        out += (c < 0x20 || c == 0x7f) ? ' ' : static_cast<char>(c);
        ++i;
    }
    if (out.size() > kMaxBytes) out.resize(kMaxBytes);
    // Never end inside a UTF-8 character (the journal would store the entry as binary).
    std::size_t p = out.size();
    while (p > 0 && (static_cast<unsigned char>(out[p - 1]) & 0xC0) == 0x80)
        --p;
    if (p > 0) {
        const unsigned char lead = static_cast<unsigned char>(out[p - 1]);
        const std::size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (out.size() - (p - 1) < need) out.resize(p - 1);
    }
    return out;
}

std::string formatLogLine(LogLevel level, std::string_view component, std::string_view message) {
    std::string line = "kiosk[";
    line += logLevelName(level);
    line += "] ";
    line += component;
    line += ": ";
    line += message;
    return line;
}

// ---- sinks ----
void StderrSink::write(LogLevel level, std::string_view component, std::string_view message) {
    const std::string line = formatLogLine(level, component, message) + "\n";
    std::fwrite(line.data(), 1, line.size(), stderr);
}

void JournalSink::write(LogLevel level, std::string_view component, std::string_view message) {
    const std::string msg(message), comp(component);
    const int rc = sd_journal_send("MESSAGE=%s", msg.c_str(), "PRIORITY=%d", static_cast<int>(level),
                                   "SYSLOG_IDENTIFIER=kiosk", "KIOSK_COMPONENT=%s", comp.c_str(), nullptr);
    if (rc < 0) StderrSink().write(level, component, message); // no journal socket: the line is not lost
}

void MemorySink::write(LogLevel level, std::string_view component, std::string_view message) {
    std::lock_guard lock(mutex_);
    entries_.push_back({level, std::string(component), std::string(message)});
}

std::vector<MemorySink::Entry> MemorySink::entries() const {
    std::lock_guard lock(mutex_);
    return entries_;
}

std::string MemorySink::text() const {
    std::string out;
    for (const Entry& e : entries())
        out += formatLogLine(e.level, e.component, e.message) + "\n";
    return out;
}

int MemorySink::count(std::string_view component, std::string_view words) const {
    int n = 0;
    for (const Entry& e : entries())
        n += e.component == component && e.message.find(words) != std::string::npos;
    return n;
}

bool journalStreamIs(std::string_view env, unsigned long long dev, unsigned long long ino) {
    const std::size_t colon = env.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == env.size()) return false;
    const std::string d(env.substr(0, colon)), i(env.substr(colon + 1));
    char* endD = nullptr;
    char* endI = nullptr;
    const unsigned long long envDev = std::strtoull(d.c_str(), &endD, 10);
    const unsigned long long envIno = std::strtoull(i.c_str(), &endI, 10);
    return *endD == '\0' && *endI == '\0' && envDev == dev && envIno == ino;
}

std::unique_ptr<LogSink> defaultLogSink() {
    // Under systemd, stderr already goes to the journal; writing the line there too would store every
    // entry twice, and without the level and component as fields.
    if (const char* env = std::getenv("JOURNAL_STREAM")) {
        struct stat st {};
        if (::fstat(STDERR_FILENO, &st) == 0 &&
            journalStreamIs(env, static_cast<unsigned long long>(st.st_dev),
                            static_cast<unsigned long long>(st.st_ino))) {
            return std::make_unique<JournalSink>();
        }
    }
    return std::make_unique<StderrSink>();
}

// ---- Logger ----
Logger::Logger(std::unique_ptr<LogSink> sink, LogLevel minimum) : sink_(std::move(sink)), minimum_(minimum) {}

void Logger::setMinimum(LogLevel level) {
    std::lock_guard lock(mutex_);
    minimum_ = level;
}

LogLevel Logger::minimum() const {
    std::lock_guard lock(mutex_);
    return minimum_;
}

bool Logger::enabled(LogLevel level) const {
    std::lock_guard lock(mutex_);
    return static_cast<int>(level) <= static_cast<int>(minimum_);
}

void Logger::log(LogLevel level, std::string_view component, std::string_view message) {
    std::lock_guard lock(mutex_);
    if (static_cast<int>(level) > static_cast<int>(minimum_) || !sink_) return;
    sink_->write(level, cleanLogMessage(component), cleanLogMessage(message));
}

// ---- StateLog ----
bool StateLog::set(const std::string& state, LogLevel level, std::string_view message) {
    if (any_ && state == state_) return false;
    any_ = true;
    state_ = state;
    log_.log(level, component_, message);
    return true;
}

} // namespace kiosk
