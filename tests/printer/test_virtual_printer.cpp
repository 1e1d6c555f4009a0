// Round trip: encoder -> TCP transport -> virtual printer -> PNG, with the QR code and the CODE128 barcode
// decoded back by zbar (an independent decoder). Also: status replies per paper state, paper out
// discards the job, port 0, capture-file rendering.
#include "drivers/printer/EscposEncoder.h"
#include "drivers/printer/PrinterTransport.h"
#include "drivers/printer/VirtualPrinter.h"
#include "tests/printer/ZbarDecode.h"

#include <doctest/doctest.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>

using namespace kiosk::printer;
using kiosk::printer::test::zbarDecode;

namespace {

struct JobSink {
    std::mutex m;
    std::condition_variable cv;
    std::vector<RenderedJob> jobs;
    VirtualPrinter::JobCallback callback() {
        return [this](const RenderedJob& j) {
            std::lock_guard lock(m);
            jobs.push_back(j);
            cv.notify_all();
        };
    }
    bool waitFor(std::size_t n, int ms = 5000) {
        std::unique_lock lock(m);
        return cv.wait_for(lock, std::chrono::milliseconds(ms), [&] { return jobs.size() >= n; });
    }
};

std::string tempDir(const char* name) {
    const auto dir = std::filesystem::temp_directory_path() /
                     (std::string("kiosk-printer-") + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

// Dark pixels in a horizontal band: text was drawn there.
int darkPixels(const SlipImage& img, int y0, int y1) {
    int n = 0;
    for (int y = std::max(0, y0); y < std::min(img.height, y1); ++y)
        for (int x = 0; x < img.width; ++x)
            n += img.at(x, y) < 128;
    return n;
}

} // namespace

TEST_CASE("round trip: receipt -> tcp -> virtual printer -> PNG, QR and CODE128 decode back") {
    JobSink sink;
    VirtualPrinterOptions opt;
    opt.outDir = tempDir("roundtrip");
    VirtualPrinter vp(opt, sink.callback());
    vp.start();
    CHECK(vp.port() > 0); // port 0 picked a free port

    Receipt r;
    r.title("投诉回执");
    r.text("受理编号 TS20261127-0042", TextStyle{Align::Center});
    r.separator();
    r.row("验证码", "839201", true);
    r.qr("https://gov.example.cn/track?n=TS20261127-0042&c=839201", 6);
    r.blocks.push_back(Code128Block{"TS20261127-0042", 60, 2, true, Align::Center});
    r.text("请妥善保管本回执。");
    const EncodeResult enc = encodeReceipt(r);
    REQUIRE(enc.clean());

    auto t = openPrinterTransport(vp.uri(), 2000);
    t->write(enc.bytes);
    const PrinterStatus st = queryStatus(*t, 2000);
    CHECK(st.answered);
    CHECK(st.canPrint());
    t.reset();

    REQUIRE(sink.waitFor(1));
    const RenderedJob& job = sink.jobs[0];
    CHECK(job.printed);
    CHECK(job.endedByCut);
    CHECK(job.warnings.empty());
    CHECK(job.bytes == enc.bytes.size());
    REQUIRE(!job.pngPath.empty());
    CHECK(std::filesystem::file_size(job.pngPath) > 1000);
    CHECK(job.image.width == 576 + 32);
    CHECK(darkPixels(job.image, 16, 16 + 48) > 500); // the double-size title is there

    const auto symbols = zbarDecode(job.image);
    bool qr = false, code128 = false;
    for (const auto& s : symbols) {
        if (s.type == std::string("QR-Code"))
            qr = s.data == "https://gov.example.cn/track?n=TS20261127-0042&c=839201";
        if (s.type == std::string("CODE-128")) code128 = s.data == "TS20261127-0042";
    }
    CHECK(qr);
    CHECK(code128);
}

TEST_CASE("status replies follow the paper state, settable while running; paper out discards the job") {
    JobSink sink;
    VirtualPrinter vp(VirtualPrinterOptions{}, sink.callback());
    vp.start();
    auto status = [&] {
        auto t = openPrinterTransport(vp.uri(), 1000);
        return queryStatus(*t, 1000);
    };
    PrinterStatus s = status();
    CHECK(s.canPrint());
    CHECK_FALSE(s.paperNearEnd);

    vp.setPaper(PaperState::NearEnd);
    s = status();
    CHECK(s.canPrint());
    CHECK(s.paperNearEnd);

    vp.setPaper(PaperState::Out);
    s = status();
    CHECK_FALSE(s.canPrint());
    CHECK(s.paperOut);
    CHECK(s.offline);
    CHECK(s.citizenMessageZh() == "打印机缺纸，请联系工作人员。");

    {
        auto t = openPrinterTransport(vp.uri(), 1000);
        Receipt r;
        r.text("不会打印");
        t->write(encodeReceipt(r).bytes);
    }
    REQUIRE(sink.waitFor(1));
    CHECK_FALSE(sink.jobs[0].printed);
    CHECK(sink.jobs[0].pngPath.empty());

    vp.setPaper(PaperState::Ok);
    vp.setCoverOpen(true);
    s = status();
    CHECK(s.coverOpen);
    CHECK_FALSE(s.canPrint());

    vp.setCoverOpen(false);
    vp.setAnswersStatus(false);
    const auto t0 = std::chrono::steady_clock::now();
    s = status();
    CHECK_FALSE(s.answered);
    CHECK(std::chrono::steady_clock::now() - t0 >= std::chrono::milliseconds(900));
}

TEST_CASE("a captured byte stream renders one image per job, text-only and image content included") {
    Receipt a;
    a.text("第一张");
    Receipt b;
    RasterImageBlock img;
    img.widthDots = 64;
    img.heightDots = 32;
    img.bits.assign(8 * 32, 0xFF); // a black rectangle
    b.blocks.push_back(img);
    std::vector<std::uint8_t> bytes = encodeReceipt(a).bytes;
    const auto second = encodeReceipt(b).bytes;
    bytes.insert(bytes.end(), second.begin(), second.end());
    const auto jobs = renderEscposBytes(bytes, SlipRenderOptions{});
    REQUIRE(jobs.size() == 2);
    CHECK(darkPixels(jobs[0].image, 0, jobs[0].image.height) > 100);
    // The raster is centred: 64x32 black dots at x = 16 + (576 - 64) / 2.
    const SlipImage& im = jobs[1].image;
    CHECK(im.at(16 + 256 + 1, 16 + 1) == 0);
    CHECK(im.at(16 + 256 + 62, 16 + 30) == 0);
    CHECK(im.at(16 + 256 - 2, 16 + 1) == 255);
    CHECK(darkPixels(im, 0, im.height) == 64 * 32);
}
