// KioskConfig — the kiosk's whole configuration, one TOML file (`kiosk --config FILE`).
//
// Sections of this file:
//   1. Value types, one struct per TOML table
//   2. Validation results (ConfigIssue, LoadResult)
//   3. Limits (file size, what the parser can survive, every field's length)
//   4. Loading and writing (loadConfigFile, parseConfig, configTemplate, demoConfig)
//
// Implemented:
//   [x] every key typed, range-checked, unknown keys reported (a typo is an error, not a silent default)
//   [x] every problem reported at once, with file, line, key and a plain-words message
//   [x] relative paths resolved against the config file's directory
//   [x] a commented template (`kioskctl config init`) and the embedded demo defaults
//   [x] bounded: file size, line length, dotted-key parts and nesting checked before toml++ parses
//       (it recurses per dotted part and crashes on 50,000 of them), every text value's length
//   [x] only regular files are read (a directory, /dev/zero or a FIFO is refused, never read forever)
//   [ ] live reload (a technician restarts the kiosk after editing)
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::config {

// ---------------------------------------------------------------------------------------------
// 1. Value types
// ---------------------------------------------------------------------------------------------

enum class Mode { Hall, Counter };

std::string_view modeName(Mode mode);

struct TerminalConfig {
    std::string id;                         // e.g. "HALL-01"; the server knows the terminal by it
    Mode mode = Mode::Hall;                 //
    std::string hallName;                   // shown in the header: "某某区政务服务中心"
    int counter = 0;                        // counter mode: the window number this pad stands at (1..999)
    std::string stateDir;                   // SQLite store, keys, certificates live here
    std::string language = "zh-CN";         // "zh-CN" or "en"
    std::string logLevel = "info";          // least important entry logged: error|warning|notice|info|debug
    int idleTimeoutS = 90;                  // citizen session ends after this much inactivity ...
    int idleWarningS = 20;                  // ... after a visible countdown of this many seconds
    std::string timeZone = "Asia/Shanghai"; // the hall's zone: every time shown or printed is in it
};

struct ServerConfig {
    std::string url;          // https://central.example.gov.cn:8443
    std::string caFile;       // central CA the terminal was enrolled with
    std::string certFile;     // terminal client certificate (from enrolment)
    std::string keyFile;      // its private key (0600)
    std::string pinnedPubkey; // optional "sha256//BASE64[;sha256//...]"
    int connectTimeoutS = 5;
    int requestTimeoutS = 15;
};

struct IdCardConfig {
    std::string port = "/dev/ttyUSB0"; // serial device of the GA 467 reader
    int baud = 115200;
    int pollIntervalMs = 300;
    std::string photoDecoder; // optional vendor library (libwlt2bmp.so style), empty = placeholder photo
};

struct PrinterConfig {
    std::string uri =
        "usb:/dev/usb/lp0"; // usb:/dev/usb/lpN | serial:/dev/ttyS0?baud=9600 | tcp://HOST:9100 | file:/path
    int paperWidthMm = 80;  // 80 or 58
    int timeoutMs = 3000;
};

struct UiConfig {
    std::string fontPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    int fontIndex = 2;      // face 2 of the .ttc is Simplified Chinese
    bool fullscreen = true; // borderless full screen; false = a window of width x height
    int width = 1280;       // window size when not full screen
    int height = 800;       //
    double textScale = 1.0; // 0.75 .. 1.3 (the range every screen is tested at); elder mode is per session
    std::string pinyinDictionary; // the pinyin keyboard's dict_pinyin.dat; empty = libgooglepinyin0's own
};

struct TechnicianConfig {
    std::string pinHash; // from `kioskctl pin hash`; empty = technician mode disabled
};

struct ComplaintConfig {
    int handlingDays = 15; // the handling time limit in working days, on the receipt (12345 practice)
};

struct KioskConfig {
    TerminalConfig terminal;
    ServerConfig server;
    IdCardConfig idcard;
    PrinterConfig printer;
    UiConfig ui;
    TechnicianConfig technician;
    ComplaintConfig complaint;
};

// ---------------------------------------------------------------------------------------------
// 2. Validation results
// ---------------------------------------------------------------------------------------------

struct ConfigIssue {
    std::string file;
    int line = 0; // 0 when the problem is a missing key (no line to point at)
    std::string key;
    std::string message;
};

struct LoadResult {
    std::optional<KioskConfig> config; // set only when there are no issues
    std::vector<ConfigIssue> issues;

    bool ok() const { return config.has_value() && issues.empty(); }
    // "FILE:LINE: key 'a.b': message" lines, one per issue (the first kMaxReportedIssues of them,
    // then one line with how many more).
    std::string report() const;
    static constexpr std::size_t kMaxReportedIssues = 50;
};

// ---------------------------------------------------------------------------------------------
// 3. Limits: what a hall needs, with room to spare. A complete config is about 2 KB.
// ---------------------------------------------------------------------------------------------

inline constexpr std::size_t kMaxConfigFileBytes = 1024 * 1024; // larger files are not read at all
inline constexpr std::size_t kMaxConfigLineBytes = 8192;        // a 4096-byte path and its key fit
inline constexpr int kMaxKeyParts = 16;                         // a.b.c: the schema needs 2 (section.key)
inline constexpr int kMaxNesting = 16;           // [ and { inside each other: the schema needs 1 ([section])
inline constexpr std::size_t kMaxNameChars = 64; // hall_name, in characters (not bytes)
inline constexpr std::size_t kMaxIdBytes = 64;   // terminal id
inline constexpr std::size_t kMaxPathBytes = 4096; // PATH_MAX
inline constexpr std::size_t kMaxUrlBytes = 1024;

// ---------------------------------------------------------------------------------------------
// 4. Loading and writing
// ---------------------------------------------------------------------------------------------

// Reads and validates FILE. A missing, unreadable or oversized file, a directory or a device is one
// issue, not an exception; at most kMaxConfigFileBytes + 1 bytes are ever read.
LoadResult loadConfigFile(const std::string& path);

// Validates TOML text; `fileName` is used in messages, `baseDir` resolves relative paths.
LoadResult parseConfig(std::string_view text, std::string_view fileName, std::string_view baseDir);

struct TemplateOptions {
    Mode mode = Mode::Hall;
    std::string terminalId = "HALL-01";
    std::string serverUrl = "https://127.0.0.1:8443";
    std::string stateDir = "/var/lib/kiosk";
    int counter = 1;
    std::string hallName = "区政务服务中心"; // shown in the header; `kioskctl config init --hall-name`
};

// A complete, commented, valid config file for a technician to start from.
std::string configTemplate(const TemplateOptions& options);

// The demo's embedded defaults: simulated reader, virtual printer, local reference server.
// Device and server fields are filled in by the demo launcher once they are running.
KioskConfig demoConfig(const std::string& stateDir, Mode mode);

} // namespace kiosk::config
