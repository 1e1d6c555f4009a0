// The store's writer thread (see StoreWriter.h).
#include "offline/StoreWriter.h"

#include <chrono>
#include <future>

namespace kiosk::offline {
namespace {

std::int64_t nowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

AppendOutcome failed(StoreErrorKind kind, const std::string& detail) {
    AppendOutcome o;
    o.error = kind;
    o.technicianMessage = detail;
    o.citizenMessage = storeErrorCitizenMessage(kind);
    return o;
}

} // namespace

StoreWriter::StoreWriter(StorePaths paths, std::string terminalId, std::function<void()> onCommitted)
    : paths_(std::move(paths)), terminalId_(std::move(terminalId)), onCommitted_(std::move(onCommitted)),
      thread_([this] { run(); }) {}

StoreWriter::~StoreWriter() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void StoreWriter::append(std::string kind, nlohmann::json payload, Done done) {
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(Job{std::move(kind), std::move(payload), std::move(done)});
    }
    cv_.notify_one();
}

AppendOutcome StoreWriter::appendAndWait(std::string kind, nlohmann::json payload) {
    auto promise = std::make_shared<std::promise<AppendOutcome>>();
    auto future = promise->get_future();
    append(std::move(kind), std::move(payload), [promise](const AppendOutcome& o) { promise->set_value(o); });
    return future.get();
}

std::optional<StoreErrorKind> StoreWriter::health() const {
    std::lock_guard lock(mutex_);
    return health_;
}

void StoreWriter::run() {
    std::unique_ptr<OfflineStore> store;
    std::optional<StoreError> openError;
    try {
        store = std::make_unique<OfflineStore>(paths_, terminalId_);
    } catch (const StoreError& e) {
        openError = e;
        std::lock_guard lock(mutex_);
        health_ = e.kind;
    }
    for (;;) {
        std::deque<Job> group;
        {
            std::unique_lock lock(mutex_);
            cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return; // stopping and drained
            group.swap(queue_);
        }
        if (!store) {
            for (Job& j : group)
                j.done(failed(openError->kind, openError->what()));
            continue;
        }
        std::vector<std::pair<std::string, nlohmann::json>> records;
        records.reserve(group.size());
        for (Job& j : group)
            records.emplace_back(j.kind, std::move(j.payload));
        try {
            std::vector<AppendResult> results = store->appendMany(records, nowMs());
            {
                std::lock_guard lock(mutex_);
                health_.reset();
            }
            if (onCommitted_) onCommitted_();
            for (size_t i = 0; i < group.size(); ++i) {
                AppendOutcome o;
                o.committed = true;
                o.result = results[i];
                group[i].done(o);
            }
        } catch (const StoreError& e) {
            {
                std::lock_guard lock(mutex_);
                health_ = e.kind;
            }
            for (Job& j : group)
                j.done(failed(e.kind, e.what()));
        }
    }
}

} // namespace kiosk::offline
