// kioskctl config — check a config file and whether the terminal it describes can work, or write a
// commented one to start from.
//
//   kioskctl config check FILE [--file-only]
//   kioskctl config init --out FILE [--mode hall|counter] [--server URL] [--state-dir DIR]
//                        [--terminal ID] [--counter N] [--hall-name NAME] [--force]
//
// Sections: readiness checks (devices, files, enrolment) | check | init | command tree
// Checklist:
//   [x] check: the file itself (every problem with file:line, exit 78), then what the file points at:
//       device paths exist and can be opened, the terminal is enrolled (key + certificate + CA form a
//       working pair), the certificate's terminal id (CN) and mode (OU) match [terminal]; every failed
//       check named with what to do (exit 1); --file-only stops after the file
//   [x] init: never writes a file that does not pass its own check
//   [ ] check asks the server whether it still knows this terminal (would need the network; `kioskctl
//       sync --timeout 10` answers that)
#include "config/ConfigRules.h"
#include "config/KioskConfig.h"
#include "drivers/printer/PrinterTransport.h"
#include "kiosk/SyncSettingsFromConfig.h"
#include "offline/CredentialCheck.h"
#include "tools/kioskctl/Commands.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using kiosk::config::KioskConfig;
using kiosk::config::Mode;

// ---- readiness checks ----
struct Readiness {
    std::vector<std::string> problems; // each: "key: what is wrong (what to do)"
    std::vector<std::string> notes;    // what could not be checked here, and why
    std::vector<std::string> checked;  // what passed, for the ok line
};

// A device the terminal opens: it must exist, be a character device, and open for reading and writing.
void checkDevice(const std::string& key, const std::string& path, const std::string& whatToDo, Readiness& r) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        r.problems.push_back(key + ": " + path + " does not exist (" + whatToDo + ")");
        return;
    }
    if (!S_ISCHR(st.st_mode)) {
        r.problems.push_back(key + ": " + path + " is not a device (" + whatToDo + ")");
        return;
    }
    if (::access(path.c_str(), R_OK | W_OK) != 0) {
        r.problems.push_back(key + ": " + path + " cannot be opened for reading and writing by this user (" +
                             std::strerror(errno) +
                             "; add the kiosk's user to the group that owns it, see `ls -l " + path + "`)");
        return;
    }
    r.checked.push_back(key + " " + path);
}

void checkFile(const std::string& key, const std::string& path, const std::string& whatToDo, Readiness& r) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        r.problems.push_back(key + ": " + path + " does not exist (" + whatToDo + ")");
    } else if (::access(path.c_str(), R_OK) != 0) {
        r.problems.push_back(key + ": " + path + " cannot be read by this user (check its permissions)");
    } else {
        r.checked.push_back(key + " " + path);
    }
}

void checkDevices(const KioskConfig& c, Readiness& r) {
    // Counter pads have no card reader (kiosk/KioskApp.cpp never opens one for them).
    if (c.terminal.mode == Mode::Hall) {
        if (c.idcard.port.empty())
            r.problems.push_back("idcard.port: empty, so this hall terminal has no ID card reader (set it to "
                                 "the reader's serial device, e.g. /dev/ttyUSB0; `ls /dev/serial/by-id/` "
                                 "lists them)");
        else
            checkDevice("idcard.port", c.idcard.port,
                        "plug the ID card reader in, or set [idcard] port to its serial device; "
                        "`ls /dev/serial/by-id/` lists them",
                        r);
    }
    const std::string& uri = c.printer.uri;
    if (uri.empty() || uri == "none") {
        if (c.terminal.mode == Mode::Hall)
            r.notes.push_back("printer.uri is \"none\": slips are only shown on screen");
    } else {
        try {
            const kiosk::printer::PrinterUri u = kiosk::printer::parsePrinterUri(uri);
            switch (u.scheme) {
            case kiosk::printer::PrinterUri::Scheme::Usb:
            case kiosk::printer::PrinterUri::Scheme::Serial:
                checkDevice("printer.uri", u.path,
                            "switch the printer on and plug it in, or set [printer] uri to its device; "
                            "`ls /dev/usb/` lists USB printers",
                            r);
                break;
            case kiosk::printer::PrinterUri::Scheme::File: {
                const fs::path dir = fs::path(u.path).parent_path();
                std::error_code ec;
                if (!fs::is_directory(dir, ec) || ::access(dir.c_str(), W_OK) != 0)
                    r.problems.push_back("printer.uri: the capture file's directory " + dir.string() +
                                         " does not exist or cannot be written (create it, or set [printer] "
                                         "uri to the printer's device)");
                else
                    r.checked.push_back("printer.uri " + uri);
                break;
            }
            case kiosk::printer::PrinterUri::Scheme::Tcp:
                r.notes.push_back("printer.uri " + uri +
                                  " is a network printer: not checked here (`kioskctl printer status "
                                  "--printer " +
                                  uri + "` asks it)");
                break;
            }
        } catch (const kiosk::printer::TransportError& e) {
            r.problems.push_back(std::string("printer.uri: ") + e.what() +
                                 " (e.g. usb:/dev/usb/lp0, serial:/dev/ttyS0?baud=9600, tcp://HOST:9100)");
        }
    }
    checkFile("ui.font_path", c.ui.fontPath,
              "install fonts-noto-cjk, or set [ui] font_path to a font with Chinese characters", r);
    if (!c.idcard.photoDecoder.empty() && c.terminal.mode == Mode::Hall)
        checkFile("idcard.photo_decoder", c.idcard.photoDecoder,
                  "install the reader vendor's decoder library there, or set photo_decoder = \"\"", r);
}

void checkEnrolment(const KioskConfig& c, const std::string& configPath, Readiness& r) {
    const kiosk::offline::SyncSettings s = kiosk::syncSettingsFor(c);
    const std::string mode(kiosk::config::modeName(c.terminal.mode));
    // What to do, the same for every enrolment problem: a code for this id and mode, then enroll.
    auto enrolHint = [&](const char* force) {
        const std::string counter =
            c.terminal.mode == Mode::Counter ? " --counter " + std::to_string(c.terminal.counter) : "";
        return "get a code with `kiosk-central enroll-code --terminal " + c.terminal.id + " --mode " + mode +
               counter + "` on the central server, then run `kioskctl enroll --config " + configPath +
               " --code CODE" + force + "`";
    };
    std::error_code ec;
    if (fs::exists(c.terminal.stateDir, ec) &&
        (!fs::is_directory(c.terminal.stateDir, ec) || ::access(c.terminal.stateDir.c_str(), W_OK) != 0))
        r.problems.push_back("terminal.state_dir: " + c.terminal.stateDir +
                             " is not a directory this user can write (the store and keys live there)");

    const kiosk::offline::CredentialReport cr =
        kiosk::offline::inspectCredentials(s.https.certFile, s.https.keyFile, s.https.caFile);
    switch (cr.state) {
    case kiosk::offline::CredentialReport::State::Missing:
        r.problems.push_back("enrolment: not enrolled: " + cr.problem + " (" + enrolHint("") + ")");
        return;
    case kiosk::offline::CredentialReport::State::Broken:
        r.problems.push_back("enrolment: the terminal's key and certificate cannot work: " + cr.problem +
                             " (" + enrolHint(" --force") + ")");
        return;
    case kiosk::offline::CredentialReport::State::Working:
        break;
    }
    bool matches = true;
    if (cr.terminalId != c.terminal.id) {
        matches = false;
        r.problems.push_back("terminal.id: the certificate " + s.https.certFile + " is for terminal " +
                             cr.terminalId + " but [terminal] id is " + c.terminal.id + " (set id = \"" +
                             cr.terminalId + "\" if this is that terminal; otherwise " +
                             enrolHint(" --force") + ")");
    }
    if (cr.mode.empty()) {
        r.notes.push_back(
            "the certificate does not say its mode (issued before kiosk-central wrote it, or by "
            "issue-cert without --mode): mode " +
            mode + " not checked against it; enrolling again adds it");
    } else if (cr.mode != mode) {
        matches = false;
        r.problems.push_back("terminal.mode: the certificate " + s.https.certFile + " is for a " + cr.mode +
                             " terminal but [terminal] mode is " + mode + " (set mode = \"" + cr.mode +
                             "\" if this is that terminal; otherwise " + enrolHint(" --force") + ")");
    }
    if (matches)
        r.checked.push_back("enrolled as " + cr.terminalId + " (certificate valid until " + cr.validUntil +
                            ")");
}

// ---- check ----
struct CheckOptions {
    std::string file;
    bool fileOnly = false;
};

int check(const CheckOptions& o) {
    const char* path = o.file.c_str();
    const kiosk::config::LoadResult r = kiosk::config::loadConfigFile(o.file);
    if (!r.ok()) {
        std::fputs(r.report().c_str(), stderr);
        std::fprintf(stderr, "%s: %zu problem%s found\n", path, r.issues.size(),
                     r.issues.size() == 1 ? "" : "s");
        return kioskctl::kExitConfig;
    }
    const auto& c = *r.config;
    const std::string summary = "terminal " + c.terminal.id + ", mode " +
                                std::string(kiosk::config::modeName(c.terminal.mode)) + ", server " +
                                c.server.url;
    if (o.fileOnly) {
        std::printf("%s: ok (%s); devices and enrolment not checked (--file-only)\n", path, summary.c_str());
        return kioskctl::kExitOk;
    }
    Readiness rd;
    checkDevices(c, rd);
    checkEnrolment(c, o.file, rd);
    for (const std::string& n : rd.notes)
        std::fprintf(stderr, "%s: note: %s\n", path, n.c_str());
    if (!rd.problems.empty()) {
        for (const std::string& p : rd.problems)
            std::fprintf(stderr, "%s: %s\n", path, p.c_str());
        std::fprintf(stderr, "%s: the file is valid, but %zu check%s failed: this terminal cannot work yet\n",
                     path, rd.problems.size(), rd.problems.size() == 1 ? "" : "s");
        return kioskctl::kExitFailed;
    }
    std::printf("%s: ok (%s)\n", path, summary.c_str());
    for (const std::string& ok : rd.checked)
        std::printf("  ok: %s\n", ok.c_str());
    return kioskctl::kExitOk;
}

// ---- init ----
struct InitOptions {
    kiosk::config::TemplateOptions t;
    std::string out, mode = "hall";
    bool terminalGiven = false, force = false;
};

int init(InitOptions& o) {
    o.t.mode = o.mode == "counter" ? Mode::Counter : Mode::Hall;
    if (o.t.mode == Mode::Counter && !o.terminalGiven) o.t.terminalId = "COUNTER-01";
    const std::string text = kiosk::config::configTemplate(o.t);
    // Never hand a technician a file that does not pass its own check.
    const auto r = kiosk::config::parseConfig(text, o.out, "");
    if (!r.ok()) {
        std::fprintf(stderr, "kioskctl config init: these options give an invalid config:\n%s",
                     r.report().c_str());
        return kioskctl::kExitUsage;
    }
    std::error_code ec;
    if (!o.force && fs::exists(o.out, ec)) {
        std::fprintf(stderr, "kioskctl config init: %s already exists (use --force to overwrite)\n",
                     o.out.c_str());
        return kioskctl::kExitFailed;
    }
    std::ofstream f(o.out, std::ios::binary | std::ios::trunc);
    f << text;
    f.close();
    if (!f) {
        std::fprintf(stderr, "kioskctl config init: cannot write %s: %s\n", o.out.c_str(),
                     std::strerror(errno));
        return kioskctl::kExitCantCreate;
    }
    std::printf("wrote %s\n", o.out.c_str());
    return kioskctl::kExitOk;
}

} // namespace

// ---- command tree ----
void kioskctl::addConfigCommand(CLI::App& root, int* exitCode) {
    CLI::App* config = root.add_subcommand("config", "check a config file, or write one to start from");
    config->require_subcommand(1);

    auto co = std::make_shared<CheckOptions>();
    CLI::App* checkCmd = config->add_subcommand(
        "check", "check the file, then that the terminal it describes can work: devices present, enrolled, "
                 "certificate for this terminal id and mode");
    checkCmd->add_option("file", co->file, "the kiosk config (TOML)")->required();
    checkCmd->add_flag("--file-only", co->fileOnly,
                       "check only the file itself (before the devices are plugged in or the terminal is "
                       "enrolled)");
    checkCmd->footer(
        "Exit codes: 0 the terminal can work (or, with --file-only, the file is valid); 1 the file "
        "is valid but a check failed (each is named, with what to do); 78 the file is invalid; "
        "64 bad command line.");
    checkCmd->callback([co, exitCode] { *exitCode = check(*co); });

    auto io = std::make_shared<InitOptions>();
    CLI::App* initCmd = config->add_subcommand("init", "write a complete, commented config to start from");
    initCmd->add_option("--out", io->out, "where to write it")->required();
    initCmd->add_option("--mode", io->mode, "hall: citizen terminal; counter: rating pad at a window")
        ->check(CLI::IsMember({"hall", "counter"}))
        ->capture_default_str();
    initCmd->add_option("--server", io->t.serverUrl, "central server, https://HOST:PORT")
        ->capture_default_str()
        ->check([](const std::string& url) { return kiosk::config::serverUrlProblem(url); });
    initCmd->add_option("--state-dir", io->t.stateDir, "store, keys and certificates")->capture_default_str();
    initCmd
        ->add_option_function<std::string>(
            "--terminal",
            [io](const std::string& id) {
                io->t.terminalId = id;
                io->terminalGiven = true;
            },
            "terminal id the server knows it by (default HALL-01 / COUNTER-01)")
        ->check([](const std::string& id) {
            return kiosk::config::isValidTerminalId(id)
                       ? std::string()
                       : std::string("must be ") + kiosk::config::kTerminalIdRule;
        });
    initCmd->add_option("--counter", io->t.counter, "counter mode: the window number")
        ->check(CLI::Range(1, 999))
        ->capture_default_str();
    initCmd->add_option("--hall-name", io->t.hallName, "shown in the header, e.g. 某某区政务服务中心")
        ->capture_default_str();
    initCmd->add_flag("--force", io->force, "overwrite an existing file");
    initCmd->footer(
        "Exit codes: 0 written; 1 the file exists (use --force); 64 bad option or the options give "
        "an invalid config; 73 cannot write.");
    initCmd->callback([io, exitCode] { *exitCode = init(*io); });
}
