// DemoControl — what the demo offers the UI runner: the developer's hands on the simulated devices
// (present or lift a sample card, the printer's paper, the central server going down and up, a reader
// fault), and nothing else.
//
// Why an interface of its own: the runner (ui/AppRunner), its demo keys (ui/DemoKeys) and the UI
// scripts' device verbs (ui/ScriptBridge) drive the demo through this header only, so `kiosk_ui` and
// test_ui never link the demo environment, and with it the reference server (tests/ui
// deps_ui_no_server checks the link lines). `kiosk::DemoEnvironment` (kiosk/demo) fills it in; only
// the `kiosk` executable links that.
//
//   [x] cards by name, in the order F1..F7 present them
//   [x] virtual printer paper: "ok", "near-end", "out"
//   [x] central server down / up (same port), reader fault injection (docs/IDCARD.md)
#pragma once

#include <string>
#include <vector>

namespace kiosk {

class DemoControl {
public:
    virtual ~DemoControl() = default;

    // The sample cards of the reader simulator (empty when the mode has no reader).
    virtual std::vector<std::string> cardNames() const = 0;
    // False when there is no reader or no card by that name.
    virtual bool presentCard(const std::string& name) = 0;
    virtual void removeCard() = 0;

    // Paper state of the virtual printer: "ok", "near-end" or "out"; false when there is no printer
    // in this mode or the state is none of those.
    virtual bool setPaper(const std::string& state) = 0;
    // Reader simulator fault injection ("sw3 41", "silence", "checksum", "none" ... see docs/IDCARD.md).
    virtual bool setReaderFault(const std::string& spec, std::string& error) = 0;
    // Stops / restarts the central server on the same port (the network going away and back).
    virtual bool setServerRunning(bool running, std::string& error) = 0;
};

} // namespace kiosk
