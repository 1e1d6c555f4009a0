// kiosk-central — the reference central server and its administration commands.
//
// Sections: serve | issue-cert | enroll-code | stats | complaints | suggestions | command tree + main
// Checklist:
//   [x] one parser (CLI11, like kioskctl): typed options, --help that exits 0 at every level, a bad
//       command line exits 64 with the message
//   [x] serve --listen HOST:PORT --db FILE --tls-dir DIR [--demo-data]; first stdout line "listening on
//       https://..."; runs until SIGTERM/SIGINT (signals taken synchronously with sigwait, no handler state)
//   [x] issue-cert --tls-dir DIR --terminal ID --out DIR [--mode hall|counter]
//   [x] enroll-code --db FILE --terminal ID --mode hall|counter [--counter N] [--valid-hours H]; the
//       terminal id must pass the same rule as kioskctl's config (config/ConfigRules.h)
//   [x] stats --db FILE [--json]
//   [x] complaints --db FILE (--tls-dir DIR | --data-key FILE) [--limit N] [--json]: the office's list,
//       decrypted with the data key (the database holds the citizens' words sealed, server/DataCipher.h)
//   [x] complaints list --db FILE [--status S] [--json]; complaints advance --db FILE --tracking NO --to
//       STAGE [--unit NAME] [--note TEXT] (forward only, server/ComplaintStages.h); the data key from
//       --data-key, --tls-dir or DB-DIR/tls/data.key (a note needs it)
//   [x] suggestions list --db FILE [--json] [--limit N]: 区长信箱, decrypted (the data key found as above)
//   [x] serve --complaint-due-days N (working days to a complaint's due date, default 15)
//   [x] serve raises its open-file limit to the hard limit (thousands of terminal connections)
#include "common/TlsCredentials.h"
#include "config/ConfigRules.h"
#include "server/CentralDb.h"
#include "server/CentralServer.h"
#include "server/CertAuthority.h"
#include "server/WorkCalendar.h"

#include <sys/resource.h>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <exception>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

constexpr int kExitUsage = 64;

// The terminal-id rule, as a CLI11 validator: kioskctl's config accepts exactly what this accepts.
std::string terminalIdProblem(const std::string& id) {
    return kiosk::config::isValidTerminalId(id) ? std::string()
                                                : std::string("must be ") + kiosk::config::kTerminalIdRule;
}

// ---- serve ----
struct ServeOptions {
    std::string listen;
    kiosk::central::CentralSettings s;
    std::vector<std::string> serverNames;
};

int runServe(ServeOptions& o) {
    kiosk::central::CentralSettings& s = o.s;
    const auto colon = o.listen.rfind(':');
    const std::string portText = colon == std::string::npos ? "" : o.listen.substr(colon + 1);
    if (colon == std::string::npos || colon == 0 || portText.empty() || portText.size() > 5 ||
        portText.find_first_not_of("0123456789") != std::string::npos || std::stoi(portText) > 65535) {
        std::fprintf(stderr, "kiosk-central serve: --listen wants HOST:PORT (PORT 0 picks a free one)\n");
        return kExitUsage;
    }
    s.host = o.listen.substr(0, colon);
    s.port = std::stoi(portText);
    for (const std::string& n : o.serverNames)
        if (!n.empty()) s.serverNames.push_back(n);

    // Block the stop signals before any thread starts, so every thread inherits the mask and sigwait gets
    // them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
    // One descriptor per terminal connection: the usual soft limit (1024) would cap a district.
    if (rlimit nofile{}; getrlimit(RLIMIT_NOFILE, &nofile) == 0 && nofile.rlim_cur < nofile.rlim_max) {
        nofile.rlim_cur = nofile.rlim_max;
        setrlimit(RLIMIT_NOFILE, &nofile);
    }

    kiosk::central::CentralServer server(s);
    std::string error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "kiosk-central: %s\n", error.c_str());
        return 1;
    }
    std::printf("listening on https://%s:%d\n", s.host.c_str(), server.port());
    std::fflush(stdout);
    std::string caPem;
    if (kiosk::common::readWholeFile(server.caCertPath(), &caPem))
        std::fprintf(stderr, "kiosk-central: terminal CA %s, key pin %s\n", server.caCertPath().c_str(),
                     kiosk::common::publicKeyPinOfCertPem(caPem).c_str());
    int sig = 0;
    sigwait(&stopSignals, &sig);
    std::fprintf(stderr, "kiosk-central: signal %d, stopping\n", sig);
    server.stop();
    return 0;
}

// ---- issue-cert ----
struct IssueOptions {
    std::string tlsDir, terminal, out, mode;
};

int runIssueCert(const IssueOptions& o) {
    std::string error;
    auto ca = kiosk::central::CertAuthority::openOrCreate(o.tlsDir, &error);
    if (!ca || !ca->issueTerminalCredentials(o.terminal, o.out, &error, o.mode)) {
        std::fprintf(stderr, "kiosk-central: %s\n", error.c_str());
        return 1;
    }
    std::printf("issued certificate for terminal %s%s into %s (ca.crt, client.crt, client.key)\n",
                o.terminal.c_str(), o.mode.empty() ? "" : (" (" + o.mode + ")").c_str(), o.out.c_str());
    return 0;
}

// ---- enroll-code ----
struct EnrollCodeOptions {
    std::string db, terminal, mode;
    int counter = 0;
    double hours = 24;
};

int runEnrollCode(const EnrollCodeOptions& o) {
    if (o.mode == "counter" && o.counter < 1) {
        std::fprintf(stderr,
                     "kiosk-central enroll-code: a counter pad needs --counter N (its window number)\n");
        return kExitUsage;
    }
    try {
        kiosk::central::CentralDb db(o.db);
        auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
        std::string code = db.createEnrolmentCode(o.terminal, o.mode, o.counter, now,
                                                  static_cast<long long>(o.hours * 3600e3));
        std::printf("%s\n", code.c_str());
        std::fprintf(stderr, "kiosk-central: one-time code for %s (%s%s), valid %.0f h\n", o.terminal.c_str(),
                     o.mode.c_str(), o.counter ? (", counter " + std::to_string(o.counter)).c_str() : "",
                     o.hours);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk-central: %s\n", e.what());
        return 1;
    }
}

// ---- stats ----
struct StatsOptions {
    std::string db;
    bool json = false;
};

int runStats(const StatsOptions& o) {
    try {
        kiosk::central::CentralDb db(o.db);
        nlohmann::json st = db.stats();
        if (o.json) {
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

// ---- complaints ----
struct ComplaintsOptions {
    std::string db, tlsDir, dataKey;
    int limit = 50;
    bool json = false;
};

int runComplaints(const ComplaintsOptions& o) {
    if (o.db.empty()) {
        std::fprintf(stderr, "kiosk-central complaints: --db is required\n");
        return kExitUsage;
    }
    kiosk::central::CentralSettings s;
    s.tlsDir = o.tlsDir;
    s.dataKeyPath = o.dataKey;
    if (o.tlsDir.empty() && o.dataKey.empty()) {
        std::fprintf(stderr,
                     "kiosk-central complaints: give --tls-dir or --data-key (the key that opens them)\n");
        return kExitUsage;
    }
    try {
        std::string path = s.dataKeyPath.empty() ? s.tlsDir + "/data.key" : s.dataKeyPath;
        std::string error;
        // Never make a key here: a new one would open nothing.
        if (::access(path.c_str(), F_OK) != 0) throw std::runtime_error("no data key at " + path);
        auto key = kiosk::central::DataCipher::openOrCreate(path, &error);
        if (!key) throw std::runtime_error(error);
        kiosk::central::CentralDb db(o.db, key);
        nlohmann::json list = nlohmann::json::array();
        for (const auto& c : db.complaints(o.limit)) {
            nlohmann::json j = {
                {"tracking_no", c.trackingNo},
                {"terminal", c.terminal},
                {"category", c.category},
                {"department", c.department},
                {"received_at", kiosk::central::isoTimestampChina(std::chrono::system_clock::time_point(
                                    std::chrono::milliseconds(c.receivedMs)))}};
            for (const char* k : {"content", "phone", "name", "id_number", "item_id", "case_no"})
                j[k] = c.record.is_object() ? c.record.value(k, nlohmann::json(nullptr))
                                            : nlohmann::json(nullptr);
            if (!c.record.is_object()) j["error"] = "cannot be decrypted with this key";
            list.push_back(j);
        }
        if (o.json) {
            std::printf("%s\n", list.dump(2).c_str());
            return 0;
        }
        for (const auto& j : list) {
            auto text = [&](const char* k) {
                return j[k].is_string() ? j[k].get<std::string>() : std::string("-");
            };
            std::printf("%s  %s  %s  %s\n  phone %s  name %s  id %s\n  %s\n", text("tracking_no").c_str(),
                        text("received_at").c_str(), text("category").c_str(), text("department").c_str(),
                        text("phone").c_str(), text("name").c_str(), text("id_number").c_str(),
                        j.contains("error") ? "(cannot be decrypted with this key)"
                                            : text("content").c_str());
        }
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk-central: %s\n", e.what());
        return 1;
    }
}

// The data key for `complaints list|advance` and `suggestions list`: --data-key, else TLS-DIR/data.key,
// else the demo's and the tests' layout, tls/data.key next to the database. Never made here (a new key
// would open nothing); nullopt when absent and not required.
std::optional<kiosk::central::DataCipher> findDataKey(const std::string& db, const std::string& tlsDir,
                                                      const std::string& dataKey, bool required) {
    std::string path = dataKey;
    if (path.empty() && !tlsDir.empty()) path = tlsDir + "/data.key";
    if (path.empty()) {
        auto slash = db.rfind('/');
        path = (slash == std::string::npos ? std::string(".") : db.substr(0, slash)) + "/tls/data.key";
    }
    if (::access(path.c_str(), F_OK) != 0) {
        if (!required) return std::nullopt;
        throw std::runtime_error("no data key at " + path + " (give --data-key FILE or --tls-dir DIR)");
    }
    std::string error;
    auto key = kiosk::central::DataCipher::openOrCreate(path, &error);
    if (!key) throw std::runtime_error(error);
    return key;
}

std::string isoOfMs(std::int64_t ms) {
    return kiosk::central::isoTimestampChina(
        std::chrono::system_clock::time_point(std::chrono::milliseconds(ms)));
}

struct ComplaintListOptions {
    std::string db, tlsDir, dataKey, status;
    bool json = false;
};

int runComplaintList(const ComplaintListOptions& o) {
    try {
        kiosk::central::CentralDb db(o.db, findDataKey(o.db, o.tlsDir, o.dataKey, false));
        nlohmann::json list = nlohmann::json::array();
        for (const auto& c : db.complaintStates(o.status))
            list.push_back({{"tracking_no", c.trackingNo},
                            {"category", c.category},
                            {"department", c.department},
                            {"status", c.status},
                            {"created_at", isoOfMs(c.receivedMs)},
                            {"due_date", c.dueDate}});
        if (o.json) {
            std::printf("%s\n", list.dump(2).c_str());
            return 0;
        }
        std::printf("%-24s %-12s %-8s %-10s %-25s %s\n", "TRACKING NO", "CATEGORY", "DEPT", "STATUS",
                    "CREATED", "DUE");
        for (const auto& j : list)
            std::printf(
                "%-24s %-12s %-8s %-10s %-25s %s\n", j["tracking_no"].get<std::string>().c_str(),
                j["category"].get<std::string>().c_str(),
                j["department"].get<std::string>().empty() ? "-" : j["department"].get<std::string>().c_str(),
                j["status"].get<std::string>().c_str(), j["created_at"].get<std::string>().c_str(),
                j["due_date"].get<std::string>().c_str());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk-central: %s\n", e.what());
        return 1;
    }
}

struct ComplaintAdvanceOptions {
    std::string db, tlsDir, dataKey, tracking, to, unit, note;
};

int runComplaintAdvance(const ComplaintAdvanceOptions& o) {
    try {
        // A note is sealed with the data key; a move without one needs no key.
        kiosk::central::CentralDb db(o.db, findDataKey(o.db, o.tlsDir, o.dataKey, !o.note.empty()));
        auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
        auto out = db.advanceComplaint(o.tracking, o.to, o.unit, o.note, now);
        if (!out.ok) {
            std::fprintf(stderr, "kiosk-central complaints advance: %s\n", out.error.c_str());
            return 1;
        }
        const auto& last = out.state.timeline.back();
        std::printf("%s: %s at %s (%s)\n", o.tracking.c_str(), last.stage.c_str(), isoOfMs(last.atMs).c_str(),
                    last.unit.empty() ? "-" : last.unit.c_str());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk-central: %s\n", e.what());
        return 1;
    }
}

// ---- suggestions ----
struct SuggestionListOptions {
    std::string db, tlsDir, dataKey;
    int limit = 100;
    bool json = false;
};

int runSuggestionList(const SuggestionListOptions& o) {
    try {
        kiosk::central::CentralDb db(o.db, findDataKey(o.db, o.tlsDir, o.dataKey, true));
        nlohmann::json list = nlohmann::json::array();
        for (const auto& s : db.suggestions(o.limit)) {
            nlohmann::json j = {{"receipt_no", s.receiptNo},
                                {"terminal", s.terminal},
                                {"received_at", isoOfMs(s.receivedMs)}};
            for (const char* k : {"title", "content", "phone", "name", "id_number"})
                j[k] = s.record.is_object() ? s.record.value(k, nlohmann::json(nullptr))
                                            : nlohmann::json(nullptr);
            if (!s.record.is_object()) j["error"] = "cannot be decrypted with this key";
            list.push_back(j);
        }
        if (o.json) {
            std::printf("%s\n", list.dump(2).c_str());
            return 0;
        }
        for (const auto& j : list) {
            auto text = [&](const char* k) {
                return j[k].is_string() ? j[k].get<std::string>() : std::string("-");
            };
            std::printf("%s  %s  %s\n  phone %s  name %s  id %s\n  %s\n", text("receipt_no").c_str(),
                        text("received_at").c_str(), text("title").c_str(), text("phone").c_str(),
                        text("name").c_str(), text("id_number").c_str(),
                        j.contains("error") ? "(cannot be decrypted with this key)"
                                            : text("content").c_str());
        }
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk-central: %s\n", e.what());
        return 1;
    }
}

std::string commandPath(const CLI::App& app) {
    std::string path = app.get_name();
    for (const CLI::App* at = &app; !at->get_subcommands().empty();) {
        at = at->get_subcommands().front();
        path += " " + at->get_name();
    }
    return path;
}

} // namespace

// ---- command tree + main ----
int main(int argc, char** argv) {
    CLI::App app{"kiosk-central: the reference central server for hall kiosk terminals, and its "
                 "administration commands.",
                 "kiosk-central"};
    app.require_subcommand(1);
    app.footer("Exit codes: 0 done; 1 the operation failed (message on stderr); 64 bad command line.");
    int rc = 0;

    auto so = std::make_shared<ServeOptions>();
    CLI::App* serve =
        app.add_subcommand("serve", "run the server until SIGTERM/SIGINT; the first stdout line "
                                    "is \"listening on https://HOST:PORT\"");
    serve->add_option("--listen", so->listen, "HOST:PORT (PORT 0 picks a free one)")->required();
    serve->add_option("--db", so->s.dbPath, "SQLite database (created if missing)")->required();
    serve->add_option("--tls-dir", so->s.tlsDir, "CA and server certificate (created on first start)")
        ->required();
    serve->add_option(
        "--data-key", so->s.dataKeyPath,
        "AES-256 key for records at rest (created 0600 on first start; default TLS-DIR/data.key)");
    serve->add_flag("--demo-data", so->s.demoData, "serve the demo district (cases, catalog, roster)");
    serve
        ->add_option("--complaint-due-days", so->s.complaintDueWorkingDays,
                     "a complaint's handling limit in working days (its due date)")
        ->check(CLI::Range(1, 365))
        ->capture_default_str();
    serve->add_option("--lookups-per-minute", so->s.lookupsPerMinute, "case lookups per terminal per minute")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    serve
        ->add_option("--server-name", so->serverNames,
                     "names/addresses terminals reach it by, for the server certificate (first start)")
        ->delimiter(',');
    serve->callback([so, &rc] { rc = runServe(*so); });

    auto io = std::make_shared<IssueOptions>();
    CLI::App* issue =
        app.add_subcommand("issue-cert", "issue a terminal's key and certificate directly (demo, "
                                         "tests); real terminals enrol with a code instead");
    issue->add_option("--tls-dir", io->tlsDir, "the server's TLS directory")->required();
    issue->add_option("--terminal", io->terminal, "terminal id")->required()->check(terminalIdProblem);
    issue->add_option("--out", io->out, "directory for ca.crt, client.crt, client.key (0600)")->required();
    issue->add_option("--mode", io->mode, "written into the certificate for `kioskctl config check`")
        ->check(CLI::IsMember({"hall", "counter"}));
    issue->callback([io, &rc] { rc = runIssueCert(*io); });

    auto eo = std::make_shared<EnrollCodeOptions>();
    CLI::App* code = app.add_subcommand("enroll-code", "print a one-time code for `kioskctl enroll`");
    code->add_option("--db", eo->db, "the server's database")->required();
    code->add_option("--terminal", eo->terminal,
                     std::string("terminal id: ") + kiosk::config::kTerminalIdRule)
        ->required()
        ->check(terminalIdProblem);
    code->add_option("--mode", eo->mode, "hall or counter")
        ->required()
        ->check(CLI::IsMember({"hall", "counter"}));
    code->add_option("--counter", eo->counter, "counter pads: the window number")->check(CLI::Range(1, 999));
    code->add_option("--valid-hours", eo->hours, "how long the code can be used")
        ->check(CLI::Range(0.01, 24.0 * 365))
        ->capture_default_str();
    code->callback([eo, &rc] { rc = runEnrollCode(*eo); });

    auto to = std::make_shared<StatsOptions>();
    CLI::App* stats = app.add_subcommand("stats", "record counts per kind and terminal");
    stats->add_option("--db", to->db, "the server's database")->required();
    stats->add_flag("--json", to->json, "as JSON");
    stats->callback([to, &rc] { rc = runStats(*to); });

    auto co = std::make_shared<ComplaintsOptions>();
    CLI::App* complaints = app.add_subcommand(
        "complaints", "the newest complaints, decrypted, for the office; `list` and `advance` handle them");
    complaints->require_subcommand(0, 1);
    complaints->add_option("--db", co->db, "the server's database");
    complaints->add_option("--tls-dir", co->tlsDir, "the server's TLS directory (holds data.key)");
    complaints->add_option("--data-key", co->dataKey, "the data key file, when not in the TLS directory");
    complaints->add_option("--limit", co->limit, "how many")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    complaints->add_flag("--json", co->json, "as JSON");

    auto lo = std::make_shared<ComplaintListOptions>();
    CLI::App* list = complaints->add_subcommand(
        "list", "every complaint with its status (latest stage), creation time and due date");
    list->add_option("--db", lo->db, "the server's database")->required();
    list->add_option("--status", lo->status, "only complaints at this stage")
        ->check(CLI::IsMember({"received", "assigned", "handling", "replied", "closed", "revisited"}));
    list->add_option("--tls-dir", lo->tlsDir, "the server's TLS directory (holds data.key)");
    list->add_option("--data-key", lo->dataKey,
                     "the data key file (default TLS-DIR/data.key or DB-DIR/tls/data.key)");
    list->add_flag("--json", lo->json,
                   "as a JSON array of {tracking_no, category, department, status, created_at, due_date}");
    list->callback([lo, &rc] { rc = runComplaintList(*lo); });

    auto ao = std::make_shared<ComplaintAdvanceOptions>();
    CLI::App* advance = complaints->add_subcommand(
        "advance", "move a complaint to a later stage (forward only; revisited only after closed)");
    advance->add_option("--db", ao->db, "the server's database")->required();
    advance->add_option("--tracking", ao->tracking, "the complaint's tracking number")->required();
    advance->add_option("--to", ao->to, "the new stage")
        ->required()
        ->check(CLI::IsMember({"assigned", "handling", "replied", "closed", "revisited"}));
    advance->add_option("--unit", ao->unit, "the handling unit (default: the latest stage's unit)");
    advance->add_option("--note", ao->note, "what was done; for replied the reply text the citizen reads");
    advance->add_option("--tls-dir", ao->tlsDir, "the server's TLS directory (holds data.key)");
    advance->add_option("--data-key", ao->dataKey,
                        "the data key file (default TLS-DIR/data.key or DB-DIR/tls/data.key)");
    advance->callback([ao, &rc] { rc = runComplaintAdvance(*ao); });

    complaints->callback([co, list, advance, &rc] {
        if (list->parsed() || advance->parsed()) return;
        rc = runComplaints(*co);
    });

    auto go = std::make_shared<SuggestionListOptions>();
    CLI::App* suggestions =
        app.add_subcommand("suggestions", "区长信箱 suggestions, decrypted, for the office");
    suggestions->require_subcommand(1);
    CLI::App* slist = suggestions->add_subcommand("list", "the newest suggestions (title, text, contact)");
    slist->add_option("--db", go->db, "the server's database")->required();
    slist->add_option("--tls-dir", go->tlsDir, "the server's TLS directory (holds data.key)");
    slist->add_option("--data-key", go->dataKey,
                      "the data key file (default TLS-DIR/data.key or DB-DIR/tls/data.key)");
    slist->add_option("--limit", go->limit, "how many")->check(CLI::PositiveNumber)->capture_default_str();
    slist->add_flag(
        "--json", go->json,
        "as a JSON array of {receipt_no, terminal, received_at, title, content, phone, name, id_number}");
    slist->callback([go, &rc] { rc = runSuggestionList(*go); });

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e); // --help: stdout, exit 0
        const std::string path = commandPath(app);
        std::fprintf(stderr, "%s: %s\nRun '%s --help' for the options.\n", path.c_str(), e.what(),
                     path.c_str());
        return kExitUsage;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s: %s\n", commandPath(app).c_str(), e.what());
        return 1;
    }
    return rc;
}
