// Catalog and roster: the documents every terminal caches (GET /api/v1/catalog, /api/v1/roster),
// versioned by a hash of their content and served with ETag / If-None-Match.
//
// Sections: documents | routes
#include "common/Sha256.h"
#include "common/WireProtocol.h"
#include "server/routes/Routes.h"

namespace kiosk::central {

// ---- documents ----
namespace {

// Adds "version" (the first 16 hex digits of the content's SHA-256) and keeps body and ETag.
void finishDocument(nlohmann::json& doc, std::string* body, std::string* etag) {
    std::string version = common::sha256Hex(doc.dump()).substr(0, 16);
    doc["version"] = version;
    *body = doc.dump();
    *etag = "\"" + version + "\"";
}

void serveDocument(const Request& req, Response& res, const std::string& body, const std::string& etag) {
    res.set_header("ETag", etag);
    res.set_header("Cache-Control", "no-cache");
    if (req.get_header_value("If-None-Match") == etag) {
        res.status = 304;
        return;
    }
    res.status = 200;
    res.set_content(body, "application/json; charset=utf-8");
}

} // namespace

CatalogDocuments buildCatalogDocuments(const nlohmann::json& district) {
    CatalogDocuments out;
    nlohmann::json catalog = {
        {"district", nlohmann::json::object()},
        {"departments", nlohmann::json::array()},
        {"service_items", nlohmann::json::array()},
        {"complaint_categories", nlohmann::json::array()},
        {"rating_levels", nlohmann::json::array()},
        {"rating_reason_tags",
         {{"positive", nlohmann::json::array()}, {"negative", nlohmann::json::array()}}}};
    nlohmann::json roster = {{"counters", nlohmann::json::array()}, {"staff", nlohmann::json::array()}};
    if (!district.is_null()) {
        for (const char* k : {"district", "departments", "service_items", "complaint_categories",
                              "rating_levels", "rating_reason_tags"})
            catalog[k] = district.at(k);
        roster["counters"] = district.at("counters");
        roster["staff"] = district.at("staff");
        for (const auto& c : district.at("complaint_categories"))
            out.complaintCategories.insert(c.at("id").get<std::string>());
        for (const auto& d : district.at("departments"))
            out.departmentNames[d.at("id").get<std::string>()] = d.at("name").get<std::string>();
    } else {
        out.complaintCategories = {"tuiwei", "chinakayao", "luanshoufei", "tuola", "taidu", "zhifa", "qita"};
    }
    finishDocument(catalog, &out.catalogBody, &out.catalogEtag);
    finishDocument(roster, &out.rosterBody, &out.rosterEtag);
    return out;
}

// ---- routes ----
void addCatalogRoutes(ApiRouter& s, RouteContext& ctx) {
    s.Get(common::api::kCatalog, [&ctx](const Request& req, Response& res) {
        serveDocument(req, res, ctx.documents.catalogBody, ctx.documents.catalogEtag);
    });
    s.Get(common::api::kRoster, [&ctx](const Request& req, Response& res) {
        serveDocument(req, res, ctx.documents.rosterBody, ctx.documents.rosterEtag);
    });
}

} // namespace kiosk::central
