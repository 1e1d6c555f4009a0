#include "kiosk/CitizenSession.h"

namespace kiosk {

CitizenSession::CitizenSession(SessionSettings settings)
    : settings_(std::move(settings)), idle_(settings_.idleTimeout, settings_.idleWarning) {
    state_.edit().language = settings_.language;
}

void CitizenSession::setCitizen(const CitizenIdentity& citizen) {
    State& s = state_.edit();
    if (s.citizen) s.citizen->wipe();
    s.citizen = citizen;
}

void CitizenSession::setLanguage(std::string language) {
    if (language != state_->language) state_.edit().language = std::move(language);
}

void CitizenSession::setElderMode(bool on) {
    if (on != state_->elderMode) state_.edit().elderMode = on;
}

void CitizenSession::wipe() {
    if (!state_->citizen) return;
    State& s = state_.edit();
    s.citizen->wipe();
    s.citizen.reset();
}

void CitizenSession::restoreDefaults() {
    setLanguage(settings_.language);
    setElderMode(false);
}

} // namespace kiosk
