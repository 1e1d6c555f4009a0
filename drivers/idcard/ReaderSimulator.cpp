// Reader simulator. Sections: fault parsing · pty lifecycle · controls (card, faults, plug) ·
// protocol answers · I/O thread.
// Checklist: see ReaderSimulator.h.
#include "drivers/idcard/ReaderSimulator.h"

#include "drivers/idcard/IdCardFrame.h"
#include "drivers/idcard/ReaderStatus.h"
#include "drivers/idcard/SerialPort.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <termios.h>
#include <unistd.h>

namespace kiosk::idcard {
// ---- fault parsing ----
namespace {

constexpr int kTargetRead = 0x10000;    // 30 01 and 30 10
constexpr int kTargetAddress = 0x10001; // 30 03

bool targetMatches(int filter, std::uint8_t cmd, std::uint8_t para) {
    if (filter < 0) return true;
    if (filter == kTargetRead) return cmd == 0x30 && (para == 0x01 || para == 0x10);
    if (filter == kTargetAddress) return cmd == 0x30 && para == 0x03;
    if (filter > 0xFF) return cmd == ((filter >> 8) & 0xFF) && para == (filter & 0xFF) && filter < 0x10000;
    return cmd == filter;
}

std::vector<std::string_view> words(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
            ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ' && s[j] != '\t')
            ++j;
        if (j > i) out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

std::optional<int> parseHex(std::string_view s) {
    if (s.empty() || s.size() > 4) return std::nullopt;
    int v = 0;
    for (char c : s) {
        int d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return std::nullopt;
        v = v * 16 + d;
    }
    return v;
}

} // namespace

std::optional<SimFault> parseSimFault(std::string_view spec, std::string& error) {
    auto w = words(spec);
    SimFault f;
    if (w.empty()) {
        error = "empty fault";
        return std::nullopt;
    }
    // Trailing "xN": only the next N answers.
    if (w.size() > 1 && w.back().size() > 1 && w.back()[0] == 'x') {
        int n = 0;
        for (char c : w.back().substr(1)) {
            if (c < '0' || c > '9') {
                error = "bad count '" + std::string(w.back()) + "'";
                return std::nullopt;
            }
            n = n * 10 + (c - '0');
        }
        f.count = n;
        w.pop_back();
    }
    const std::string_view k = w[0];
    if (k == "none")
        f.kind = SimFaultKind::None;
    else if (k == "no-card")
        f.kind = SimFaultKind::NoCard;
    else if (k == "checksum")
        f.kind = SimFaultKind::Checksum;
    else if (k == "truncated")
        f.kind = SimFaultKind::Truncated;
    else if (k == "silence")
        f.kind = SimFaultKind::Silence;
    else if (k == "noise")
        f.kind = SimFaultKind::Noise;
    else if (k == "lift") {
        f.kind = SimFaultKind::Lift;
        f.commandFilter = kTargetRead;
        if (f.count == 0) f.count = 1; // one lift: the card is gone after it
    } else if (k == "sw3") {
        f.kind = SimFaultKind::Sw3;
        auto code = w.size() > 1 ? parseHex(w[1]) : std::nullopt;
        if (!code || *code > 0xFF) {
            error = "sw3 needs a hex status code, e.g. 'sw3 41'";
            return std::nullopt;
        }
        f.sw3 = static_cast<std::uint8_t>(*code);
        f.commandFilter = kTargetRead;
        if (w.size() > 2) {
            const std::string_view t = w[2];
            if (t == "all")
                f.commandFilter = -1;
            else if (t == "sam" || t == "status")
                f.commandFilter = 0x11 << 8 | 0xFF;
            else if (t == "samid")
                f.commandFilter = 0x12 << 8 | 0xFF;
            else if (t == "find")
                f.commandFilter = 0x20 << 8 | 0x01;
            else if (t == "select")
                f.commandFilter = 0x20 << 8 | 0x02;
            else if (t == "read")
                f.commandFilter = kTargetRead;
            else if (t == "address")
                f.commandFilter = kTargetAddress;
            else if (auto h = parseHex(t); h && t.size() == 4)
                f.commandFilter = *h;
            else if (h && t.size() == 2)
                f.commandFilter = *h;
            else {
                error = "unknown sw3 target '" + std::string(t) + "'";
                return std::nullopt;
            }
        }
    } else {
        error = "unknown fault '" + std::string(k) +
                "' (none, no-card, checksum, truncated, silence, noise, lift, sw3 HEX [target])";
        return std::nullopt;
    }
    if (f.kind != SimFaultKind::Sw3 && w.size() > 1) {
        error = "fault '" + std::string(k) + "' takes no argument besides xN";
        return std::nullopt;
    }
    return f;
}

std::string describeSimFault(const SimFault& f) {
    std::string s;
    switch (f.kind) {
    case SimFaultKind::None:
        s = "none";
        break;
    case SimFaultKind::NoCard:
        s = "no-card";
        break;
    case SimFaultKind::Checksum:
        s = "checksum";
        break;
    case SimFaultKind::Truncated:
        s = "truncated";
        break;
    case SimFaultKind::Silence:
        s = "silence";
        break;
    case SimFaultKind::Noise:
        s = "noise";
        break;
    case SimFaultKind::Lift:
        s = "lift";
        break;
    case SimFaultKind::Sw3: {
        char b[16];
        std::snprintf(b, sizeof b, "sw3 %02X", f.sw3);
        s = b;
        break;
    }
    }
    if (f.count > 0) s += " x" + std::to_string(f.count);
    return s;
}

// ---- pty lifecycle ----
ReaderSimulator::ReaderSimulator(SimCardSet cards, SimulatorOptions options)
    : cards_(std::move(cards)), options_(std::move(options)) {}

ReaderSimulator::~ReaderSimulator() {
    stop();
}

bool ReaderSimulator::openPty(std::string& error) {
    const int m = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (m < 0 || ::grantpt(m) != 0 || ::unlockpt(m) != 0) {
        error = std::string("cannot create a pseudo-terminal: ") + std::strerror(errno);
        if (m >= 0) ::close(m);
        return false;
    }
    char name[128];
    if (::ptsname_r(m, name, sizeof name) != 0) {
        error = "ptsname failed";
        ::close(m);
        return false;
    }
    termios tio{};
    ::tcgetattr(m, &tio);
    ::cfmakeraw(&tio); // no echo of host bytes, no CR/LF translation, until the driver configures it
    ::tcsetattr(m, TCSANOW, &tio);
    ::fcntl(m, F_SETFL, ::fcntl(m, F_GETFL) | O_NONBLOCK);
    const int s = ::open(name, O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
    if (s < 0) {
        error = std::string("cannot open pty slave: ") + std::strerror(errno);
        ::close(m);
        return false;
    }
    if (!options_.linkPath.empty()) {
        const std::string tmp = options_.linkPath + ".tmp";
        ::unlink(tmp.c_str());
        if (::symlink(name, tmp.c_str()) != 0 || ::rename(tmp.c_str(), options_.linkPath.c_str()) != 0) {
            error = "cannot create link " + options_.linkPath + ": " + std::strerror(errno);
            ::close(s);
            ::close(m);
            return false;
        }
    }
    master_ = m;
    heldSlave_ = s;
    slavePath_ = name;
    return true;
}

void ReaderSimulator::closePty() {
    if (!options_.linkPath.empty()) ::unlink(options_.linkPath.c_str());
    if (heldSlave_ >= 0) ::close(heldSlave_);
    if (master_ >= 0) ::close(master_);
    heldSlave_ = master_ = -1;
    slavePath_.clear();
}

bool ReaderSimulator::start(std::string& error) {
    std::lock_guard lock(mu_);
    if (thread_.joinable()) return true;
    if (!openPty(error)) return false;
    wakeFd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    stopping_ = false;
    thread_ = std::thread([this] { run(); });
    return true;
}

void ReaderSimulator::stop() {
    {
        std::lock_guard lock(mu_);
        stopping_ = true;
        if (wakeFd_ >= 0) {
            const std::uint64_t one = 1;
            [[maybe_unused]] auto w = ::write(wakeFd_, &one, sizeof one);
        }
    }
    if (thread_.joinable()) thread_.join();
    std::lock_guard lock(mu_);
    closePty();
    if (wakeFd_ >= 0) ::close(wakeFd_);
    wakeFd_ = -1;
}

std::string ReaderSimulator::portPath() const {
    std::lock_guard lock(mu_);
    if (master_ < 0) return "";
    return options_.linkPath.empty() ? slavePath_ : options_.linkPath;
}

std::string ReaderSimulator::slavePath() const {
    std::lock_guard lock(mu_);
    return slavePath_;
}

// ---- controls (card, faults, plug) ----
bool ReaderSimulator::present(std::string_view cardName) {
    std::lock_guard lock(mu_);
    const SimCard* c = cards_.find(cardName);
    if (!c) return false;
    card_ = c;
    halted_ = false;
    return true;
}

void ReaderSimulator::remove() {
    std::lock_guard lock(mu_);
    card_ = nullptr;
    halted_ = false;
}

std::vector<std::string> ReaderSimulator::cardNames() const {
    return cards_.names();
}

std::optional<std::string> ReaderSimulator::presentCard() const {
    std::lock_guard lock(mu_);
    if (!card_) return std::nullopt;
    return card_->handle;
}

std::size_t ReaderSimulator::commandCount(std::uint8_t cmd, std::uint8_t para) const {
    std::lock_guard lock(mu_);
    auto it = commandCounts_.find(static_cast<std::uint16_t>(cmd << 8 | para));
    return it == commandCounts_.end() ? 0 : it->second;
}

void ReaderSimulator::setFault(SimFault fault) {
    std::lock_guard lock(mu_);
    fault_ = fault;
}

SimFault ReaderSimulator::fault() const {
    std::lock_guard lock(mu_);
    return fault_;
}

void ReaderSimulator::unplug() {
    std::lock_guard lock(mu_);
    closePty();
    if (wakeFd_ >= 0) {
        const std::uint64_t one = 1;
        [[maybe_unused]] auto w = ::write(wakeFd_, &one, sizeof one);
    }
}

bool ReaderSimulator::replug(std::string& error) {
    std::lock_guard lock(mu_);
    if (master_ >= 0) return true;
    const bool ok = openPty(error);
    if (ok && wakeFd_ >= 0) {
        const std::uint64_t one = 1;
        [[maybe_unused]] auto w = ::write(wakeFd_, &one, sizeof one);
    }
    return ok;
}

// ---- protocol answers ----
// Builds the answer to one host frame body (called with mu_ held). Empty = stay silent.
std::vector<std::uint8_t> ReaderSimulator::answer(const std::vector<std::uint8_t>& body, bool badChecksum) {
    if (badChecksum) return buildResponseFrame(0, 0, static_cast<std::uint8_t>(Sw3::HostChecksumError));
    if (body.size() < 2) return buildResponseFrame(0, 0, static_cast<std::uint8_t>(Sw3::HostLengthError));
    const std::uint8_t c = body[0], p = body[1];
    ++commandCounts_[static_cast<std::uint16_t>(c << 8 | p)];
    const bool faultActive = fault_.kind != SimFaultKind::None;
    const bool applies = faultActive && targetMatches(fault_.commandFilter, c, p);
    auto consume = [this] {
        if (fault_.count > 0 && --fault_.count == 0) fault_ = SimFault{};
    };
    if (applies && fault_.kind == SimFaultKind::Silence) {
        consume();
        return {};
    }
    if (applies && fault_.kind == SimFaultKind::Sw3) {
        const std::uint8_t code = fault_.sw3;
        consume();
        return buildResponseFrame(0, 0, code);
    }
    if (applies && fault_.kind == SimFaultKind::Lift) {
        // The card leaves the field while the reader reads it: the read fails, and it is gone.
        consume();
        card_ = nullptr;
        halted_ = false;
        return buildResponseFrame(0, 0, 0x41);
    }
    const bool noCard = applies && fault_.kind == SimFaultKind::NoCard;
    const SimCard* card = noCard ? nullptr : card_;
    auto ok = [](std::span<const std::uint8_t> d = {}) { return buildResponseFrame(0, 0, 0x90, d); };
    std::vector<std::uint8_t> frame;
    if (c == 0x10 && p == 0xFF)
        frame = ok();
    else if (c == 0x11 && p == 0xFF)
        frame = ok();
    else if (c == 0x12 && p == 0xFF)
        frame = ok(options_.samIdBytes);
    else if (c == 0x20 && p == 0x01) {
        const std::uint8_t zero[4] = {0, 0, 0, 0};
        frame = card && !halted_ ? buildResponseFrame(0, 0, 0x9F, zero) : buildResponseFrame(0, 0, 0x80);
    } else if (c == 0x20 && p == 0x02) {
        frame = card ? ok(card->serial) : buildResponseFrame(0, 0, 0x81);
    } else if (c == 0x30 && (p == 0x01 || p == 0x10)) {
        if (!card) {
            frame = buildResponseFrame(0, 0, 0x41);
        } else {
            std::vector<std::uint8_t> d;
            auto be = [&d](std::size_t v) {
                d.push_back(static_cast<std::uint8_t>(v >> 8));
                d.push_back(static_cast<std::uint8_t>(v & 0xFF));
            };
            be(card->text.size());
            be(card->photo.size());
            if (p == 0x10) be(card->fingerprint.size());
            d.insert(d.end(), card->text.begin(), card->text.end());
            d.insert(d.end(), card->photo.begin(), card->photo.end());
            if (p == 0x10) d.insert(d.end(), card->fingerprint.begin(), card->fingerprint.end());
            frame = ok(d);
            halted_ = options_.haltAfterRead;
        }
    } else if (c == 0x30 && p == 0x03) {
        if (!card)
            frame = buildResponseFrame(0, 0, 0x41);
        else if (card->additionalAddress)
            frame = ok(*card->additionalAddress);
        else
            frame = buildResponseFrame(0, 0, 0x91);
    } else if (c == 0x60 || c == 0x61) {
        frame = ok();
    } else {
        frame = buildResponseFrame(0, 0, static_cast<std::uint8_t>(Sw3::CommandError));
    }
    if (applies && fault_.kind == SimFaultKind::Checksum) {
        frame.back() ^= 0x5A;
        consume();
    } else if (applies && fault_.kind == SimFaultKind::Truncated) {
        frame.resize(frame.size() / 2);
        consume();
    } else if (applies && fault_.kind == SimFaultKind::Noise) {
        std::vector<std::uint8_t> noisy;
        for (int i = 0; i < 9; ++i) {
            noiseState_ = noiseState_ * 1103515245u + 12345u;
            noisy.push_back(i % 3 == 0 ? 0xAA : static_cast<std::uint8_t>(noiseState_ >> 16));
        }
        noisy.insert(noisy.end(), frame.begin(), frame.end());
        frame = std::move(noisy);
        consume();
    } else if (applies && fault_.kind == SimFaultKind::NoCard && (c == 0x20 || (c == 0x30))) {
        consume();
    }
    return frame;
}

// ---- I/O thread ----
void ReaderSimulator::send(std::vector<std::uint8_t> frame, int fd) {
    const auto start = std::chrono::steady_clock::now();
    std::size_t done = 0;
    const std::size_t chunk = options_.paceBaud > 0 ? 32 : frame.size();
    while (done < frame.size()) {
        if (options_.paceBaud > 0 && done > 0) {
            const auto due = start + std::chrono::microseconds(
                                         static_cast<long long>(wireTimeUs(done, options_.paceBaud)));
            std::this_thread::sleep_until(due);
        }
        const std::size_t n = std::min(chunk, frame.size() - done);
        const ssize_t w = ::write(fd, frame.data() + done, n);
        if (w > 0) {
            done += static_cast<std::size_t>(w);
            written_ += static_cast<std::size_t>(w);
            continue;
        }
        if (w < 0 && (errno == EAGAIN || errno == EINTR)) {
            pollfd p{fd, POLLOUT, 0};
            ::poll(&p, 1, 50);
            continue;
        }
        return; // pty gone
    }
}

void ReaderSimulator::run() {
    FrameParser parser;
    std::uint8_t buf[4096];
    int lastMaster = -1;
    for (;;) {
        int m;
        int wake;
        {
            std::lock_guard lock(mu_);
            if (stopping_) return;
            m = master_;
            wake = wakeFd_;
        }
        if (m != lastMaster) {
            parser.reset();
            lastMaster = m;
        }
        pollfd fds[2] = {{wake, POLLIN, 0}, {m, POLLIN, 0}};
        const int r = ::poll(fds, m >= 0 ? 2 : 1, 200);
        if (r <= 0) continue;
        if (fds[0].revents & POLLIN) {
            std::uint64_t v;
            [[maybe_unused]] auto rd = ::read(wake, &v, sizeof v);
            continue; // re-read the state (stop, unplug, replug)
        }
        if (m < 0 || !(fds[1].revents & POLLIN)) {
            if (m >= 0 && (fds[1].revents & (POLLHUP | POLLERR)))
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            continue;
        }
        const ssize_t n = ::read(m, buf, sizeof buf);
        if (n <= 0) continue;
        parser.feed(std::span<const std::uint8_t>(buf, static_cast<std::size_t>(n)));
        while (auto item = parser.next()) {
            std::vector<std::uint8_t> out;
            {
                std::lock_guard lock(mu_);
                if (master_ != m) break; // unplugged meanwhile
                if (item->body)
                    out = answer(*item->body, false);
                else if (*item->issue == FrameIssue::BadChecksum)
                    out = answer({}, true);
                // Sent under the lock so unplug() cannot close (and the kernel reuse) the fd meanwhile.
                if (!out.empty()) {
                    send(std::move(out), m);
                    ++answered_;
                }
            }
        }
    }
}

} // namespace kiosk::idcard
