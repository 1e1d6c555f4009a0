// Demo complaints: the demo district's "demo_complaints" (server/data/demo_district.json) written into
// the database when kiosk-central serves the demo district, so the terminal's 投诉查询 shows a real
// timeline at once. Fixed tracking numbers (in the demo hall terminal's namespace, DEMO-HALL-01-9000xx,
// far above any number that terminal gives itself) and fixed verification codes, listed in the README.
//
// Sections: seeding
// Checklist:
//   [x] stored like an upload (a record, the complaint row, its stages), through the same code paths
//   [x] marked demo_seed: stats() counts terminal uploads only
//   [x] idempotent: a complaint whose tracking number exists is left alone (a restart changes nothing,
//       stages the office added since are kept)
//   [x] stage times relative to the first start (working days ago at an office-hours time, never later
//       than now), in order; the due date from the server's setting
#pragma once

#include "server/CentralDb.h"

#include <nlohmann/json.hpp>

#include <cstdint>

namespace kiosk::central {

// ---- seeding ----
// Returns how many complaints were added (0 on a restart). Throws std::runtime_error on a broken seed.
int seedDemoComplaints(CentralDb& db, const nlohmann::json& district, int dueWorkingDays, std::int64_t nowMs);

} // namespace kiosk::central
