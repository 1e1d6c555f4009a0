// Print queue worker. Sections: failure wording · queue API · worker loop · status polling · one job.
#include "drivers/printer/PrintQueue.h"

#include "drivers/printer/PrinterTransport.h"

#include <algorithm>

namespace kiosk::printer {

// ---- failure wording ----
const char* printFailureCode(PrintFailure f) {
    switch (f) {
    case PrintFailure::None:
        return "none";
    case PrintFailure::BadUri:
        return "bad_uri";
    case PrintFailure::Offline:
        return "offline";
    case PrintFailure::Timeout:
        return "timeout";
    case PrintFailure::PaperOut:
        return "paper_out";
    case PrintFailure::CoverOpen:
        return "cover_open";
    case PrintFailure::CutterError:
        return "cutter_error";
    case PrintFailure::PrinterError:
        return "printer_error";
    case PrintFailure::IoError:
        return "io_error";
    }
    return "unknown";
}

namespace {

std::string failureMessageZh(PrintFailure f) {
    switch (f) {
    case PrintFailure::PaperOut:
        return "打印机缺纸，凭条未能打印。请截图或记下屏幕上的信息，并联系工作人员。";
    case PrintFailure::CoverOpen:
        return "打印机盖未关好，凭条未能打印。请记下屏幕上的信息，并联系工作人员。";
    case PrintFailure::CutterError:
    case PrintFailure::PrinterError:
        return "打印机故障，凭条未能打印。请记下屏幕上的信息，并联系工作人员。";
    case PrintFailure::Timeout:
        return "打印机没有响应，凭条未能打印。请记下屏幕上的信息，并联系工作人员。";
    case PrintFailure::None:
        return "";
    default:
        return "打印机暂时无法使用，凭条未能打印。请记下屏幕上的信息，并联系工作人员。";
    }
}

PrintFailure failureFromStatus(const PrinterStatus& s) {
    if (!s.answered) return PrintFailure::Timeout;
    if (s.paperOut || s.stoppedOnPaperEnd) return PrintFailure::PaperOut;
    if (s.coverOpen) return PrintFailure::CoverOpen;
    if (s.cutterError) return PrintFailure::CutterError;
    if (s.unrecoverableError || s.recoverableError || s.autoRecoverableError || s.errorOccurred)
        return PrintFailure::PrinterError;
    if (s.offline) return PrintFailure::Offline;
    return PrintFailure::None;
}

PrintFailure failureFromTransport(TransportErrorKind k) {
    switch (k) {
    case TransportErrorKind::BadUri:
        return PrintFailure::BadUri;
    case TransportErrorKind::OpenFailed:
        return PrintFailure::Offline;
    case TransportErrorKind::Timeout:
        return PrintFailure::Timeout;
    case TransportErrorKind::Io:
    case TransportErrorKind::Closed:
        return PrintFailure::IoError;
    }
    return PrintFailure::IoError;
}

} // namespace

// ---- queue API ----
PrintQueue::PrintQueue(PrinterSettings settings, EventCallback onEvent)
    : settings_(std::move(settings)), onEvent_(std::move(onEvent)) {
    worker_ = std::thread([this] { run(); });
}

PrintQueue::~PrintQueue() {
    {
        std::lock_guard lock(m_);
        stopping_ = true;
    }
    cv_.notify_all();
    worker_.join();
}

std::uint64_t PrintQueue::submit(Receipt receipt) {
    std::uint64_t id = 0;
    {
        std::lock_guard lock(m_);
        id = nextId_++;
        pending_.push_back(Job{id, std::move(receipt), 0});
    }
    cv_.notify_all();
    return id;
}

bool PrintQueue::reprint(std::uint64_t jobId) {
    {
        std::lock_guard lock(m_);
        auto it = std::find_if(failed_.begin(), failed_.end(),
                               [&](const FailedJob& f) { return f.jobId == jobId; });
        if (it == failed_.end()) return false;
        pending_.push_back(Job{it->jobId, std::move(it->receipt), it->attempts});
        failed_.erase(it);
    }
    cv_.notify_all();
    return true;
}

bool PrintQueue::discardFailed(std::uint64_t jobId) {
    std::lock_guard lock(m_);
    auto it =
        std::find_if(failed_.begin(), failed_.end(), [&](const FailedJob& f) { return f.jobId == jobId; });
    if (it == failed_.end()) return false;
    failed_.erase(it);
    return true;
}

std::vector<FailedJob> PrintQueue::failedJobs() const {
    std::lock_guard lock(m_);
    return failed_;
}

std::optional<FailedJob> PrintQueue::failedJob(std::uint64_t jobId) const {
    std::lock_guard lock(m_);
    for (const FailedJob& f : failed_)
        if (f.jobId == jobId) return f;
    return std::nullopt;
}

std::size_t PrintQueue::pendingCount() const {
    std::lock_guard lock(m_);
    return pending_.size();
}

void PrintQueue::requestStatus() {
    {
        std::lock_guard lock(m_);
        statusRequested_ = true;
    }
    cv_.notify_all();
}

PrinterStatus PrintQueue::lastStatus() const {
    std::lock_guard lock(m_);
    return lastStatus_;
}

// ---- worker loop (events to the UI, status changes, run) ----
void PrintQueue::emit(const PrinterEvent& e) {
    if (onEvent_) onEvent_(e);
}

void PrintQueue::noteStatus(const PrinterStatus& s) {
    bool changed = false;
    {
        std::lock_guard lock(m_);
        changed = !haveStatus_ || !(s == lastStatus_);
        lastStatus_ = s;
        haveStatus_ = true;
    }
    if (!changed) return;
    PrinterEvent e;
    e.kind = PrinterEvent::Kind::StatusChanged;
    e.status = s;
    e.reason = failureFromStatus(s);
    e.messageZh = s.citizenMessageZh();
    e.technicianDetail = s.technicianDetail();
    emit(e);
}

void PrintQueue::run() {
    const auto poll = std::chrono::milliseconds(settings_.statusPollMs > 0 ? settings_.statusPollMs : 0);
    auto nextPoll = std::chrono::steady_clock::now() + poll;
    for (;;) {
        std::optional<Job> job;
        bool doPoll = false;
        {
            std::unique_lock lock(m_);
            auto ready = [&] { return stopping_ || statusRequested_ || !pending_.empty(); };
            if (settings_.statusPollMs > 0)
                cv_.wait_until(lock, nextPoll, ready);
            else
                cv_.wait(lock, ready);
            if (stopping_) return;
            if (!pending_.empty()) {
                job = std::move(pending_.front());
                pending_.pop_front();
            } else if (statusRequested_ ||
                       (settings_.statusPollMs > 0 && std::chrono::steady_clock::now() >= nextPoll)) {
                doPoll = true;
            }
            statusRequested_ = statusRequested_ && !doPoll;
        }
        if (job)
            printOne(std::move(*job));
        else if (doPoll)
            pollStatus();
        if (job || doPoll) nextPoll = std::chrono::steady_clock::now() + poll;
    }
}

// ---- status polling ----
void PrintQueue::pollStatus() {
    try {
        auto t = openPrinterTransport(settings_.uri, settings_.timeoutMs);
        if (!t->canReadStatus()) return;
        noteStatus(queryStatus(*t, settings_.timeoutMs));
    } catch (const TransportError&) {
        noteStatus(PrinterStatus{}); // unreachable: not answered
    }
}

// ---- one job ----
void PrintQueue::printOne(Job job) {
    ++job.attempts;
    EncodeOptions eo;
    eo.paperWidthMm = settings_.paperWidthMm;
    EncodeResult encoded = encodeReceipt(job.receipt, eo);

    PrintFailure failure = PrintFailure::None;
    std::string detail;
    PrinterStatus status;
    bool haveStatus = false;
    try {
        auto t = openPrinterTransport(settings_.uri, settings_.timeoutMs);
        if (t->canReadStatus()) {
            status = queryStatus(*t, settings_.timeoutMs);
            haveStatus = true;
            noteStatus(status);
            failure = failureFromStatus(status);
            if (failure != PrintFailure::None) detail = "before printing: " + status.technicianDetail();
        }
        if (failure == PrintFailure::None) {
            t->write(encoded.bytes);
            if (t->canReadStatus()) {
                status = queryStatus(*t, settings_.timeoutMs);
                noteStatus(status);
                failure = failureFromStatus(status);
                if (failure != PrintFailure::None)
                    detail = "after sending " + std::to_string(encoded.bytes.size()) +
                             " bytes (slip may be incomplete): " + status.technicianDetail();
            }
        }
    } catch (const TransportError& e) {
        failure = failureFromTransport(e.kind());
        detail = e.what();
        if (!haveStatus && failure != PrintFailure::BadUri) noteStatus(PrinterStatus{});
    }

    PrinterEvent ev;
    ev.jobId = job.id;
    ev.status = status;
    ev.encodeIssues = encoded.issues;
    if (failure == PrintFailure::None) {
        ev.kind = PrinterEvent::Kind::JobPrinted;
        ev.technicianDetail = std::to_string(encoded.bytes.size()) + " bytes sent to " + settings_.uri;
        emit(ev);
        return;
    }
    ev.kind = PrinterEvent::Kind::JobFailed;
    ev.reason = failure;
    ev.messageZh = failureMessageZh(failure);
    ev.technicianDetail = std::string(printFailureCode(failure)) + ": " + detail;
    {
        std::lock_guard lock(m_);
        failed_.push_back(FailedJob{job.id, std::move(job.receipt), failure, ev.messageZh,
                                    ev.technicianDetail, std::chrono::system_clock::now(), job.attempts});
    }
    emit(ev);
}

} // namespace kiosk::printer
