// syncSettingsFor — the kiosk config's [terminal] and [server] as the sync engine's settings.
// One mapping for the app and for kioskctl (enroll, outbox, sync), so they never disagree about
// where the store, the key and the certificates are.
#pragma once

#include "config/KioskConfig.h"
#include "offline/SyncEngine.h"

namespace kiosk {

// TLS files default to <state_dir>/tls/{ca.crt,client.crt,client.key} when the config leaves them empty.
offline::SyncSettings syncSettingsFor(const config::KioskConfig& config);

} // namespace kiosk
