// The terminal's state on disk (issue 8.14): the state directory 0700 and the store, its -wal and -shm
// and the data key 0600 whatever the umask; state an older version left wider is narrowed on open.
#include "common/PrivateFiles.h"
#include "offline/OfflineStore.h"
#include "tests/server/TempDir.h"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

using namespace kiosk::offline;
using namespace kiosk::common;

namespace {

struct Umask {
    mode_t old;
    explicit Umask(mode_t m) : old(::umask(m)) {}
    ~Umask() { ::umask(old); }
};

unsigned modeOf(const std::string& path) {
    struct stat st {};
    REQUIRE_MESSAGE(::lstat(path.c_str(), &st) == 0, path);
    return st.st_mode & 07777;
}

// Opens the store and writes a record, so the -wal and -shm files exist while it is open.
void useStore(const StorePaths& p) {
    OfflineStore s(p, "HALL-01");
    s.appendMany({{"complaint", {{"text", "办事拖拉"}}}}, 1000);
    CHECK(std::filesystem::exists(p.db + "-wal"));
    CHECK(std::filesystem::exists(p.db + "-shm"));
    for (const std::string& f : {p.db, p.db + "-wal", p.db + "-shm", p.dataKey}) {
        CAPTURE(f);
        CHECK(modeOf(f) == 0600);
    }
}

} // namespace

TEST_CASE("under umask 000 the store creates its directory 0700 and every file 0600") {
    kiosk::testing::TempDir d("privstate");
    Umask open(0);
    const std::string state = d / "var/lib/kiosk"; // missing parents are created private too
    const StorePaths p = StorePaths::in(state);
    useStore(p);
    CHECK(modeOf(state) == 0700);
    CHECK(modeOf(d / "var/lib") == 0700);
}

TEST_CASE("a store an older version left 0755 / 0644 is narrowed when it is opened again") {
    kiosk::testing::TempDir d("privold");
    const std::string state = d / "state";
    const StorePaths p = StorePaths::in(state);
    { OfflineStore s(p, "HALL-01"); }
    // As the old demo left it: directory 0755, database 0644, and (as after a power cut) -wal and -shm
    // files still there, 0644. SQLite reuses existing -wal / -shm files with their mode.
    REQUIRE(::chmod(state.c_str(), 0755) == 0);
    REQUIRE(::chmod(p.db.c_str(), 0644) == 0);
    for (const std::string& f : {p.db + "-wal", p.db + "-shm"}) {
        if (!std::filesystem::exists(f)) {
            std::ofstream touch(f);
        }
        REQUIRE(::chmod(f.c_str(), 0644) == 0);
    }
    Umask open(0);
    useStore(p);
    CHECK(modeOf(state) == 0700);
}

TEST_CASE("ensurePrivateDir: a shared or deliberately read-only directory is not made wider or chmod-ed") {
    kiosk::testing::TempDir d("privdir");
    std::string error;
    const std::string shared = d / "shared";
    REQUIRE(::mkdir(shared.c_str(), 0700) == 0);
    REQUIRE(::chmod(shared.c_str(), 01777) == 0);
    CHECK_FALSE(ensurePrivateDir(shared, &error));
    CHECK(error.find("shared directory") != std::string::npos);
    CHECK(error.find(shared) != std::string::npos);
    CHECK(modeOf(shared) == 01777);

    const std::string readOnly = d / "ro";
    REQUIRE(::mkdir(readOnly.c_str(), 0755) == 0);
    REQUIRE(::chmod(readOnly.c_str(), 0555) == 0);
    CHECK(ensurePrivateDir(readOnly, &error));
    CHECK(modeOf(readOnly) == 0500); // group and others out; the owner keeps only what it had

    const std::string file = d / "plain";
    REQUIRE(ensurePrivateFile(file, &error));
    CHECK_FALSE(ensurePrivateDir(file, &error));
    CHECK(error.find("not a directory") != std::string::npos);
}

TEST_CASE("ensurePrivateFile does not follow a planted symlink") {
    kiosk::testing::TempDir d("privlink");
    const std::string target = d / "elsewhere";
    {
        Umask open(0);
        REQUIRE(ensurePrivateFile(target));
        REQUIRE(::chmod(target.c_str(), 0644) == 0);
    }
    const std::string link = d / "kiosk-store.db";
    REQUIRE(::symlink(target.c_str(), link.c_str()) == 0);
    std::string error;
    CHECK_FALSE(ensurePrivateFile(link, &error));
    CHECK(narrowPrivateFile(link, &error)); // a symlink is left alone ...
    CHECK(modeOf(target) == 0644);          // ... and so is what it points at
}
