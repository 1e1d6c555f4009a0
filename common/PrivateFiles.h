// PrivateFiles — the terminal's state on disk is its owner's alone: directories 0700, files 0600,
// whatever the umask of whoever started the process, and state left wider by an older version (or by
// a technician's mkdir) narrowed the next time it is opened.
//
// Why explicit modes and not umask(077) at start-up: the umask is process-wide and racy with threads
// that are already running, and a library (the store, the demo) cannot know what the program set.
//
// Checklist:
//   [x] directories created 0700, missing parents too; existing ones narrowed (group and others lose
//       every bit, the owner keeps its own: a directory made read-only on purpose stays so)
//   [x] a shared directory (sticky bit, e.g. /tmp) or one owned by someone else is never chmod-ed:
//       that is reported, so the technician gives the kiosk its own state_dir
//   [x] files created 0600 (O_NOFOLLOW: a planted symlink is not followed); existing ones narrowed
#pragma once

#include <string>

namespace kiosk::common {

// Creates `dir` (and missing parents) 0700, or shuts group and others out of an existing one.
// False with *error (naming the directory and the fix) when that is not possible.
bool ensurePrivateDir(const std::string& dir, std::string* error = nullptr);

// Creates an empty `path` 0600 when missing, else shuts group and others out of it.
bool ensurePrivateFile(const std::string& path, std::string* error = nullptr);

// Shuts group and others out of `path` if it exists (a symlink is left alone); true when it does not exist.
bool narrowPrivateFile(const std::string& path, std::string* error = nullptr);

} // namespace kiosk::common
