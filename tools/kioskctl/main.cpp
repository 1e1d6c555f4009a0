// kioskctl — the technician's command-line tool: `kioskctl <command> [<subcommand>] [options]`.
//
// Sections: exit codes text | command path (for messages) | main
// Checklist:
//   [x] one parser (CLI11) for every subcommand: typed options, generated --help that exits 0 at every
//       level (`kioskctl --help`, `kioskctl X --help`, `kioskctl X Y --help`)
//   [x] a bad command line (unknown option, missing or malformed value) exits 64 with the message and the
//       command to ask for help
//   [x] exit codes documented in the --help epilogue (Commands.h)
#include "tools/kioskctl/Commands.h"

#include <cstdio>
#include <exception>
#include <string>

// ---- exit codes text ----
const char* const kioskctl::kExitCodesHelp =
    "Exit codes (every command):\n"
    "   0  done (sync: nothing pending and the server answered)\n"
    "   1  the operation failed (config check found problems, enrolment refused, printer cannot print)\n"
    "  64  bad command line (unknown option, bad value, an http:// URL)\n"
    "  66  an input file cannot be read\n"
    "  69  offline: the server or the device cannot be reached\n"
    "  73  an output file cannot be written\n"
    "  75  --timeout ran out with records still pending\n"
    "  78  cannot start: the config file is invalid or the terminal is not enrolled\n"
    "  idcard read only: 2 no card before the time-out, 3 reader or protocol error";

namespace {

// ---- command path (for messages) ----
// "kioskctl config init": the deepest subcommand the parser got to.
std::string commandPath(const CLI::App& app) {
    std::string path = app.get_name();
    const CLI::App* at = &app;
    for (;;) {
        const auto chosen = at->get_subcommands();
        if (chosen.empty()) break;
        at = chosen.front();
        path += " " + at->get_name();
    }
    return path;
}

} // namespace

// ---- main ----
int main(int argc, char** argv) {
    CLI::App app{"kioskctl: the technician's tool for a hall kiosk terminal (config, devices, enrolment, "
                 "outbox and sync).",
                 "kioskctl"};
    app.require_subcommand(1);
    app.footer(kioskctl::kExitCodesHelp);
    int rc = kioskctl::kExitOk;
    kioskctl::addConfigCommand(app, &rc);
    kioskctl::addIdcardCommand(app, &rc);
    kioskctl::addPrinterCommand(app, &rc);
    kioskctl::addEscposCommand(app, &rc);
    kioskctl::addEnrollCommand(app, &rc);
    kioskctl::addOutboxCommand(app, &rc);
    kioskctl::addSyncCommand(app, &rc);
    try {
        app.parse(argc, argv); // runs the chosen command's callback
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e); // --help: printed to stdout, exit 0
        const std::string path = commandPath(app);
        std::fprintf(stderr, "%s: %s\nRun '%s --help' for the options.\n", path.c_str(), e.what(),
                     path.c_str());
        return kioskctl::kExitUsage;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s: %s\n", commandPath(app).c_str(), e.what());
        return kioskctl::kExitFailed;
    }
    return rc;
}
