// kiosk-central — the reference central server and its administration commands.
//
// Sections: argument parsing | serve | issue-cert | dispatch
// Checklist:
//   [x] serve --listen HOST:PORT --db FILE --tls-dir DIR [--demo-data]; first stdout line "listening on
//   https://..." [x] runs until SIGTERM/SIGINT (signals taken synchronously with sigwait, no handler state)
//   [x] issue-cert --tls-dir DIR --terminal ID --out DIR
//   [x] enroll-code --db FILE --terminal ID --mode hall|counter [--counter N] [--valid-hours H]
//   [x] stats --db FILE [--json]
#include "offline/TlsCredentials.h"
#include "server/CentralDb.h"
#include "server/CentralServer.h"
#include "server/CertAuthority.h"

#include <chrono>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>

namespace {

// ---- argument parsing ----
// --flag value pairs and bare --switches; returns false (with a message) on an unknown or incomplete flag.
bool parseFlags(int argc, char** argv, int first, const std::map<std::string, bool>& known,
                std::map<std::string, std::string>* out) {
    for (int i = first; i < argc; ++i) {
        std::string a = argv[i];
        auto it = known.find(a);
        if (it == known.end()) {
            std::fprintf(stderr, "kiosk-central: unknown option '%s'\n", a.c_str());
            return false;
        }
        if (it->second) {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "kiosk-central: option %s needs a value\n", a.c_str());
                return false;
            }
            (*out)[a] = argv[++i];
        } else {
            (*out)[a] = "1";
        }
    }
    return true;
}

bool require(const std::map<std::string, std::string>& f, std::initializer_list<const char*> names) {
    for (const char* n : names)
        if (!f.count(n)) {
            std::fprintf(stderr, "kiosk-central: missing %s\n", n);
            return false;
        }
    return true;
}

// ---- serve ----
int runServe(int argc, char** argv) {
    std::map<std::string, std::string> f;
    if (!parseFlags(argc, argv, 2,
                    {{"--listen", true},
                     {"--db", true},
                     {"--tls-dir", true},
                     {"--demo-data", false},
                     {"--lookups-per-minute", true},
                     {"--server-name", true}},
                    &f) ||
        !require(f, {"--listen", "--db", "--tls-dir"}))
        return 64;
    kiosk::central::CentralSettings s;
    const std::string listen = f["--listen"];
    auto colon = listen.rfind(':');
    if (colon == std::string::npos) {
        std::fprintf(stderr, "kiosk-central: --listen wants HOST:PORT\n");
        return 64;
    }
    s.host = listen.substr(0, colon);
    try {
        s.port = std::stoi(listen.substr(colon + 1));
        if (f.count("--lookups-per-minute")) s.lookupsPerMinute = std::stod(f["--lookups-per-minute"]);
    } catch (const std::exception&) {
        std::fprintf(stderr, "kiosk-central: bad number in --listen or --lookups-per-minute\n");
        return 64;
    }
    s.dbPath = f["--db"];
    s.tlsDir = f["--tls-dir"];
    s.demoData = f.count("--demo-data") > 0;
    // --server-name central.example.gov.cn,10.1.2.3: what terminals connect to (server certificate SAN).
    if (f.count("--server-name")) {
        std::string names = f["--server-name"];
        size_t start = 0;
        while (start <= names.size()) {
            const size_t comma = names.find(',', start);
            const std::string n =
                names.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (!n.empty()) s.serverNames.push_back(n);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }

    // Block the stop signals before any thread starts, so every thread inherits the mask and sigwait gets
    // them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    kiosk::central::CentralServer server(s);
    std::string error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "kiosk-central: %s\n", error.c_str());
        return 1;
    }
    std::printf("listening on https://%s:%d\n", s.host.c_str(), server.port());
    std::fflush(stdout);
    std::string caPem;
    if (kiosk::offline::readWholeFile(server.caCertPath(), &caPem))
        std::fprintf(stderr, "kiosk-central: terminal CA %s, key pin %s\n", server.caCertPath().c_str(),
                     kiosk::offline::publicKeyPinOfCertPem(caPem).c_str());
    int sig = 0;
    sigwait(&stopSignals, &sig);
    std::fprintf(stderr, "kiosk-central: signal %d, stopping\n", sig);
    server.stop();
    return 0;
}

// ---- issue-cert ----
int runIssueCert(int argc, char** argv) {
    std::map<std::string, std::string> f;
    if (!parseFlags(argc, argv, 2, {{"--tls-dir", true}, {"--terminal", true}, {"--out", true}}, &f) ||
        !require(f, {"--tls-dir", "--terminal", "--out"}))
        return 64;
    std::string error;
    auto ca = kiosk::central::CertAuthority::openOrCreate(f["--tls-dir"], &error);
    if (!ca || !ca->issueTerminalCredentials(f["--terminal"], f["--out"], &error)) {
        std::fprintf(stderr, "kiosk-central: %s\n", error.c_str());
        return 1;
    }
    std::printf("issued certificate for terminal %s into %s (ca.crt, client.crt, client.key)\n",
                f["--terminal"].c_str(), f["--out"].c_str());
    return 0;
}

// ---- enroll-code ----
int runEnrollCode(int argc, char** argv) {
    std::map<std::string, std::string> f;
    if (!parseFlags(argc, argv, 2,
                    {{"--db", true},
                     {"--terminal", true},
                     {"--mode", true},
                     {"--counter", true},
                     {"--valid-hours", true}},
                    &f) ||
        !require(f, {"--db", "--terminal", "--mode"}))
        return 64;
    const std::string mode = f["--mode"];
    if (mode != "hall" && mode != "counter") {
        std::fprintf(stderr, "kiosk-central: --mode must be hall or counter\n");
        return 64;
    }
    int counter = 0;
    double hours = 24;
    try {
        if (f.count("--counter")) counter = std::stoi(f["--counter"]);
        if (f.count("--valid-hours")) hours = std::stod(f["--valid-hours"]);
    } catch (const std::exception&) {
        std::fprintf(stderr, "kiosk-central: bad number in --counter or --valid-hours\n");
        return 64;
    }
    if (mode == "counter" && counter < 1) {
        std::fprintf(stderr, "kiosk-central: a counter pad needs --counter N (its window number)\n");
        return 64;
    }
    const std::string& terminal = f["--terminal"];
    if (terminal.empty() || terminal.size() > 64 || terminal == "kiosk-enrolment") {
        std::fprintf(stderr, "kiosk-central: --terminal must be a short id such as HALL-01\n");
        return 64;
    }
    try {
        kiosk::central::CentralDb db(f["--db"]);
        auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
        std::string code =
            db.createEnrolmentCode(terminal, mode, counter, now, static_cast<long long>(hours * 3600e3));
        std::printf("%s\n", code.c_str());
        std::fprintf(stderr, "kiosk-central: one-time code for %s (%s%s), valid %.0f h\n", terminal.c_str(),
                     mode.c_str(), counter ? (", counter " + std::to_string(counter)).c_str() : "", hours);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk-central: %s\n", e.what());
        return 1;
    }
}

// ---- stats ----
int runStats(int argc, char** argv) {
    std::map<std::string, std::string> f;
    if (!parseFlags(argc, argv, 2, {{"--db", true}, {"--json", false}}, &f) || !require(f, {"--db"}))
        return 64;
    try {
        kiosk::central::CentralDb db(f["--db"]);
        nlohmann::json st = db.stats();
        if (f.count("--json")) {
            std::printf("%s\n", st.dump(2).c_str());
        } else {
            std::printf(
                "complaints: %lld\nratings:    %lld\nduplicates refused: %lld\npayload mismatches: %lld\n",
                st["complaints"]["total"].get<long long>(), st["ratings"]["total"].get<long long>(),
                st["duplicates_refused"].get<long long>(), st["payload_mismatches"].get<long long>());
        }
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk-central: %s\n", e.what());
        return 1;
    }
}

void usage(FILE* out) {
    std::fprintf(out,
                 "usage:\n"
                 "  kiosk-central serve --listen HOST:PORT --db FILE --tls-dir DIR [--demo-data] "
                 "[--server-name N[,N...]]\n"
                 "                      [--lookups-per-minute N]\n"
                 "  kiosk-central issue-cert --tls-dir DIR --terminal ID --out DIR\n"
                 "  kiosk-central enroll-code --db FILE --terminal ID --mode hall|counter [--counter N]\n"
                 "                            [--valid-hours H]\n"
                 "  kiosk-central stats --db FILE [--json]\n");
}

} // namespace

// ---- dispatch ----
int main(int argc, char** argv) {
    if (argc < 2) {
        usage(stderr);
        return 64;
    }
    std::string cmd = argv[1];
    if (cmd == "serve") return runServe(argc, argv);
    if (cmd == "issue-cert") return runIssueCert(argc, argv);
    if (cmd == "enroll-code") return runEnrollCode(argc, argv);
    if (cmd == "stats") return runStats(argc, argv);
    if (cmd == "--help" || cmd == "-h") {
        usage(stdout);
        return 0;
    }
    std::fprintf(stderr, "kiosk-central: unknown command '%s'\n", cmd.c_str());
    usage(stderr);
    return 64;
}
