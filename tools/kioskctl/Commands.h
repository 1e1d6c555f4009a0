// kioskctl subcommands. Each lives in its own cmd_<name>.cpp and adds itself to the CLI11 command tree
// (main.cpp): typed options, generated --help, and a callback that runs the command and stores its exit
// code.
//
// Sections: exit codes | subcommands | shared helpers
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace kiosk::config {
struct KioskConfig;
}
namespace kiosk::offline {
struct SyncSettings;
}

namespace kioskctl {

// ---- exit codes ----
// The same meaning for every command (BSD sysexits where one fits), listed by `kioskctl --help`.
inline constexpr int kExitOk = 0;           // done; for sync: nothing pending and the server answered
inline constexpr int kExitFailed = 1;       // the operation ran and failed (problems found, refused, ...)
inline constexpr int kExitUsage = 64;       // bad command line (unknown option, bad value, http:// URL)
inline constexpr int kExitNoInput = 66;     // an input file cannot be read
inline constexpr int kExitUnavailable = 69; // offline: the server or the device cannot be reached
inline constexpr int kExitCantCreate = 73;  // an output file cannot be written
inline constexpr int kExitTimedOut = 75;    // --timeout ran out with work left (records still pending)
inline constexpr int kExitConfig = 78;      // cannot start: the config is invalid or the terminal is not
                                            // enrolled

// The text of the list above, for --help epilogues.
extern const char* const kExitCodesHelp;

// ---- subcommands ----
// Each adds its subcommand (and its own subcommands) to `root`; when one runs, its result goes to *exitCode.
void addConfigCommand(CLI::App& root, int* exitCode);  // config check | config init
void addIdcardCommand(CLI::App& root, int* exitCode);  // idcard read | status | simulate
void addPrinterCommand(CLI::App& root, int* exitCode); // printer test | status | emulate
void addEscposCommand(CLI::App& root, int* exitCode);  // escpos render
void addEnrollCommand(CLI::App& root, int* exitCode);  // enroll --config --server --code
void addOutboxCommand(CLI::App& root, int* exitCode);  // outbox stats | enqueue-demo
void addSyncCommand(CLI::App& root, int* exitCode);    // sync [--until-empty] [--timeout S]

// ---- shared helpers ----
// Loads the kiosk config at configPath and maps it to sync settings (kiosk/SyncSettingsFromConfig.h);
// prints every config problem to stderr and returns false when the file is not valid.
bool loadSyncSettings(const std::string& configPath, kiosk::offline::SyncSettings* out,
                      kiosk::config::KioskConfig* configOut);

} // namespace kioskctl
