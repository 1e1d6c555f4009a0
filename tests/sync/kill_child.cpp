// Child process of the kill -9 loop (test_kill_loop.cpp): appends ratings through StoreWriter while the sync
// engine uploads them, and prints each record id on stdout only after its commit returned. The parent kills
// it with SIGKILL at a random moment; every printed id must end up on the server exactly once.
//
//   sync_kill_child STATE_DIR BASE_URL CA CERT KEY
#include "offline/StoreWriter.h"
#include "offline/SyncEngine.h"

#include <cstdio>
#include <thread>

int main(int argc, char** argv) {
    if (argc != 6) {
        std::fprintf(stderr, "usage: sync_kill_child STATE_DIR BASE_URL CA CERT KEY\n");
        return 64;
    }
    kiosk::offline::SyncSettings s;
    s.store = kiosk::offline::StorePaths::in(argv[1]);
    s.terminalId = "KILL-01";
    s.https.baseUrl = argv[2];
    s.https.caFile = argv[3];
    s.https.certFile = argv[4];
    s.https.keyFile = argv[5];
    s.batchSize = 7; // small batches: more upload/commit boundaries for the kill to land on
    s.backoffBaseMs = 20;
    s.backoffCapMs = 200;
    kiosk::offline::SyncEngine engine(s, nullptr);
    kiosk::offline::StoreWriter writer(s.store, s.terminalId, [&engine] { engine.wake(); });
    engine.start();
    for (int i = 0;; ++i) {
        kiosk::offline::AppendOutcome o = writer.appendAndWait(
            "rating", {{"counter", 1 + i % 10}, {"staff_id", "ST1001"}, {"level", 1 + i % 5}});
        if (!o.committed) {
            std::fprintf(stderr, "append failed: %s\n", o.technicianMessage.c_str());
            return 1;
        }
        std::printf("%s\n", o.result.id.c_str());
        std::fflush(stdout);
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}
