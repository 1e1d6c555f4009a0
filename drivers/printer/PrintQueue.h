// Print queue with its own worker thread: the UI submits receipts and never blocks; results come back as
// events from the worker. Failed jobs are kept for a technician's reprint.
//
// Sections: PrinterSettings · PrintFailure · PrinterEvent · FailedJob · PrintQueue.
// Checklist:
//   [x] submit() never blocks (a mutex held only for queue bookkeeping, never during I/O)
//   [x] status checked before each job (and after it, to catch paper running out mid-job) and between
//       jobs every statusPollMs while idle; StatusChanged only when the status changes
//   [x] failure reasons: bad URI, offline / unreachable, time-out, paper out, cover open, cutter error,
//       unrecoverable error, I/O error — each with a Chinese message and a technician detail
//   [x] failed jobs kept (in memory) with their receipt; reprint(jobId) puts one back in the queue
//   [ ] persistence of failed jobs across restarts (the app keeps the record itself: the slip's content
//       comes from data already stored durably)
#pragma once

#include "drivers/printer/EscposEncoder.h"
#include "drivers/printer/PrinterStatus.h"
#include "drivers/printer/Receipt.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::printer {

// ---- PrinterSettings ----
struct PrinterSettings {
    std::string uri;
    int paperWidthMm = 80;
    int timeoutMs = 3000;
    int statusPollMs = 30000; // idle status check interval; 0 disables
};

// ---- PrintFailure ----
enum class PrintFailure {
    None,
    BadUri,  // the configured URI is malformed
    Offline, // cannot open / connect, or the printer reports offline
    Timeout, // no status reply, or writing made no progress
    PaperOut,
    CoverOpen,
    CutterError,
    PrinterError, // unrecoverable or other reported error
    IoError,      // the connection broke while sending
};

const char* printFailureCode(PrintFailure f); // "paper_out", "timeout", ... (stable, for logs and heartbeats)

// ---- PrinterEvent ----
struct PrinterEvent {
    enum class Kind { JobPrinted, JobFailed, StatusChanged };
    Kind kind = Kind::StatusChanged;
    std::uint64_t jobId = 0; // JobPrinted / JobFailed
    PrintFailure reason = PrintFailure::None;
    std::string messageZh;        // plain Chinese for the citizen's screen (JobFailed, StatusChanged)
    std::string technicianDetail; // what happened, for logs and the technician screen
    PrinterStatus status;         // last known status (all kinds)
    std::vector<EncodeIssue> encodeIssues; // JobPrinted / JobFailed: characters replaced on the slip
};

// ---- FailedJob ----
struct FailedJob {
    std::uint64_t jobId = 0;
    Receipt receipt;
    PrintFailure reason = PrintFailure::None;
    std::string messageZh;
    std::string technicianDetail;
    std::chrono::system_clock::time_point failedAt;
    int attempts = 0;
};

// ---- PrintQueue ----
class PrintQueue {
public:
    using EventCallback = std::function<void(const PrinterEvent&)>;

    PrintQueue(PrinterSettings settings, EventCallback onEvent);
    ~PrintQueue(); // finishes the job in progress, then stops; queued jobs are not printed
    PrintQueue(const PrintQueue&) = delete;
    PrintQueue& operator=(const PrintQueue&) = delete;

    // Queues a receipt; returns its job id (1, 2, ...). Never blocks on the printer.
    std::uint64_t submit(Receipt receipt);
    // Puts a failed job back in the queue under the same id. False if the id is not a failed job.
    bool reprint(std::uint64_t jobId);
    // Forgets a failed job (a technician decided it need not be printed). False if unknown.
    bool discardFailed(std::uint64_t jobId);
    std::vector<FailedJob> failedJobs() const;
    std::optional<FailedJob> failedJob(std::uint64_t jobId) const;
    std::size_t pendingCount() const;
    // Asks the worker to query the status now (result arrives as StatusChanged if it changed).
    void requestStatus();
    // Last status seen by the worker (for heartbeats); answered == false before the first query.
    PrinterStatus lastStatus() const;

private:
    struct Job {
        std::uint64_t id = 0;
        Receipt receipt;
        int attempts = 0;
    };
    void run();
    void printOne(Job job);
    void pollStatus();
    void noteStatus(const PrinterStatus& s);
    void emit(const PrinterEvent& e);

    const PrinterSettings settings_;
    const EventCallback onEvent_;
    mutable std::mutex m_;
    std::condition_variable cv_;
    std::deque<Job> pending_;
    std::vector<FailedJob> failed_;
    std::uint64_t nextId_ = 1;
    bool stopping_ = false;
    bool statusRequested_ = false;
    PrinterStatus lastStatus_;
    bool haveStatus_ = false;
    std::thread worker_;
};

} // namespace kiosk::printer
