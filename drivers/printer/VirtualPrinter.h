// A virtual receipt printer on TCP: accepts ESC/POS, answers DLE EOT from its (settable) paper state, and
// renders each job (ESC @ .. cut) to a PNG. Runs in-process (tests, the kiosk demo) or under
// `kioskctl printer emulate`.
//
// Sections: PaperState · VirtualPrinterOptions · RenderedJob · VirtualPrinter · renderEscposBytes.
// Checklist:
//   [x] listen on HOST:PORT, port 0 picks a free port (port() reports it); one connection at a time,
//       others wait in the backlog like on a real printer's raw port
//   [x] DLE EOT 1..4 replies from paper state (ok / near end / out), cover open, and "silent" (no replies,
//       to test time-outs); all settable while running
//   [x] paper out or cover open: received jobs are not printed (reported with printed == false)
//   [x] job-NNNN.png in the output directory; callback per job from the printer's thread
//   [ ] several simultaneous connections, Automatic Status Back
#pragma once

#include "drivers/printer/PrinterStatus.h"
#include "drivers/printer/SlipRenderer.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::printer {

// ---- PaperState ----
enum class PaperState { Ok, NearEnd, Out };

// "ok" | "near-end" | "out"; false if unknown.
bool parsePaperState(const std::string& text, PaperState& out);

// ---- VirtualPrinterOptions ----
struct VirtualPrinterOptions {
    std::string listenHost = "127.0.0.1";
    int port = 0;       // 0: any free port
    std::string outDir; // where job-NNNN.png go; empty: render but do not write files
    PaperState paper = PaperState::Ok;
    SlipRenderOptions render; // paper width, font
};

// ---- RenderedJob ----
struct RenderedJob {
    int number = 0;       // 1, 2, ... since start
    bool printed = false; // false: discarded because of paper out / cover open
    std::string pngPath;  // empty when not written
    SlipImage image;      // the rendered slip (empty when not printed)
    bool endedByCut = false;
    std::size_t bytes = 0;
    std::vector<std::string> warnings; // parser + renderer
};

// ---- VirtualPrinter ----
class VirtualPrinter {
public:
    using JobCallback = std::function<void(const RenderedJob&)>;

    explicit VirtualPrinter(VirtualPrinterOptions options, JobCallback onJob = {});
    ~VirtualPrinter(); // stops
    VirtualPrinter(const VirtualPrinter&) = delete;
    VirtualPrinter& operator=(const VirtualPrinter&) = delete;

    // Binds, listens and starts the printer thread. Throws std::runtime_error if it cannot listen.
    void start();
    void stop();
    int port() const { return port_; }
    std::string uri() const; // "tcp://HOST:PORT"

    void setPaper(PaperState p) { paper_.store(p); }
    PaperState paper() const { return paper_.load(); }
    void setCoverOpen(bool open) { coverOpen_.store(open); }
    // false: DLE EOT is not answered (a hung printer) — lets tests exercise time-outs.
    void setAnswersStatus(bool answers) { answersStatus_.store(answers); }

    int jobsReceived() const { return jobsReceived_.load(); }
    // Replies the printer gives right now to DLE EOT 1..4.
    std::array<std::uint8_t, 4> statusReplies() const;

private:
    void run();
    void serve(int fd);
    void handleJob(EscposJob&& job);

    VirtualPrinterOptions opt_;
    JobCallback onJob_;
    std::atomic<PaperState> paper_;
    std::atomic<bool> coverOpen_{false};
    std::atomic<bool> answersStatus_{true};
    std::atomic<int> jobsReceived_{0};
    int listenFd_ = -1;
    int wakeFd_ = -1; // eventfd that interrupts poll() on stop
    int port_ = 0;
    std::thread thread_;
    std::unique_ptr<SlipRenderer> renderer_;
};

// ---- renderEscposBytes ----
// Renders a captured ESC/POS byte stream (e.g. a file: transport capture): one image per job.
std::vector<RenderedJob> renderEscposBytes(const std::vector<std::uint8_t>& bytes,
                                           const SlipRenderOptions& options);

} // namespace kiosk::printer
