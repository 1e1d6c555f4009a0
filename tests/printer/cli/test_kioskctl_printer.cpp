// kioskctl printer emulate / status / test and kioskctl escpos render, run as real processes: the
// emulator is driven over its stdin, its PNGs are decoded with zbar.
#include "drivers/printer/SlipImage.h"
#include "tests/printer/ZbarDecode.h"

#include <doctest/doctest.h>

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stb_image.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

using namespace kiosk::printer;

namespace {

struct Run {
    int exitCode = -1;
    std::string out;
};

Run run(const std::vector<std::string>& args) {
    std::string cmd = KIOSKCTL_PATH;
    for (const std::string& a : args)
        cmd += " '" + a + "'";
    cmd += " 2>/dev/null";
    Run r;
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p);
    char buf[512];
    while (std::fgets(buf, sizeof buf, p))
        r.out += buf;
    const int st = ::pclose(p);
    r.exitCode = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

// kioskctl printer emulate as a child with pipes on stdin and stdout.
struct Emulator {
    pid_t pid = -1;
    int in = -1, out = -1;
    std::string buffered;

    explicit Emulator(const std::vector<std::string>& args) {
        int toChild[2], fromChild[2];
        REQUIRE(::pipe(toChild) == 0);
        REQUIRE(::pipe(fromChild) == 0);
        pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            ::dup2(toChild[0], 0);
            ::dup2(fromChild[1], 1);
            ::close(toChild[1]);
            ::close(fromChild[0]);
            std::vector<char*> argv{const_cast<char*>(KIOSKCTL_PATH)};
            for (const std::string& a : args)
                argv.push_back(const_cast<char*>(a.c_str()));
            argv.push_back(nullptr);
            ::execv(KIOSKCTL_PATH, argv.data());
            ::_exit(127);
        }
        ::close(toChild[0]);
        ::close(fromChild[1]);
        in = toChild[1];
        out = fromChild[0];
    }
    ~Emulator() {
        if (pid > 0) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
        ::close(in);
        ::close(out);
    }
    // Next stdout line containing `needle`, or "" after the time-out.
    std::string waitLine(const std::string& needle, int ms = 5000) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        for (;;) {
            for (auto nl = buffered.find('\n'); nl != std::string::npos; nl = buffered.find('\n')) {
                std::string line = buffered.substr(0, nl);
                buffered.erase(0, nl + 1);
                if (line.find(needle) != std::string::npos) return line;
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) return "";
            pollfd p{out, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return "";
            char buf[512];
            const ssize_t n = ::read(out, buf, sizeof buf);
            if (n <= 0) return "";
            buffered.append(buf, static_cast<std::size_t>(n));
        }
    }
    void send(const std::string& line) {
        const std::string l = line + "\n";
        REQUIRE(::write(in, l.data(), l.size()) == static_cast<ssize_t>(l.size()));
    }
    int terminate() {
        ::kill(pid, SIGTERM);
        int st = 0;
        ::waitpid(pid, &st, 0);
        pid = -1;
        return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    }
};

SlipImage loadPng(const std::string& path) {
    int w = 0, h = 0, n = 0;
    unsigned char* data = stbi_load(path.c_str(), &w, &h, &n, 1);
    SlipImage img;
    if (!data) return img;
    img.width = w;
    img.height = h;
    img.pixels.assign(data, data + static_cast<std::size_t>(w) * h);
    stbi_image_free(data);
    return img;
}

std::string tempDir(const char* name) {
    const auto dir = std::filesystem::temp_directory_path() /
                     (std::string("kioskctl-printer-") + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

} // namespace

TEST_CASE("emulate on port 0; status follows live paper changes; test slip renders with a scannable QR") {
    const std::string dir = tempDir("emulate");
    Emulator emu({"printer", "emulate", "--listen", "127.0.0.1:0", "--out", dir});
    const std::string listening = emu.waitLine("listening on");
    REQUIRE(!listening.empty());
    const auto at = listening.find("tcp://");
    const std::string uri = listening.substr(at, listening.find(',', at) - at);
    CHECK(uri.find(":0") == std::string::npos);

    Run st = run({"printer", "status", "--printer", uri});
    CHECK(st.exitCode == 0);
    CHECK(st.out.find("\"canPrint\":true") != std::string::npos);

    emu.send("paper out");
    REQUIRE(!emu.waitLine("state: paper out").empty());
    st = run({"printer", "status", "--printer", uri, "--timeout", "1000"});
    CHECK(st.exitCode == 1);
    CHECK(st.out.find("\"paperOut\":true") != std::string::npos);
    CHECK(st.out.find("缺纸") != std::string::npos);
    CHECK(run({"printer", "test", "--printer", uri}).exitCode == 1); // refused before sending

    emu.send("paper near-end");
    REQUIRE(!emu.waitLine("state: paper near-end").empty());
    st = run({"printer", "status", "--printer", uri});
    CHECK(st.exitCode == 0);
    CHECK(st.out.find("\"paperNearEnd\":true") != std::string::npos);

    const Run t = run({"printer", "test", "--printer", uri, "--terminal", "HALL-07"});
    CHECK(t.exitCode == 0);
    const std::string job = emu.waitLine("job 1:");
    REQUIRE(!job.empty());
    const SlipImage img = loadPng(dir + "/job-0001.png");
    REQUIRE(img.width == 608);
    const auto syms = test::zbarDecode(img);
    REQUIRE(syms.size() == 1);
    CHECK(syms[0].data.rfind("KIOSK-PRINTER-TEST HALL-07 ", 0) == 0);

    CHECK(emu.terminate() == 0);
    std::filesystem::remove_all(dir);
}

TEST_CASE("status of an unreachable printer is JSON with exit 1; bad arguments exit 64") {
    const Run st = run({"printer", "status", "--printer", "tcp://127.0.0.1:1", "--timeout", "500"});
    CHECK(st.exitCode == 1);
    CHECK(st.out.find("\"canPrint\":false") != std::string::npos);
    CHECK(run({"printer", "status"}).exitCode == 64);
    CHECK(run({"printer", "emulate", "--listen", "nohostport", "--out", "/tmp"}).exitCode == 64);
    CHECK(
        run({"printer", "emulate", "--listen", "127.0.0.1:0", "--out", "/tmp", "--paper", "low"}).exitCode ==
        64);
    CHECK(run({"escpos", "render", "--in", "/nonexistent"}).exitCode == 64);
}

TEST_CASE("a file: capture of the test slip renders with escpos render at 58 mm") {
    const std::string dir = tempDir("render");
    CHECK(run({"printer", "test", "--printer", "file:" + dir + "/cap.bin", "--paper-width", "58",
               "--terminal", "HALL-58"})
              .exitCode == 0);
    const Run r =
        run({"escpos", "render", "--in", dir + "/cap.bin", "--out", dir + "/cap.png", "--paper-width", "58"});
    CHECK(r.exitCode == 0);
    const SlipImage img = loadPng(dir + "/cap.png");
    CHECK(img.width == 384 + 32);
    const auto syms = test::zbarDecode(img);
    REQUIRE(syms.size() == 1);
    CHECK(syms[0].data.find("HALL-58") != std::string::npos);
    std::filesystem::remove_all(dir);
}
