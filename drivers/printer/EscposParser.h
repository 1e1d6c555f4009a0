// Streaming ESC/POS parser: the virtual printer's input side (bytes from a socket or a capture file).
//
// Sections: EscposOp kinds · EscposJob (ops from ESC @ to cut) · EscposParser (feed / finish, callbacks).
// Checklist:
//   [x] text: GB18030 in Chinese mode (FS & / FS .; on after reset like Chinese-firmware printers),
//       ASCII otherwise; LF, CR, HT
//   [x] ESC @ a E ! d J 2 3 - M t R G V { SP c p $ \ D; GS ! B H h w f L W V a I r P v0 k ( * /; FS & . ! - W
//   S C p;
//       DLE EOT (answered through the callback), DLE ENQ, DLE DC4
//   [x] GS ( k QR functions 65/67/69/80/81 (cn 49); other GS ( functions skipped by their length
//   [x] incomplete commands wait for more bytes; unknown commands are skipped with a warning
//   [x] bounded memory: raster payloads over 4 MiB and jobs over 16 MiB are cut short with a warning
//   [ ] page mode, downloaded/NV bit images (skipped, not drawn)
#pragma once

#include "drivers/printer/Gb18030Codec.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

namespace kiosk::printer {

// ---- EscposOp kinds ----
struct EscposGlyph {
    char32_t cp = 0;
    bool wide = false; // multi-byte character: a full-width cell on the printer
};

struct OpText {
    std::vector<EscposGlyph> glyphs;
};
struct OpLineFeed {};
struct OpFeedLines {
    int lines = 0;
};
struct OpFeedDots {
    int dots = 0;
};
struct OpReset {};
struct OpAlign {
    int align = 0; // 0 left, 1 centre, 2 right
};
struct OpBold {
    bool on = false;
};
struct OpSize {
    int width = 1;
    int height = 1;
};
struct OpLineSpacing {
    int dots = -1; // -1: default
};
struct OpQr {
    std::string data;
    int moduleSize = 3;
    int level = 0x30; // 0x30 L .. 0x33 H
    int model = 0x32;
};
struct OpBarcode {
    int system = 0; // GS k m
    std::string data;
    int heightDots = 162;
    int moduleWidth = 3;
    int hriPosition = 0;
};
struct OpRaster {
    int widthBytes = 0;
    int heightDots = 0;
    int mode = 0; // bit 0 double width, bit 1 double height
    std::vector<std::uint8_t> bits;
};
struct OpCut {
    bool partial = false;
};

using EscposOp = std::variant<OpText, OpLineFeed, OpFeedLines, OpFeedDots, OpReset, OpAlign, OpBold, OpSize,
                              OpLineSpacing, OpQr, OpBarcode, OpRaster, OpCut>;

// ---- EscposJob ----
struct EscposJob {
    std::vector<EscposOp> ops;
    bool endedByCut = false; // false: the stream ended (or the size cap hit) before a cut
    std::size_t byteCount = 0;
    std::vector<std::string> warnings; // unknown or malformed commands (at most 64 kept)
    bool hasPrintableContent() const;
};

// ---- EscposParser ----
struct EscposParserOptions {
    bool chineseModeAfterReset = true;
    std::size_t maxRasterBytes = 4u << 20;
    std::size_t maxJobBytes = 16u << 20;
};

class EscposParser {
public:
    struct Callbacks {
        std::function<void(int n)> statusQuery;           // DLE EOT n: the caller answers
        std::function<void(EscposJob&& job)> jobComplete; // at each cut (and at finish() if content is left)
    };

    explicit EscposParser(Callbacks callbacks, EscposParserOptions options = {});

    void feed(const std::uint8_t* data, std::size_t size);
    // End of stream: a pending incomplete command is reported, a job without cut is delivered if it
    // has content.
    void finish();

private:
    // Returns bytes consumed by the command at buf_[pos], 0 if more bytes are needed.
    std::size_t parseOne(std::size_t pos);
    std::size_t parseEsc(std::size_t pos, std::size_t avail);
    std::size_t parseGs(std::size_t pos, std::size_t avail);
    std::size_t parseFs(std::size_t pos, std::size_t avail);
    std::size_t parseDle(std::size_t pos, std::size_t avail);
    std::size_t parseText(std::size_t pos, std::size_t avail);
    void emit(EscposOp op);
    void addGlyph(char32_t cp, bool wide);
    void warn(std::string w);
    void completeJob(bool byCut);
    void resetModes();

    Callbacks cb_;
    EscposParserOptions opt_;
    std::vector<std::uint8_t> buf_;
    bool cutPending_ = false;   // a cut was parsed: the job completes once its bytes are counted
    std::size_t skipBytes_ = 0; // payload of an oversized command being discarded
    EscposJob job_;
    bool chinese_ = true;
    OpQr qr_;
    OpBarcode barcode_;
    Gb18030Codec codec_;
};

} // namespace kiosk::printer
