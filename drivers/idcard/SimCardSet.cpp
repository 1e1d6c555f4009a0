// Card set loading. Sections: field helpers · card building · lookups · parse/load.
// Checklist: see SimCardSet.h.
#include "drivers/idcard/SimCardSet.h"

#include "drivers/idcard/CardTextBlock.h"
#include "drivers/idcard/CodeTables.h"
#include "drivers/idcard/Ucs2Text.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace kiosk::idcard {
// ---- field helpers ----
namespace {

using nlohmann::json;

std::string str(const json& c, const char* key) {
    auto it = c.find(key);
    if (it == c.end() || it->is_null()) return "";
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
    throw std::runtime_error(std::string("field '") + key + "' must be a string");
}

std::string rawDate(std::string d) {
    if (d.size() == 10 && d[4] == '-' && d[7] == '-') return d.substr(0, 4) + d.substr(5, 2) + d.substr(8, 2);
    return d;
}

std::string genderCode(const std::string& g) {
    if (g == "男") return "1";
    if (g == "女") return "2";
    return g;
}

std::string nationCode(const std::string& n) {
    if (n.empty() || (n.size() == 2 && n[0] >= '0' && n[0] <= '9')) return n;
    for (int i = 1; i <= 98; ++i) {
        char code[3] = {static_cast<char>('0' + i / 10), static_cast<char>('0' + i % 10), 0};
        auto name = nationName(code);
        if (name && (*name == n || *name + "族" == n)) return code;
    }
    throw std::runtime_error("unknown nation '" + n + "'");
}

std::vector<std::uint8_t> fromHex(const std::string& h, std::size_t want, const char* what) {
    if (h.size() != want * 2)
        throw std::runtime_error(std::string(what) + " must be " + std::to_string(want * 2) + " hex digits");
    std::vector<std::uint8_t> out;
    for (std::size_t i = 0; i < h.size(); i += 2) {
        const auto v = std::stoul(h.substr(i, 2), nullptr, 16);
        out.push_back(static_cast<std::uint8_t>(v));
    }
    return out;
}

// Deterministic stand-in bytes (not a real WLT image): the same card always gives the same blob.
std::vector<std::uint8_t> pseudoBytes(const std::string& seed, std::size_t n, std::uint32_t salt) {
    std::uint32_t x = 2166136261u ^ salt;
    for (char ch : seed)
        x = (x ^ static_cast<std::uint8_t>(ch)) * 16777619u;
    std::vector<std::uint8_t> out(n);
    for (auto& b : out) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        b = static_cast<std::uint8_t>(x);
    }
    return out;
}

// ---- card building ----
SimCard buildCard(const json& c) {
    SimCard card;
    card.handle = str(c, "card");
    if (card.handle.empty()) throw std::runtime_error("a card has no \"card\" handle");
    try {
        if (c.contains("text_block_hex") && !c["text_block_hex"].is_null()) {
            card.text = fromHex(str(c, "text_block_hex"), kTextBlockSize, "text_block_hex");
        } else {
            CardTextFields f;
            const std::string type = str(c, "card_type");
            auto t = cardTypeFromKey(type.empty() ? "resident" : type);
            if (!t) throw std::runtime_error("unknown card_type '" + type + "'");
            f.type = *t;
            f.name = str(c, "name");
            f.nameEn = str(c, "name_en");
            f.genderCode = genderCode(str(c, "gender"));
            f.nationCode = nationCode(str(c, "nation"));
            f.birthDate = rawDate(str(c, "birth_date"));
            f.address = str(c, "address");
            f.idNumber = str(c, "id_number");
            f.issuer = str(c, "issuer");
            f.validFrom = rawDate(str(c, "valid_from"));
            f.validTo = rawDate(str(c, "valid_to"));
            f.passNumber = str(c, "pass_number");
            f.issueCount = str(c, "issue_count");
            f.nationality = str(c, "nationality");
            f.cardVersion = str(c, "card_version");
            f.authorityCode = str(c, "authority_code");
            std::string err;
            auto block = encodeTextBlock(f, &err);
            if (!block) throw std::runtime_error(err);
            card.text = std::move(*block);
        }
        const std::string extra = str(c, "additional_address");
        if (!extra.empty()) {
            auto enc = encodeUcs2leField(extra, 70);
            if (!enc) throw std::runtime_error("field 'additional_address' does not fit 35 UCS-2 characters");
            card.additionalAddress = std::move(*enc);
        }
        const std::string serial = str(c, "serial");
        if (!serial.empty()) {
            auto s = fromHex(serial, 8, "serial");
            std::copy(s.begin(), s.end(), card.serial.begin());
        } else {
            auto s = pseudoBytes(card.handle, 8, 0x5E71A1u);
            std::copy(s.begin(), s.end(), card.serial.begin());
        }
        card.photo = pseudoBytes(card.handle, 1024, 0x9407u);
        if (c.value("fingerprint", false)) card.fingerprint = pseudoBytes(card.handle, 1024, 0xF1u);
    } catch (const std::exception& e) {
        throw std::runtime_error("card '" + card.handle + "': " + e.what());
    }
    return card;
}

} // namespace

// ---- lookups ----
const SimCard* SimCardSet::find(std::string_view handle) const {
    for (const SimCard& c : cards)
        if (c.handle == handle) return &c;
    return nullptr;
}

std::vector<std::string> SimCardSet::names() const {
    std::vector<std::string> out;
    for (const SimCard& c : cards)
        out.push_back(c.handle);
    return out;
}

// ---- parse/load ----
std::optional<SimCardSet> parseSimCardSet(std::string_view text, std::string& error) {
    try {
        const json j = json::parse(text);
        if (!j.is_object() || !j.contains("cards") || !j["cards"].is_array()) {
            error = "card set must be an object with a \"cards\" array";
            return std::nullopt;
        }
        SimCardSet set;
        for (const json& c : j["cards"]) {
            if (!c.is_object()) throw std::runtime_error("every entry of \"cards\" must be an object");
            SimCard card = buildCard(c);
            if (set.find(card.handle)) throw std::runtime_error("duplicate card '" + card.handle + "'");
            set.cards.push_back(std::move(card));
        }
        return set;
    } catch (const std::exception& e) {
        error = e.what();
        return std::nullopt;
    }
}

std::optional<SimCardSet> loadSimCardSetFile(const std::string& path, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read card set " + path;
        return std::nullopt;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    auto set = parseSimCardSet(ss.str(), error);
    if (!set) error = path + ": " + error;
    return set;
}

} // namespace kiosk::idcard
