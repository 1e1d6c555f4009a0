#include "kiosk/demo/DemoEnvironment.h"

#include "common/PrivateFiles.h"
#include "drivers/idcard/ReaderSimulator.h"
#include "drivers/idcard/SimCardSet.h"
#include "drivers/printer/VirtualPrinter.h"
#include "server/CentralServer.h"
#include "server/CertAuthority.h"

#include <atomic>
#include <mutex>

namespace kiosk {

struct DemoEnvironment::Parts {
    std::unique_ptr<central::CentralServer> server;
    central::CentralSettings serverSettings;
    std::unique_ptr<idcard::ReaderSimulator> reader;
    std::unique_ptr<printer::VirtualPrinter> printer;
    std::mutex mutex; // guards events (set on the UI thread, read on the printer's thread)
    EventQueue* events = nullptr;
};

DemoEnvironment::DemoEnvironment() : parts_(std::make_unique<Parts>()) {}

DemoEnvironment::~DemoEnvironment() {
    if (parts_->printer) parts_->printer->stop();
    if (parts_->reader) parts_->reader->stop();
    if (parts_->server) parts_->server->stop();
}

std::unique_ptr<DemoEnvironment> DemoEnvironment::start(const DemoOptions& o, std::string& error) {
    // Every directory of the demo's state is 0700 whatever the umask (older, wider ones are narrowed):
    // it holds keys, the store and pictures of printed slips.
    std::string why;
    for (const char* sub : {"", "/central", "/tls", "/printed"}) {
        if (!common::ensurePrivateDir(o.stateDir + sub, &why)) {
            error = "the demo state directory: " + why + " (or give another --demo-state DIR)";
            return nullptr;
        }
    }
    std::unique_ptr<DemoEnvironment> env(new DemoEnvironment());
    env->config_ = config::demoConfig(o.stateDir, o.mode);
    config::KioskConfig& cfg = env->config_;

    // 1. Central server with its CA, and a certificate for this terminal signed by it.
    const std::string serverDir = o.stateDir + "/central";
    central::CentralSettings ss;
    ss.port = o.serverPort;
    ss.dbPath = serverDir + "/central.db";
    ss.tlsDir = serverDir + "/tls";
    ss.demoData = true;
    ss.log = [](const std::string&) {}; // the demo server's request log would only clutter the kiosk's
    env->parts_->server = std::make_unique<central::CentralServer>(ss);
    if (!env->parts_->server->start(&why)) {
        error = "the demo central server did not start: " + why;
        if (o.serverPort != 0)
            error += " (is port " + std::to_string(o.serverPort) + " taken? try another --demo-port)";
        return nullptr;
    }
    auto ca = central::CertAuthority::openOrCreate(ss.tlsDir, &why);
    const std::string tlsDir = o.stateDir + "/tls";
    if (!ca || !ca->issueTerminalCredentials(cfg.terminal.id, tlsDir, &why)) {
        error = "cannot issue the demo terminal certificate: " + why;
        return nullptr;
    }
    cfg.server.url = "https://127.0.0.1:" + std::to_string(env->parts_->server->port());
    env->parts_->serverSettings = ss;
    env->parts_->serverSettings.port = env->parts_->server->port();
    cfg.server.caFile = tlsDir + "/ca.crt";
    cfg.server.certFile = tlsDir + "/client.crt";
    cfg.server.keyFile = tlsDir + "/client.key";

    // 2. The ID card reader simulator on a pty, with the demo card set.
    if (o.mode == config::Mode::Hall) {
        auto cards = idcard::parseSimCardSet(idcard::demoCardSetJson(), why);
        if (!cards) {
            error = "demo card set: " + why;
            return nullptr;
        }
        env->parts_->reader = std::make_unique<idcard::ReaderSimulator>(std::move(*cards));
        if (!env->parts_->reader->start(why)) {
            error = "the ID card reader simulator did not start: " + why;
            return nullptr;
        }
        cfg.idcard.port = env->parts_->reader->portPath();
    }
    // 3. The virtual receipt printer on loopback TCP; it renders each job like paper.
    if (o.mode == config::Mode::Hall) {
        printer::VirtualPrinterOptions vo;
        vo.outDir = o.stateDir + "/printed";
        Parts* parts = env->parts_.get();
        env->parts_->printer =
            std::make_unique<printer::VirtualPrinter>(vo, [parts](const printer::RenderedJob& job) {
                if (!job.printed) return;
                std::lock_guard lock(parts->mutex);
                if (parts->events) parts->events->push(SlipRendered{job.image});
            });
        try {
            env->parts_->printer->start();
        } catch (const std::exception& e) {
            error = std::string("the virtual printer did not start: ") + e.what();
            return nullptr;
        }
        cfg.printer.uri = env->parts_->printer->uri();
    }
    return env;
}

void DemoEnvironment::attach(EventQueue* events) {
    std::lock_guard lock(parts_->mutex);
    parts_->events = events;
}

bool DemoEnvironment::setPaper(const std::string& state) {
    if (!parts_->printer) return false;
    if (state == "ok")
        parts_->printer->setPaper(printer::PaperState::Ok);
    else if (state == "near-end")
        parts_->printer->setPaper(printer::PaperState::NearEnd);
    else if (state == "out")
        parts_->printer->setPaper(printer::PaperState::Out);
    else
        return false;
    return true;
}

bool DemoEnvironment::setServerRunning(bool running, std::string& error) {
    if (!running) {
        parts_->server->stop();
        return true;
    }
    parts_->server = std::make_unique<central::CentralServer>(parts_->serverSettings);
    if (!parts_->server->start(&error)) {
        error = "the demo central server did not restart: " + error;
        return false;
    }
    return true;
}

bool DemoEnvironment::setReaderFault(const std::string& spec, std::string& error) {
    if (!parts_->reader) {
        error = "the demo has no reader simulator in this mode";
        return false;
    }
    const auto fault = idcard::parseSimFault(spec, error);
    if (!fault) return false;
    parts_->reader->setFault(*fault);
    return true;
}

bool DemoEnvironment::presentCard(const std::string& name) {
    return parts_->reader && parts_->reader->present(name);
}

void DemoEnvironment::removeCard() {
    if (parts_->reader) parts_->reader->remove();
}

std::vector<std::string> DemoEnvironment::cardNames() const {
    return parts_->reader ? parts_->reader->cardNames() : std::vector<std::string>{};
}

} // namespace kiosk
