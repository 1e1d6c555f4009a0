// bench_pinyin: what the pinyin keyboard costs. Prints one JSON object:
//   open_ms        opening libgooglepinyin's dictionary (median of 20 opens, warm page cache)
//   keystroke_ms   one letter typed → its ranked candidates back on the asking thread, through
//                  kiosk/PinyinService (thread hand-off + search + the hall's vocabulary): p50, p99, max
//   pss_kib        the process's PSS before the engine, and added by it (open + vocabulary + searches)
//
// Sections: memory · timing · main
// Checklist: [x] the required words and the demo roster's names typed letter by letter  [x] p50 / p99
//            [ ] drawing the candidate bar: a frame, measured by bench/app
#include "kiosk/GooglePinyinEngine.h"
#include "kiosk/HallVocabulary.h"
#include "kiosk/PinyinService.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

using namespace kiosk;
using Clock = std::chrono::steady_clock;

namespace {

// ---- memory ----
long pssKiB() {
    std::ifstream in("/proc/self/smaps_rollup");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("Pss:", 0) == 0) return std::stol(line.substr(4));
    return -1;
}

// ---- timing ----
double ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

} // namespace

// ---- main ----
int main() {
    std::vector<double> opens;
    for (int i = 0; i < 20; ++i) {
        GooglePinyinEngine engine;
        std::string error;
        const auto t0 = Clock::now();
        if (!engine.open(error)) {
            std::fprintf(stderr, "bench_pinyin: %s\n", error.c_str());
            return 2;
        }
        opens.push_back(ms(Clock::now() - t0));
    }

    std::ifstream in(KIOSK_DEMO_DISTRICT_JSON);
    const nlohmann::json district = nlohmann::json::parse(in);
    std::vector<std::string> words = {"tuiweichepi", "chinakayao",     "banshituola",      "luanshoufei",
                                      "gongshang",   "shehuibaozhang", "budongchandengji", "yiliaobaoxian"};
    // Staff names of the demo roster, typed in full pinyin (as a citizen reporting someone would).
    for (const char* n : {"liuxiaoyan", "sunliwei", "zhouting", "wujianhua", "wangxiuying", "zhangwei"})
        words.emplace_back(n);

    const long pssBefore = pssKiB();
    EventQueue events;
    std::vector<double> keys;
    {
        PinyinService service(events, [] { return std::make_unique<GooglePinyinEngine>(); });
        service.setVocabulary("catalog", vocabularyFromCatalog(district));
        service.setVocabulary("roster", vocabularyFromRoster(district));
        std::uint64_t seq = 0;
        for (int round = 0; round < 20; ++round) {
            for (const std::string& w : words) {
                for (std::size_t n = 1; n <= w.size(); ++n) {
                    const auto t0 = Clock::now();
                    service.lookUp(++seq, w.substr(0, n));
                    bool got = false;
                    while (!got) {
                        for (AppEvent& e : events.drain())
                            if (auto* r = std::get_if<PinyinCandidatesReady>(&e); r && r->seq == seq)
                                got = true;
                        if (!got) std::this_thread::yield();
                    }
                    keys.push_back(ms(Clock::now() - t0));
                }
            }
        }
        const long pssWith = pssKiB();
        std::printf("{\"bench\": \"pinyin\", \"open_ms\": {\"median\": %.3f, \"max\": %.3f}, "
                    "\"keystroke_ms\": {\"n\": %zu, \"p50\": %.3f, \"p99\": %.3f, \"max\": %.3f}, "
                    "\"pss_kib\": {\"before\": %ld, \"added_by_engine\": %ld}, \"vocabulary\": %zu}\n",
                    percentile(opens, 0.5), percentile(opens, 1.0), keys.size(), percentile(keys, 0.5),
                    percentile(keys, 0.99), percentile(keys, 1.0), pssBefore, pssWith - pssBefore,
                    vocabularyFromCatalog(district).size() + vocabularyFromRoster(district).size());
    }
    return 0;
}
