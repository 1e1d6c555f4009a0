// Integration tests: the ReaderService (real driver code path: termios port, session, poller) against the
// ReaderSimulator on a real pseudo-terminal. Covers connect, read of every card type, read-once,
// removal, swapping, the wanted gate, every fault kind, hot-plug, fingerprint reads and the photo decoder.
#include "drivers/idcard/PhotoDecoder.h"
#include "drivers/idcard/ReaderService.h"
#include "drivers/idcard/ReaderSession.h"
#include "drivers/idcard/ReaderSimulator.h"
#include "drivers/idcard/SimCardSet.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <dirent.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <thread>
#include <unistd.h>

using namespace kiosk::idcard;
using namespace std::chrono_literals;

namespace {

SimCardSet demoSet() {
    std::string err;
    auto s = parseSimCardSet(demoCardSetJson(), err);
    REQUIRE_MESSAGE(s, err);
    return *s;
}

// Thread-safe record of the events the service sent.
class EventLog {
public:
    void push(const ReaderEvent& e) {
        std::lock_guard lock(mu_);
        events_.push_back(e);
        cv_.notify_all();
    }
    // Waits for an event of type T after index `from`; returns its index or -1.
    template <class T>
    int waitFor(std::size_t from, std::chrono::milliseconds timeout = 5000ms) {
        std::unique_lock lock(mu_);
        int found = -1;
        cv_.wait_for(lock, timeout, [&] {
            for (std::size_t i = from; i < events_.size(); ++i)
                if (std::holds_alternative<T>(events_[i])) {
                    found = static_cast<int>(i);
                    return true;
                }
            return false;
        });
        return found;
    }
    template <class T>
    T get(int i) {
        std::lock_guard lock(mu_);
        return std::get<T>(events_.at(static_cast<std::size_t>(i)));
    }
    template <class T>
    int count() {
        std::lock_guard lock(mu_);
        int n = 0;
        for (const auto& e : events_)
            n += std::holds_alternative<T>(e) ? 1 : 0;
        return n;
    }
    std::size_t size() {
        std::lock_guard lock(mu_);
        return events_.size();
    }

private:
    std::mutex mu_;
    std::condition_variable cv_;
    std::vector<ReaderEvent> events_;
};

struct Rig {
    explicit Rig(SimulatorOptions opt = {}, std::function<void(ReaderSettings&)> tweak = {})
        : sim(demoSet(), std::move(opt)) {
        std::string err;
        REQUIRE_MESSAGE(sim.start(err), err);
        ReaderSettings s;
        s.port = sim.portPath();
        s.pollIntervalMs = 40;
        s.reconnectIntervalMs = 100;
        if (tweak) tweak(s);
        service = std::make_unique<ReaderService>(s, [this](const ReaderEvent& e) { log.push(e); });
    }
    ~Rig() {
        service.reset(); // stop the driver before the simulator
        sim.stop();
    }
    int connect() {
        service->start();
        const int i = log.waitFor<ReaderConnected>(0);
        REQUIRE(i >= 0);
        return i;
    }
    std::size_t reads() const { return sim.commandCount(0x30, 0x01) + sim.commandCount(0x30, 0x10); }

    ReaderSimulator sim;
    EventLog log;
    std::unique_ptr<ReaderService> service;
};

} // namespace

TEST_CASE("connect reports the SAM id; a card placed while wanted is read and presented") {
    Rig rig;
    const int c = rig.connect();
    CHECK(rig.log.get<ReaderConnected>(c).samId == "05.01-20230915-001234567-987654321");
    rig.service->setWanted(true);
    REQUIRE(rig.sim.present("li-yan"));
    const int p = rig.log.waitFor<CardPresented>(0);
    REQUIRE(p >= 0);
    const IdCard card = rig.log.get<CardPresented>(p).card;
    CHECK(card.name == "李䶮");
    CHECK(card.idNumber == "44030519821105003X");
    CHECK(card.additionalAddress == "广东省深圳市南山区科技园路8号");
    CHECK(card.samId == "05.01-20230915-001234567-987654321");
    CHECK(card.photo.size() == 1024);
    CHECK(card.photo == demoSet().find("li-yan")->photo);
    CHECK(card.photoRgb.empty()); // no decoder configured: the UI shows a placeholder
    CHECK(rig.log.count<ReaderFault>() == 0);
}

TEST_CASE("every demo card type reads through the pty with its own fields") {
    Rig rig;
    rig.connect();
    rig.service->setWanted(true);
    struct Want {
        const char* handle;
        CardType type;
        const char* id;
    };
    const Want wants[] = {{"wang-xiuying", CardType::Resident, "110105195603121529"},
                          {"chen-jiaming", CardType::HmtPermit, "810000199408230021"},
                          {"john-smith", CardType::Foreign2017, "USA310087065001"},
                          {"maria-garcia", CardType::Foreign2023, "932682198501010017"},
                          {"bad-check", CardType::Resident, "110108194506200028"}};
    for (const Want& w : wants) {
        const std::size_t from = rig.log.size();
        REQUIRE(rig.sim.present(w.handle));
        const int p = rig.log.waitFor<CardPresented>(from);
        REQUIRE_MESSAGE(p >= 0, w.handle);
        const IdCard card = rig.log.get<CardPresented>(p).card;
        CHECK(card.type == w.type);
        CHECK(card.idNumber == w.id);
        CHECK(card.idChecksumOk == (std::string(w.handle) != "bad-check" && w.type != CardType::Foreign2017));
        rig.sim.remove();
        REQUIRE(rig.log.waitFor<CardRemoved>(from) >= 0);
    }
}

TEST_CASE("a card left on the reader is read once; lifting it is reported once") {
    for (bool halt : {true, false}) {
        CAPTURE(halt);
        SimulatorOptions opt;
        opt.haltAfterRead = halt; // real readers halt a read card; some keep answering find
        Rig rig(opt);
        rig.connect();
        rig.service->setWanted(true);
        rig.sim.present("wang-xiuying");
        REQUIRE(rig.log.waitFor<CardPresented>(0) >= 0);
        std::this_thread::sleep_for(600ms); // ~15 poll cycles with the card lying there
        CHECK(rig.log.count<CardPresented>() == 1);
        CHECK(rig.reads() == 1);
        CHECK(rig.log.count<CardRemoved>() == 0);
        rig.sim.remove();
        REQUIRE(rig.log.waitFor<CardRemoved>(0) >= 0);
        std::this_thread::sleep_for(300ms);
        CHECK(rig.log.count<CardRemoved>() == 1);
        // Placing it again is a new presentation.
        rig.sim.present("wang-xiuying");
        const int again =
            rig.log.waitFor<CardPresented>(static_cast<std::size_t>(rig.log.waitFor<CardRemoved>(0)));
        CHECK(again >= 0);
        CHECK(rig.reads() == 2);
    }
}

TEST_CASE("a different card replacing the held one is reported as removed + presented") {
    SimulatorOptions opt;
    opt.haltAfterRead = false;
    Rig rig(opt);
    rig.connect();
    rig.service->setWanted(true);
    rig.sim.present("wang-xiuying");
    const int first = rig.log.waitFor<CardPresented>(0);
    REQUIRE(first >= 0);
    rig.sim.present("zhao-min"); // swapped without a poll seeing an empty reader
    const int second = rig.log.waitFor<CardPresented>(static_cast<std::size_t>(first) + 1);
    REQUIRE(second >= 0);
    CHECK(rig.log.get<CardPresented>(second).card.name == "赵敏");
    const int removed = rig.log.waitFor<CardRemoved>(static_cast<std::size_t>(first) + 1, 0ms);
    CHECK(removed > first);
    CHECK(removed < second);
}

TEST_CASE("no polling while not wanted; a card lying there is read as soon as a screen asks") {
    Rig rig;
    rig.connect();
    rig.sim.present("wang-xiuying");
    const std::size_t findsBefore = rig.sim.commandCount(0x20, 0x01);
    std::this_thread::sleep_for(400ms);
    CHECK(rig.sim.commandCount(0x20, 0x01) == findsBefore);
    CHECK(rig.log.count<CardPresented>() == 0);
    const auto t0 = std::chrono::steady_clock::now();
    rig.service->setWanted(true);
    REQUIRE(rig.log.waitFor<CardPresented>(0) >= 0);
    CHECK(std::chrono::steady_clock::now() - t0 < 1s);
    rig.service->setWanted(false);
    std::this_thread::sleep_for(100ms);
    const std::size_t finds = rig.sim.commandCount(0x20, 0x01);
    std::this_thread::sleep_for(300ms);
    CHECK(rig.sim.commandCount(0x20, 0x01) == finds);
}

TEST_CASE("fault: no card -> nothing reported; cleared -> the card is read") {
    Rig rig;
    rig.connect();
    rig.service->setWanted(true);
    SimFault f;
    f.kind = SimFaultKind::NoCard;
    rig.sim.setFault(f);
    rig.sim.present("zhao-min");
    std::this_thread::sleep_for(400ms);
    CHECK(rig.log.count<CardPresented>() == 0);
    CHECK(rig.log.count<ReaderFault>() == 0);
    rig.sim.setFault(SimFault{});
    CHECK(rig.log.waitFor<CardPresented>(0) >= 0);
}

TEST_CASE("fault: one damaged answer (checksum, truncated, noise) is recovered without an error") {
    for (SimFaultKind kind : {SimFaultKind::Checksum, SimFaultKind::Truncated, SimFaultKind::Noise}) {
        CAPTURE(static_cast<int>(kind));
        Rig rig;
        rig.connect();
        SimFault f;
        f.kind = kind;
        f.commandFilter = 0x3001; // the 30 01 read answer
        f.count = 1;
        rig.sim.setFault(f);
        rig.service->setWanted(true);
        rig.sim.present("wang-xiuying");
        const int p = rig.log.waitFor<CardPresented>(0);
        REQUIRE(p >= 0);
        CHECK(rig.log.get<CardPresented>(p).card.idNumber == "110105195603121529");
        CHECK(rig.log.count<ReaderFault>() == 0);
        CHECK(rig.reads() == (kind == SimFaultKind::Noise ? 1u : 2u)); // damaged answers are retried once
    }
}

TEST_CASE("fault: persistent checksum errors and truncated frames are reported once, then recover") {
    struct Case {
        SimFaultKind kind;
        ErrorKind expect;
    };
    for (Case k : {Case{SimFaultKind::Checksum, ErrorKind::ResponseChecksum},
                   Case{SimFaultKind::Truncated, ErrorKind::TruncatedResponse}}) {
        CAPTURE(static_cast<int>(k.kind));
        Rig rig;
        rig.connect();
        SimFault f;
        f.kind = k.kind;
        f.commandFilter = 0x3001;
        rig.sim.setFault(f);
        rig.service->setWanted(true);
        rig.sim.present("wang-xiuying");
        const int e = rig.log.waitFor<ReaderFault>(0);
        REQUIRE(e >= 0);
        const ReaderError err = rig.log.get<ReaderFault>(e).error;
        CHECK(err.kind == k.expect);
        CHECK(!err.messageZh.empty());
        CHECK(err.detail.find("read text") != std::string::npos);
        CHECK(err.detail.find("110105") == std::string::npos); // no personal data in details
        // A truncated answer costs the read time-out; wait for a few attempts either way.
        std::this_thread::sleep_for(k.kind == SimFaultKind::Truncated ? 3500ms : 500ms);
        CHECK(rig.log.count<ReaderFault>() == 1); // deduplicated while it persists
        CHECK(rig.reads() >= 3);
        CHECK(rig.log.count<CardPresented>() == 0);
        rig.sim.setFault(SimFault{});
        CHECK(rig.log.waitFor<CardPresented>(0) >= 0);
    }
}

TEST_CASE("fault: SW3 error codes are reported with their code and Chinese message") {
    Rig rig;
    rig.connect();
    std::string perr;
    rig.sim.setFault(*parseSimFault("sw3 41", perr));
    rig.service->setWanted(true);
    rig.sim.present("li-yan");
    const int e = rig.log.waitFor<ReaderFault>(0);
    REQUIRE(e >= 0);
    const ReaderError err = rig.log.get<ReaderFault>(e).error;
    CHECK(err.kind == ErrorKind::DeviceStatus);
    CHECK(err.sw3 == 0x41);
    CHECK(err.messageZh == "读取证件失败，请重新放置证件");
    CHECK(err.detail.find("read_card_failed") != std::string::npos);
    // A different code on another command is a new error.
    rig.sim.setFault(*parseSimFault("sw3 32 find", perr));
    const int e2 = rig.log.waitFor<ReaderFault>(static_cast<std::size_t>(e) + 1);
    REQUIRE(e2 >= 0);
    CHECK(rig.log.get<ReaderFault>(e2).error.sw3 == 0x32);
    rig.sim.setFault(SimFault{});
    CHECK(rig.log.waitFor<CardPresented>(0) >= 0);
}

TEST_CASE("reading is announced; a card lifted mid-read is reported as aborted, not read (issue 8.9)") {
    Rig rig;
    rig.connect();
    std::string perr;
    const auto lift = parseSimFault("lift", perr);
    REQUIRE_MESSAGE(lift, perr);
    CHECK(describeSimFault(*lift) == "lift x1");
    rig.sim.setFault(*lift);
    rig.service->setWanted(true);
    rig.sim.present("wang-xiuying");
    const int reading = rig.log.waitFor<CardReading>(0);
    REQUIRE(reading >= 0);
    const int aborted = rig.log.waitFor<CardReadAborted>(static_cast<std::size_t>(reading));
    REQUIRE(aborted >= 0);
    CHECK_FALSE(rig.sim.presentCard()); // the simulator lifted it during the read
    std::this_thread::sleep_for(200ms); // several polls: nothing more about that card
    CHECK(rig.log.count<CardPresented>() == 0);
    CHECK(rig.log.count<ReaderFault>() == 0); // the reader is fine: no "reader error" for a lift
    CHECK(rig.log.count<CardRemoved>() == 0); // it was never presented, so never "removed" either

    // Placed again: announced, then read.
    const std::size_t from = rig.log.size();
    rig.sim.present("wang-xiuying");
    const int again = rig.log.waitFor<CardReading>(from);
    REQUIRE(again >= 0);
    const int p = rig.log.waitFor<CardPresented>(static_cast<std::size_t>(again));
    REQUIRE(p >= 0);
    CHECK(rig.log.get<CardPresented>(p).card.idNumber == "110105195603121529");
    CHECK(std::string(readerEventName(ReaderEvent{CardReading{}})) == "card_reading");
    CHECK(std::string(readerEventName(ReaderEvent{CardReadAborted{}})) == "card_read_aborted");
}

TEST_CASE("fault: SAM self-test failure at connect, then the reader recovers") {
    SimulatorOptions opt;
    Rig rig(opt);
    std::string perr;
    rig.sim.setFault(*parseSimFault("sw3 60 sam", perr));
    rig.service->start();
    const int e = rig.log.waitFor<ReaderFault>(0);
    REQUIRE(e >= 0);
    CHECK(rig.log.get<ReaderFault>(e).error.sw3 == 0x60);
    CHECK(rig.log.count<ReaderConnected>() == 0);
    rig.sim.setFault(SimFault{});
    CHECK(rig.log.waitFor<ReaderConnected>(0) >= 0);
}

TEST_CASE("fault: silence -> time-out error; answers again -> connected again and cards are read") {
    Rig rig;
    rig.connect();
    rig.service->setWanted(true);
    SimFault f;
    f.kind = SimFaultKind::Silence;
    rig.sim.setFault(f);
    const int e = rig.log.waitFor<ReaderFault>(0, 5000ms);
    REQUIRE(e >= 0);
    CHECK(rig.log.get<ReaderFault>(e).error.kind == ErrorKind::Timeout);
    std::this_thread::sleep_for(1500ms);
    CHECK(rig.log.count<ReaderFault>() == 1);
    rig.sim.setFault(SimFault{});
    const int back = rig.log.waitFor<ReaderConnected>(static_cast<std::size_t>(e));
    REQUIRE(back >= 0);
    rig.sim.present("john-smith");
    const int p = rig.log.waitFor<CardPresented>(static_cast<std::size_t>(back));
    REQUIRE(p >= 0);
    CHECK(rig.log.get<CardPresented>(p).card.nameEn == "SMITH JOHN");
}

TEST_CASE("a host frame with a bad checksum gets SW3 10 from the simulator; the session reports it") {
    ReaderSimulator sim(demoSet());
    std::string err;
    REQUIRE(sim.start(err));
    SerialPort port;
    REQUIRE_MESSAGE(port.open(sim.portPath(), 115200, err), err);
    ReaderSession s(port);
    auto r = s.transact(cmd::kSamStatus, 500);
    REQUIRE(r);
    CHECK(r.value().sw.is(Sw3::Ok));
    // Unknown command -> 21
    auto u = s.transact(Command{0x77, 0x01, "bogus"}, 500);
    REQUIRE(u);
    CHECK(u.value().sw.sw3 == 0x21);
    // Raw frame with a broken checksum.
    auto frame = buildCommandFrame(cmd::kFindCard);
    frame.back() ^= 1;
    REQUIRE(port.writeAll(frame, 500, err) == IoStatus::Ok);
    std::uint8_t buf[64];
    std::size_t n = 0, total = 0;
    FrameParser p;
    std::optional<ParsedItem> item;
    for (int i = 0; i < 20 && !item; ++i) {
        if (port.readSome(buf, sizeof buf, 100, n, err) == IoStatus::Ok) {
            total += n;
            p.feed(std::span<const std::uint8_t>(buf, n));
            item = p.next();
        }
    }
    REQUIRE(item);
    REQUIRE(item->body);
    CHECK((*item->body)[2] == 0x10);
    // Timing out with nothing: silence.
    SimFault f;
    f.kind = SimFaultKind::Silence;
    sim.setFault(f);
    auto t = s.samStatus();
    REQUIRE(!t);
    CHECK(t.error().kind == ErrorKind::Timeout);
    port.close();
    sim.stop();
}

TEST_CASE("hot-plug: the port vanishing is reported as disconnected; it coming back as connected") {
    const std::string link =
        std::filesystem::temp_directory_path() / ("idcard-link-" + std::to_string(getpid()));
    SimulatorOptions opt;
    opt.linkPath = link;
    Rig rig(opt);
    CHECK(rig.sim.portPath() == link);
    rig.connect();
    rig.service->setWanted(true);
    rig.sim.unplug();
    const int d = rig.log.waitFor<ReaderDisconnected>(0);
    REQUIRE(d >= 0);
    CHECK(!std::filesystem::exists(link));
    std::this_thread::sleep_for(400ms); // several failed re-opens: still one event
    CHECK(rig.log.count<ReaderDisconnected>() == 1);
    std::string err;
    REQUIRE(rig.sim.replug(err));
    const int c = rig.log.waitFor<ReaderConnected>(static_cast<std::size_t>(d));
    REQUIRE(c >= 0);
    rig.sim.present("maria-garcia");
    const int p = rig.log.waitFor<CardPresented>(static_cast<std::size_t>(c));
    REQUIRE(p >= 0);
    CHECK(rig.log.get<CardPresented>(p).card.nameEn == "GARCIA MARIA");
    // Unplugged while not wanted is noticed too.
    rig.service->setWanted(false);
    const std::size_t before = rig.log.size();
    rig.sim.unplug();
    CHECK(rig.log.waitFor<ReaderDisconnected>(before) >= 0);
}

TEST_CASE("a port that does not exist at start is reported as disconnected, and keeps being retried") {
    EventLog log;
    ReaderSettings s;
    s.port = "/dev/idcard-does-not-exist";
    s.reconnectIntervalMs = 50;
    ReaderService svc(s, [&](const ReaderEvent& e) { log.push(e); });
    svc.start();
    const int d = log.waitFor<ReaderDisconnected>(0);
    REQUIRE(d >= 0);
    CHECK(log.get<ReaderDisconnected>(d).detail.find("/dev/idcard-does-not-exist") != std::string::npos);
    std::this_thread::sleep_for(200ms);
    CHECK(log.count<ReaderDisconnected>() == 1);
    svc.stop();
    svc.stop(); // idempotent
}

TEST_CASE("fingerprint reads (30 10) carry the fingerprint; cards without one still read") {
    std::string err;
    auto set = parseSimCardSet(R"({"cards": [{"card": "fp", "name": "指纹", "id_number": "11010519491231002X",
                                   "fingerprint": true}, {"card": "nofp", "name": "无指纹"}]})",
                               err);
    REQUIRE_MESSAGE(set, err);
    ReaderSimulator sim(std::move(*set));
    REQUIRE(sim.start(err));
    EventLog log;
    ReaderSettings s;
    s.port = sim.portPath();
    s.pollIntervalMs = 40;
    s.readFingerprint = true;
    ReaderService svc(s, [&](const ReaderEvent& e) { log.push(e); });
    svc.start();
    svc.setWanted(true);
    sim.present("fp");
    int p = log.waitFor<CardPresented>(0);
    REQUIRE(p >= 0);
    CHECK(log.get<CardPresented>(p).card.fingerprint.size() == 1024);
    CHECK(log.get<CardPresented>(p).card.idChecksumOk);
    CHECK(sim.commandCount(0x30, 0x10) == 1);
    CHECK(sim.commandCount(0x30, 0x01) == 0);
    sim.present("nofp");
    p = log.waitFor<CardPresented>(static_cast<std::size_t>(p) + 1);
    REQUIRE(p >= 0);
    CHECK(log.get<CardPresented>(p).card.fingerprint.empty());
    CHECK(log.get<CardPresented>(p).card.name == "无指纹");
    svc.stop();
    sim.stop();
}

TEST_CASE("invalid UCS-2 and an unknown card type are handled without a crash") {
    std::string err;
    std::string hex;
    {
        SimCardSet d = demoSet();
        std::vector<std::uint8_t> t = d.find("wang-xiuying")->text;
        t[0] = 0x00;
        t[1] = 0xD8; // lone high surrogate as first name character
        static const char* digits = "0123456789abcdef";
        for (auto b : t) {
            hex.push_back(digits[b >> 4]);
            hex.push_back(digits[b & 15]);
        }
    }
    std::string unknownType = hex;
    unknownType.replace(248 * 2, 4, "5100"); // 'Q'
    auto set =
        parseSimCardSet("{\"cards\": [{\"card\": \"bad-text\", \"text_block_hex\": \"" + hex +
                            "\"}, {\"card\": \"bad-type\", \"text_block_hex\": \"" + unknownType + "\"}]}",
                        err);
    REQUIRE_MESSAGE(set, err);
    ReaderSimulator sim(std::move(*set));
    REQUIRE(sim.start(err));
    EventLog log;
    ReaderSettings s;
    s.port = sim.portPath();
    s.pollIntervalMs = 40;
    ReaderService svc(s, [&](const ReaderEvent& e) { log.push(e); });
    svc.start();
    svc.setWanted(true);
    sim.present("bad-text");
    const int p = log.waitFor<CardPresented>(0);
    REQUIRE(p >= 0);
    const IdCard c = log.get<CardPresented>(p).card;
    CHECK(c.textReplaced);
    CHECK(c.name == "\xEF\xBF\xBD秀英");
    CHECK(c.idNumber == "110105195603121529");
    sim.present("bad-type");
    const int e = log.waitFor<ReaderFault>(0);
    REQUIRE(e >= 0);
    CHECK(log.get<ReaderFault>(e).error.kind == ErrorKind::MalformedResponse);
    CHECK(log.get<ReaderFault>(e).error.detail.find("U+0051") != std::string::npos);
    svc.stop();
    sim.stop();
}

TEST_CASE("photo decoder: loaded with dlopen, decodes to 102x126 RGB, never writes a file") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("idcard-photo-" + std::to_string(getpid()));
    fs::create_directories(dir);
    const fs::path oldCwd = fs::current_path();
    fs::current_path(dir); // a vendor library asked to save would write here
    {
        Rig rig({}, [](ReaderSettings& s) { s.photoDecoderPath = FAKE_WLT_PATH; });
        rig.connect();
        rig.service->setWanted(true);
        rig.sim.present("wang-xiuying");
        const int p = rig.log.waitFor<CardPresented>(0);
        REQUIRE(p >= 0);
        const IdCard card = rig.log.get<CardPresented>(p).card;
        REQUIRE(card.photoRgb.size() == 102u * 126u * 3u);
        // Top-left pixel: R = x = 0, G = y = 0, B = first WLT byte; bottom-right: R 101, G 125.
        CHECK(card.photoRgb[0] == 0);
        CHECK(card.photoRgb[1] == 0);
        CHECK(card.photoRgb[2] == card.photo[0]);
        const std::size_t last = (125u * 102u + 101u) * 3u;
        CHECK(card.photoRgb[last] == 101);
        CHECK(card.photoRgb[last + 1] == 125);
        CHECK(rig.log.count<ReaderFault>() == 0);
    }
    CHECK(fs::is_empty(dir)); // nothing of the photo reached the disk
    fs::current_path(oldCwd);
    fs::remove_all(dir);

    PhotoDecoder dec;
    std::string err;
    CHECK(!dec.load("/nonexistent/libwlt2bmp.so", err));
    CHECK(err.find("cannot load") != std::string::npos);
    CHECK(!dec.decode(std::vector<std::uint8_t>(1024, 1)));
    REQUIRE(dec.load(FAKE_WLT_PATH, err));
    CHECK(!dec.decode(std::vector<std::uint8_t>(1024, 0xEE))); // unpack() returned 0
    CHECK(!dec.decode(std::vector<std::uint8_t>(10, 1)));      // not a 1024-byte blob

    Rig rig({}, [](ReaderSettings& s) { s.photoDecoderPath = "/nonexistent/libwlt2bmp.so"; });
    rig.service->start();
    const int e = rig.log.waitFor<ReaderFault>(0);
    REQUIRE(e >= 0);
    CHECK(rig.log.get<ReaderFault>(e).error.kind == ErrorKind::PhotoDecoderFailed);
    CHECK(rig.log.waitFor<ReaderConnected>(0) >= 0); // the reader still works
}

TEST_CASE("stop() is idempotent, works without start() and from the destructor") {
    ReaderSettings s;
    s.port = "/dev/null-not-a-tty";
    {
        ReaderService a(s, nullptr);
        a.stop();
        a.stop();
    }
    {
        ReaderService b(s, nullptr);
        b.start();
        b.start(); // a second start is harmless
    }              // destructor stops and joins
}

TEST_CASE("a callback that throws does not kill the reader thread") {
    std::string err;
    auto cards = parseSimCardSet(demoCardSetJson(), err);
    REQUIRE(cards);
    ReaderSimulator sim(std::move(*cards));
    REQUIRE(sim.start(err));
    std::atomic<int> calls{0};
    std::atomic<bool> presented{false};
    ReaderSettings s;
    s.port = sim.portPath();
    s.pollIntervalMs = 50;
    ReaderService svc(s, [&](const ReaderEvent& e) {
        if (calls++ == 0) throw std::runtime_error("the app's handler failed");
        if (std::holds_alternative<CardPresented>(e)) presented = true;
    });
    svc.setWanted(true);
    svc.start();
    REQUIRE(sim.present("wang-xiuying"));
    for (int i = 0; i < 200 && !presented; ++i)
        std::this_thread::sleep_for(25ms);
    CHECK(calls >= 2);
    CHECK(presented); // the first event's exception was contained; the card still arrived
    svc.stop();
    sim.stop();
}

TEST_CASE(
    "tolerance: a reader without a usable SAM id answer, or answering find with 90, still reads cards") {
    Rig rig;
    std::string perr;
    rig.sim.setFault(*parseSimFault("sw3 21 samid", perr));
    rig.service->start();
    const int c = rig.log.waitFor<ReaderConnected>(0);
    REQUIRE(c >= 0);
    CHECK(rig.log.get<ReaderConnected>(c).samId.empty());
    rig.sim.setFault(*parseSimFault("sw3 90 find", perr));
    rig.service->setWanted(true);
    rig.sim.present("zhao-min");
    const int p = rig.log.waitFor<CardPresented>(0);
    REQUIRE(p >= 0);
    CHECK(rig.log.get<CardPresented>(p).card.name == "赵敏");
    CHECK(rig.log.get<CardPresented>(p).card.samId.empty());
    CHECK(rig.log.count<ReaderFault>() == 0);
}

TEST_CASE("a port in use by another program is refused with a clear error, and free again once closed") {
    ReaderSimulator sim(demoSet());
    std::string err;
    REQUIRE(sim.start(err));
    SerialPort a, b;
    REQUIRE_MESSAGE(a.open(sim.portPath(), 115200, err), err);
    CHECK(!b.open(sim.portPath(), 115200, err));
    CHECK(err.find("in use by another program") != std::string::npos);
    a.close();
    CHECK(b.open(sim.portPath(), 115200, err));
    const std::string plain =
        std::filesystem::temp_directory_path() / ("idcard-plain-" + std::to_string(getpid()));
    { std::ofstream(plain) << "x"; }
    CHECK(!b.open(plain, 115200, err)); // a regular file is not a tty
    CHECK(err.find("not a serial port") != std::string::npos);
    std::filesystem::remove(plain);
    CHECK(!b.open(sim.portPath(), 12345, err));
    CHECK(err.find("unsupported baud rate 12345") != std::string::npos);
    sim.stop();
}
