// Config files that are too big, too deep or not files at all (issue 8.14): each is one clear issue
// naming the file and the fix, never a crash inside toml++, a hang, or a value the app then chokes on.
//
// Sections: pre-scan (dotted keys, nesting, lines) | field lengths | what loadConfigFile will read
#include "config/KioskConfig.h"
#include "tests/server/TempDir.h"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <chrono>
#include <fstream>

using namespace kiosk::config;

namespace {

const std::string kValid = "[terminal]\n"
                           "id = \"HALL-07\"\n"
                           "state_dir = \"/var/lib/kiosk\"\n"
                           "[server]\n"
                           "url = \"https://central.example:8443\"\n";

std::string repeat(const std::string& s, size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (size_t i = 0; i < n; ++i)
        out += s;
    return out;
}

// The only issue, checked for its line and words.
void requireOneIssue(const LoadResult& r, int line, const std::string& words) {
    REQUIRE_MESSAGE(r.issues.size() == 1, r.report());
    CHECK(r.issues[0].line == line);
    CHECK_MESSAGE(r.issues[0].message.find(words) != std::string::npos, r.issues[0].message);
    CHECK_FALSE(r.config.has_value());
}

bool hasLengthIssue(const LoadResult& r, const std::string& key) {
    for (const auto& i : r.issues)
        if (i.key == key && i.message.find("long, at most") != std::string::npos) return true;
    return false;
}

} // namespace

// ---- pre-scan ----

TEST_CASE("a dotted key of 50,000 parts is reported, not a crash inside the parser") {
    // ~100 KB: toml++ recursed once per part and overflowed the stack (SIGSEGV, no message).
    const std::string key = "a" + repeat(".a", 49999);
    requireOneIssue(parseConfig(kValid + key + " = 1\n", "deep.toml", ""), 6, "more than 16 dotted parts");
    requireOneIssue(parseConfig("[" + key + "]\n", "hdr.toml", ""), 1, "more than 16 dotted parts");
    requireOneIssue(parseConfig("x = { " + key + " = 1 }\n", "inl.toml", ""), 1, "more than 16 dotted parts");
    requireOneIssue(parseConfig("\"q\"" + repeat(".\"q\"", 20) + " = 1\n", "quoted.toml", ""), 1,
                    "dotted parts");
}

TEST_CASE("up to 16 dotted parts reach the parser, and dots in strings and comments are data") {
    // 16 parts: not the pre-scan's business; the schema then says what is wrong.
    const LoadResult sixteen = parseConfig(kValid + "terminal" + repeat(".x", 15) + " = 1\n", "k.toml", "");
    for (const auto& i : sixteen.issues)
        CHECK(i.message.find("dotted parts") == std::string::npos);
    CHECK_FALSE(sixteen.ok());

    const std::string dots = repeat("a.", 20); // 20 dots, 40 bytes: fits hall_name
    std::string text = kValid;
    text.insert(text.find("state_dir"), "hall_name = \"" + dots + "\" # " + dots + "\n");
    text += "ca_file = '" + dots + "'\n";
    text += "pinned_pubkey = \"\"\"\nx" + dots + "\"\\\"\n" + dots + "\"\"\"\n";
    text += "# " + dots + "\n";
    text += "[ui]\nfont_path = '''" + dots + "\n" + dots + "'''\ntext_scale = 1.25\n";
    const LoadResult r = parseConfig(text, "dots.toml", "");
    // Only the pinned_pubkey format is wrong (it must start with sha256//): nothing about dots.
    REQUIRE_MESSAGE(r.issues.size() == 1, r.report());
    CHECK(r.issues[0].key == "server.pinned_pubkey");
}

TEST_CASE("values nested deeper than 16 are reported before parsing") {
    requireOneIssue(parseConfig(kValid + "x = " + repeat("[", 5000) + repeat("]", 5000) + "\n", "n.toml", ""),
                    6, "nested more than 16");
    requireOneIssue(parseConfig("x = " + repeat("{a=", 3000) + "1" + repeat("}", 3000) + "\n", "m.toml", ""),
                    1, "nested more than 16");
    // Brackets inside strings do not count.
    std::string text = kValid;
    text.insert(text.find("state_dir"), "hall_name = \"" + repeat("[{", 20) + "\"\n");
    const LoadResult ok = parseConfig(text, "s.toml", "");
    CHECK_MESSAGE(ok.ok(), ok.report());
}

TEST_CASE("an overlong line is reported with its number") {
    std::string text = kValid + "# " + repeat("x", 9000) + "\n";
    requireOneIssue(parseConfig(text, "long.toml", ""), 6, "at most 8192 allowed");
    // Also as the last line without a newline, and inside a multi-line string.
    requireOneIssue(parseConfig(kValid + "x = 1 # " + repeat("y", 9000), "last.toml", ""), 6, "bytes long");
    requireOneIssue(
        parseConfig(kValid + "x = \"\"\"\nok\n" + repeat("z", 9000) + "\n\"\"\"\n", "ml.toml", ""), 8,
        "bytes long");
}

TEST_CASE("text larger than the cap is not parsed") {
    const std::string text = kValid + "# " + repeat("x", 100) + "\n";
    std::string big;
    while (big.size() <= kMaxConfigFileBytes)
        big += text;
    const LoadResult r = parseConfig(big, "big.toml", "");
    requireOneIssue(r, 0, "more than 1048576 bytes");
}

// ---- field lengths ----

TEST_CASE("every text value is bounded, names in characters and paths in bytes") {
    struct Field {
        const char* section;
        const char* key;
        size_t max;
        bool chars;
    };
    const Field fields[] = {
        {"terminal", "id", kMaxIdBytes, false},
        {"terminal", "hall_name", kMaxNameChars, true},
        {"terminal", "state_dir", kMaxPathBytes, false},
        {"terminal", "mode", 32, false},
        {"terminal", "language", 32, false},
        {"server", "url", kMaxUrlBytes, false},
        {"server", "ca_file", kMaxPathBytes, false},
        {"server", "cert_file", kMaxPathBytes, false},
        {"server", "key_file", kMaxPathBytes, false},
        {"server", "pinned_pubkey", 1024, false},
        {"idcard", "port", kMaxPathBytes, false},
        {"idcard", "photo_decoder", kMaxPathBytes, false},
        {"printer", "uri", kMaxPathBytes + 64, false},
        {"ui", "font_path", kMaxPathBytes, false},
        {"technician", "pin_hash", 256, false},
    };
    for (const Field& f : fields) {
        CAPTURE(f.key);
        // "区" is 3 bytes: a character limit must count it once, a byte limit three times.
        const std::string unit = f.chars ? "区" : "a";
        auto config = [&](size_t n) {
            std::string t = "[terminal]\nstate_dir = \"/s\"\n[server]\nurl = \"https://c\"\n";
            const std::string line = std::string(f.key) + " = \"" + repeat(unit, n) + "\"\n";
            const std::string header = "[" + std::string(f.section) + "]\n";
            const size_t at = t.find(header);
            if (at == std::string::npos)
                t += header + line;
            else
                t.insert(at + header.size(), line);
            // A required key given twice would be a TOML error: drop the default one.
            if (std::string(f.key) == "state_dir") t.erase(t.find("state_dir = \"/s\"\n"), 17);
            if (std::string(f.key) == "url") t.erase(t.find("url = \"https://c\"\n"), 18);
            return parseConfig(t, "len.toml", "");
        };
        CHECK_FALSE(hasLengthIssue(config(f.max), std::string(f.section) + "." + f.key));
        const LoadResult over = config(f.max + 1);
        CHECK_MESSAGE(hasLengthIssue(over, std::string(f.section) + "." + f.key), over.report());
    }
}

TEST_CASE("an overlong hall name is refused with its line and the fix") {
    std::string text = kValid;
    text.insert(text.find("state_dir"), "hall_name = \"" + repeat("区", 300) + "\"\n");
    const LoadResult r = parseConfig(text, "hall.toml", "");
    REQUIRE(r.issues.size() == 1);
    CHECK(r.report() ==
          "hall.toml:3: key 'terminal.hall_name': is 300 characters long, at most 64 allowed; shorten it\n");
}

TEST_CASE("a huge unknown key is shown shortened, and a flood of issues is reported in bounded form") {
    const std::string key(5000, 'k');
    const LoadResult r = parseConfig(kValid + key + " = 1\n", "key.toml", "");
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].key.size() < 80);

    std::string many = "[terminal]\n";
    for (int i = 0; i < 500; ++i)
        many += "k" + std::to_string(i) + " = 1\n";
    const LoadResult flood = parseConfig(many, "many.toml", "");
    CHECK(flood.issues.size() > 500); // every problem is still counted ...
    const std::string report = flood.report();
    size_t lines = 0;
    for (char c : report)
        lines += c == '\n';
    CHECK(lines == LoadResult::kMaxReportedIssues + 1); // ... but the report stays readable
    CHECK(report.find("more problems") != std::string::npos);
}

// ---- what loadConfigFile will read ----

TEST_CASE("a directory, a device and a FIFO are named for what they are, without reading them") {
    kiosk::testing::TempDir dir("cfglimits");
    const LoadResult d = loadConfigFile(dir.path());
    requireOneIssue(d, 0, "is a directory");
    CHECK(d.issues[0].message.find(dir.path() + "/kiosk.toml") != std::string::npos);

    const auto t0 = std::chrono::steady_clock::now();
    requireOneIssue(loadConfigFile("/dev/zero"), 0, "not a regular file");
    const std::string fifo = dir / "fifo.toml";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    requireOneIssue(loadConfigFile(fifo), 0, "not a regular file"); // opening it did not wait for a writer
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
}

TEST_CASE("a file over the cap is refused before it is read; a file at the cap is read") {
    kiosk::testing::TempDir dir("cfgsize");
    const std::string path = dir / "big.toml";
    {
        std::ofstream f(path, std::ios::binary);
        f << kValid << "hall_name = \"" << repeat("x", 50 * 1024 * 1024) << "\"\n";
    }
    const LoadResult big = loadConfigFile(path);
    requireOneIssue(big, 0, "at most 1048576 bytes");
    CHECK(big.report().rfind(path + ": is ", 0) == 0);

    const std::string fits = dir / "fits.toml";
    {
        std::ofstream f(fits, std::ios::binary);
        std::string text = kValid;
        while (text.size() + 101 <= kMaxConfigFileBytes)
            text += "# " + repeat("c", 98) + "\n";
        f << text;
    }
    const LoadResult ok = loadConfigFile(fits);
    CHECK_MESSAGE(ok.ok(), ok.report());
}
