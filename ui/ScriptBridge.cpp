// ScriptBridge (see the header): the device verbs.
#include "ui/ScriptBridge.h"

namespace kiosk::ui {

bool ScriptBridge::presentCard(const std::string& name, std::string& error) {
    if (!demo_) {
        error = "no simulated card reader (card needs --demo)";
        return false;
    }
    if (demo_->presentCard(name)) return true;
    std::string known;
    for (const auto& n : demo_->cardNames())
        known += (known.empty() ? "" : ", ") + n;
    error = "unknown card '" + name + "' (known: " + known + ")";
    return false;
}

void ScriptBridge::removeCard() {
    if (demo_) demo_->removeCard();
}

bool ScriptBridge::setPrinterPaper(const std::string& state, std::string& error) {
    if (demo_ && demo_->setPaper(state)) return true;
    error =
        demo_ ? "the demo has no virtual printer in this mode" : "no virtual printer (printer needs --demo)";
    return false;
}

bool ScriptBridge::setReaderFault(const std::string& spec, std::string& error) {
    if (!demo_) {
        error = "no simulated reader (reader fault needs --demo)";
        return false;
    }
    return demo_->setReaderFault(spec, error);
}

bool ScriptBridge::setServerRunning(bool running, std::string& error) {
    if (!demo_) {
        error = "no demo server (server needs --demo)";
        return false;
    }
    return demo_->setServerRunning(running, error);
}

} // namespace kiosk::ui
