// Status decoding: every documented bit of DLE EOT 1..4, the fixed-bit check, the verdict and messages.
#include "drivers/printer/PrinterStatus.h"

#include <doctest/doctest.h>

using namespace kiosk::printer;

namespace {
PrinterStatus with(int n, std::uint8_t bits) {
    std::array<std::uint8_t, 4> r{0x12, 0x12, 0x12, 0x12};
    r[static_cast<std::size_t>(n - 1)] |= bits;
    return decodeStatus(r);
}
} // namespace

TEST_CASE("idle printer: all four replies 0x12, can print, no message") {
    const PrinterStatus s = with(1, 0);
    CHECK(s.answered);
    CHECK(s.online());
    CHECK(s.canPrint());
    CHECK(s.citizenMessageZh().empty());
    CHECK(s.technicianDetail().rfind("ready", 0) == 0);
}

TEST_CASE("DLE EOT 1: offline, waiting for recovery, feed button") {
    CHECK(with(1, 0x08).offline);
    CHECK_FALSE(with(1, 0x08).canPrint());
    CHECK_FALSE(with(1, 0x08).online());
    CHECK(with(1, 0x20).waitingForOnlineRecovery);
    CHECK(with(1, 0x40).feedButtonPressed);
    CHECK(with(1, 0x40).canPrint()); // pressing feed is not a fault
}

TEST_CASE("DLE EOT 2: cover open, paper fed by button, stopped on paper end, error") {
    CHECK(with(2, 0x04).coverOpen);
    CHECK_FALSE(with(2, 0x04).canPrint());
    CHECK(with(2, 0x04).citizenMessageZh() == "打印机盖未关好，请联系工作人员。");
    CHECK(with(2, 0x08).paperFedByButton);
    CHECK(with(2, 0x20).stoppedOnPaperEnd);
    CHECK_FALSE(with(2, 0x20).canPrint());
    CHECK(with(2, 0x40).errorOccurred);
    CHECK_FALSE(with(2, 0x40).canPrint());
}

TEST_CASE("DLE EOT 3: recoverable, autocutter, unrecoverable, auto-recoverable") {
    CHECK(with(3, 0x04).recoverableError);
    CHECK(with(3, 0x08).cutterError);
    CHECK(with(3, 0x20).unrecoverableError);
    CHECK(with(3, 0x40).autoRecoverableError);
    for (std::uint8_t b : {0x04, 0x08, 0x20, 0x40}) {
        CHECK_FALSE(with(3, b).canPrint());
        CHECK(with(3, b).citizenMessageZh() == "打印机故障，请联系工作人员。");
    }
    CHECK(with(3, 0x08).technicianDetail().find("autocutter error") != std::string::npos);
}

TEST_CASE("DLE EOT 4: near end needs both bits 2 and 3; paper end needs both bits 5 and 6") {
    CHECK(with(4, 0x0C).paperNearEnd);
    CHECK(with(4, 0x0C).canPrint());
    CHECK(with(4, 0x0C).citizenMessageZh() == "打印纸即将用完。");
    CHECK_FALSE(with(4, 0x04).paperNearEnd);
    CHECK_FALSE(with(4, 0x08).paperNearEnd);
    CHECK(with(4, 0x60).paperOut);
    CHECK_FALSE(with(4, 0x60).canPrint());
    CHECK(with(4, 0x60).citizenMessageZh() == "打印机缺纸，请联系工作人员。");
    CHECK_FALSE(with(4, 0x20).paperOut);
    CHECK_FALSE(with(4, 0x40).paperOut);
}

TEST_CASE("malformed or missing replies: not answered, cannot print") {
    CHECK_FALSE(decodeStatus({0x00, 0x00, 0x00, 0x00}).answered);
    CHECK_FALSE(decodeStatus({0x12, 0x12, 0x12, 0x93}).answered); // bit 0 and 7 set
    CHECK_FALSE(decodeStatus({0x12, 0x10, 0x12, 0x12}).answered); // bit 1 clear
    const PrinterStatus s = decodeStatus({0x12, 0x12, 0x12, 0x02});
    CHECK_FALSE(s.canPrint());
    CHECK(s.citizenMessageZh() == "打印机没有响应，请联系工作人员。");
    CHECK(isStatusReplyByte(0x12));
    CHECK(isStatusReplyByte(0x7E));
    CHECK_FALSE(isStatusReplyByte(0x13));
}

TEST_CASE("status JSON carries the verdict and the raw bytes") {
    const std::string j = statusToJson(with(4, 0x6C));
    CHECK(j.find("\"canPrint\":false") != std::string::npos);
    CHECK(j.find("\"paperOut\":true") != std::string::npos);
    CHECK(j.find("\"paperNearEnd\":true") != std::string::npos);
    CHECK(j.find("\"raw\":[18,18,18,126]") != std::string::npos);
}
