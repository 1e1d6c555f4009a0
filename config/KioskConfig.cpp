// KioskConfig.cpp — TOML parsing and validation of the kiosk config.
//
// Sections:
//   1. TableReader: typed, length-bounded reads with line numbers; remembers which keys were read
//   1b. preScan: what toml++ cannot survive (dotted-key parts, nesting, line length), before it parses
//   2. parseConfig: one reader per TOML table, each with its cross-field checks
//   3. loadConfigFile (regular files only, size-capped read), report
//   4. configTemplate, demoConfig
#include "config/KioskConfig.h"

#include "text/Utf8.h"

#include "config/ConfigRules.h"

#include <toml++/toml.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <set>
#include <sstream>

namespace kiosk::config {

std::string_view modeName(Mode mode) {
    return mode == Mode::Hall ? "hall" : "counter";
}

namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// 1. TableReader
// ---------------------------------------------------------------------------------------------

// How long a text value may be: in bytes (paths, URLs) or in characters (names a person reads).
struct Length {
    std::size_t max;
    bool chars = false;
};
constexpr Length bytes(std::size_t n) {
    return {n, false};
}
constexpr Length chars(std::size_t n) {
    return {n, true};
}

std::size_t utf8Chars(std::string_view s) {
    return text::countCodePoints(s); // toml++ has validated the UTF-8 already
}

// A key as it appears in a message: a 8 KB key must not make an 8 KB message.
std::string shown(std::string_view s, std::size_t maxBytes = 64) {
    if (s.size() <= maxBytes) return std::string(s);
    std::size_t cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
        --cut; // never split a UTF-8 character
    return std::string(s.substr(0, cut)) + "...";
}

class TableReader {
public:
    TableReader(const toml::table* table, std::string section, std::string file,
                std::vector<ConfigIssue>& issues)
        : table_(table), section_(std::move(section)), file_(std::move(file)), issues_(issues) {}

    void readString(const char* key, std::string& out, Length limit, bool required = false) {
        const toml::node* n = find(key, required);
        if (!n) return;
        if (const auto* v = n->as_string()) {
            const std::string& value = v->get();
            const std::size_t length = limit.chars ? utf8Chars(value) : value.size();
            if (length > limit.max) {
                // Checked before the value is copied anywhere: a 50 MB hall name never reaches the app.
                fail(n, key,
                     "is " + std::to_string(length) + (limit.chars ? " characters" : " bytes") +
                         " long, at most " + std::to_string(limit.max) + " allowed; shorten it");
                return;
            }
            out = value;
            if (required && out.empty()) fail(n, key, "must not be empty");
        } else {
            fail(n, key, "must be a text value in quotes, e.g. " + std::string(key) + " = \"...\"");
        }
    }

    void readInt(const char* key, int& out, long long min, long long max) {
        const toml::node* n = find(key, false);
        if (!n) return;
        auto v = n->value_exact<int64_t>();
        if (!v) {
            fail(n, key, "must be a whole number");
        } else if (*v < min || *v > max) {
            fail(n, key,
                 "must be between " + std::to_string(min) + " and " + std::to_string(max) + " (found " +
                     std::to_string(*v) + ")");
        } else {
            out = static_cast<int>(*v);
        }
    }

    void readDouble(const char* key, double& out, double min, double max) {
        const toml::node* n = find(key, false);
        if (!n) return;
        auto v = n->value<double>();
        if (!v) {
            fail(n, key, "must be a number");
        } else if (*v < min || *v > max) {
            std::ostringstream msg;
            msg << "must be between " << min << " and " << max << " (found " << *v << ")";
            fail(n, key, msg.str());
        } else {
            out = *v;
        }
    }

    void readBool(const char* key, bool& out) {
        const toml::node* n = find(key, false);
        if (!n) return;
        if (auto v = n->value_exact<bool>())
            out = *v;
        else
            fail(n, key, "must be true or false");
    }

    // One of a fixed set of words.
    void readChoice(const char* key, std::string& out, std::initializer_list<const char*> choices) {
        std::string value = out;
        const size_t before = issues_.size();
        readString(key, value, bytes(32));
        if (issues_.size() != before) return;
        for (const char* c : choices) {
            if (value == c) {
                out = value;
                return;
            }
        }
        std::string list;
        for (const char* c : choices)
            list += (list.empty() ? "" : ", ") + std::string("\"") + c + "\"";
        fail(table_ ? table_->get(key) : nullptr, key,
             "must be one of " + list + " (found \"" + value + "\")");
    }

    // Reports keys present in the table that no read asked for: almost always a typo.
    void reportUnknownKeys() {
        if (!table_) return;
        for (auto&& [k, v] : *table_) {
            if (!known_.count(std::string(k.str()))) {
                issues_.push_back(
                    {file_, static_cast<int>(k.source().begin.line), section_ + "." + shown(k.str()),
                     "unknown key (check the spelling; `kioskctl config init` writes every valid key)"});
            }
        }
    }

    void fail(const toml::node* n, const char* key, const std::string& message) {
        issues_.push_back(
            {file_, n ? static_cast<int>(n->source().begin.line) : 0, section_ + "." + key, message});
    }

private:
    const toml::node* find(const char* key, bool required) {
        known_.insert(key);
        const toml::node* n = table_ ? table_->get(key) : nullptr;
        if (!n && required) {
            issues_.push_back({file_, 0, section_ + "." + key, "is required but missing"});
        }
        return n;
    }

    const toml::table* table_;
    std::string section_;
    std::string file_;
    std::vector<ConfigIssue>& issues_;
    std::set<std::string> known_;
};

// ---------------------------------------------------------------------------------------------
// 1b. preScan
// ---------------------------------------------------------------------------------------------

// toml++ recurses once per part of a dotted key (a.b.c = 1, [a.b.c]): a ~100 KB key of 50,000 parts
// overflows the stack inside the parser, with no message. So before it parses, the text is scanned
// for keys with too many parts, values nested too deeply and overlong lines. Strings and comments
// are skipped (a dot in "https://a.b" is data). The scan only has to be right for text it lets
// through: anything else odd is left for toml++ to report with its own words.
bool preScan(std::string_view text, const std::string& file, std::vector<ConfigIssue>& issues) {
    int line = 1;
    std::size_t lineStart = 0;
    int dots = 0;  // '.' seen since the last character that ends a key part run ('=', '[', ',' ...)
    int depth = 0; // '[' and '{' open
    bool ok = true;
    auto problem = [&](const std::string& message) {
        issues.push_back({file, line, "", message});
        ok = false;
    };
    // Called at every '\n', also inside strings, and at the end of the text.
    auto newline = [&](std::size_t at) {
        if (at - lineStart > kMaxConfigLineBytes) {
            problem("line is " + std::to_string(at - lineStart) + " bytes long, at most " +
                    std::to_string(kMaxConfigLineBytes) + " allowed; is this the kiosk's config file?");
            return false;
        }
        ++line;
        lineStart = at + 1;
        dots = 0;
        return true;
    };
    for (std::size_t i = 0; i < text.size() && ok; ++i) {
        const char c = text[i];
        if (c == '\n') {
            newline(i);
        } else if (c == '#') {
            while (i + 1 < text.size() && text[i + 1] != '\n')
                ++i;
        } else if (c == '"' || c == '\'') {
            const std::string triple(3, c);
            const bool basic = c == '"';
            const bool multi = text.substr(i, 3) == triple;
            std::size_t j = i + (multi ? 3 : 1);
            for (; j < text.size() && ok; ++j) {
                if (basic && text[j] == '\\') {
                    ++j; // an escaped character, whatever it is (a line-ending backslash too)
                    if (j < text.size() && text[j] == '\n') newline(j);
                } else if (text[j] == '\n') {
                    if (!multi) break; // unterminated: toml++ says so
                    newline(j);
                } else if (text[j] == c && (!multi || text.substr(j, 3) == triple)) {
                    if (multi) {
                        j += 2;
                        while (j + 1 < text.size() && text[j + 1] == c) // content may end in quotes
                            ++j;
                    }
                    break;
                }
            }
            // A newline that ended an unterminated string is handled by the outer loop.
            i = (j < text.size() && text[j] == '\n') ? j - 1 : j;
        } else if (c == '.') {
            if (++dots >= kMaxKeyParts)
                problem("a key with more than " + std::to_string(kMaxKeyParts) +
                        " dotted parts; this file holds only [section] and key = value lines");
        } else if (c == '[' || c == '{') {
            dots = 0;
            if (++depth > kMaxNesting)
                problem("values nested more than " + std::to_string(kMaxNesting) +
                        " deep; this file holds only [section] and key = value lines");
        } else if (c == ']' || c == '}') {
            dots = 0;
            depth = std::max(0, depth - 1);
        } else if (c == '=' || c == ',') {
            dots = 0;
        }
    }
    if (ok) newline(text.size()); // the last line, which may have no '\n'
    return ok;
}

std::string resolvePath(const std::string& path, std::string_view baseDir) {
    if (path.empty() || baseDir.empty() || fs::path(path).is_absolute()) return path;
    return (fs::path(baseDir) / path).lexically_normal().string();
}

// "Asia/Shanghai": a path below the zoneinfo directory, nothing that could leave it. Empty when the
// zone is fine; otherwise what is wrong. Without tzdata (no zoneinfo directory at all) the kiosk
// runs at +08:00 and logs a warning (kiosk/HallTime), so only a name tzdata lacks is an error here.
std::string timeZoneProblem(const std::string& zone) {
    const bool wellFormed = !zone.empty() && zone.front() != '/' && zone.find("..") == std::string::npos &&
                            zone.find("//") == std::string::npos && zone.back() != '/' &&
                            std::all_of(zone.begin(), zone.end(), [](char c) {
                                return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' ||
                                       c == '-' || c == '+';
                            });
    if (!wellFormed) return "must be a time zone name such as \"Asia/Shanghai\"";
    const char* env = std::getenv("TZDIR");
    const fs::path dir = env && *env ? env : "/usr/share/zoneinfo";
    std::error_code ec;
    if (fs::is_directory(dir, ec) && !fs::is_regular_file(dir / zone, ec))
        return "unknown time zone (no " + (dir / zone).string() + "); use e.g. \"Asia/Shanghai\"";
    return {};
}

} // namespace

// ---------------------------------------------------------------------------------------------
// 2. parseConfig
// ---------------------------------------------------------------------------------------------

// One reader per TOML table: typed reads, then the table's own cross-field checks; relative paths
// are resolved against baseDir (the config file's directory).
namespace {

// Every top-level key must be one of the sections, and a table.
void checkSections(const toml::table& root, const std::string& file, std::vector<ConfigIssue>& issues) {
    const std::set<std::string> sections = {"terminal", "server",     "idcard",   "printer",
                                            "ui",       "technician", "complaint"};
    for (auto&& [k, v] : root) {
        const std::string name(k.str());
        if (!sections.count(name)) {
            issues.push_back(
                {file, static_cast<int>(k.source().begin.line), shown(name),
                 "unknown section (valid: [terminal] [server] [idcard] [printer] [ui] [technician])"});
        } else if (!v.is_table()) {
            issues.push_back(
                {file, static_cast<int>(k.source().begin.line), shown(name), "must be a [section] table"});
        }
    }
}

void readTerminal(toml::table& root, const std::string& file, std::string_view baseDir, KioskConfig& cfg,
                  std::vector<ConfigIssue>& issues) {
    TableReader r(root["terminal"].as_table(), "terminal", file, issues);
    if (!root["terminal"].as_table())
        issues.push_back({file, 0, "terminal", "section [terminal] is required"});
    r.readString("id", cfg.terminal.id, bytes(kMaxIdBytes), true);
    std::string mode(modeName(cfg.terminal.mode));
    r.readChoice("mode", mode, {"hall", "counter"});
    cfg.terminal.mode = mode == "counter" ? Mode::Counter : Mode::Hall;
    r.readString("hall_name", cfg.terminal.hallName, chars(kMaxNameChars));
    r.readInt("counter", cfg.terminal.counter, 0, 999);
    r.readString("state_dir", cfg.terminal.stateDir, bytes(kMaxPathBytes), true);
    r.readChoice("language", cfg.terminal.language, {"zh-CN", "en"});
    r.readChoice("log_level", cfg.terminal.logLevel, {"error", "warning", "notice", "info", "debug"});
    r.readInt("idle_timeout_s", cfg.terminal.idleTimeoutS, 15, 3600);
    r.readInt("idle_warning_s", cfg.terminal.idleWarningS, 5, 120);
    r.readString("time_zone", cfg.terminal.timeZone, bytes(64));
    r.reportUnknownKeys();
    if (const std::string why = timeZoneProblem(cfg.terminal.timeZone); !why.empty())
        r.fail(root["terminal"]["time_zone"].node(), "time_zone", why);
    // The same rule kiosk-central applies when it issues an enrolment code (config/ConfigRules.h).
    if (!cfg.terminal.id.empty() && !isValidTerminalId(cfg.terminal.id)) {
        r.fail(root["terminal"]["id"].node(), "id", std::string("must be ") + kTerminalIdRule);
    }
    if (cfg.terminal.mode == Mode::Counter && cfg.terminal.counter == 0) {
        r.fail(root["terminal"]["mode"].node(), "counter",
               "a counter pad needs its window number: set counter = N (1..999)");
    }
    if (cfg.terminal.idleWarningS >= cfg.terminal.idleTimeoutS) {
        r.fail(root["terminal"]["idle_warning_s"].node(), "idle_warning_s",
               "must be shorter than idle_timeout_s");
    }
    cfg.terminal.stateDir = resolvePath(cfg.terminal.stateDir, baseDir);
}

void readServer(toml::table& root, const std::string& file, std::string_view baseDir, KioskConfig& cfg,
                std::vector<ConfigIssue>& issues) {
    TableReader r(root["server"].as_table(), "server", file, issues);
    if (!root["server"].as_table()) issues.push_back({file, 0, "server", "section [server] is required"});
    r.readString("url", cfg.server.url, bytes(kMaxUrlBytes), true);
    r.readString("ca_file", cfg.server.caFile, bytes(kMaxPathBytes));
    r.readString("cert_file", cfg.server.certFile, bytes(kMaxPathBytes));
    r.readString("key_file", cfg.server.keyFile, bytes(kMaxPathBytes));
    r.readString("pinned_pubkey", cfg.server.pinnedPubkey, bytes(1024)); // 16 pins of 52 bytes
    r.readInt("connect_timeout_s", cfg.server.connectTimeoutS, 1, 120);
    r.readInt("request_timeout_s", cfg.server.requestTimeoutS, 1, 600);
    r.reportUnknownKeys();
    const std::string urlProblem = serverUrlProblem(cfg.server.url);
    if (!cfg.server.url.empty() && !urlProblem.empty()) {
        r.fail(root["server"]["url"].node(), "url", urlProblem);
    }
    if (!cfg.server.pinnedPubkey.empty() && cfg.server.pinnedPubkey.rfind("sha256//", 0) != 0) {
        r.fail(root["server"]["pinned_pubkey"].node(), "pinned_pubkey", "must look like sha256//BASE64");
    }
    for (std::string* p : {&cfg.server.caFile, &cfg.server.certFile, &cfg.server.keyFile}) {
        *p = resolvePath(*p, baseDir);
    }
}

void readIdcard(toml::table& root, const std::string& file, std::string_view baseDir, KioskConfig& cfg,
                std::vector<ConfigIssue>& issues) {
    TableReader r(root["idcard"].as_table(), "idcard", file, issues);
    r.readString("port", cfg.idcard.port, bytes(kMaxPathBytes));
    r.readInt("baud", cfg.idcard.baud, 1200, 921600);
    r.readInt("poll_interval_ms", cfg.idcard.pollIntervalMs, 50, 5000);
    r.readString("photo_decoder", cfg.idcard.photoDecoder, bytes(kMaxPathBytes));
    r.reportUnknownKeys();
    static const int kBauds[] = {9600, 19200, 38400, 57600, 115200};
    bool baudOk = false;
    for (int b : kBauds)
        baudOk = baudOk || b == cfg.idcard.baud;
    if (!baudOk) {
        r.fail(root["idcard"]["baud"].node(), "baud", "must be 9600, 19200, 38400, 57600 or 115200");
    }
    cfg.idcard.photoDecoder = resolvePath(cfg.idcard.photoDecoder, baseDir);
}

void readPrinter(toml::table& root, const std::string& file, std::string_view /*baseDir*/, KioskConfig& cfg,
                 std::vector<ConfigIssue>& issues) {
    TableReader r(root["printer"].as_table(), "printer", file, issues);
    r.readString("uri", cfg.printer.uri, bytes(kMaxPathBytes + 64)); // serial:PATH?baud=N
    r.readInt("paper_width_mm", cfg.printer.paperWidthMm, 58, 80);
    r.readInt("timeout_ms", cfg.printer.timeoutMs, 100, 60000);
    r.reportUnknownKeys();
    if (cfg.printer.paperWidthMm != 58 && cfg.printer.paperWidthMm != 80) {
        r.fail(root["printer"]["paper_width_mm"].node(), "paper_width_mm", "must be 58 or 80");
    }
    const std::string& u = cfg.printer.uri;
    if (!(u.rfind("usb:", 0) == 0 || u.rfind("serial:", 0) == 0 || u.rfind("tcp://", 0) == 0 ||
          u.rfind("file:", 0) == 0 || u == "none")) {
        r.fail(root["printer"]["uri"].node(), "uri",
               "must start with usb:, serial:, tcp:// or file: (or be \"none\" for no printer)");
    }
}

void readUi(toml::table& root, const std::string& file, std::string_view baseDir, KioskConfig& cfg,
            std::vector<ConfigIssue>& issues) {
    TableReader r(root["ui"].as_table(), "ui", file, issues);
    r.readString("font_path", cfg.ui.fontPath, bytes(kMaxPathBytes));
    r.readInt("font_index", cfg.ui.fontIndex, 0, 16);
    r.readBool("fullscreen", cfg.ui.fullscreen);
    r.readInt("width", cfg.ui.width, 320, 7680);
    r.readInt("height", cfg.ui.height, 240, 7680);
    r.readDouble("text_scale", cfg.ui.textScale, 0.75, 1.3); // every screen is tested across this range
    r.readString("pinyin_dictionary", cfg.ui.pinyinDictionary, bytes(kMaxPathBytes));
    r.reportUnknownKeys();
    cfg.ui.fontPath = resolvePath(cfg.ui.fontPath, baseDir);
    if (!cfg.ui.pinyinDictionary.empty())
        cfg.ui.pinyinDictionary = resolvePath(cfg.ui.pinyinDictionary, baseDir);
}

void readTechnician(toml::table& root, const std::string& file, std::string_view /*baseDir*/,
                    KioskConfig& cfg, std::vector<ConfigIssue>& issues) {
    TableReader r(root["technician"].as_table(), "technician", file, issues);
    r.readString("pin_hash", cfg.technician.pinHash, bytes(256));
    r.reportUnknownKeys();
}

void readComplaint(toml::table& root, const std::string& file, std::string_view /*baseDir*/, KioskConfig& cfg,
                   std::vector<ConfigIssue>& issues) {
    TableReader r(root["complaint"].as_table(), "complaint", file, issues);
    r.readInt("handling_days", cfg.complaint.handlingDays, 1, 60);
    r.reportUnknownKeys();
}

// The text as a TOML table, or nullopt with the reason in issues: too big, refused by preScan, or
// not valid TOML.
std::optional<toml::table> parseToml(std::string_view text, std::string_view fileName,
                                     std::vector<ConfigIssue>& issues) {
    const std::string file(fileName);
    if (text.size() > kMaxConfigFileBytes) {
        issues.push_back({file, 0, "",
                          "is more than " + std::to_string(kMaxConfigFileBytes) +
                              " bytes, the most a config file may be; is this the kiosk's config file?"});
        return std::nullopt;
    }
    if (!preScan(text, file, issues)) return std::nullopt;
    try {
        return toml::parse(text, fileName);
    } catch (const toml::parse_error& err) {
        issues.push_back({file, static_cast<int>(err.source().begin.line), "",
                          "not valid TOML: " + std::string(err.description())});
        return std::nullopt;
    }
}

} // namespace

LoadResult parseConfig(std::string_view text, std::string_view fileName, std::string_view baseDir) {
    LoadResult result;
    std::optional<toml::table> root = parseToml(text, fileName, result.issues);
    if (!root) return result;
    const std::string file(fileName);
    KioskConfig cfg;
    std::vector<ConfigIssue>& issues = result.issues;
    checkSections(*root, file, issues);
    for (auto read :
         {readTerminal, readServer, readIdcard, readPrinter, readUi, readTechnician, readComplaint})
        read(*root, file, baseDir, cfg, issues);
    if (issues.empty()) result.config = std::move(cfg);
    return result;
}

// ---------------------------------------------------------------------------------------------
// 3. loadConfigFile, report
// ---------------------------------------------------------------------------------------------

LoadResult loadConfigFile(const std::string& path) {
    LoadResult r;
    auto problem = [&](const std::string& message) {
        r.issues.push_back({path, 0, "", message});
        return r;
    };
    // O_NONBLOCK: opening a FIFO must not wait for a writer. Type and size come from the open file
    // (fstat), not from the name, so what is checked is what is read.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        const int err = errno;
        if (err == ENOENT)
            return problem("file not found (create one with `kioskctl config init --out " + path + "`)");
        if (err == EACCES) return problem("cannot be read (check its permissions)");
        return problem(std::string("cannot be opened: ") + std::strerror(err));
    }
    struct stat st {};
    std::string text;
    std::string error;
    if (::fstat(fd, &st) != 0) {
        error = std::string("cannot be examined: ") + std::strerror(errno);
    } else if (S_ISDIR(st.st_mode)) {
        error = "is a directory, not a config file; give the file in it (e.g. " +
                (fs::path(path) / "kiosk.toml").string() + ")";
    } else if (!S_ISREG(st.st_mode)) {
        error = "is not a regular file (a device, pipe or socket); give the path of the .toml file";
    } else if (static_cast<std::uint64_t>(st.st_size) > kMaxConfigFileBytes) {
        error = "is " + std::to_string(st.st_size) + " bytes, a config file is at most " +
                std::to_string(kMaxConfigFileBytes) + " bytes; is this the kiosk's config file?";
    } else {
        // At most the cap + 1 bytes, whatever fstat said: a file that grows while it is read stops here
        // and parseConfig reports it as too large.
        text.resize(kMaxConfigFileBytes + 1);
        std::size_t got = 0;
        while (got < text.size()) {
            const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) {
                error = std::string("cannot be read (") + std::strerror(errno) + ")";
                break;
            }
            if (n == 0) break;
            got += static_cast<std::size_t>(n);
        }
        text.resize(got);
    }
    ::close(fd);
    if (!error.empty()) return problem(error);
    std::error_code ec;
    const std::string baseDir = fs::absolute(fs::path(path), ec).parent_path().string();
    return parseConfig(text, path, baseDir);
}

std::string LoadResult::report() const {
    std::string out;
    for (std::size_t n = 0; n < issues.size(); ++n) {
        const ConfigIssue& i = issues[n];
        if (n == kMaxReportedIssues) {
            out += i.file + ": and " + std::to_string(issues.size() - n) +
                   " more problems (fix the ones above first)\n";
            break;
        }
        out += i.file;
        if (i.line > 0) out += ":" + std::to_string(i.line);
        out += ": ";
        if (!i.key.empty()) out += "key '" + i.key + "': ";
        out += i.message + "\n";
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// 4. configTemplate, demoConfig
// ---------------------------------------------------------------------------------------------

namespace {
// A TOML basic string: the hall name is free text from the command line (quotes, backslashes).
std::string tomlQuoted(const std::string& text) {
    std::string out = "\"";
    for (unsigned char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04X", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
}
} // namespace

std::string configTemplate(const TemplateOptions& o) {
    const bool counter = o.mode == Mode::Counter;
    std::ostringstream s;
    s << "# Hall kiosk configuration. Check it with: kioskctl config check THIS_FILE\n"
         "# Relative paths are resolved against the directory of this file.\n\n"
         "[terminal]\n"
         "# The name the central server knows this terminal by (letters, digits, '-', '_').\n"
      << "id = \"" << o.terminalId << "\"\n"
      << "# hall: citizen terminal in the hall; counter: rating pad at a service window.\n"
      << "mode = \"" << modeName(o.mode) << "\"\n"
      << "hall_name = " << tomlQuoted(o.hallName) << "\n"
      << "# Window number (counter mode only).\n"
      << "counter = " << (counter ? o.counter : 0) << "\n"
      << "# Store, keys and certificates live here.\n"
      << "state_dir = \"" << o.stateDir << "\"\n"
      << "# zh-CN or en.\n"
      << "language = \"zh-CN\"\n"
      << "# What the kiosk logs (stderr, or the journal under systemd): error, warning, notice, info, "
         "debug.\n"
      << "log_level = \"info\"\n"
      << "# A citizen session ends after this many idle seconds, after a countdown of idle_warning_s.\n"
      << "idle_timeout_s = 90\n"
      << "idle_warning_s = 20\n"
      << "# Every time shown and printed is in this zone, whatever the machine's TZ (tzdata name).\n"
      << "time_zone = \"Asia/Shanghai\"\n\n"
      << "[server]\n"
      << "url = \"" << o.serverUrl << "\"\n"
      << "# Written by `kioskctl enroll`.\n"
      << "ca_file = \"" << o.stateDir << "/tls/ca.crt\"\n"
      << "cert_file = \"" << o.stateDir << "/tls/client.crt\"\n"
      << "key_file = \"" << o.stateDir << "/tls/client.key\"\n"
      << "# Optional extra check of the server key: \"sha256//BASE64\" (';' between several).\n"
      << "pinned_pubkey = \"\"\n"
      << "connect_timeout_s = 5\n"
      << "request_timeout_s = 15\n\n"
      << "[idcard]\n"
      << "# Serial device of the second-generation ID card reader (GA 467).\n"
      << "port = \"/dev/ttyUSB0\"\n"
      << "baud = 115200\n"
      << "poll_interval_ms = 300\n"
      << "# Optional vendor photo decoder library; empty shows a neutral placeholder.\n"
      << "photo_decoder = \"\"\n\n"
      << "[printer]\n"
      << "# usb:/dev/usb/lp0 | serial:/dev/ttyS0?baud=9600 | tcp://HOST:9100 | file:/path | none\n"
      << "uri = \"" << (counter ? "none" : "usb:/dev/usb/lp0") << "\"\n"
      << "paper_width_mm = 80\n"
      << "timeout_ms = 3000\n\n"
      << "[ui]\n"
      << "font_path = \"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc\"\n"
      << "# Face 2 of NotoSansCJK-Regular.ttc is Simplified Chinese.\n"
      << "font_index = 2\n"
      << "fullscreen = true\n"
      << "# Window size when fullscreen = false.\n"
      << "width = 1280\n"
      << "height = 800\n"
      << "# 0.75 .. 1.3; 1.0 standard. Every screen is tested across this range at every supported size.\n"
      << "# Elder mode (larger text, fewer items per screen) is a per-session switch, not this setting.\n"
      << "text_scale = 1.0\n"
      << "# The pinyin keyboard's dictionary; empty = the one of Debian's libgooglepinyin0. Missing: the\n"
      << "# keyboard offers only 英文, 数字 and 符号 and says pinyin is unavailable.\n"
      << "pinyin_dictionary = \"\"\n\n"
      << "[complaint]\n"
      << "# The handling time limit the receipt promises, in working days (1..60).\n"
      << "handling_days = 15\n\n"
      << "[technician]\n"
      << "# PIN hash for technician mode; empty disables it.\n"
      << "pin_hash = \"\"\n";
    return s.str();
}

KioskConfig demoConfig(const std::string& stateDir, Mode mode) {
    KioskConfig cfg;
    cfg.terminal.id = mode == Mode::Hall ? "DEMO-HALL-01" : "DEMO-COUNTER-03";
    cfg.terminal.mode = mode;
    cfg.terminal.hallName = "青禾区政务服务中心"; // the district the demo data (server/data) describes
    cfg.terminal.counter = mode == Mode::Counter ? 3 : 0;
    cfg.terminal.stateDir = stateDir;
    cfg.server.url = "https://127.0.0.1:0"; // set by the demo launcher once the local server listens
    cfg.idcard.port = "";                   // set to the simulator's pty
    cfg.printer.uri = "none";               // set to the virtual printer's tcp:// address
    cfg.ui.fullscreen = false;
    return cfg;
}

} // namespace kiosk::config
