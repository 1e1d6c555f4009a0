// kioskctl idcard — the technician's ID card reader tool.
//
// Sections: options · `read` · `status` · `simulate` (pty simulator driven from stdin) · command tree.
// Checklist:
//   [x] read --port PATH [--baud N] [--timeout-ms N] [--json] [--unmasked] [--fingerprint] [--poll-ms N]
//       [--photo-decoder LIB]: one JSON object; exit 0 card, 2 no card before the time-out, 3 device or
//       protocol error (message on stderr, Chinese + technician detail, no personal data)
//   [x] status --port PATH [--baud N] [--json]: SAM status and SAM id
//   [x] simulate [--cards FILE] [--link PATH] [--pace-baud N] [--keep-answering] [--present NAME]
//       [--no-stdin]: first stdout line is the pty path (flushed); stdin commands: present NAME, remove,
//       fault SPEC, list, state, unplug, replug, quit; exits cleanly on EOF (unless --no-stdin), SIGTERM,
//       SIGINT
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
#include <memory>
#include <mutex>
#include <optional>
#include <poll.h>
#include <string>
#include <sys/signalfd.h>
#include <unistd.h>
#include <vector>

namespace ic = kiosk::idcard;

namespace {

// ---- options ----
constexpr int kExitCard = 0;
constexpr int kExitNoCard = 2;
constexpr int kExitDevice = 3;
constexpr int kExitUsage = kioskctl::kExitUsage;

// Every option of the three subcommands (one runs per process).
struct Args {
    std::string port, photoDecoder, cards, link, present;
    int baud = 115200, timeoutMs = 10000, pollMs = 300, paceBaud = 0;
    bool json = false, unmasked = false, fingerprint = false, keepAnswering = false, noStdin = false;
};

void printError(const ic::ReaderError& e) {
    std::fprintf(stderr, "kioskctl idcard: %s (%s: %s)\n", e.messageZh.c_str(), ic::errorKindName(e.kind),
                 e.detail.c_str());
}

// ---- read -------------------------------------------------------------------------------------------

int runRead(const Args& a) {
    ic::ReaderSettings s;
    s.port = a.port;
    s.baud = a.baud;
    s.pollIntervalMs = a.pollMs;
    const int timeoutMs = a.timeoutMs;
    if (!kiosk::serial::baudToSpeed(s.baud)) {
        std::fprintf(stderr, "kioskctl idcard: unsupported baud rate %d\n", s.baud);
        return kExitUsage;
    }
    s.readFingerprint = a.fingerprint;
    s.photoDecoderPath = a.photoDecoder;
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
        std::string json = ic::cardToJson(*card, a.unmasked, a.json ? -1 : 2);
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
    const std::string& path = a.port;
    const int baud = a.baud;
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
    if (a.json)
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
    std::optional<ic::SimCardSet> cards = !a.cards.empty() ? ic::loadSimCardSetFile(a.cards, err)
                                                           : ic::parseSimCardSet(ic::demoCardSetJson(), err);
    if (!cards) {
        std::fprintf(stderr, "kioskctl idcard simulate: %s\n", err.c_str());
        return kExitUsage;
    }
    ic::SimulatorOptions opt;
    opt.linkPath = a.link;
    opt.haltAfterRead = !a.keepAnswering;
    opt.paceBaud = a.paceBaud;
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
    if (!a.present.empty() && !sim.present(a.present)) {
        std::fprintf(stderr, "kioskctl idcard simulate: unknown card '%s'\n", a.present.c_str());
        return kExitUsage;
    }
    reply(sim.portPath());
    const bool useStdin = !a.noStdin;
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

// ---- command tree -----------------------------------------------------------------------------------

void kioskctl::addIdcardCommand(CLI::App& root, int* exitCode) {
    CLI::App* idcard = root.add_subcommand("idcard", "ID card reader (GA 467) tools");
    idcard->require_subcommand(1);
    auto a = std::make_shared<Args>();
    auto portOptions = [&](CLI::App* cmd) {
        cmd->add_option("--port", a->port, "serial device of the reader")->required();
        cmd->add_option("--baud", a->baud, "baud rate")
            ->check(CLI::Range(0, 100000000))
            ->capture_default_str();
        cmd->add_flag("--json", a->json, "one-line JSON");
    };

    CLI::App* read =
        idcard->add_subcommand("read", "wait for a card and print it as JSON (masked unless --unmasked)");
    portOptions(read);
    read->add_option("--timeout-ms", a->timeoutMs, "how long to wait for a card")
        ->check(CLI::Range(0, 100000000))
        ->capture_default_str();
    read->add_option("--poll-ms", a->pollMs, "poll interval")
        ->check(CLI::Range(0, 100000000))
        ->capture_default_str();
    read->add_flag("--unmasked", a->unmasked, "print the ID number and name in full (never in logs)");
    read->add_flag("--fingerprint", a->fingerprint, "also read the fingerprint block");
    read->add_option("--photo-decoder", a->photoDecoder, "vendor photo decoder library");
    read->footer(
        "Exit codes: 0 card read; 2 no card before the time-out; 3 reader or protocol error (message on "
        "stderr, Chinese + technician detail, no personal data); 64 bad command line.");
    read->callback([a, exitCode] { *exitCode = runRead(*a); });

    CLI::App* status = idcard->add_subcommand("status", "SAM status and SAM id");
    portOptions(status);
    status->footer("Exit codes: 0 the SAM answered; 3 reader or protocol error; 64 bad command line.");
    status->callback([a, exitCode] { *exitCode = runStatus(*a); });

    CLI::App* simulate = idcard->add_subcommand(
        "simulate", "a simulated reader on a pty: the first stdout line is its path; stdin commands: present "
                    "NAME, remove, fault SPEC, list, state, unplug, replug, quit");
    simulate->add_option("--cards", a->cards, "card set JSON (default: the demo cards)");
    simulate->add_option("--link", a->link, "also make this symlink to the pty");
    simulate->add_option("--pace-baud", a->paceBaud, "answer no faster than this baud rate (0: at once)")
        ->check(CLI::Range(0, 100000000));
    simulate->add_flag("--keep-answering", a->keepAnswering, "keep answering reads of a card already read");
    simulate->add_option("--present", a->present, "card placed on the reader at start");
    simulate->add_flag("--no-stdin", a->noStdin, "ignore stdin (run until SIGTERM/SIGINT)");
    simulate->footer(
        "Exit codes: 0 stopped (quit, EOF, SIGTERM/SIGINT); 3 cannot create the pty; 64 bad command "
        "line or card set.");
    simulate->callback([a, exitCode] { *exitCode = runSimulate(*a); });
}
