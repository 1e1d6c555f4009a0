// The sync engine (see SyncEngine.h).
//
// Sections: state | status | uploads | documents | heartbeat | loops | public API
#include "offline/SyncEngine.h"

#include "offline/SyncProtocol.h"

#include "common/WireProtocol.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <random>
#include <set>
#include <thread>
#include <utility>

namespace kiosk::offline {
namespace {

constexpr std::int64_t kCheckSpacingMs = 5000; // checkNow(): no heartbeat closer than 5 s to the last

std::int64_t nowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

enum class Cycle { Idle, Progress, Failed };

} // namespace

// ---- state ----
struct SyncEngine::Impl {
    SyncSettings s;
    Listener listener;
    std::unique_ptr<OfflineStore> store;
    std::unique_ptr<HttpsClient> http;
    Backoff backoff;
    std::int64_t backoffUntilMs = 0;
    std::int64_t nextHeartbeatMs = 0, nextDocumentsMs = 0, nextPurgeMs = 0;
    bool online = false, singleRatings = false;
    std::int64_t lastSyncMs = 0;
    std::string lastError;

    mutable std::mutex mutex;
    std::condition_variable cv;
    bool wakeRequested = false;
    std::uint64_t wakeTickets = 0; // guarded by mutex: wake() calls so far
    std::uint64_t wakeServing = 0; // the cycle's thread: wakeTickets when the running cycle began
    bool checkRequested = false;   // guarded by mutex
    std::int64_t lastHeartbeatMs = -kCheckSpacingMs; // sync thread only
    std::atomic<bool> stopping{false};
    std::thread thread, eventThread;
    SyncEvent status; // last emitted, guarded by mutex

    Impl(SyncSettings settings, Listener l)
        : s(std::move(settings)), listener(std::move(l)),
          backoff(s.backoffBaseMs, s.backoffCapMs, std::random_device{}()) {}

    void emit(const SyncEvent& e) {
        if (listener) listener(e);
    }

    bool ensureOpen() {
        if (!http) {
            http = std::make_unique<HttpsClient>(s.https);
            http->setAbortFlag(&stopping);
        }
        if (store) return true;
        try {
            store = std::make_unique<OfflineStore>(s.store, s.terminalId);
            store->makeAllPendingDue(nowMs());
            return true;
        } catch (const StoreError& e) {
            lastError = e.what();
            SyncEvent ev;
            ev.kind = SyncEvent::Kind::StoreProblem;
            ev.error = std::string(storeErrorKindName(e.kind)) + ": " + e.what();
            emit(ev);
            return false;
        }
    }

    // ---- status ----
    void emitStatus(bool force = false) {
        SyncEvent ev;
        ev.kind = SyncEvent::Kind::Status;
        ev.online = online;
        ev.lastSyncMs = lastSyncMs;
        ev.wakeServed = wakeServing;
        ev.error = lastError;
        if (store) {
            try {
                OutboxStats st = store->stats(nowMs());
                ev.pending = st.pending;
                ev.rejected = st.rejected;
                ev.oldestPendingAgeS = st.oldestPendingAgeS;
            } catch (const StoreError& e) {
                ev.error = e.what();
            }
        }
        bool changed;
        {
            std::lock_guard lock(mutex);
            changed = force || ev.online != status.online || ev.pending != status.pending ||
                      ev.rejected != status.rejected || ev.lastSyncMs != status.lastSyncMs ||
                      ev.wakeServed != status.wakeServed || ev.error != status.error;
            status = ev;
        }
        if (changed) emit(ev);
    }

    // ---- uploads ----
    void reject(const std::string& id, const std::string& error) {
        store->markRejected(id, error, nowMs());
        SyncEvent ev;
        ev.kind = SyncEvent::Kind::Rejected;
        ev.recordId = id;
        ev.error = error;
        emit(ev);
    }

    Cycle fail(const std::vector<std::string>& ids, const std::string& error, long retryAfterS,
               bool reachable) {
        std::int64_t delay = backoff.nextDelayMs(retryAfterS);
        backoffUntilMs = nowMs() + delay;
        lastError = error;
        online = reachable;
        store->markRetry(ids, error, backoffUntilMs);
        return Cycle::Failed;
    }

    void succeeded() {
        online = true;
        lastSyncMs = nowMs();
        lastError.clear();
    }

    // Uploads one batch of ratings starting at due[i]; advances i. Returns Failed to stop the cycle.
    Cycle uploadRatings(const std::vector<OutboxRecord>& due, size_t& i) {
        std::vector<const OutboxRecord*> batch;
        size_t limit = singleRatings ? 1 : static_cast<size_t>(std::max(1, s.batchSize));
        while (i < due.size() && due[i].kind == "rating" && !due[i].payloadDamaged && batch.size() < limit)
            batch.push_back(&due[i++]);
        nlohmann::json list = nlohmann::json::array();
        std::vector<std::string> ids;
        for (const OutboxRecord* r : batch) {
            list.push_back(recordEnvelope(*r));
            ids.push_back(r->id);
        }
        HttpResult r = http->postJson(common::api::kRatingsBatch, nlohmann::json{{"ratings", list}}.dump());
        if (!r.transportOk()) return fail(ids, r.error, -1, false);
        if (r.status == 200 || r.status == 422) {
            auto results = parseBatchResults(r.body);
            if (results) {
                std::vector<std::pair<std::string, std::string>> sent;
                std::set<std::string> answered;
                for (const BatchItemResult& item : *results) {
                    if (std::find(ids.begin(), ids.end(), item.id) == ids.end()) continue;
                    answered.insert(item.id);
                    if (item.status == BatchItemResult::Status::Rejected)
                        reject(item.id, item.error);
                    else
                        sent.emplace_back(item.id, item.result.empty() ? "{}" : item.result);
                }
                store->markSent(sent, nowMs());
                succeeded();
                std::vector<std::string> missing;
                for (const std::string& id : ids)
                    if (!answered.count(id)) missing.push_back(id);
                if (!missing.empty()) return fail(missing, "server answered only part of a batch", -1, true);
                return Cycle::Progress;
            }
        }
        StatusClass cls = classifyStatus(r.status);
        if (cls == StatusClass::Reject) {
            online = true;
            if (batch.size() > 1) { // find the culprit: send one by one from now on
                singleRatings = true;
                return Cycle::Progress;
            }
            reject(ids.front(), describeHttpError(r.status, r.body));
            return Cycle::Progress;
        }
        return fail(ids, describeHttpError(r.status, r.body), r.retryAfterS, r.status != 0);
    }

    // Complaints and suggestions: one record per request, the same retry / reject rules.
    Cycle uploadOne(const OutboxRecord& rec, const char* path) {
        HttpResult r = http->postJson(path, recordEnvelope(rec).dump());
        if (!r.transportOk()) return fail({rec.id}, r.error, -1, false);
        switch (classifyStatus(r.status)) {
        case StatusClass::Accepted:
            store->markSent({{rec.id, r.body}}, nowMs());
            succeeded();
            return Cycle::Progress;
        case StatusClass::Reject:
            online = true;
            reject(rec.id, describeHttpError(r.status, r.body));
            return Cycle::Progress;
        case StatusClass::Retry:
            break;
        }
        return fail({rec.id}, describeHttpError(r.status, r.body), r.retryAfterS, true);
    }

    Cycle uploadOnce() {
        std::vector<OutboxRecord> due = store->duePending(nowMs(), std::max(1, s.batchSize));
        if (due.empty()) return Cycle::Idle;
        size_t i = 0;
        while (i < due.size() && !stopping) {
            const OutboxRecord& rec = due[i];
            if (rec.payloadDamaged) {
                reject(rec.id, "payload cannot be decrypted (data key replaced or file damaged)");
                ++i;
                continue;
            }
            Cycle c;
            if (rec.kind == "rating") {
                c = uploadRatings(due, i);
            } else if (rec.kind == "complaint") {
                c = uploadOne(rec, common::api::kComplaints);
                ++i;
            } else if (rec.kind == "suggestion") {
                c = uploadOne(rec, common::api::kSuggestions);
                ++i;
            } else {
                reject(rec.id, "unknown record kind '" + rec.kind + "'");
                ++i;
                continue;
            }
            if (c == Cycle::Failed) return c;
        }
        backoff.reset();
        return Cycle::Progress;
    }

    // ---- documents ----
    void emitCachedDocuments() {
        for (const char* name : {"catalog", "roster"}) {
            auto doc = store->cached(name);
            if (!doc) continue;
            nlohmann::json j = nlohmann::json::parse(doc->body, nullptr, false);
            if (j.is_discarded()) continue;
            SyncEvent ev;
            ev.kind = std::string(name) == "catalog" ? SyncEvent::Kind::CatalogUpdated
                                                     : SyncEvent::Kind::RosterUpdated;
            ev.data = std::move(j);
            emit(ev);
        }
    }

    bool refreshDocuments() {
        bool ok = true;
        for (auto [name, path] :
             {std::pair{"catalog", common::api::kCatalog}, std::pair{"roster", common::api::kRoster}}) {
            auto cached = store->cached(name);
            std::vector<std::string> headers;
            if (cached && !cached->etag.empty()) headers.push_back("If-None-Match: " + cached->etag);
            HttpResult r = http->get(path, headers);
            if (r.status == 304 && cached) {
                cached->fetchedMs = nowMs();
                store->storeCached(name, *cached);
                continue;
            }
            if (r.status != 200) {
                ok = false;
                continue;
            }
            nlohmann::json j = nlohmann::json::parse(r.body, nullptr, false);
            if (j.is_discarded() || !j.is_object()) {
                ok = false;
                continue;
            }
            store->storeCached(name, {r.etag, j.value("version", std::string()), r.body, nowMs()});
            SyncEvent ev;
            ev.kind = std::string(name) == "catalog" ? SyncEvent::Kind::CatalogUpdated
                                                     : SyncEvent::Kind::RosterUpdated;
            ev.data = std::move(j);
            emit(ev);
        }
        return ok;
    }

    // ---- heartbeat ----
    void heartbeat() {
        OutboxStats st = store->stats(nowMs());
        nlohmann::json hb = {
            {"terminal_id", s.terminalId},
            {"app_version", s.appVersion},
            {"schema_version", OfflineStore::kSchemaVersion},
            {"mode", s.mode},
            {"counter", s.counter > 0 ? nlohmann::json(s.counter) : nlohmann::json(nullptr)},
            {"device", s.deviceStatus ? s.deviceStatus() : nlohmann::json::object()},
            {"queue",
             {{"pending", st.pending},
              {"rejected", st.rejected},
              {"oldest_pending_age_s", st.oldestPendingAgeS}}},
            {"last_error", lastError.empty() ? nlohmann::json(nullptr) : nlohmann::json(lastError)},
            {"sent_ms", nowMs()}};
        HttpResult r = http->postJson(common::api::kHeartbeat, hb.dump());
        if (r.ok()) {
            online = true;
            if (backoffUntilMs == 0) lastError.clear();
        } else {
            online = r.status != 0 && r.status < 500;
            lastError = r.status ? describeHttpError(r.status, r.body) : r.error;
        }
    }

    // ---- loops ----
    // One pass of everything that is due; returns the time of the next deadline.
    std::int64_t step() {
        std::int64_t now = nowMs();
        {
            std::lock_guard lock(mutex);
            wakeServing = wakeTickets; // records committed before those wakes are in what this cycle counts
        }
        try {
            // Citizens' records first; heartbeat and documents after.
            while (!stopping && nowMs() >= backoffUntilMs) {
                if (uploadOnce() != Cycle::Progress) break;
            }
            bool check = false;
            {
                std::lock_guard lock(mutex);
                check = std::exchange(checkRequested, false);
            }
            // checkNow() brings the heartbeat forward, but not closer than 5 s to the last one.
            if (check)
                nextHeartbeatMs = std::min(nextHeartbeatMs, std::max(now, lastHeartbeatMs + kCheckSpacingMs));
            if (now >= nextHeartbeatMs) {
                heartbeat();
                lastHeartbeatMs = now;
                nextHeartbeatMs = now + s.heartbeatIntervalS * 1000LL;
            }
            if (now >= nextDocumentsMs) {
                nextDocumentsMs = now + (refreshDocuments() ? s.catalogRefreshS * 1000LL : 60 * 1000LL);
            }
            if (now >= nextPurgeMs) {
                store->purgeSentOlderThan(now - s.sentRetentionDays * 24LL * 3600 * 1000);
                nextPurgeMs = now + 3600 * 1000LL;
            }
        } catch (const StoreError& e) {
            lastError = e.what();
            SyncEvent ev;
            ev.kind = SyncEvent::Kind::StoreProblem;
            ev.error = std::string(storeErrorKindName(e.kind)) + ": " + e.what();
            emit(ev);
            backoffUntilMs = nowMs() + backoff.nextDelayMs();
        }
        emitStatus();
        std::int64_t next = std::min(nextHeartbeatMs, nextDocumentsMs);
        std::int64_t pending;
        {
            std::lock_guard lock(mutex);
            pending = status.pending;
        }
        // Records still pending: come back when the back-off ends (at once if it already has).
        if (pending > 0 && store) {
            std::int64_t now2 = nowMs(), due = now2;
            try {
                // Not before the records' own next attempt (bounded, in case the clock stepped back).
                due = std::min(store->nextAttemptMs(), now2 + s.backoffCapMs);
            } catch (const StoreError&) {
            }
            next = std::min(next, std::max({backoffUntilMs, due, now2}));
        }
        return next;
    }

    void loop() {
        while (!stopping && !ensureOpen()) {
            std::unique_lock lock(mutex);
            cv.wait_for(lock, std::chrono::seconds(30), [&] { return stopping.load(); });
        }
        if (stopping) return;
        emitCachedDocuments();
        emitStatus(true);
        while (!stopping) {
            std::int64_t next = step();
            std::unique_lock lock(mutex);
            std::int64_t waitMs = std::max<std::int64_t>(0, next - nowMs());
            cv.wait_for(lock, std::chrono::milliseconds(waitMs), [&] { return stopping || wakeRequested; });
            wakeRequested = false;
        }
    }

    void eventLoop() {
        std::unique_ptr<OfflineStore> evStore;
        HttpsSettings hs = s.https;
        hs.totalTimeoutMs = (s.longPollS + 15) * 1000;
        hs.lowSpeedTimeS = s.longPollS + 10;
        HttpsClient client(hs);
        client.setAbortFlag(&stopping);
        Backoff evBackoff(s.backoffBaseMs, s.backoffCapMs, std::random_device{}());
        std::int64_t after = -1;
        while (!stopping) {
            std::int64_t delay = 0;
            try {
                if (!evStore) evStore = std::make_unique<OfflineStore>(s.store, s.terminalId);
                if (after < 0) after = std::stoll(evStore->setting("events_after").value_or("0"));
                std::string path = std::string(common::api::kEvents) + "?after=" + std::to_string(after) +
                                   "&wait=" + std::to_string(s.longPollS) +
                                   "&counter=" + std::to_string(s.counter);
                HttpResult r = client.get(path);
                nlohmann::json j = r.ok() ? nlohmann::json::parse(r.body, nullptr, false) : nlohmann::json();
                if (r.ok() && j.is_object() && j.contains("events") && j["events"].is_array()) {
                    evBackoff.reset();
                    for (const auto& e : j["events"]) {
                        SyncEvent ev;
                        ev.kind = SyncEvent::Kind::RatingRequest;
                        ev.data = e;
                        emit(ev);
                    }
                    if (j.value("next", after) != after) {
                        after = j.value("next", after);
                        evStore->setSetting("events_after", std::to_string(after));
                    }
                } else if (!stopping) {
                    delay = evBackoff.nextDelayMs(r.retryAfterS);
                }
            } catch (const std::exception&) {
                delay = evBackoff.nextDelayMs();
            }
            if (delay > 0) {
                std::unique_lock lock(mutex);
                cv.wait_for(lock, std::chrono::milliseconds(delay), [&] { return stopping.load(); });
            }
        }
    }
};

// ---- public API ----
SyncEngine::SyncEngine(SyncSettings settings, Listener listener)
    : impl_(new Impl(std::move(settings), std::move(listener))) {}

SyncEngine::~SyncEngine() {
    stop();
}

void SyncEngine::start() {
    Impl& m = *impl_;
    if (m.thread.joinable()) return;
    m.stopping = false;
    m.thread = std::thread([&m] { m.loop(); });
    if (m.s.receiveEvents && m.s.counter > 0) m.eventThread = std::thread([&m] { m.eventLoop(); });
}

void SyncEngine::stop() {
    Impl& m = *impl_;
    {
        std::lock_guard lock(m.mutex);
        m.stopping = true;
    }
    m.cv.notify_all();
    if (m.thread.joinable()) m.thread.join();
    if (m.eventThread.joinable()) m.eventThread.join();
}

std::uint64_t SyncEngine::wake() {
    std::uint64_t ticket;
    {
        std::lock_guard lock(impl_->mutex);
        impl_->wakeRequested = true;
        ticket = ++impl_->wakeTickets;
    }
    impl_->cv.notify_all();
    return ticket;
}

void SyncEngine::checkNow() {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->checkRequested = true;
        impl_->wakeRequested = true;
    }
    impl_->cv.notify_all();
}

SyncEvent SyncEngine::lastStatus() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->status;
}

bool SyncEngine::runUntilEmpty(std::chrono::milliseconds timeout) {
    Impl& m = *impl_;
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!m.ensureOpen()) {
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    for (;;) {
        std::int64_t next = m.step();
        std::int64_t pending = lastStatus().pending;
        if (pending == 0) return true;
        auto now = std::chrono::steady_clock::now();
        if (now >= deadline || m.stopping) return false;
        std::int64_t waitMs = std::max<std::int64_t>(10, next - nowMs());
        auto until = std::min(deadline, now + std::chrono::milliseconds(waitMs));
        std::this_thread::sleep_until(until);
    }
}

} // namespace kiosk::offline
