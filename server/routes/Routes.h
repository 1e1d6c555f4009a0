// Routes — kiosk-central's API (docs/API.md), one group per resource, each in its own file under
// server/routes/. CentralServer::start() adds them all; each route validates through
// server/RequestValidation.h and answers through server/ApiError.h.
//
// Checklist:
//   [x] cases: POST /api/v1/cases/query, POST cases/by-number (rate-limited)    CaseRoutes.cpp
//   [x] records: POST complaints, POST ratings/batch, POST complaints/progress   RecordRoutes.cpp
//   [x] suggestions (区长信箱): POST suggestions                                   SuggestionRoutes.cpp
//   [x] catalog and roster: GET with ETag / If-None-Match                        CatalogRoutes.cpp
//   [x] events: POST events/rating-request, GET events (long poll)               EventRoutes.cpp
//   [x] terminals: POST enroll (the one route without a terminal certificate), POST heartbeat
//                                                                                TerminalRoutes.cpp
#pragma once

#include "server/routes/RouteContext.h"

#include "server/ApiRouter.h"
#include <nlohmann/json.hpp>

namespace kiosk::central {

void addCaseRoutes(ApiRouter& server, RouteContext& context);
void addRecordRoutes(ApiRouter& server, RouteContext& context);
void addSuggestionRoutes(ApiRouter& server, RouteContext& context);
void addCatalogRoutes(ApiRouter& server, RouteContext& context);
void addEventRoutes(ApiRouter& server, RouteContext& context);
void addTerminalRoutes(ApiRouter& server, RouteContext& context);

// The served catalog and roster documents, built once at start from the demo district (or empty ones).
CatalogDocuments buildCatalogDocuments(const nlohmann::json& district);

} // namespace kiosk::central
