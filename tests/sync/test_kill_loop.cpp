// Durability under kill -9: a child appends and syncs; the parent kills it at random points, again and again
// (KIOSK_KILL_ROUNDS, default 100). Afterwards every record the child reported as committed is on the server
// exactly once, the server holds nothing the terminal does not, and the store passes an integrity check.
#include "offline/OfflineStore.h"
#include "offline/SyncEngine.h"
#include "tests/sync/SyncFixture.h"

#include <csignal>
#include <cstdlib>
#include <random>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

using namespace kiosk::offline;
using namespace kiosk::common;
using namespace std::chrono_literals;

namespace {

// Runs the child for `runMs`, kills it with SIGKILL, returns the ids it printed (complete lines only).
std::vector<std::string> runAndKill(const std::vector<std::string>& args, int runMs) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::dup2(fds[1], 1);
        ::close(fds[0]);
        ::close(fds[1]);
        std::vector<char*> argv;
        for (const std::string& a : args)
            argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(fds[1]);
    std::this_thread::sleep_for(std::chrono::milliseconds(runMs));
    ::kill(pid, SIGKILL);
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;)
        out.append(buf, static_cast<size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK_MESSAGE((WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL), "child ended on its own: ", status);
    std::vector<std::string> ids;
    size_t start = 0;
    for (size_t nl; (nl = out.find('\n', start)) != std::string::npos; start = nl + 1)
        ids.push_back(out.substr(start, nl - start));
    return ids;
}

} // namespace

TEST_CASE("kill -9 while appending and syncing: every committed record arrives exactly once") {
    int rounds = 100;
    if (const char* r = std::getenv("KIOSK_KILL_ROUNDS")) rounds = std::max(1, std::atoi(r));
    kiosk::testing::SyncFixture f(false);
    f.terminalId = "KILL-01";
    std::string error;
    auto ca = kiosk::central::CertAuthority::openOrCreate(f.dir / "tls", &error);
    REQUIRE(ca->issueTerminalCredentials("KILL-01", f.dir / "kill", &error));
    std::string url = "https://127.0.0.1:" + std::to_string(f.server->port());
    std::vector<std::string> args = {
        KIOSK_KILL_CHILD,      f.dir / "state",           url,
        f.dir / "kill/ca.crt", f.dir / "kill/client.crt", f.dir / "kill/client.key"};
    std::mt19937 rng(std::random_device{}());
    std::uniform_int_distribution<int> runMs(15, 150);
    std::set<std::string> committed;
    for (int i = 0; i < rounds; ++i)
        for (const std::string& id : runAndKill(args, runMs(rng)))
            committed.insert(id);
    MESSAGE(rounds << " rounds, " << committed.size() << " records reported committed");
    REQUIRE(committed.size() > static_cast<size_t>(rounds)); // the child did real work between kills

    SyncSettings s = f.sync();
    s.terminalId = "KILL-01";
    s.https.certFile = f.dir / "kill/client.crt";
    s.https.keyFile = f.dir / "kill/client.key";
    {
        SyncEngine engine(s, nullptr);
        REQUIRE(engine.runUntilEmpty(60s));
    }
    OfflineStore store(s.store, "KILL-01");
    std::vector<std::string> local = store.allIds();
    std::set<std::string> localSet(local.begin(), local.end());
    CHECK(store.stats(0).pending == 0);
    CHECK(store.stats(0).rejected == 0);

    std::vector<std::string> remote;
    {
        SqliteDb db(f.dir / "central.db");
        SqliteStatement st(db, "SELECT id FROM records WHERE terminal='KILL-01'");
        while (st.step())
            remote.push_back(st.text(0));
        SqliteDb term(s.store.db);
        SqliteStatement ic(term, "PRAGMA integrity_check");
        REQUIRE(ic.step());
        CHECK(ic.text(0) == "ok");
    }
    std::set<std::string> remoteSet(remote.begin(), remote.end());
    CHECK(remote.size() == remoteSet.size()); // (terminal, id) is the key: no duplicates by construction
    CHECK(remoteSet == localSet);             // nothing lost, nothing invented
    size_t missing = 0;
    for (const std::string& id : committed)
        missing += !remoteSet.count(id);
    CHECK(missing == 0); // every record the terminal said it committed is on the server
    MESSAGE("server holds " << remoteSet.size() << " records; " << f.stats()["duplicates_refused"]
                            << " retries were recognised as duplicates");
}
