// PinyinService (see the header).
//
// Sections: asking | the service's thread
#include "kiosk/PinyinService.h"

#include "kiosk/PinyinRanking.h"
#include "text/Utf8.h"

#include <algorithm>

namespace kiosk {

namespace {
constexpr std::size_t kSyllableCacheSize = 512; // Mandarin has ~410 syllables; partial ones on top
} // namespace

// ---- asking ----
PinyinService::PinyinService(EventQueue& events, EngineFactory factory)
    : events_(events), factory_(std::move(factory)), thread_([this] { run(); }) {}

PinyinService::~PinyinService() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void PinyinService::lookUp(std::uint64_t seq, std::string letters) {
    {
        std::lock_guard lock(mutex_);
        pending_ = Request{seq, std::move(letters)};
        requested_ = seq;
    }
    wake_.notify_one();
}

void PinyinService::setVocabulary(const std::string& source, std::vector<std::string> phrases) {
    {
        std::lock_guard lock(mutex_);
        vocabularyUpdates_.emplace_back(source, std::move(phrases));
    }
    wake_.notify_one();
}

void PinyinService::indexInitials(std::vector<std::string> names) {
    {
        std::lock_guard lock(mutex_);
        initialsNames_ = std::move(names);
        indexing_ = true;
    }
    wake_.notify_one();
}

// ---- the service's thread ----
void PinyinService::run() {
    std::unique_ptr<PinyinEngine> engine = factory_ ? factory_() : nullptr;
    std::string error = "no pinyin engine configured";
    const bool available = engine && engine->open(error);
    if (!available) engine.reset();
    events_.push(PinyinEngineStatus{available, available ? std::string() : error});

    for (;;) {
        std::optional<Request> request;
        std::vector<std::pair<std::string, std::vector<std::string>>> updates;
        std::optional<std::vector<std::string>> names;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] {
                return stopping_ || pending_ || !vocabularyUpdates_.empty() || initialsNames_;
            });
            if (stopping_) break;
            request.swap(pending_);
            updates.swap(vocabularyUpdates_);
            names.swap(initialsNames_);
        }
        for (auto& [source, phrases] : updates) {
            std::vector<std::u32string> decoded;
            for (const std::string& p : phrases)
                if (auto cps = text::decodeUtf8(p)) decoded.push_back(std::move(*cps));
            auto part = std::find_if(vocabularyParts_.begin(), vocabularyParts_.end(),
                                     [&](const auto& e) { return e.first == source; });
            if (part == vocabularyParts_.end())
                vocabularyParts_.emplace_back(source, std::move(decoded));
            else
                part->second = std::move(decoded);
        }
        if (!updates.empty()) {
            vocabulary_.clear();
            for (const auto& [source, phrases] : vocabularyParts_)
                for (const auto& p : phrases)
                    if (std::find(vocabulary_.begin(), vocabulary_.end(), p) == vocabulary_.end())
                        vocabulary_.push_back(p);
        }
        if (request) answer(engine.get(), *request);
        if (names) indexInitials(engine.get(), std::move(*names));
    }
    engine.reset(); // closed on the thread that opened it
}

void PinyinService::answer(PinyinEngine* engine, const Request& request) {
    PinyinCandidatesReady ready{request.seq, request.letters, {}};
    if (engine) {
        const PinyinSearch found = engine->search(request.letters, kMaxCandidates);
        // Filling the syllable cache searches the engine again, so the main search came first and
        // is kept in `found`.
        ready.candidates = rankCandidates(request.letters, found, vocabulary_,
                                          [this, engine](std::string_view syllable) -> const std::u32string& {
                                              return charactersFor(*engine, syllable);
                                          });
    }
    events_.push(std::move(ready));
    // A newer request that came in meanwhile keeps requested_ ahead: busy() stays true for it.
    answered_ = request.seq;
}

void PinyinService::indexInitials(PinyinEngine* engine, std::vector<std::string> names) {
    ServiceInitialsReady ready;
    if (engine) {
        if (!initialsTable_)
            initialsTable_ =
                initialsTableFrom([engine](std::string_view l) { return engine->charactersFor(l); });
        for (const std::string& n : names)
            ready.initials.push_back(initialsOf(n, *initialsTable_));
    } else {
        ready.initials.resize(names.size()); // no engine: no initials; Chinese search still works
    }
    ready.names = std::move(names);
    events_.push(std::move(ready));
    std::lock_guard lock(mutex_);
    if (!initialsNames_) indexing_ = false; // newer names wait: still indexing
}

const std::u32string& PinyinService::charactersFor(PinyinEngine& engine, std::string_view syllable) {
    for (const auto& [s, chars] : syllableCache_)
        if (s == syllable) return chars;
    if (syllableCache_.size() >= kSyllableCacheSize) syllableCache_.erase(syllableCache_.begin());
    syllableCache_.emplace_back(std::string(syllable), engine.charactersFor(syllable));
    return syllableCache_.back().second;
}

} // namespace kiosk
