// Print queue against the in-process virtual printer: printed, paper out, cover open, offline, time-out,
// bad URI; failed jobs kept and reprinted under the same id; submit never blocks; status events.
#include "drivers/printer/PrintQueue.h"
#include "drivers/printer/VirtualPrinter.h"

#include <doctest/doctest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

using namespace kiosk::printer;

namespace {

struct EventLog {
    std::mutex m;
    std::condition_variable cv;
    std::vector<PrinterEvent> events;
    PrintQueue::EventCallback callback() {
        return [this](const PrinterEvent& e) {
            std::lock_guard lock(m);
            events.push_back(e);
            cv.notify_all();
        };
    }
    // Waits for the job's printed/failed event.
    std::optional<PrinterEvent> outcome(std::uint64_t id, std::size_t nth = 0, int ms = 8000) {
        std::unique_lock lock(m);
        std::optional<PrinterEvent> found;
        cv.wait_for(lock, std::chrono::milliseconds(ms), [&] {
            std::size_t seen = 0;
            for (const auto& e : events)
                if (e.jobId == id && e.kind != PrinterEvent::Kind::StatusChanged && seen++ == nth) {
                    found = e;
                    return true;
                }
            return false;
        });
        return found;
    }
    int statusEvents() {
        std::lock_guard lock(m);
        int n = 0;
        for (const auto& e : events)
            n += e.kind == PrinterEvent::Kind::StatusChanged;
        return n;
    }
};

Receipt slip(const char* text) {
    Receipt r;
    r.text(text);
    r.qr("TS-1");
    return r;
}

int closedPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

} // namespace

TEST_CASE("a job prints on the virtual printer; paper out fails it, keeps it, and reprint prints it") {
    std::mutex rm;
    int rendered = 0;
    VirtualPrinter vp(VirtualPrinterOptions{}, [&](const RenderedJob& j) {
        std::lock_guard lock(rm);
        rendered += j.printed;
    });
    vp.start();
    EventLog log;
    PrintQueue q(PrinterSettings{vp.uri(), 80, 2000}, log.callback());

    const auto id1 = q.submit(slip("第一张"));
    auto e = log.outcome(id1);
    REQUIRE(e);
    CHECK(e->kind == PrinterEvent::Kind::JobPrinted);
    CHECK(e->status.canPrint());

    vp.setPaper(PaperState::Out);
    const auto id2 = q.submit(slip("第二张"));
    CHECK(id2 == id1 + 1);
    e = log.outcome(id2);
    REQUIRE(e);
    CHECK(e->kind == PrinterEvent::Kind::JobFailed);
    CHECK(e->reason == PrintFailure::PaperOut);
    CHECK(e->messageZh.find("缺纸") != std::string::npos);
    CHECK(e->technicianDetail.find("paper_out") == 0);
    auto failed = q.failedJobs();
    REQUIRE(failed.size() == 1);
    CHECK(failed[0].jobId == id2);
    CHECK(std::get<TextBlock>(failed[0].receipt.blocks[0]).text == "第二张"); // the slip's content is kept
    CHECK(q.lastStatus().paperOut);

    vp.setPaper(PaperState::Ok);
    CHECK(q.reprint(id2));
    CHECK_FALSE(q.reprint(id2)); // no longer failed
    e = log.outcome(id2, 1);
    REQUIRE(e);
    CHECK(e->kind == PrinterEvent::Kind::JobPrinted);
    CHECK(q.failedJobs().empty());
    CHECK_FALSE(q.reprint(9999));
    std::lock_guard lock(rm);
    CHECK(rendered == 2);          // the paper-out job was not printed
    CHECK(vp.jobsReceived() == 2); // the queue did not send it while the printer reported paper out
}

TEST_CASE("cover open and time-out fail the job with their own reason") {
    VirtualPrinter vp(VirtualPrinterOptions{});
    vp.start();
    EventLog log;
    PrintQueue q(PrinterSettings{vp.uri(), 58, 400}, log.callback());
    vp.setCoverOpen(true);
    auto e = log.outcome(q.submit(slip("盖子")));
    REQUIRE(e);
    CHECK(e->reason == PrintFailure::CoverOpen);
    vp.setCoverOpen(false);
    vp.setAnswersStatus(false);
    e = log.outcome(q.submit(slip("超时")));
    REQUIRE(e);
    CHECK(e->reason == PrintFailure::Timeout);
    CHECK(e->messageZh.find("没有响应") != std::string::npos);
    CHECK(q.failedJobs().size() == 2);
    CHECK(q.discardFailed(q.failedJobs()[0].jobId));
    CHECK(q.failedJobs().size() == 1);
}

TEST_CASE("offline printer: failed fast, kept; submit never blocks while the worker waits") {
    EventLog log;
    PrintQueue q(PrinterSettings{"tcp://127.0.0.1:" + std::to_string(closedPort()), 80, 1000},
                 log.callback());
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<std::uint64_t> ids;
    for (int i = 0; i < 20; ++i)
        ids.push_back(q.submit(slip("离线")));
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(50));
    for (auto id : ids) {
        auto e = log.outcome(id);
        REQUIRE(e);
        CHECK(e->reason == PrintFailure::Offline);
    }
    CHECK(q.failedJobs().size() == 20);
    CHECK_FALSE(q.lastStatus().answered);
}

TEST_CASE("a hung printer does not block submit; bad URI is reported as such") {
    VirtualPrinter vp(VirtualPrinterOptions{});
    vp.start();
    vp.setAnswersStatus(false);
    EventLog log;
    PrintQueue q(PrinterSettings{vp.uri(), 80, 1500}, log.callback());
    q.submit(slip("a"));
    const auto t0 = std::chrono::steady_clock::now();
    const auto id = q.submit(slip("b")); // worker is inside a 1.5 s wait on the first job
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(50));
    CHECK(q.pendingCount() >= 1);
    REQUIRE(log.outcome(id));

    EventLog badLog;
    PrintQueue bad(PrinterSettings{"lpt1", 80, 100}, badLog.callback());
    auto e = badLog.outcome(bad.submit(slip("x")));
    REQUIRE(e);
    CHECK(e->reason == PrintFailure::BadUri);
    CHECK(e->technicianDetail.find("printer URI") != std::string::npos);
}

TEST_CASE("status changes are reported between jobs (idle polling and on request), not repeated") {
    VirtualPrinter vp(VirtualPrinterOptions{});
    vp.start();
    EventLog log;
    PrinterSettings s{vp.uri(), 80, 1000};
    s.statusPollMs = 100;
    PrintQueue q(s, log.callback());
    std::this_thread::sleep_for(std::chrono::milliseconds(450));
    CHECK(log.statusEvents() == 1); // first status, then unchanged
    vp.setPaper(PaperState::NearEnd);
    q.requestStatus();
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(log.statusEvents() == 2);
    CHECK(q.lastStatus().paperNearEnd);
    CHECK(q.lastStatus().canPrint());
}

TEST_CASE("file: capture prints without status, and the capture renders") {
    const auto path =
        std::filesystem::temp_directory_path() / ("kiosk-queue-cap-" + std::to_string(::getpid()));
    std::filesystem::remove(path);
    EventLog log;
    {
        PrintQueue q(PrinterSettings{"file:" + path.string(), 80, 500}, log.callback());
        auto e = log.outcome(q.submit(slip("存档")));
        REQUIRE(e);
        CHECK(e->kind == PrinterEvent::Kind::JobPrinted);
    }
    std::ifstream in(path, std::ios::binary);
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(bytes.size() > 20);
    CHECK(renderEscposBytes(bytes, SlipRenderOptions{}).size() == 1);
    std::filesystem::remove(path);
}
