// kioskctl subcommands. Each lives in its own cmd_<name>.cpp and receives the arguments after its
// name (argv[0] is the subcommand name). Return value is the process exit code.
#pragma once

#include <string>

namespace kiosk::config {
struct KioskConfig;
}
namespace kiosk::offline {
struct SyncSettings;
}

namespace kioskctl {

int runConfig(int argc, char** argv);  // config check | config init
int runIdcard(int argc, char** argv);  // idcard read | status | simulate
int runPrinter(int argc, char** argv); // printer test | status | emulate
int runEscpos(int argc, char** argv);  // escpos render
int runEnroll(int argc, char** argv);  // enroll --config --server --code
int runOutbox(int argc, char** argv);  // outbox stats | enqueue-demo
int runSync(int argc, char** argv);    // sync --until-empty

// Loads the kiosk config at configPath and maps it to sync settings (kiosk/SyncSettingsFromConfig.h);
// prints every config problem to stderr and returns false when the file is not valid.
bool loadSyncSettings(const std::string& configPath, kiosk::offline::SyncSettings* out,
                      kiosk::config::KioskConfig* configOut);

} // namespace kioskctl
