// kioskctl idcard — the technician's ID card reader tool.
//
// Sections: argument parsing · `read` · `status` · `simulate` (pty simulator driven from stdin) · dispatch.
// Checklist:
//   [x] read --port PATH [--baud N] [--timeout-ms N] [--json] [--unmasked] [--fingerprint] [--poll-ms N]
//       [--photo-decoder LIB]: one JSON object; exit 0 card, 2 no card before the time-out, 3 device or
//       protocol error (message on stderr, Chinese + technician detail, no personal data)
//   [x] status --port PATH [--baud N] [--json]: SAM status and SAM id
//   [x] simulate [--cards FILE] [--link PATH] [--pace-baud N] [--keep-answering] [--present NAME]
//   [--no-stdin]:
//       first stdout line is the pty path (flushed); stdin commands: present NAME, remove, fault SPEC, list,
//       state, unplug, replug, quit; exits cleanly on EOF (unless --no-stdin), SIGTERM, SIGINT
#include "drivers/serial/SerialLine.h"
#include "tools/kioskctl/Commands.h"

#include "drivers/idcard/IdCard.h"
#include "drivers/idcard/ReaderService.h"
#include "drivers/idcard/ReaderSession.h"
#include "drivers/idcard/ReaderSimulator.h"
#include "drivers/idcard/SerialPort.h"
#include "drivers/idcard/SimCardSet.h"

#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <optional>
#include <poll.h>
#include <string>
#include <sys/signalfd.h>
#include <unistd.h>
#include <vector>

namespace ic = kiosk::idcard;

namespace {

constexpr int kExitCard = 0;
constexpr int kExitNoCard = 2;
constexpr int kExitDevice = 3;
constexpr int kExitUsage = 64;

struct Args {
    std::vector<std::string> positional;
    std::vector<std::pair<std::string, std::string>> options; // --name value ("" for flags)
    bool has(const std::string& name) const {
        for (const auto& o : options)
            if (o.first == name) return true;
        return false;
    }
    std::string get(const std::string& name, const std::string& dflt = "") const {
        for (const auto& o : options)
            if (o.first == name) return o.second;
        return dflt;
    }
};

// Options that take a value; everything else starting with "--" is a flag.
bool takesValue(const std::string& name) {
    static const char* kValued[] = {"--port",  "--baud", "--timeout-ms", "--poll-ms", "--photo-decoder",
                                    "--cards", "--link", "--pace-baud",  "--present"};
    for (const char* v : kValued)
        if (name == v) return true;
    return false;
}

std::optional<Args> parseArgs(int argc, char** argv, int from, std::string& error) {
    Args a;
    for (int i = from; i < argc; ++i) {
        std::string s = argv[i];
        if (s.rfind("--", 0) == 0) {
            std::string value;
            if (auto eq = s.find('='); eq != std::string::npos) {
                value = s.substr(eq + 1);
                s = s.substr(0, eq);
            } else if (takesValue(s)) {
                if (i + 1 >= argc) {
                    error = s + " needs a value";
                    return std::nullopt;
                }
                value = argv[++i];
            }
            a.options.emplace_back(s, value);
        } else {
            a.positional.push_back(s);
        }
    }
    return a;
}

bool parseInt(const std::string& s, int& out) {
    if (s.empty()) return false;
    char* end = nullptr;
    const long v = std::strtol(s.c_str(), &end, 10);
    if (*end != '\0' || v < 0 || v > 100000000) return false;
    out = static_cast<int>(v);
    return true;
}

void usage(FILE* out) {
    std::fprintf(
        out, "usage:\n"
             "  kioskctl idcard read --port PATH [--baud N] [--timeout-ms N] [--json] [--unmasked]\n"
             "                       [--fingerprint] [--poll-ms N] [--photo-decoder LIB]\n"
             "  kioskctl idcard status --port PATH [--baud N] [--json]\n"
             "  kioskctl idcard simulate [--cards FILE] [--link PATH] [--pace-baud N] [--keep-answering]\n"
             "                           [--present NAME] [--no-stdin]\n"
             "exit codes (read): 0 card read, 2 no card before the time-out, 3 device or protocol error\n");
}

void printError(const ic::ReaderError& e) {
    std::fprintf(stderr, "kioskctl idcard: %s (%s: %s)\n", e.messageZh.c_str(), ic::errorKindName(e.kind),
                 e.detail.c_str());
}

// ---- read -------------------------------------------------------------------------------------------

int runRead(const Args& a) {
    ic::ReaderSettings s;
    s.port = a.get("--port");
    int timeoutMs = 10000;
    if (s.port.empty() || !parseInt(a.get("--baud", "115200"), s.baud) ||
        !parseInt(a.get("--timeout-ms", "10000"), timeoutMs) ||
        !parseInt(a.get("--poll-ms", "300"), s.pollIntervalMs)) {
        usage(stderr);
        return kExitUsage;
    }
    if (!kiosk::serial::baudToSpeed(s.baud)) {
        std::fprintf(stderr, "kioskctl idcard: unsupported baud rate %d\n", s.baud);
        return kExitUsage;
    }
    s.readFingerprint = a.has("--fingerprint");
    s.photoDecoderPath = a.get("--photo-decoder");
    s.reconnectIntervalMs = 500;

    std::mutex mu;
    std::condition_variable cv;
    std::optional<ic::IdCard> card;
    std::optional<ic::ReaderError> failure;
    bool decoderFailed = false;

    ic::ReaderService service(s, [&](const ic::ReaderEvent& ev) {
        std::lock_guard lock(mu);
        if (card || failure) return;
        if (auto* p = std::get_if<ic::CardPresented>(&ev)) {
            card = p->card;
        } else if (auto* f = std::get_if<ic::ReaderFault>(&ev)) {
            if (f->error.kind == ic::ErrorKind::PhotoDecoderFailed) {
                decoderFailed = true;
                printError(f->error); // a warning: the card is still read
                return;
            }
            failure = f->error;
        } else if (auto* d = std::get_if<ic::ReaderDisconnected>(&ev)) {
            failure = ic::makeError(ic::ErrorKind::Disconnected, d->detail);
            failure->messageZh = "无法连接身份证读卡器，请联系工作人员";
        }
        cv.notify_all();
    });
    service.setWanted(true);
    service.start();
    std::unique_lock lock(mu);
    cv.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] { return card || failure; });
    lock.unlock();
    service.stop();
    (void)decoderFailed;

    if (card) {
        std::string json = ic::cardToJson(*card, a.has("--unmasked"), a.has("--json") ? -1 : 2);
        std::fprintf(stdout, "%s\n", json.c_str());
        std::fflush(stdout);
        ic::wipeString(json);
        card->wipe();
        return kExitCard;
    }
    if (failure) {
        printError(*failure);
        return kExitDevice;
    }
    std::fprintf(stderr, "kioskctl idcard: 未检测到证件 (no card within %d ms)\n", timeoutMs);
    return kExitNoCard;
}

// ---- status -----------------------------------------------------------------------------------------

int runStatus(const Args& a) {
    const std::string path = a.get("--port");
    int baud = 115200;
    if (path.empty() || !parseInt(a.get("--baud", "115200"), baud)) {
        usage(stderr);
        return kExitUsage;
    }
    ic::SerialPort port;
    std::string err;
    if (!port.open(path, baud, err)) {
        printError(ic::makeError(ic::ErrorKind::PortOpenFailed, err));
        return kExitDevice;
    }
    ic::ReaderSession session(port);
    auto st = session.samStatus();
    if (!st) {
        printError(st.error());
        return kExitDevice;
    }
    auto id = session.samId();
    if (!id) {
        printError(id.error());
        return kExitDevice;
    }
    if (a.has("--json"))
        std::printf("{\"port\":\"%s\",\"sam_status\":\"ok\",\"sam_id\":\"%s\"}\n", path.c_str(),
                    id.value().c_str());
    else
        std::printf("port: %s\nsam_status: ok (SW 00 00 90)\nsam_id: %s\n", path.c_str(), id.value().c_str());
    return 0;
}

// ---- simulate ---------------------------------------------------------------------------------------

void reply(const std::string& line) {
    std::fprintf(stdout, "%s\n", line.c_str());
    std::fflush(stdout);
}

std::string handleCommand(ic::ReaderSimulator& sim, const std::string& line, bool& quit) {
    const auto sp = line.find(' ');
    const std::string verb = line.substr(0, sp);
    const std::string rest = sp == std::string::npos ? "" : line.substr(sp + 1);
    if (verb == "present") {
        if (sim.present(rest)) return "ok present " + rest;
        return "error: unknown card '" + rest + "'";
    }
    if (verb == "remove") {
        sim.remove();
        return "ok remove";
    }
    if (verb == "fault") {
        std::string err;
        auto f = ic::parseSimFault(rest, err);
        if (!f) return "error: " + err;
        sim.setFault(*f);
        return "ok fault " + ic::describeSimFault(*f);
    }
    if (verb == "list") {
        std::string s = "ok cards";
        for (const auto& n : sim.cardNames())
            s += " " + n;
        return s;
    }
    if (verb == "state") {
        auto c = sim.presentCard();
        return "ok card=" + (c ? *c : std::string("none")) + " fault=" + ic::describeSimFault(sim.fault()) +
               " port=" + sim.portPath();
    }
    if (verb == "unplug") {
        sim.unplug();
        return "ok unplug";
    }
    if (verb == "replug") {
        std::string err;
        if (!sim.replug(err)) return "error: " + err;
        return "ok replug " + sim.portPath();
    }
    if (verb == "quit" || verb == "exit") {
        quit = true;
        return "ok quit";
    }
    if (verb.empty()) return "";
    return "error: unknown command '" + verb +
           "' (present NAME, remove, fault SPEC, list, state, unplug, "
           "replug, quit)";
}

int runSimulate(const Args& a) {
    std::string err;
    std::optional<ic::SimCardSet> cards = a.has("--cards") ? ic::loadSimCardSetFile(a.get("--cards"), err)
                                                           : ic::parseSimCardSet(ic::demoCardSetJson(), err);
    if (!cards) {
        std::fprintf(stderr, "kioskctl idcard simulate: %s\n", err.c_str());
        return kExitUsage;
    }
    ic::SimulatorOptions opt;
    opt.linkPath = a.get("--link");
    opt.haltAfterRead = !a.has("--keep-answering");
    if (!parseInt(a.get("--pace-baud", "0"), opt.paceBaud)) {
        usage(stderr);
        return kExitUsage;
    }
    // Signals are taken through a signalfd: block them before the simulator thread starts.
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGTERM);
    sigaddset(&mask, SIGINT);
    sigaddset(&mask, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &mask, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
    const int sfd = signalfd(-1, &mask, SFD_CLOEXEC);

    ic::ReaderSimulator sim(std::move(*cards), opt);
    if (!sim.start(err)) {
        std::fprintf(stderr, "kioskctl idcard simulate: %s\n", err.c_str());
        return kExitDevice;
    }
    if (a.has("--present") && !sim.present(a.get("--present"))) {
        std::fprintf(stderr, "kioskctl idcard simulate: unknown card '%s'\n", a.get("--present").c_str());
        return kExitUsage;
    }
    reply(sim.portPath());
    const bool useStdin = !a.has("--no-stdin");
    std::string pending;
    bool quit = false;
    while (!quit) {
        pollfd fds[2] = {{sfd, POLLIN, 0}, {STDIN_FILENO, POLLIN, 0}};
        const int r = ::poll(fds, useStdin ? 2 : 1, -1);
        if (r < 0) continue;
        if (fds[0].revents & POLLIN) break; // SIGTERM / SIGINT / SIGHUP
        if (!useStdin || !(fds[1].revents & (POLLIN | POLLHUP))) continue;
        char buf[512];
        const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
        if (n <= 0) break; // EOF
        pending.append(buf, static_cast<std::size_t>(n));
        std::size_t nl;
        while (!quit && (nl = pending.find('\n')) != std::string::npos) {
            std::string line = pending.substr(0, nl);
            pending.erase(0, nl + 1);
            while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
                line.pop_back();
            const std::string out = handleCommand(sim, line, quit);
            if (!out.empty()) reply(out);
        }
    }
    sim.stop();
    if (sfd >= 0) ::close(sfd);
    return 0;
}

} // namespace

int kioskctl::runIdcard(int argc, char** argv) {
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? kExitUsage : 0;
    }
    std::string err;
    auto args = parseArgs(argc, argv, 2, err);
    if (!args) {
        std::fprintf(stderr, "kioskctl idcard: %s\n", err.c_str());
        return kExitUsage;
    }
    const std::string sub = argv[1];
    if (sub == "read") return runRead(*args);
    if (sub == "status") return runStatus(*args);
    if (sub == "simulate") return runSimulate(*args);
    std::fprintf(stderr, "kioskctl idcard: unknown subcommand '%s'\n", sub.c_str());
    usage(stderr);
    return kExitUsage;
}
