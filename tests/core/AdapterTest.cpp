// Driver events -> app events: the app keeps only what a session needs, and names failures by key.
#include "kiosk/IdCardReader.h"
#include "kiosk/ReceiptPrinter.h"
#include "kiosk/StringTable.h"
#include "kiosk/SyncAdapter.h"
#include "kiosk/SyncSettingsFromConfig.h"

#include <doctest/doctest.h>

#include <thread>

using namespace kiosk;

TEST_CASE("a presented card becomes a CitizenIdentity with a masked number") {
    idcard::IdCard card;
    card.type = idcard::CardType::Resident;
    card.name = "王秀英";
    card.idNumber = "110105195603121529";
    card.idChecksumOk = true;
    card.address = "北京市朝阳区建国路88号院";
    AppEvent out;
    REQUIRE(toAppEvent(idcard::ReaderEvent{idcard::CardPresented{card}}, out));
    const auto& who = std::get<CardPresented>(out).citizen;
    CHECK(who.name == "王秀英");
    CHECK(who.idNumber == "110105195603121529");
    CHECK(who.maskedIdNumber == "110105********1529");
    CHECK(who.cardType == "resident");
    CHECK(who.idChecksumOk);

    card.idChecksumOk = false;
    REQUIRE(toAppEvent(idcard::ReaderEvent{idcard::CardPresented{card}}, out));
    CHECK_FALSE(std::get<CardPresented>(out).citizen.idChecksumOk);

    // A 2017 foreign card has no check digit and maybe no Chinese name.
    idcard::IdCard foreign;
    foreign.type = idcard::CardType::Foreign2017;
    foreign.nameEn = "SMITH JOHN";
    foreign.idNumber = "USA310087065001";
    REQUIRE(toAppEvent(idcard::ReaderEvent{idcard::CardPresented{foreign}}, out));
    CHECK(std::get<CardPresented>(out).citizen.name == "SMITH JOHN");
    CHECK(std::get<CardPresented>(out).citizen.idChecksumOk);
}

TEST_CASE("reader connection changes become status events with string keys") {
    AppEvent out;
    REQUIRE(toAppEvent(idcard::ReaderEvent{idcard::ReaderDisconnected{"/dev/ttyUSB0: gone"}}, out));
    CHECK_FALSE(std::get<ReaderStatusChanged>(out).connected);
    CHECK(std::get<ReaderStatusChanged>(out).messageKey == "reader.disconnected");
    REQUIRE(toAppEvent(idcard::ReaderEvent{idcard::ReaderConnected{"05.01-..."}}, out));
    CHECK(std::get<ReaderStatusChanged>(out).connected);
    CHECK(StringTable::load("zh-CN").has(std::get<ReaderStatusChanged>(out).messageKey));
}

TEST_CASE("print results map to keys every table has") {
    const StringTable zh = StringTable::load("zh-CN");
    const StringTable en = StringTable::load("en");
    for (auto reason : {printer::PrintFailure::BadUri, printer::PrintFailure::Offline,
                        printer::PrintFailure::Timeout, printer::PrintFailure::PaperOut,
                        printer::PrintFailure::CoverOpen, printer::PrintFailure::CutterError,
                        printer::PrintFailure::PrinterError, printer::PrintFailure::IoError}) {
        printer::PrinterEvent e;
        e.kind = printer::PrinterEvent::Kind::JobFailed;
        e.jobId = 7;
        e.reason = reason;
        AppEvent out;
        REQUIRE(toAppEvent(e, out));
        const auto& p = std::get<PrintFinished>(out);
        CHECK(p.jobId == 7);
        CHECK_FALSE(p.ok);
        CHECK_MESSAGE(zh.has(p.failureKey), p.failureKey);
        CHECK_MESSAGE(en.has(p.failureKey), p.failureKey);
    }
    printer::PrinterEvent ok;
    ok.kind = printer::PrinterEvent::Kind::JobPrinted;
    ok.jobId = 3;
    AppEvent out;
    REQUIRE(toAppEvent(ok, out));
    CHECK(std::get<PrintFinished>(out).ok);
    printer::PrinterEvent status;
    status.kind = printer::PrinterEvent::Kind::StatusChanged;
    CHECK_FALSE(toAppEvent(status, out));
}

TEST_CASE("the case query and the sync engine share one HTTPS mapping of the config") {
    config::KioskConfig c;
    c.terminal.id = "HALL-3";
    c.terminal.stateDir = "/var/lib/kiosk";
    c.server.url = "https://central.example:8443//";
    const offline::SyncSettings s = syncSettingsFor(c);
    // Empty TLS paths fall back to the files `kioskctl enroll` writes.
    CHECK(s.https.caFile == "/var/lib/kiosk/tls/ca.crt");
    CHECK(s.https.certFile == "/var/lib/kiosk/tls/client.crt");
    CHECK(s.https.keyFile == "/var/lib/kiosk/tls/client.key");
    CHECK(s.https.baseUrl == "https://central.example:8443"); // no "//api/v1/..."
    CHECK(s.https.connectTimeoutMs == c.server.connectTimeoutS * 1000);
    CHECK(s.terminalId == "HALL-3");
    c.server.caFile = "/etc/kiosk/ca.pem";
    CHECK(syncSettingsFor(c).https.caFile == "/etc/kiosk/ca.pem");
}

TEST_CASE("a slip that cannot be printed comes back drawn, from the printer's thread") {
    EventQueue events;
    printer::PrinterSettings ps;
    ps.uri = "tcp://127.0.0.1:1"; // nothing listens there: the job fails as offline
    ps.timeoutMs = 500;
    auto sink = std::make_unique<MemorySink>();
    MemorySink& logged = *sink;
    Logger log(std::move(sink));
    ReceiptPrinter p(ps, printer::SlipRenderOptions{}, events, log);
    printer::Receipt r;
    r.blocks.push_back(printer::TextBlock{"办件进度 QH-1", {}});
    const std::uint64_t id = p.print(r);
    std::optional<PrintFinished> done;
    for (int i = 0; i < 200 && !done; ++i) {
        for (AppEvent& e : events.drain()) {
            if (auto* f = std::get_if<PrintFinished>(&e)) done = *f;
        }
        if (!done) std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    REQUIRE(done.has_value());
    CHECK(done->jobId == id);
    CHECK_FALSE(done->ok);
    CHECK(done->failureKey == "print.failure.offline");
    CHECK(logged.count("printer", "slip " + std::to_string(id) + " not printed: offline") == 1); // issue 8.12
    CHECK(done->preview.width > 0);
    CHECK(done->preview.height > 0);
    // Some ink: the text was drawn, not a blank page.
    size_t dark = 0;
    for (auto px : done->preview.pixels)
        dark += px < 128;
    CHECK(dark > 50);
}

TEST_CASE(
    "every sync event reaches the app: status, catalog, roster, rating request, store problem, rejection") {
    using offline::SyncEvent;
    SyncEvent status;
    status.kind = SyncEvent::Kind::Status;
    status.online = true;
    status.pending = 3;
    const AppEvent s = toAppEvent(status);
    REQUIRE(std::holds_alternative<SyncStatusChanged>(s));
    CHECK(std::get<SyncStatusChanged>(s).online);
    CHECK(std::get<SyncStatusChanged>(s).pending == 3);

    SyncEvent catalog;
    catalog.kind = SyncEvent::Kind::CatalogUpdated;
    catalog.data = {{"district", {{"hotline", "12345"}}}};
    const AppEvent c = toAppEvent(catalog);
    REQUIRE(std::holds_alternative<CatalogChanged>(c));

    SyncEvent roster;
    roster.kind = SyncEvent::Kind::RosterUpdated;
    roster.data = {{"windows", nlohmann::json::array({{{"counter", 3}, {"staff_id", "S-0003"}}})}};
    const AppEvent r = toAppEvent(roster);
    REQUIRE(std::holds_alternative<RosterChanged>(r));
    CHECK(std::get<RosterChanged>(r).roster["windows"][0]["staff_id"] == "S-0003");

    SyncEvent request;
    request.kind = SyncEvent::Kind::RatingRequest;
    request.data = {{"case_no", "QH-2026-000123"}, {"counter", 3}};
    const AppEvent q = toAppEvent(request);
    REQUIRE(std::holds_alternative<RatingRequested>(q));
    CHECK(std::get<RatingRequested>(q).request["case_no"] == "QH-2026-000123");

    SyncEvent store;
    store.kind = SyncEvent::Kind::StoreProblem;
    store.error = "full: database or disk is full";
    const AppEvent p = toAppEvent(store);
    REQUIRE(std::holds_alternative<StoreProblemReported>(p));
    CHECK(std::get<StoreProblemReported>(p).detail == "full: database or disk is full");

    SyncEvent rejected;
    rejected.kind = SyncEvent::Kind::Rejected;
    rejected.recordId = "0190-abc";
    rejected.error = "422 invalid_rating";
    const AppEvent j = toAppEvent(rejected);
    REQUIRE(std::holds_alternative<RecordRejected>(j));
    CHECK(std::get<RecordRejected>(j).recordId == "0190-abc");
    CHECK(std::get<RecordRejected>(j).error == "422 invalid_rating");
}
