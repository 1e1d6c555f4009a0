// PinyinService — the pinyin engine on its own thread: the keyboard asks for the candidates of some
// letters and hears back through the EventQueue (PinyinCandidatesReady), so the UI thread never
// waits for the dictionary (opening it reads 1 MB) or a search.
//
// Sections: the lookup interface the keyboard uses | the service
//
// Why a thread of its own rather than a WorkerThread: the engine must be opened, used and closed on
// one thread (libgooglepinyin's decoder is global), and only the newest request matters: a citizen
// tapping fast sends "t", "tu", "tui" ... and only "tui"'s answer is still wanted. The thread keeps
// one pending request and replaces it; 10,000 taps in a row cost the searches it has time for.
//
//   [x] open on the service's thread; PinyinEngineStatus says whether pinyin is available
//   [x] one pending request, replaced by newer ones (answers carry the request's seq)
//   [x] the hall's vocabulary (catalog + roster) ranked first; replaced whole when either changes
//   [x] characters per syllable cached (bounded) for the vocabulary matching
//   [x] the guide's pinyin initials (kiosk/ServiceGuideInitials): built here, off the UI thread, when
//       the catalog's item names change; the newest names only; answered with ServiceInitialsReady
//   [x] busy(): a request is not answered yet (the script runner waits for it, as for any event)
//   [x] nothing it is asked is logged
#pragma once

#include "kiosk/EventQueue.h"
#include "kiosk/PinyinEngine.h"
#include "kiosk/ServiceGuideInitials.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace kiosk {

// ---- the lookup interface the keyboard uses ----
class PinyinLookup {
public:
    virtual ~PinyinLookup() = default;
    // Answers later with PinyinCandidatesReady{seq, letters}; a newer request may replace this one.
    virtual void lookUp(std::uint64_t seq, std::string letters) = 0;
};

// ---- the service ----
class PinyinService final : public PinyinLookup {
public:
    using EngineFactory = std::function<std::unique_ptr<PinyinEngine>()>;
    static constexpr std::size_t kMaxCandidates = 60;

    PinyinService(EventQueue& events, EngineFactory factory);
    ~PinyinService() override; // closes the engine on its thread and joins
    PinyinService(const PinyinService&) = delete;
    PinyinService& operator=(const PinyinService&) = delete;

    void lookUp(std::uint64_t seq, std::string letters) override;
    // Which vocabulary: "catalog" or "roster"; each replaces its own part.
    void setVocabulary(const std::string& source, std::vector<std::string> phrases);
    // The pinyin initials of each name, answered with ServiceInitialsReady (a newer call replaces it).
    void indexInitials(std::vector<std::string> names);
    bool busy() const { return answered_.load() != requested_.load() || indexing_.load(); }

private:
    struct Request {
        std::uint64_t seq = 0;
        std::string letters;
    };
    void run();
    void answer(PinyinEngine* engine, const Request& request);
    void indexInitials(PinyinEngine* engine, std::vector<std::string> names);
    const std::u32string& charactersFor(PinyinEngine& engine, std::string_view syllable);

    EventQueue& events_;
    EngineFactory factory_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<Request> pending_;
    std::vector<std::pair<std::string, std::vector<std::string>>> vocabularyUpdates_;
    std::optional<std::vector<std::string>> initialsNames_;
    bool stopping_ = false;
    std::atomic<std::uint64_t> requested_{0}, answered_{0};
    std::atomic<bool> indexing_{false};

    // Owned by the service's thread only.
    std::vector<std::pair<std::string, std::vector<std::u32string>>> vocabularyParts_;
    std::vector<std::u32string> vocabulary_;
    std::vector<std::pair<std::string, std::u32string>> syllableCache_;
    std::optional<InitialsTable> initialsTable_; // built once, on first use (23 engine searches)

    std::thread thread_; // last: starts after the members it uses exist
};

} // namespace kiosk
