// kioskctl printer — receipt printer tools for technicians.
//
//   printer test    --printer URI [--paper-width 80|58] [--terminal ID] [--timeout MS]
//   printer status  --printer URI [--timeout MS]          JSON on stdout; exit 1 when it cannot print
//   printer emulate --listen HOST:PORT --out DIR [--paper ok|near-end|out] [--paper-width 80|58]
//                   [--font PATH] [--face N]               virtual printer until SIGINT/SIGTERM; stdin
//                   lines "paper ok|near-end|out", "cover open|closed", "status on|off" change it live
//
// Sections: options · test · status · emulate · command tree.
// Checklist: [x] test slip (terminal id, time, Chinese line, QR)  [x] status JSON + exit code
//            [x] emulate with live paper state  [ ] printing a slip template from sample data
#include "tools/kioskctl/Commands.h"

#include "drivers/printer/EscposEncoder.h"
#include "drivers/printer/PrinterTransport.h"
#include "drivers/printer/VirtualPrinter.h"

#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>
#include <mutex>
#include <string>

using namespace kiosk::printer;

namespace {

// ---- options ----
struct PrinterOptions {
    std::string printer, terminal;
    int paperWidth = 80, timeoutMs = 3000;
    // emulate
    std::string listen, out, paper = "ok", font;
    int face = -1; // -1: the render default
};

std::string nowText() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    return buf;
}

std::string hostName() {
    char buf[128] = {};
    if (::gethostname(buf, sizeof buf - 1) != 0) return "unknown";
    return buf;
}

// ---- test ----

int runTest(const PrinterOptions& o) {
    const int width = o.paperWidth, timeout = o.timeoutMs;
    const std::string terminal = o.terminal.empty() ? hostName() : o.terminal;
    const std::string when = nowText();

    Receipt r;
    r.title("打印测试");
    r.separator();
    r.row("终端编号", terminal);
    r.row("打印时间", when);
    r.row("纸宽", std::to_string(width) + " mm");
    r.text("政务服务自助终端打印机测试：中文显示正常。");
    r.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789");
    r.qr("KIOSK-PRINTER-TEST " + terminal + " " + when, 6);
    r.text("扫描上方二维码应显示终端编号和时间", TextStyle{Align::Center});
    EncodeOptions eo;
    eo.paperWidthMm = width;
    const EncodeResult enc = encodeReceipt(r, eo);
    for (const EncodeIssue& i : enc.issues)
        std::fprintf(stderr, "warning: %s\n", i.what.c_str());

    try {
        auto t = openPrinterTransport(o.printer, timeout);
        if (t->canReadStatus()) {
            const PrinterStatus before = queryStatus(*t, timeout);
            if (!before.canPrint()) {
                std::fprintf(stderr, "%s\nnot printed: %s\n", before.citizenMessageZh().c_str(),
                             before.technicianDetail().c_str());
                return 1;
            }
        }
        t->write(enc.bytes);
        if (t->canReadStatus()) {
            const PrinterStatus after = queryStatus(*t, timeout);
            if (!after.canPrint()) {
                std::fprintf(stderr, "%s\nafter printing: %s\n", after.citizenMessageZh().c_str(),
                             after.technicianDetail().c_str());
                return 1;
            }
        }
    } catch (const TransportError& e) {
        std::fprintf(stderr, "打印机无法连接。\n%s\n", e.what());
        return 1;
    }
    std::printf("test slip sent to %s (%zu bytes, terminal %s, %s)\n", o.printer.c_str(), enc.bytes.size(),
                terminal.c_str(), when.c_str());
    return 0;
}

// ---- status ----

int runStatus(const PrinterOptions& o) {
    const int timeout = o.timeoutMs;
    try {
        auto t = openPrinterTransport(o.printer, timeout);
        if (!t->canReadStatus()) {
            std::printf(
                "{\"statusSupported\":false,\"canPrint\":true,\"detail\":\"capture file: no status\"}\n");
            return 0;
        }
        const PrinterStatus s = queryStatus(*t, timeout);
        std::string json = statusToJson(s);
        json.insert(1, "\"statusSupported\":true,");
        std::printf("%s\n", json.c_str());
        return s.canPrint() ? 0 : 1;
    } catch (const TransportError& e) {
        std::string detail = e.what();
        for (char& c : detail)
            if (c == '"' || c == '\\') c = '\'';
        std::printf("{\"statusSupported\":true,\"answered\":false,\"canPrint\":false,"
                    "\"messageZh\":\"打印机无法连接，请联系工作人员。\",\"detail\":\"%s\"}\n",
                    detail.c_str());
        return 1;
    }
}

// ---- emulate ----

bool splitHostPort(const std::string& s, std::string& host, int& port) {
    std::string portText;
    if (!s.empty() && s[0] == '[') {
        const auto close = s.find("]:");
        if (close == std::string::npos) return false;
        host = s.substr(1, close - 1);
        portText = s.substr(close + 2);
    } else {
        const auto colon = s.rfind(':');
        if (colon == std::string::npos) return false;
        host = s.substr(0, colon);
        portText = s.substr(colon + 1);
    }
    if (host.empty() || portText.empty() || portText.size() > 5 ||
        portText.find_first_not_of("0123456789") != std::string::npos)
        return false;
    port = std::stoi(portText);
    return port <= 65535;
}

void applyControlLine(VirtualPrinter& vp, const std::string& line) {
    PaperState p;
    if (line.rfind("paper ", 0) == 0 && parsePaperState(line.substr(6), p))
        vp.setPaper(p);
    else if (line == "cover open" || line == "cover closed")
        vp.setCoverOpen(line == "cover open");
    else if (line == "status on" || line == "status off")
        vp.setAnswersStatus(line == "status on");
    else if (!line.empty()) {
        std::fprintf(stderr,
                     "unknown control line '%s' (paper ok|near-end|out, cover open|closed, status on|off)\n",
                     line.c_str());
        return;
    }
    if (!line.empty()) {
        std::printf("state: %s\n", line.c_str());
        std::fflush(stdout);
    }
}

int runEmulate(const PrinterOptions& o) {
    VirtualPrinterOptions opt;
    if (!splitHostPort(o.listen, opt.listenHost, opt.port)) {
        std::fprintf(stderr,
                     "kioskctl printer emulate: --listen must be HOST:PORT (PORT 0 picks a free one)\n");
        return kioskctl::kExitUsage;
    }
    opt.outDir = o.out;
    if (!parsePaperState(o.paper, opt.paper)) {
        std::fprintf(stderr, "kioskctl printer emulate: --paper must be ok, near-end or out\n");
        return kioskctl::kExitUsage;
    }
    opt.render.paperWidthMm = o.paperWidth;
    if (o.face >= 0) opt.render.fontFaceIndex = o.face;
    if (!o.font.empty()) opt.render.fontPath = o.font;
    if (::access(opt.outDir.c_str(), W_OK) != 0) {
        std::fprintf(stderr, "kioskctl printer emulate: cannot write to %s: %s\n", opt.outDir.c_str(),
                     std::strerror(errno));
        return kioskctl::kExitCantCreate;
    }

    // Block SIGINT/SIGTERM before threads start so they arrive on the signalfd only.
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, nullptr);
    const int sfd = ::signalfd(-1, &sigs, SFD_CLOEXEC);

    std::mutex outMutex;
    VirtualPrinter vp(opt, [&](const RenderedJob& j) {
        std::lock_guard lock(outMutex);
        if (j.printed)
            std::printf("job %d: %s (%zu bytes%s)\n", j.number,
                        j.pngPath.empty() ? "(not written)" : j.pngPath.c_str(), j.bytes,
                        j.endedByCut ? "" : ", no cut");
        else
            std::printf("job %d: not printed (%zu bytes)\n", j.number, j.bytes);
        for (const std::string& w : j.warnings)
            std::printf("  warning: %s\n", w.c_str());
        std::fflush(stdout);
    });
    try {
        vp.start();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kioskctl printer emulate: %s\n", e.what());
        return kioskctl::kExitUnavailable;
    }
    {
        std::lock_guard lock(outMutex);
        std::printf("listening on %s, paper %s, slips in %s\n", vp.uri().c_str(), o.paper.c_str(),
                    opt.outDir.c_str());
        std::fflush(stdout);
    }
    std::string pendingLine;
    bool stdinOpen = true;
    for (;;) {
        pollfd fds[2] = {{sfd, POLLIN, 0}, {stdinOpen ? 0 : -1, POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (fds[0].revents & POLLIN) break;
        if (fds[1].revents & (POLLIN | POLLHUP)) {
            char buf[256];
            const ssize_t n = ::read(0, buf, sizeof buf);
            if (n <= 0) {
                stdinOpen = false;
                continue;
            }
            pendingLine.append(buf, static_cast<std::size_t>(n));
            for (auto nl = pendingLine.find('\n'); nl != std::string::npos; nl = pendingLine.find('\n')) {
                std::lock_guard lock(outMutex);
                applyControlLine(vp, pendingLine.substr(0, nl));
                pendingLine.erase(0, nl + 1);
            }
        }
    }
    vp.stop();
    std::printf("stopped after %d job(s)\n", vp.jobsReceived());
    ::close(sfd);
    return 0;
}

} // namespace

// ---- command tree ----

void kioskctl::addPrinterCommand(CLI::App& root, int* exitCode) {
    CLI::App* printer = root.add_subcommand("printer", "receipt printer tools");
    printer->require_subcommand(1);
    printer->footer("URI: usb:/dev/usb/lp0 | serial:/dev/ttyS0?baud=9600 | tcp://HOST:9100 | file:/path");
    auto o = std::make_shared<PrinterOptions>(); // one subcommand runs per process: they can share it
    auto uriOption = [&](CLI::App* cmd) {
        cmd->add_option("--printer", o->printer, "printer URI (see `kioskctl printer --help`)")->required();
        cmd->add_option("--timeout", o->timeoutMs, "time-out in ms")
            ->check(CLI::Range(1, 600000))
            ->capture_default_str();
    };
    auto widthOption = [&](CLI::App* cmd) {
        cmd->add_option("--paper-width", o->paperWidth, "paper width in mm")
            ->check(CLI::IsMember({80, 58}))
            ->capture_default_str();
    };

    CLI::App* test =
        printer->add_subcommand("test", "print a test slip (terminal id, time, Chinese line, QR code)");
    uriOption(test);
    widthOption(test);
    test->add_option("--terminal", o->terminal, "terminal id printed on the slip (default: host name)");
    test->footer(
        "Exit codes: 0 printed; 1 the printer cannot print or cannot be reached; 64 bad command line.");
    test->callback([o, exitCode] { *exitCode = runTest(*o); });

    CLI::App* status = printer->add_subcommand("status", "the printer's status as JSON on stdout");
    uriOption(status);
    status->footer(
        "Exit codes: 0 it can print; 1 it cannot (paper out, cover open, unreachable: see the JSON); "
        "64 bad command line.");
    status->callback([o, exitCode] { *exitCode = runStatus(*o); });

    CLI::App* emulate = printer->add_subcommand(
        "emulate", "a virtual printer until SIGINT/SIGTERM; stdin lines \"paper ok|near-end|out\", \"cover "
                   "open|closed\", \"status on|off\" change it live");
    emulate->add_option("--listen", o->listen, "HOST:PORT to listen on (PORT 0 picks a free one)")
        ->required();
    emulate->add_option("--out", o->out, "directory for the slip PNGs")->required();
    emulate->add_option("--paper", o->paper, "paper state at start: ok, near-end or out")
        ->capture_default_str();
    widthOption(emulate);
    emulate->add_option("--font", o->font, "font file for rendering");
    emulate->add_option("--face", o->face, "face index inside a .ttc")->check(CLI::Range(0, 64));
    emulate->footer(
        "Exit codes: 0 stopped by a signal; 64 bad command line; 69 cannot listen; 73 cannot write "
        "to --out.");
    emulate->callback([o, exitCode] { *exitCode = runEmulate(*o); });
}
