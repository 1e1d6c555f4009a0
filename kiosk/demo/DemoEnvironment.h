// DemoEnvironment — everything `kiosk --demo` needs besides the app, started in-process:
// the reference central server on loopback (its own CA, demo district data), a terminal
// certificate issued by that CA, and a GA 467 reader simulator on a pseudo-terminal (so the real
// driver reads the sample cards through real serial framing).
//
//   [x] kiosk-central (server/) on 127.0.0.1, port 0 by default or --demo-port N
//   [x] client certificate for the demo terminal (enrolment proper: issue 5)
//   [x] reader simulator with the demo card set; present / remove by card name
//   [x] virtual ESC/POS printer on loopback TCP; each slip it renders is shown on screen (SlipRendered)
//   [x] the runner's hands on it through kiosk/DemoControl only (the UI does not link this library)
#pragma once

#include "config/KioskConfig.h"
#include "kiosk/DemoControl.h"
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

class DemoEnvironment final : public DemoControl {
public:
    // Starts everything or nothing: on failure returns null and says what failed in `error`.
    static std::unique_ptr<DemoEnvironment> start(const DemoOptions& options, std::string& error);
    ~DemoEnvironment() override;

    // The kiosk config pointing at the demo server, simulator and printer.
    const config::KioskConfig& config() const { return config_; }

    // Rendered slips from the virtual printer go to this queue (the app's) from now on;
    // nullptr detaches (before the queue goes away).
    void attach(EventQueue* events);

    // ---- DemoControl (see kiosk/DemoControl.h) ----
    std::vector<std::string> cardNames() const override;
    bool presentCard(const std::string& name) override;
    void removeCard() override;
    bool setPaper(const std::string& state) override;
    bool setReaderFault(const std::string& spec, std::string& error) override;
    bool setServerRunning(bool running, std::string& error) override;

private:
    DemoEnvironment();
    struct Parts;
    std::unique_ptr<Parts> parts_;
    config::KioskConfig config_;
};

} // namespace kiosk
