// ESC/POS parser.
//
// Sections: job helpers | feed/finish loop | text | ESC | GS | FS | DLE
#include "drivers/printer/EscposParser.h"

#include <algorithm>
#include <cstdio>

namespace kiosk::printer {

// ---- job helpers ----
bool EscposJob::hasPrintableContent() const {
    return std::any_of(ops.begin(), ops.end(), [](const EscposOp& op) {
        return std::holds_alternative<OpText>(op) || std::holds_alternative<OpLineFeed>(op) ||
               std::holds_alternative<OpQr>(op) || std::holds_alternative<OpBarcode>(op) ||
               std::holds_alternative<OpRaster>(op) || std::holds_alternative<OpFeedLines>(op);
    });
}

EscposParser::EscposParser(Callbacks callbacks, EscposParserOptions options)
    : cb_(std::move(callbacks)), opt_(options), chinese_(options.chineseModeAfterReset) {}

void EscposParser::resetModes() {
    chinese_ = opt_.chineseModeAfterReset;
    qr_ = OpQr{};
    barcode_ = OpBarcode{};
}

void EscposParser::warn(std::string w) {
    if (job_.warnings.size() < 64) job_.warnings.push_back(std::move(w));
}

void EscposParser::emit(EscposOp op) {
    job_.ops.push_back(std::move(op));
}

void EscposParser::addGlyph(char32_t cp, bool wide) {
    if (job_.ops.empty() || !std::holds_alternative<OpText>(job_.ops.back())) job_.ops.emplace_back(OpText{});
    std::get<OpText>(job_.ops.back()).glyphs.push_back(EscposGlyph{cp, wide});
}

void EscposParser::completeJob(bool byCut) {
    job_.endedByCut = byCut;
    EscposJob done = std::move(job_);
    job_ = EscposJob{};
    if (cb_.jobComplete) cb_.jobComplete(std::move(done));
}

// ---- feed/finish loop ----
void EscposParser::feed(const std::uint8_t* data, std::size_t size) {
    std::size_t i = 0;
    if (skipBytes_ > 0) {
        const std::size_t n = std::min(skipBytes_, size);
        skipBytes_ -= n;
        job_.byteCount += n;
        i = n;
    }
    buf_.insert(buf_.end(), data + i, data + size);
    std::size_t pos = 0;
    while (pos < buf_.size()) {
        const std::size_t used = parseOne(pos);
        if (used == 0) break;
        job_.byteCount += std::min(used, buf_.size() - pos);
        if (used > buf_.size() - pos) { // oversized payload: rest is skipped as it arrives
            skipBytes_ = used - (buf_.size() - pos);
            pos = buf_.size();
            break;
        }
        pos += used;
        if (cutPending_) {
            cutPending_ = false;
            completeJob(true);
        } else if (job_.byteCount > opt_.maxJobBytes) {
            warn("job larger than " + std::to_string(opt_.maxJobBytes) + " bytes: split here");
            completeJob(false);
        }
    }
    buf_.erase(buf_.begin(), buf_.begin() + static_cast<std::ptrdiff_t>(pos));
}

void EscposParser::finish() {
    if (!buf_.empty()) {
        char w[96];
        std::snprintf(w, sizeof w, "stream ended inside a command (%zu bytes left, first 0x%02X)",
                      buf_.size(), buf_[0]);
        warn(w);
        buf_.clear();
    }
    if (skipBytes_ > 0) warn("stream ended inside an oversized command");
    skipBytes_ = 0;
    if (job_.hasPrintableContent()) completeJob(false);
    job_ = EscposJob{};
}

std::size_t EscposParser::parseOne(std::size_t pos) {
    const std::size_t avail = buf_.size() - pos;
    const std::uint8_t b = buf_[pos];
    switch (b) {
    case 0x1B:
        return parseEsc(pos, avail);
    case 0x1D:
        return parseGs(pos, avail);
    case 0x1C:
        return parseFs(pos, avail);
    case 0x10:
        return parseDle(pos, avail);
    case 0x0A:
        emit(OpLineFeed{});
        return 1;
    case 0x0C: // FF: in standard mode print and return to the start of the line
        emit(OpLineFeed{});
        return 1;
    case 0x0D:
    case 0x18: // CAN: only meaningful in page mode
        return 1;
    case 0x09:
        addGlyph(' ', false);
        return 1;
    default:
        break;
    }
    if (b < 0x20 || b == 0x7F) {
        char w[48];
        std::snprintf(w, sizeof w, "unknown control byte 0x%02X skipped", b);
        warn(w);
        return 1;
    }
    return parseText(pos, avail);
}

// ---- text ----
std::size_t EscposParser::parseText(std::size_t pos, std::size_t avail) {
    const std::uint8_t* p = buf_.data() + pos;
    if (p[0] < 0x80) {
        addGlyph(p[0], false);
        return 1;
    }
    if (!chinese_) {
        addGlyph(0xFFFD, false); // code-page text is not rendered; shown as a replacement mark
        return 1;
    }
    const int len = gb18030CharLength(p, avail);
    if (len < 0) return 0;
    char32_t cp = 0;
    if (len == 0 || !codec_.decode(p, static_cast<std::size_t>(len), cp)) {
        addGlyph(0xFFFD, true);
        return len == 0 ? 1 : static_cast<std::size_t>(len);
    }
    addGlyph(cp, true);
    return static_cast<std::size_t>(len);
}

// ---- ESC ----
std::size_t EscposParser::parseEsc(std::size_t pos, std::size_t avail) {
    if (avail < 2) return 0;
    const std::uint8_t* p = buf_.data() + pos;
    const std::uint8_t c = p[1];
    auto need = [&](std::size_t n) { return avail >= n; };
    switch (c) {
    case '@':
        resetModes();
        emit(OpReset{});
        return 2;
    case 'a':
        if (!need(3)) return 0;
        emit(OpAlign{(p[2] == 1 || p[2] == '1') ? 1 : (p[2] == 2 || p[2] == '2') ? 2 : 0});
        return 3;
    case 'E':
        if (!need(3)) return 0;
        emit(OpBold{(p[2] & 1) != 0});
        return 3;
    case '!':
        if (!need(3)) return 0;
        emit(OpBold{(p[2] & 0x08) != 0});
        emit(OpSize{(p[2] & 0x20) ? 2 : 1, (p[2] & 0x10) ? 2 : 1});
        return 3;
    case 'd':
        if (!need(3)) return 0;
        emit(OpFeedLines{p[2]});
        return 3;
    case 'J':
        if (!need(3)) return 0;
        emit(OpFeedDots{p[2]});
        return 3;
    case '2':
        emit(OpLineSpacing{-1});
        return 2;
    case '3':
        if (!need(3)) return 0;
        emit(OpLineSpacing{p[2]});
        return 3;
    case 'i': // legacy full / partial cut
    case 'm':
        emit(OpCut{c == 'm'});
        cutPending_ = true;
        return 2;
    case '-':
    case 'M':
    case 't':
    case 'R':
    case 'G':
    case 'V':
    case '{':
    case ' ':
    case 'U':
    case 'r':
        if (!need(3)) return 0;
        return 3;
    case 'L': // page mode select: ignored
    case 'S': // standard mode select
        return 2;
    case 'c':
    case '$':
    case '\\':
        if (!need(4)) return 0;
        return 4;
    case 'p':
        if (!need(5)) return 0;
        return 5;
    case 'B': // buzzer: ESC B n t
        if (!need(4)) return 0;
        return 4;
    case 'D':
        return parseEscTabs(p, avail);
    default: {
        char w[48];
        std::snprintf(w, sizeof w, "unknown command ESC 0x%02X skipped", c);
        warn(w);
        return 2;
    }
    }
}

std::size_t EscposParser::parseEscTabs(const std::uint8_t* p, std::size_t avail) {
    // ESC D: horizontal tab positions, NUL-terminated, at most 32.
    for (std::size_t i = 2; i < avail && i < 36; ++i)
        if (p[i] == 0) return i + 1;
    if (avail >= 36) {
        warn("ESC D without terminator");
        return 36;
    }
    return 0;
}

// ---- GS ----
std::size_t EscposParser::parseGs(std::size_t pos, std::size_t avail) {
    if (avail < 2) return 0;
    const std::uint8_t* p = buf_.data() + pos;
    const std::uint8_t c = p[1];
    auto need = [&](std::size_t n) { return avail >= n; };
    switch (c) {
    case '!':
        if (!need(3)) return 0;
        emit(OpSize{((p[2] >> 4) & 7) + 1, (p[2] & 7) + 1});
        return 3;
    case 'H':
        if (!need(3)) return 0;
        barcode_.hriPosition = p[2] & 3;
        return 3;
    case 'h':
        if (!need(3)) return 0;
        barcode_.heightDots = std::max<int>(1, p[2]);
        return 3;
    case 'w':
        if (!need(3)) return 0;
        barcode_.moduleWidth = std::clamp<int>(p[2], 1, 6);
        return 3;
    case 'B':
    case 'f':
    case 'a':
    case 'I':
    case 'r':
    case 'b':
    case 'E':
    case '/':
        if (!need(3)) return 0;
        return 3;
    case 'L':
    case 'W':
    case 'P':
    case '$':
    case '\\':
        if (!need(4)) return 0;
        return 4;
    case 'V':
        return parseGsCut(p, avail);
    case 'v':
        return parseGsRaster(p, avail);
    case '*': { // define downloaded bit image: x*8 columns of y bytes
        if (!need(4)) return 0;
        const std::size_t len = 4 + static_cast<std::size_t>(p[2]) * p[3] * 8;
        if (!need(len)) return 0;
        warn("downloaded bit image (GS *) not drawn");
        return len;
    }
    case 'k':
        return parseGsBarcode(p, avail);
    case '(':
        return parseGsFunction(p, avail);
    default: {
        char w[48];
        std::snprintf(w, sizeof w, "unknown command GS 0x%02X skipped", c);
        warn(w);
        return 2;
    }
    }
}

// GS V m [n]: cut, with a feed first for the forms that carry n.
std::size_t EscposParser::parseGsCut(const std::uint8_t* p, std::size_t avail) {
    if (avail < 3) return 0;
    const std::uint8_t m = p[2];
    std::size_t len = 3;
    if (m == 65 || m == 66 || m == 97 || m == 98 || m == 103 || m == 104) {
        if (avail < 4) return 0;
        len = 4;
        emit(OpFeedDots{p[3]});
    }
    emit(OpCut{m == 1 || m == '1' || m == 66 || m == 98 || m == 104});
    cutPending_ = true;
    return len;
}

// GS v 0 m xL xH yL yH d...: raster bit image; one over the limit is skipped as it arrives.
std::size_t EscposParser::parseGsRaster(const std::uint8_t* p, std::size_t avail) {
    if (avail < 8) return 0;
    if (p[2] != '0') {
        warn("GS v with unknown function skipped");
        return 3;
    }
    OpRaster r;
    r.mode = p[3] & 3;
    r.widthBytes = p[4] | (p[5] << 8);
    r.heightDots = p[6] | (p[7] << 8);
    const std::size_t dataLen =
        static_cast<std::size_t>(r.widthBytes) * static_cast<std::size_t>(r.heightDots);
    if (dataLen > opt_.maxRasterBytes) {
        warn("raster image of " + std::to_string(dataLen) + " bytes over the limit: skipped");
        return 8 + dataLen; // skipped as it arrives
    }
    if (avail < 8 + dataLen) return 0;
    r.bits.assign(p + 8, p + 8 + dataLen);
    if (dataLen > 0) emit(std::move(r));
    return 8 + dataLen;
}

// GS k m d... NUL (m 0..6) or GS k m n d1..dn (m 65..): a barcode in the current barcode settings.
std::size_t EscposParser::parseGsBarcode(const std::uint8_t* p, std::size_t avail) {
    if (avail < 3) return 0;
    const std::uint8_t m = p[2];
    OpBarcode b = barcode_;
    b.system = m;
    std::size_t len = 0;
    if (m <= 6) {
        std::size_t i = 3;
        while (i < avail && p[i] != 0 && i < 3 + 255)
            ++i;
        if (i >= avail) return 0;
        b.data.assign(reinterpret_cast<const char*>(p + 3), i - 3);
        len = i + (p[i] == 0 ? 1 : 0);
    } else {
        if (avail < 4) return 0;
        const std::size_t n = p[3];
        if (avail < 4 + n) return 0;
        b.data.assign(reinterpret_cast<const char*>(p + 4), n);
        len = 4 + n;
    }
    emit(std::move(b));
    return len;
}

// GS ( fn pL pH d...: functions with a length; only the QR symbol (fn 'k', cn 49) is understood.
std::size_t EscposParser::parseGsFunction(const std::uint8_t* p, std::size_t avail) {
    if (avail < 5) return 0;
    const std::uint8_t fn = p[2];
    const std::size_t n = static_cast<std::size_t>(p[3]) | (static_cast<std::size_t>(p[4]) << 8);
    if (n > opt_.maxRasterBytes) {
        warn("GS ( with " + std::to_string(n) + " parameter bytes over the limit: skipped");
        return 5 + n;
    }
    if (avail < 5 + n) return 0;
    const std::uint8_t* d = p + 5;
    if (fn == 'k' && n >= 2 && d[0] == 0x31) {
        parseQrFunction(d, n);
    } else if (fn == 'k') {
        warn("GS ( k for a symbol other than QR skipped");
    } else {
        char w[48];
        std::snprintf(w, sizeof w, "GS ( 0x%02X skipped (%zu bytes)", fn, n);
        warn(w);
    }
    return 5 + n;
}

// GS ( k for QR (d[0] == 49): model, module size, error level, store data, print.
void EscposParser::parseQrFunction(const std::uint8_t* d, std::size_t n) {
    const std::uint8_t f = d[1];
    if (f == 0x41 && n >= 3)
        qr_.model = d[2];
    else if (f == 0x43 && n >= 3)
        qr_.moduleSize = std::clamp<int>(d[2], 1, 16);
    else if (f == 0x45 && n >= 3)
        qr_.level = std::clamp<int>(d[2], 0x30, 0x33);
    else if (f == 0x50 && n >= 3)
        qr_.data.assign(reinterpret_cast<const char*>(d + 3), n - 3);
    else if (f == 0x51) {
        if (qr_.data.empty())
            warn("QR print without stored data");
        else
            emit(qr_);
    }
}

// ---- FS ----
std::size_t EscposParser::parseFs(std::size_t pos, std::size_t avail) {
    if (avail < 2) return 0;
    const std::uint8_t* p = buf_.data() + pos;
    const std::uint8_t c = p[1];
    switch (c) {
    case '&':
        chinese_ = true;
        return 2;
    case '.':
        chinese_ = false;
        return 2;
    case 'W':
        if (avail < 3) return 0;
        emit(OpSize{(p[2] & 1) ? 2 : 1, (p[2] & 1) ? 2 : 1});
        return 3;
    case '!':
        if (avail < 3) return 0;
        emit(OpSize{(p[2] & 0x04) ? 2 : 1, (p[2] & 0x08) ? 2 : 1});
        return 3;
    case '-':
    case 'C':
        return avail < 3 ? 0 : 3;
    case 'S':
    case 'p':
        return avail < 4 ? 0 : 4;
    default: {
        char w[48];
        std::snprintf(w, sizeof w, "unknown command FS 0x%02X skipped", c);
        warn(w);
        return 2;
    }
    }
}

// ---- DLE ----
std::size_t EscposParser::parseDle(std::size_t pos, std::size_t avail) {
    if (avail < 2) return 0;
    const std::uint8_t* p = buf_.data() + pos;
    switch (p[1]) {
    case 0x04:
        if (avail < 3) return 0;
        if (cb_.statusQuery) cb_.statusQuery(p[2]);
        return 3;
    case 0x05:
        return avail < 3 ? 0 : 3;
    case 0x14:
        return avail < 5 ? 0 : 5;
    default:
        warn("DLE not followed by EOT/ENQ/DC4: skipped");
        return 1;
    }
}

} // namespace kiosk::printer
