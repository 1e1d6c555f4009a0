// SyncAdapter — the sync engine's events as app events, as IdCardReader and ReceiptPrinter do for the
// devices. offline/SyncEngine knows nothing of kiosk/; this is the one place that maps its words.
//
// Every SyncEvent kind has an app event: the mapping is a switch without a default, so a kind added
// to the engine and forgotten here fails the build (-Wswitch, warnings are errors).
#pragma once

#include "kiosk/AppEvent.h"
#include "offline/SyncEngine.h"

namespace kiosk {

AppEvent toAppEvent(const offline::SyncEvent& in);

} // namespace kiosk
