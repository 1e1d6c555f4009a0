// Driver events -> app events: the app keeps only what a session needs, and names failures by key.
#include "kiosk/IdCardReader.h"
#include "kiosk/ReceiptPrinter.h"
#include "kiosk/StringTable.h"

#include <doctest/doctest.h>

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
