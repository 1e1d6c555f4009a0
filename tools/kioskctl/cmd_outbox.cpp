// kioskctl outbox — look into the terminal's outbox, or fill it with demo records.
//
//   kioskctl outbox stats --config FILE
//       JSON: pending, sent, rejected, oldest_pending_age_s, and the rejected records (metadata and error
//       only)
//   kioskctl outbox enqueue-demo --config FILE --kind rating|complaint --count N [--print-ids]
//       appends through StoreWriter, the same path the screens use; prints a JSON summary
//
// Sections: demo records | stats | enqueue-demo | command tree
#include "config/KioskConfig.h"
#include "offline/StoreWriter.h"
#include "offline/SyncEngine.h"
#include "tools/kioskctl/Commands.h"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

namespace {

std::int64_t nowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// ---- demo records ----
nlohmann::json demoRating(int i, int counter) {
    static const char* kTags[][2] = {{"办事效率高", "一次办成"},
                                     {"服务态度好", "告知清楚"},
                                     {"材料精简", "主动服务"},
                                     {"等候时间长", "多次跑腿"},
                                     {"服务态度差", "办事效率低"}};
    int level = 5 - (i % 7 == 6 ? 3 : i % 3); // mostly 5/4/3, sometimes 2
    int c = counter > 0 ? counter : 1 + i % 10;
    char staff[16];
    std::snprintf(staff, sizeof staff, "ST%04d", 1000 + c);
    const auto& tags = kTags[level >= 4 ? i % 3 : 3 + i % 2];
    return {{"counter", c},
            {"staff_id", staff},
            {"level", level},
            {"tags", {tags[0], tags[1]}},
            {"item_id", "SX00" + std::to_string(1 + i % 9)}};
}

nlohmann::json demoComplaint(int i) {
    static const char* kCategories[] = {"tuola", "tuiwei", "taidu", "luanshoufei", "qita"};
    static const char* kTexts[] = {"材料交齐已经两周，窗口说还在审核，超过了承诺时限也没有人联系我。",
                                   "社保窗口让我去街道开证明，街道又说要回窗口办，来回跑了三趟。",
                                   "工作人员在窗口玩手机，问问题很不耐烦。",
                                   "办理营业执照变更时被要求交材料费，公示里写的是不收费。",
                                   "自助机经常故障，希望尽快维修。"};
    return {{"category", kCategories[i % 5]},
            {"content", kTexts[i % 5]},
            {"phone", "13800138000"},
            {"item_id", "SX00" + std::to_string(1 + i % 9)}};
}

// ---- stats ----
int stats(const kiosk::offline::SyncSettings& s) {
    try {
        kiosk::offline::OfflineStore store(s.store, s.terminalId);
        kiosk::offline::OutboxStats st = store.stats(nowMs());
        nlohmann::json rejected = nlohmann::json::array();
        for (const auto& r : store.records("rejected", 100))
            rejected.push_back({{"id", r.id},
                                {"seq", r.seq},
                                {"kind", r.kind},
                                {"tracking_no", r.trackingNo},
                                {"attempts", r.attempts},
                                {"error", r.lastError}});
        nlohmann::json out = {{"pending", st.pending},         {"sent", st.sent},
                              {"rejected", st.rejected},       {"oldest_pending_age_s", st.oldestPendingAgeS},
                              {"last_sent_ms", st.lastSentMs}, {"schema_version", store.schemaVersion()},
                              {"rejected_records", rejected}};
        std::printf("%s\n", out.dump(2).c_str());
        return 0;
    } catch (const kiosk::offline::StoreError& e) {
        std::fprintf(stderr, "kioskctl outbox: store %s: %s\n", kiosk::offline::storeErrorKindName(e.kind),
                     e.what());
        return 1;
    }
}

// ---- enqueue-demo ----
int enqueueDemo(const kiosk::offline::SyncSettings& s, const std::string& kind, int count, bool printIds) {
    std::mutex m;
    std::condition_variable cv;
    int done = 0, committed = 0;
    std::string firstError;
    std::vector<std::string> ids(static_cast<size_t>(count));
    std::int64_t t0 = nowMs();
    {
        kiosk::offline::StoreWriter writer(s.store, s.terminalId);
        for (int i = 0; i < count; ++i) {
            nlohmann::json payload = kind == "rating" ? demoRating(i, s.counter) : demoComplaint(i);
            writer.append(kind, std::move(payload), [&, i](const kiosk::offline::AppendOutcome& o) {
                std::lock_guard lock(m);
                ++done;
                if (o.committed) {
                    ++committed;
                    ids[static_cast<size_t>(i)] = o.result.id;
                } else if (firstError.empty()) {
                    firstError = o.technicianMessage;
                }
                cv.notify_all();
            });
        }
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return done == count; });
    }
    if (printIds)
        for (const std::string& id : ids)
            if (!id.empty()) std::printf("%s\n", id.c_str());
    nlohmann::json out = {
        {"kind", kind}, {"requested", count}, {"committed", committed}, {"elapsed_ms", nowMs() - t0}};
    if (!firstError.empty()) out["error"] = firstError;
    std::fprintf(printIds ? stderr : stdout, "%s\n", out.dump().c_str());
    return committed == count ? 0 : 1;
}

} // namespace

// ---- command tree ----
void kioskctl::addOutboxCommand(CLI::App& root, int* exitCode) {
    CLI::App* outbox =
        root.add_subcommand("outbox", "look into the terminal's outbox, or fill it with demo records");
    outbox->require_subcommand(1);

    auto statsConfig = std::make_shared<std::string>();
    CLI::App* statsCmd = outbox->add_subcommand(
        "stats", "JSON: pending, sent, rejected, oldest pending age, and the rejected records (metadata and "
                 "error only)");
    statsCmd->add_option("--config", *statsConfig, "the kiosk config (TOML)")->required();
    statsCmd->footer("Exit codes: 0 printed; 1 the store cannot be read; 78 the config is invalid.");
    statsCmd->callback([statsConfig, exitCode] {
        kiosk::offline::SyncSettings s;
        *exitCode = loadSyncSettings(*statsConfig, &s, nullptr) ? stats(s) : kExitConfig;
    });

    struct DemoOptions {
        std::string config, kind;
        int count = 0;
        bool printIds = false;
    };
    auto d = std::make_shared<DemoOptions>();
    CLI::App* demoCmd = outbox->add_subcommand(
        "enqueue-demo", "append demo records through StoreWriter, the same path the screens use");
    demoCmd->add_option("--config", d->config, "the kiosk config (TOML)")->required();
    demoCmd->add_option("--kind", d->kind, "record kind")
        ->required()
        ->check(CLI::IsMember({"rating", "complaint"}));
    demoCmd->add_option("--count", d->count, "how many")->required()->check(CLI::Range(1, 1000000));
    demoCmd->add_flag("--print-ids", d->printIds,
                      "print each committed record id (the summary goes to stderr)");
    demoCmd->footer("Exit codes: 0 all committed; 1 some were not (the first error in the summary); 78 the "
                    "config is invalid.");
    demoCmd->callback([d, exitCode] {
        kiosk::offline::SyncSettings s;
        *exitCode = loadSyncSettings(d->config, &s, nullptr) ? enqueueDemo(s, d->kind, d->count, d->printIds)
                                                             : kExitConfig;
    });
}
