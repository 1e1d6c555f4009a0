// AppEvent — everything a worker thread (card reader, printer, network) tells the UI thread.
// Events carry data, never pointers into a worker's state; the UI thread owns what it receives.
#pragma once

#include "drivers/printer/SlipImage.h"
#include "kiosk/CaseRecord.h"
#include "kiosk/CitizenIdentity.h"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace kiosk {

// ---- card reader ----
struct CardPresented {
    CitizenIdentity citizen;
};
struct CardRemoved {};
struct ReaderStatusChanged {
    bool connected = false;
    std::string messageKey; // string-table key for the citizen ("reader.disconnected" ...)
    std::string detail;     // technician detail (never personal data)
};

// ---- central server ----
enum class QueryOutcome { Ok, Offline, ServerError, Busy };
struct CaseQueryFinished {
    std::uint64_t requestId = 0;
    QueryOutcome outcome = QueryOutcome::Ok;
    std::vector<CaseRecord> cases;
    std::string detail; // technician detail on failure
};

// ---- receipt printer ----
struct PrintFinished {
    std::uint64_t jobId = 0;
    bool ok = false;
    std::string failureKey;     // string-table key ("print.failure.paper_out" ...) when !ok
    std::string detail;         // technician detail
    printer::SlipImage preview; // when !ok: the slip drawn as paper (rendered on the printer's thread)
};
// The demo's virtual printer rendered what it received (the real bytes, drawn as paper).
struct SlipRendered {
    printer::SlipImage image;
};

// ---- sync engine ----
struct SyncStatusChanged {
    bool online = false;
    std::int64_t pending = 0;  // records waiting for the server
    std::int64_t rejected = 0; // records the server refused (kept for the technician)
    std::int64_t lastSyncMs = 0;
    std::string error; // technician detail, never personal data
};

using AppEvent = std::variant<CardPresented, CardRemoved, ReaderStatusChanged, CaseQueryFinished,
                              PrintFinished, SlipRendered, SyncStatusChanged>;

} // namespace kiosk
