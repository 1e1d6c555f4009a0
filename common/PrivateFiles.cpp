// PrivateFiles: mkdir / open with explicit modes, then chmod / fchmod (the umask only ever narrows
// what mkdir and open ask for, and an existing file keeps whatever mode it had).
//
// Sections: directories | files
#include "common/PrivateFiles.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kiosk::common {

namespace {

bool fail(std::string* error, const std::string& message) {
    if (error) *error = message;
    return false;
}

std::string parentOf(const std::string& path) {
    const std::size_t slash = path.find_last_of('/');
    if (slash == std::string::npos) return "";
    return slash == 0 ? "/" : path.substr(0, slash);
}

// Group and others lose every bit; the owner keeps what it had (a directory made read-only on
// purpose stays read-only).
mode_t narrowed(mode_t mode) {
    return mode & 0700;
}

bool ensureParent(const std::string& dir, std::string* error);

} // namespace

// ---- directories ----
bool ensurePrivateDir(const std::string& dir, std::string* error) {
    if (dir.empty()) return fail(error, "empty state directory name");
    std::string path = dir;
    while (path.size() > 1 && path.back() == '/')
        path.pop_back();
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno != ENOENT) return fail(error, "cannot examine " + path + ": " + std::strerror(errno));
        const std::string parent = parentOf(path);
        if (!parent.empty() && !ensureParent(parent, error)) return false;
        if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST)
            return fail(error, "cannot create the directory " + path + ": " + std::strerror(errno));
        if (::stat(path.c_str(), &st) != 0)
            return fail(error, "cannot examine " + path + ": " + std::strerror(errno));
    }
    if (!S_ISDIR(st.st_mode)) return fail(error, path + " is not a directory");
    if ((st.st_mode & 077) == 0) return true;
    if ((st.st_mode & S_ISVTX) != 0)
        return fail(error,
                    path +
                        " is a shared directory (sticky bit, like /tmp); give the kiosk a directory of its "
                        "own, e.g. " +
                        path + "/kiosk");
    if (st.st_uid != ::geteuid())
        return fail(error,
                    path + " belongs to another user, so group and others cannot be shut out of it; `chown` "
                           "it to the kiosk's user or give the kiosk a directory of its own");
    if (::chmod(path.c_str(), narrowed(st.st_mode)) != 0)
        return fail(error, "cannot narrow " + path + " to mode 0700: " + std::strerror(errno));
    return true;
}

namespace {
// Missing parents are created 0700 too; parents that exist (/var/lib) are left as they are.
bool ensureParent(const std::string& dir, std::string* error) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) == 0)
        return S_ISDIR(st.st_mode) ? true : fail(error, dir + " is not a directory");
    return ensurePrivateDir(dir, error);
}
} // namespace

// ---- files ----
bool ensurePrivateFile(const std::string& path, std::string* error) {
    // O_NOFOLLOW: a symlink planted where the file should be is not followed to somewhere else.
    const int fd =
        ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK, 0600);
    if (fd < 0) {
        if (errno == EACCES)
            return narrowPrivateFile(path, error); // a read-only file of ours stays read-only
        return fail(error, "cannot open " + path + ": " + std::strerror(errno));
    }
    struct stat st {};
    bool ok = ::fstat(fd, &st) == 0;
    if (ok && (st.st_mode & 077) != 0) ok = ::fchmod(fd, narrowed(st.st_mode)) == 0;
    const int err = errno;
    ::close(fd);
    return ok ? true : fail(error, "cannot narrow " + path + " to mode 0600: " + std::strerror(err));
}

bool narrowPrivateFile(const std::string& path, std::string* error) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0)
        return errno == ENOENT ? true : fail(error, "cannot examine " + path + ": " + std::strerror(errno));
    if (!S_ISREG(st.st_mode) || (st.st_mode & 077) == 0) return true; // a symlink is not followed
    if (::chmod(path.c_str(), narrowed(st.st_mode)) != 0)
        return fail(error, "cannot narrow " + path + " to mode 0600: " + std::strerror(errno));
    return true;
}

} // namespace kiosk::common
