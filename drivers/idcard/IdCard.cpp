// IdCard: wiping and JSON. Checklist: see IdCard.h.
#include "drivers/idcard/IdCard.h"

#include "text/Masking.h"

#include <nlohmann/json.hpp>
#include <string.h>

namespace kiosk::idcard {

const char* cardTypeKey(CardType type) {
    switch (type) {
    case CardType::Resident:
        return "resident";
    case CardType::HmtPermit:
        return "hmt_permit";
    case CardType::Foreign2017:
        return "foreign_2017";
    case CardType::Foreign2023:
        return "foreign_2023";
    }
    return "resident";
}

std::optional<CardType> cardTypeFromKey(std::string_view key) {
    for (CardType t : {CardType::Resident, CardType::HmtPermit, CardType::Foreign2017, CardType::Foreign2023})
        if (key == cardTypeKey(t)) return t;
    return std::nullopt;
}

void wipeString(std::string& s) {
    s.resize(s.capacity()); // within capacity: no reallocation, exposes the whole buffer
    if (!s.empty()) explicit_bzero(s.data(), s.size());
    s.clear();
}

void wipeBytes(std::vector<std::uint8_t>& v) {
    v.resize(v.capacity());
    if (!v.empty()) explicit_bzero(v.data(), v.size());
    v.clear();
}

void IdCard::wipe() {
    for (std::string* s : {&name, &nameEn, &genderCode, &gender, &nationCode, &nation, &birthDate, &address,
                           &additionalAddress, &idNumber, &issuer, &validFrom, &validTo, &passNumber,
                           &issueCount, &nationality, &cardVersion, &authorityCode, &samId})
        wipeString(*s);
    wipeBytes(photo);
    wipeBytes(fingerprint);
    wipeBytes(photoRgb);
    idChecksumOk = false;
    textReplaced = false;
}

std::string formatCardDate(std::string_view raw) {
    if (raw.size() != 8) return std::string(raw);
    for (char c : raw)
        if (c < '0' || c > '9') return std::string(raw);
    std::string out;
    out.append(raw.substr(0, 4)).append("-").append(raw.substr(4, 2)).append("-").append(raw.substr(6, 2));
    return out;
}

std::string cardToJson(const IdCard& c, bool unmasked, int indent) {
    nlohmann::ordered_json j;
    auto put = [&j](const char* key, const std::string& v) {
        if (!v.empty()) j[key] = v;
    };
    j["card_type"] = cardTypeKey(c.type);
    put("name", c.name);
    if (c.type == CardType::Foreign2017 || c.type == CardType::Foreign2023) put("name_en", c.nameEn);
    put("gender", c.gender);
    if (c.type == CardType::Resident) put("nation", c.nation);
    put("birth_date", c.birthDate);
    if (c.type == CardType::Resident || c.type == CardType::HmtPermit) {
        put("address", c.address);
        put("additional_address", c.additionalAddress);
    }
    j["id_number"] = unmasked ? c.idNumber : text::maskIdNumber(c.idNumber);
    if (c.hasIdChecksum()) j["id_checksum_ok"] = c.idChecksumOk;
    if (c.type == CardType::Resident || c.type == CardType::HmtPermit) put("issuer", c.issuer);
    put("valid_from", c.validFrom);
    put("valid_to", c.validTo);
    if (c.type == CardType::HmtPermit) put("pass_number", c.passNumber);
    if (c.type == CardType::HmtPermit || c.type == CardType::Foreign2023) put("issue_count", c.issueCount);
    if (c.type == CardType::Foreign2017 || c.type == CardType::Foreign2023) put("nationality", c.nationality);
    if (c.type == CardType::Foreign2017) {
        put("card_version", c.cardVersion);
        put("authority_code", c.authorityCode);
    }
    put("sam_id", c.samId);
    if (c.textReplaced) j["text_replaced"] = true;
    return j.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

} // namespace kiosk::idcard
