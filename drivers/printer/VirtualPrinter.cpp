// Virtual printer. Sections: paper state text · construction · status replies · socket setup (uri, start,
// stop) · serve loop · jobs · renderEscposBytes.
#include "drivers/printer/VirtualPrinter.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace kiosk::printer {

// ---- paper state text ----
bool parsePaperState(const std::string& text, PaperState& out) {
    if (text == "ok")
        out = PaperState::Ok;
    else if (text == "near-end")
        out = PaperState::NearEnd;
    else if (text == "out")
        out = PaperState::Out;
    else
        return false;
    return true;
}

// ---- construction ----
VirtualPrinter::VirtualPrinter(VirtualPrinterOptions options, JobCallback onJob)
    : opt_(std::move(options)), onJob_(std::move(onJob)), paper_(opt_.paper) {}

VirtualPrinter::~VirtualPrinter() {
    stop();
}

// ---- status replies ----
std::array<std::uint8_t, 4> VirtualPrinter::statusReplies() const {
    const PaperState p = paper_.load();
    const bool cover = coverOpen_.load();
    const bool out = p == PaperState::Out;
    std::array<std::uint8_t, 4> r{0x12, 0x12, 0x12, 0x12};
    if (out || cover) r[0] |= 0x08; // offline
    if (cover) r[1] |= 0x04;
    if (out) r[1] |= 0x20; // stopped on paper end
    if (p == PaperState::NearEnd) r[3] |= 0x0C;
    if (out) r[3] |= 0x0C | 0x60;
    return r;
}

// ---- socket setup (uri, start, stop) ----
std::string VirtualPrinter::uri() const {
    const bool v6 = opt_.listenHost.find(':') != std::string::npos;
    return "tcp://" + (v6 ? "[" + opt_.listenHost + "]" : opt_.listenHost) + ":" + std::to_string(port_);
}

void VirtualPrinter::start() {
    if (thread_.joinable()) return;
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* res = nullptr;
    const std::string port = std::to_string(opt_.port);
    const int gai = ::getaddrinfo(opt_.listenHost.c_str(), port.c_str(), &hints, &res);
    if (gai != 0)
        throw std::runtime_error("virtual printer: " + opt_.listenHost + ": " + ::gai_strerror(gai));
    int fd = -1;
    std::string error = "no address";
    for (addrinfo* a = res; a && fd < 0; a = a->ai_next) {
        fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) continue;
        const int one = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (::bind(fd, a->ai_addr, a->ai_addrlen) != 0 || ::listen(fd, 8) != 0) {
            error = std::strerror(errno);
            ::close(fd);
            fd = -1;
        }
    }
    ::freeaddrinfo(res);
    if (fd < 0)
        throw std::runtime_error("virtual printer: cannot listen on " + opt_.listenHost + ":" + port + ": " +
                                 error);
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len);
    port_ = ntohs(ss.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&ss)->sin6_port
                                           : reinterpret_cast<sockaddr_in*>(&ss)->sin_port);
    listenFd_ = fd;
    wakeFd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    renderer_ = std::make_unique<SlipRenderer>(opt_.render);
    thread_ = std::thread([this] { run(); });
}

void VirtualPrinter::stop() {
    if (!thread_.joinable()) return;
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(wakeFd_, &one, sizeof one);
    thread_.join();
    ::close(listenFd_);
    ::close(wakeFd_);
    listenFd_ = wakeFd_ = -1;
}

// ---- serve loop ----
void VirtualPrinter::run() {
    for (;;) {
        pollfd fds[2] = {{listenFd_, POLLIN, 0}, {wakeFd_, POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            return;
        }
        if (fds[1].revents) return;
        if (!(fds[0].revents & POLLIN)) continue;
        const int client = ::accept4(listenFd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) continue;
        serve(client);
        ::close(client);
    }
}

void VirtualPrinter::serve(int fd) {
    EscposParser parser(EscposParser::Callbacks{[&](int n) {
                                                    if (!answersStatus_.load() || n < 1 || n > 4) return;
                                                    const std::uint8_t reply =
                                                        statusReplies()[static_cast<std::size_t>(n - 1)];
                                                    [[maybe_unused]] const ssize_t w =
                                                        ::send(fd, &reply, 1, MSG_NOSIGNAL);
                                                },
                                                [&](EscposJob&& job) { handleJob(std::move(job)); }});
    std::uint8_t buf[8192];
    for (;;) {
        pollfd fds[2] = {{fd, POLLIN, 0}, {wakeFd_, POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (fds[1].revents) break; // stopping: do not consume the wake-up, run() sees it too
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        parser.feed(buf, static_cast<std::size_t>(n));
    }
    parser.finish();
}

// ---- jobs ----
void VirtualPrinter::handleJob(EscposJob&& job) {
    RenderedJob r;
    r.number = ++jobsReceived_;
    r.endedByCut = job.endedByCut;
    r.bytes = job.byteCount;
    r.warnings = job.warnings;
    const PaperState p = paper_.load();
    if (p == PaperState::Out || coverOpen_.load()) {
        r.warnings.push_back(p == PaperState::Out ? "paper out: job not printed"
                                                  : "cover open: job not printed");
    } else if (job.hasPrintableContent() || job.endedByCut) {
        r.printed = true;
        r.image = renderer_->render(job, &r.warnings);
        if (!opt_.outDir.empty()) {
            char name[32];
            std::snprintf(name, sizeof name, "/job-%04d.png", r.number);
            std::string error;
            if (writeSlipPng(r.image, opt_.outDir + name, &error))
                r.pngPath = opt_.outDir + name;
            else
                r.warnings.push_back(error);
        }
    }
    if (onJob_) onJob_(r);
}

// ---- renderEscposBytes ----
std::vector<RenderedJob> renderEscposBytes(const std::vector<std::uint8_t>& bytes,
                                           const SlipRenderOptions& options) {
    std::vector<RenderedJob> jobs;
    SlipRenderer renderer(options);
    EscposParser parser(EscposParser::Callbacks{{}, [&](EscposJob&& job) {
                                                    RenderedJob r;
                                                    r.number = static_cast<int>(jobs.size()) + 1;
                                                    r.endedByCut = job.endedByCut;
                                                    r.bytes = job.byteCount;
                                                    r.warnings = job.warnings;
                                                    r.printed = true;
                                                    r.image = renderer.render(job, &r.warnings);
                                                    jobs.push_back(std::move(r));
                                                }});
    parser.feed(bytes.data(), bytes.size());
    parser.finish();
    return jobs;
}

} // namespace kiosk::printer
