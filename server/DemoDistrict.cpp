// Loading and validating the embedded demo district (see DemoDistrict.h).
#include "server/DemoDistrict.h"

#include <set>
#include <stdexcept>

namespace kiosk::central {

nlohmann::json loadDemoDistrict() {
    nlohmann::json d = nlohmann::json::parse(embeddedDemoDistrictJson());
    std::set<std::string> departments, items;
    for (const auto& dep : d.at("departments"))
        departments.insert(dep.at("id").get<std::string>());
    static const char* kSixPublic[] = {"content", "process", "basis", "materials", "time_limit_days", "fee"};
    for (const auto& item : d.at("service_items")) {
        for (const char* k : kSixPublic)
            if (!item.contains(k))
                throw std::runtime_error("service item " + item.value("id", "?") + " lacks " + k);
        if (!departments.count(item.at("department").get<std::string>()))
            throw std::runtime_error("service item " + item.value("id", "?") + " has an unknown department");
        items.insert(item.at("id").get<std::string>());
    }
    for (const auto& c : d.at("demo_cases")) {
        // Case status by number asks for the last 4 digits of this phone (never part of an answer).
        const std::string phone = c.value("applicant_phone", std::string());
        if (phone.size() != 11 || phone.find_first_not_of("0123456789") != std::string::npos)
            throw std::runtime_error("demo case " + c.value("case_no", "?") +
                                     " lacks an 11-digit applicant_phone");
        if (!items.count(c.at("item").get<std::string>()))
            throw std::runtime_error("demo case " + c.value("case_no", "?") + " refers to an unknown item");
        // A refused case says how it was refused, so the terminal never has to guess 不予受理 vs 不予批准.
        if (c.at("status") == "rejected" && c.value("refusal", "") != "not_accepted" &&
            c.value("refusal", "") != "not_approved")
            throw std::runtime_error("demo case " + c.value("case_no", "?") +
                                     " is rejected without refusal \"not_accepted\" or \"not_approved\"");
        for (const auto& s : c.at("steps"))
            if (!departments.count(s.at("department").get<std::string>()))
                throw std::runtime_error("demo case " + c.value("case_no", "?") +
                                         " has a step in an unknown department");
    }
    return d;
}

} // namespace kiosk::central
