// DemoEnvironment — everything `kiosk --demo` needs besides the app, started in-process:
// the reference central server on loopback (its own CA, demo district data), a terminal
// certificate issued by that CA, and a GA 467 reader simulator on a pseudo-terminal (so the real
// driver reads the sample cards through real serial framing).
//
//   [x] kiosk-central (server/) on 127.0.0.1, port 0 by default or --demo-port N
//   [x] client certificate for the demo terminal (enrolment proper: issue 5)
//   [x] reader simulator with the demo card set; present / remove by card name
//   [x] virtual ESC/POS printer on loopback TCP; each slip it renders is shown on screen (SlipRendered)
#pragma once

#include "config/KioskConfig.h"
#include "kiosk/EventQueue.h"

#include <memory>
#include <string>
#include <vector>

namespace kiosk {

struct DemoOptions {
    std::string stateDir; // server database, CA, terminal certificate, kiosk store
    config::Mode mode = config::Mode::Hall;
    int serverPort = 0; // 0 = any free port
};

class DemoEnvironment {
public:
    // Starts everything or nothing: on failure returns null and says what failed in `error`.
    static std::unique_ptr<DemoEnvironment> start(const DemoOptions& options, std::string& error);
    ~DemoEnvironment();

    // The kiosk config pointing at the demo server, simulator and printer.
    const config::KioskConfig& config() const { return config_; }

    // Rendered slips from the virtual printer go to this queue (the app's) from now on;
    // nullptr detaches (before the queue goes away).
    void attach(EventQueue* events);
    // Paper state of the virtual printer: "ok", "near-end" or "out".
    bool setPaper(const std::string& state);

    // Reader simulator fault injection ("sw3 41", "silence", "checksum", "none" ... see docs/IDCARD.md).
    bool setReaderFault(const std::string& spec, std::string& error);

    // Stops / restarts the central server on the same port (the network going away and back).
    bool setServerRunning(bool running, std::string& error);

    bool presentCard(const std::string& name);
    void removeCard();
    std::vector<std::string> cardNames() const;

private:
    DemoEnvironment();
    struct Parts;
    std::unique_ptr<Parts> parts_;
    config::KioskConfig config_;
};

} // namespace kiosk
