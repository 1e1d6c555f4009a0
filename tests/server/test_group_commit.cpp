// CentralDb's group commit (issue 10.7): writes from many handler threads at once share transactions,
// yet each returns only its own outcomes, a write that throws undoes only itself, and a retry of the
// same record inside the same group is still a duplicate.
#include "server/CentralDb.h"
#include "server/DataCipher.h"
#include "tests/server/TempDir.h"

#include <doctest/doctest.h>

#include <atomic>
#include <cstdio>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace kiosk::central;

TEST_CASE("group commit: 16 threads x 20 writes; one failing write undoes only itself") {
    kiosk::testing::TempDir dir{"group"};
    std::array<unsigned char, 32> key{};
    CentralDb db(dir / "central.db", DataCipher::fromKey(key));
    std::atomic<int> stored{0}, duplicates{0}, failed{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 16; ++t)
        threads.emplace_back([&, t] {
            for (int k = 0; k < 20; ++k) {
                char id[40];
                std::snprintf(id, sizeof id, "0190a7a0-0000-7000-8%03d-%012d", t, k % 10); // k>=10 repeats
                std::vector<IncomingRecord> recs{
                    {"T-" + std::to_string(t), id, "rating", k + 1, R"({"level":5})"}};
                try {
                    auto out = db.storeRecords(recs, [&](kiosk::common::SqliteDb&, size_t) -> std::string {
                        if (t == 3 && k == 4) throw std::runtime_error("refused");
                        return R"({"ok":true})";
                    });
                    REQUIRE(out.size() == 1);
                    (out[0].status == WriteStatus::Stored ? stored : duplicates)++;
                } catch (const std::runtime_error&) {
                    ++failed;
                }
            }
        });
    for (auto& th : threads)
        th.join();
    CHECK(failed == 1);
    // Thread 3's record 4 failed the first time and was stored by its repeat (k = 14).
    CHECK(stored == 16 * 10);
    CHECK(duplicates == 16 * 10 - 1);
    nlohmann::json st = db.stats();
    CHECK(st["ratings"]["total"] == 160);
    CHECK(st["duplicates_refused"] == 159);
}
