// kioskctl subcommands. Each lives in its own cmd_<name>.cpp and receives the arguments after its
// name (argv[0] is the subcommand name). Return value is the process exit code.
#pragma once

namespace kioskctl {

int runConfig(int argc, char** argv);  // config check | config init
int runIdcard(int argc, char** argv);  // idcard read | status | simulate
int runPrinter(int argc, char** argv); // printer test | status | emulate
int runEscpos(int argc, char** argv);  // escpos render
int runEnroll(int argc, char** argv);  // enroll --config --server --code
int runOutbox(int argc, char** argv);  // outbox stats | enqueue-demo
int runSync(int argc, char** argv);    // sync --until-empty

} // namespace kioskctl
