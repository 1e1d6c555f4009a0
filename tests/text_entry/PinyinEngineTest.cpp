// The real engine (Debian's libgooglepinyin) behind kiosk/PinyinService, with the demo district's
// vocabulary: the candidates the hall needs on the first page (issue 11.4).
#include "kiosk/GooglePinyinEngine.h"
#include "kiosk/HallVocabulary.h"
#include "kiosk/PinyinService.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <thread>

using namespace kiosk;

namespace {

nlohmann::json demoDistrict() {
    std::ifstream in(KIOSK_DEMO_DISTRICT_JSON);
    REQUIRE(in.good());
    return nlohmann::json::parse(in);
}

// Drains the queue until an answer for `seq` (or the status) arrives.
template <class E>
E waitFor(EventQueue& events, std::function<bool(const E&)> wanted = nullptr) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < until) {
        for (AppEvent& e : events.drain())
            if (auto* x = std::get_if<E>(&e); x && (!wanted || wanted(*x))) return *x;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    FAIL("no answer from the pinyin service");
    return E{};
}

struct Service {
    EventQueue events;
    PinyinService service{events, [] { return std::make_unique<GooglePinyinEngine>(); }};
    std::uint64_t seq = 0;
    Service() {
        const auto district = demoDistrict();
        service.setVocabulary("catalog", vocabularyFromCatalog(district));
        service.setVocabulary("roster", vocabularyFromRoster(district));
        CHECK(waitFor<PinyinEngineStatus>(events).available);
    }
    std::vector<PinyinCandidate> ask(const std::string& letters) {
        service.lookUp(++seq, letters);
        const std::uint64_t s = seq;
        return waitFor<PinyinCandidatesReady>(events, [s](const auto& r) { return r.seq == s; }).candidates;
    }
};

bool onFirstPage(const std::vector<PinyinCandidate>& c, const std::string& text, std::size_t page = 8) {
    return std::any_of(c.begin(), c.begin() + static_cast<long>(std::min(page, c.size())),
                       [&](const PinyinCandidate& x) { return x.text == text; });
}

} // namespace

TEST_CASE("the required words are on the first page of candidates") {
    Service s;
    const auto tuiwei = s.ask("tuiweichepi");
    CHECK(onFirstPage(tuiwei, "推诿扯皮"));
    const auto chinakayao = s.ask("chinakayao");
    REQUIRE_FALSE(chinakayao.empty());
    CHECK(chinakayao[0].text == "吃拿卡要"); // the hall's category, ahead of the engine's 吃那卡要
    CHECK(chinakayao[0].domain);
    CHECK(onFirstPage(s.ask("banshituola"), "办事拖拉"));
    CHECK(onFirstPage(s.ask("luanshoufei"), "乱收费"));
    // Staff of the demo roster, typed in full pinyin (the engine alone guesses 刘消炎).
    const auto liu = s.ask("liuxiaoyan");
    REQUIRE_FALSE(liu.empty());
    CHECK(liu[0].text == "刘晓燕");
    CHECK(liu[0].letters == 10);
}

TEST_CASE("a department is offered whole from the first syllables") {
    Service s;
    const auto c = s.ask("qushichang");
    CHECK(onFirstPage(c, "区市场监督管理局"));
}

TEST_CASE("each candidate says how many letters it stands for") {
    Service s;
    const auto c = s.ask("tuiweichepi");
    for (const auto& x : c) {
        CHECK(x.letters > 0);
        CHECK(x.letters <= 11);
    }
    const auto two = std::find_if(c.begin(), c.end(), [](const auto& x) { return x.text == "推诿"; });
    REQUIRE(two != c.end());
    CHECK(two->letters == 6);
}

TEST_CASE("nothing learned: the same letters give the same order after any choice") {
    // The service never chooses in the engine; asking twice (with a different question between)
    // gives the same answer, so nothing one citizen did reorders the next citizen's candidates.
    Service s;
    const auto first = s.ask("wangxiuying");
    s.ask("wang");
    const auto again = s.ask("wangxiuying");
    REQUIRE(first.size() == again.size());
    for (std::size_t i = 0; i < first.size(); ++i)
        CHECK(first[i].text == again[i].text);
}

TEST_CASE("the dictionary missing: the status says so, lookups answer with nothing") {
    EventQueue events;
    PinyinService service(
        events, [] { return std::make_unique<GooglePinyinEngine>("/nonexistent/dict_pinyin.dat"); });
    const auto status = waitFor<PinyinEngineStatus>(events);
    CHECK_FALSE(status.available);
    CHECK(status.detail.find("/nonexistent/dict_pinyin.dat") != std::string::npos);
    service.lookUp(1, "ni");
    const auto r = waitFor<PinyinCandidatesReady>(events);
    CHECK(r.seq == 1);
    CHECK(r.candidates.empty());
}

TEST_CASE("a burst of lookups: only the newest needs an answer, and it comes") {
    Service s;
    std::string letters;
    for (int i = 0; i < 200; ++i) {
        letters = i % 2 ? "tuiweichepi" : "banshituola";
        s.service.lookUp(++s.seq, letters);
    }
    const std::uint64_t last = s.seq;
    const auto r = waitFor<PinyinCandidatesReady>(s.events, [last](const auto& x) { return x.seq == last; });
    CHECK(r.letters == letters);
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (s.service.busy() && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    CHECK_FALSE(s.service.busy());
}
