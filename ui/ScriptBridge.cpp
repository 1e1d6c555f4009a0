// ScriptBridge (see the header): the device verbs and the outbox.
#include "ui/ScriptBridge.h"

#include "kiosk/KioskApp.h"

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

bool ScriptBridge::requestUpload(std::string& error) {
    uploadTicket_ = app_ ? app_->requestUpload() : 0;
    if (uploadTicket_ == 0)
        error = "this terminal has no sync engine (wait-synced needs a server configured)";
    return uploadTicket_ != 0;
}

// A count made before the request may miss a record committed just before it: only a status whose
// cycle began after the ticket was handed out counts (offline/SyncEngine: wakeServed).
std::optional<std::int64_t> ScriptBridge::pendingAfterUploadRequest() const {
    if (!app_ || uploadTicket_ == 0) return std::nullopt;
    const auto& status = app_->syncStatus();
    if (!status || status->wakeServed < uploadTicket_) return std::nullopt;
    return status->pending;
}

} // namespace kiosk::ui
