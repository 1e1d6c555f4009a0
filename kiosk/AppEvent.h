// AppEvent — everything a worker thread (card reader, printer, network) tells the UI thread.
// Events carry data, never pointers into a worker's state; the UI thread owns what it receives.
#pragma once

#include "drivers/printer/SlipImage.h"
#include "kiosk/CaseRecord.h"
#include "kiosk/CitizenIdentity.h"
#include "kiosk/ComplaintProgress.h"
#include "kiosk/HallContacts.h"
#include "kiosk/HallDirectory.h"
#include "kiosk/ServiceGuide.h"

#include <nlohmann/json.hpp>

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
// A card is on the reader and being read: the screen says 正在读取，请勿移动证件 (reader.reading).
struct CardReading {};
// The card was lifted during its read: nothing of it was read (issue 8.9).
struct CardReadAborted {
    std::string messageKey = "reader.lifted"; // 证件已移开，没有读到信息……
};
struct ReaderStatusChanged {
    bool connected = false;
    std::string messageKey; // string-table key for the citizen ("reader.disconnected" ...)
    std::string detail;     // technician detail (never personal data)
};

// ---- central server ----
// IdNotAccepted: the card's number is not one the central server looks cases up by (checked on the
// terminal, or the server answered 400 bad_id_number). Trying again cannot help: no 重试 (issue 8.5).
// NotFound: a case looked up by its number and the phone's last four digits that the server does not
// have (one answer for an unknown number and a wrong phone: no oracle).
enum class QueryOutcome { Ok, Offline, ServerError, Busy, IdNotAccepted, NotFound };
struct CaseQueryFinished {
    std::uint64_t requestId = 0;
    QueryOutcome outcome = QueryOutcome::Ok;
    std::vector<CaseRecord> cases;
    std::string detail; // technician detail on failure
};

// The follow-up of a complaint (kiosk/ComplaintProgressService), answering request `requestId`.
struct ComplaintProgressFinished {
    std::uint64_t requestId = 0;
    ProgressOutcome outcome = ProgressOutcome::Found;
    ComplaintProgress progress; // Found, WaitingUpload
    std::string detail;         // technician detail on failure
};

// ---- offline store ----
// A record the flow handed to the outbox (kiosk/OutboxService): committed durably, or not.
struct RecordCommitted {
    std::uint64_t requestId = 0;
    bool ok = false;
    std::string trackingNo; // complaints and suggestions: the number the citizen follows it by
    std::string verifyCode; // complaints: the 6-digit code that goes with it
    std::int64_t createdMs = 0;
    std::string failureKey; // string-table key when !ok ("store.failure.full" ...)
    std::string detail;     // technician detail, never personal data
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
    std::string error;            // technician detail, never personal data
    std::uint64_t wakeServed = 0; // offline/SyncEngine: the last upload request this count includes
};

// The catalog arrived or changed (at start from the store's cache, then from the server).
struct CatalogChanged {
    HallContacts contacts;
    HallDirectory directory;               // complaint categories, departments (no staff: the roster's)
    std::vector<std::string> vocabulary;   // kiosk/HallVocabulary: offered first by the pinyin keyboard
    std::vector<ServiceItem> serviceItems; // 办事指南 (kiosk/ServiceGuide)
};

// The roster (staff on duty per window) arrived or changed. The document as the server sent it:
// the counter pad (issue 13) reads it; the hall terminal keeps only the latest.
struct RosterChanged {
    nlohmann::json roster;
    std::vector<StaffMember> staff; // kiosk/HallDirectory: who a complaint can be about
};
// Counter pads: the window's staff asked the citizen to rate a service (case_no, item_name, staff_id).
struct RatingRequested {
    nlohmann::json request;
};
// The offline store failed (full, read-only, corrupt...): technician detail, never personal data.
struct StoreProblemReported {
    std::string detail;
};
// The server refused a record for good: kept as `rejected` for the technician.
struct RecordRejected {
    std::string recordId;
    std::string error;
};

// ---- pinyin ----
// One candidate of a pinyin composition: the characters and how many of the letters they stand for
// (a phrase for part of the letters continues with the rest). Never logged: it is what a citizen types.
struct PinyinCandidate {
    std::string text;
    std::size_t letters = 0;
    bool domain = false; // from the hall's own vocabulary (catalog, roster), offered first
};
// The candidates for `letters` (kiosk/PinyinService), answering request `seq`.
struct PinyinCandidatesReady {
    std::uint64_t seq = 0;
    std::string letters;
    std::vector<PinyinCandidate> candidates;
};
// The engine opened (or could not: the dictionary is missing). The keyboard then offers only
// 英文, 数字 and 符号 and says pinyin is unavailable.
struct PinyinEngineStatus {
    bool available = false;
    std::string detail; // technician detail: the dictionary path and what failed
};

// The pinyin initials of the guide's item names (kiosk/ServiceGuideInitials), built on the pinyin
// thread: `initials[i]` belongs to `names[i]`. Empty initials when the engine is unavailable.
struct ServiceInitialsReady {
    std::vector<std::string> names;
    std::vector<std::vector<std::uint32_t>> initials;
};

using AppEvent =
    std::variant<CardPresented, CardRemoved, ReaderStatusChanged, CaseQueryFinished, PrintFinished,
                 SlipRendered, SyncStatusChanged, CatalogChanged, CardReading, CardReadAborted, RosterChanged,
                 RatingRequested, StoreProblemReported, RecordRejected, PinyinCandidatesReady,
                 PinyinEngineStatus, ComplaintProgressFinished, RecordCommitted, ServiceInitialsReady>;

} // namespace kiosk
