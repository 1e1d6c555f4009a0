// Text block layouts. Sections: layout helpers · parse per type · encode per type.
// Checklist: see CardTextBlock.h.
#include "drivers/idcard/CardTextBlock.h"

#include "drivers/idcard/CodeTables.h"
#include "drivers/idcard/Ucs2Text.h"
#include "text/IdNumber.h"
#include "text/Utf8.h"

#include <cstdio>
#include <cstring>

namespace kiosk::idcard {
// ---- layout helpers ----
namespace {

struct Field {
    std::size_t offset;
    std::size_t size;
};

// Resident card (and 'J', which shares 0..219).
constexpr Field kResName{0, 30}, kResGender{30, 2}, kResNation{32, 4}, kResBirth{36, 16}, kResAddress{52, 70},
    kResId{122, 36}, kResIssuer{158, 30}, kResFrom{188, 16}, kResTo{204, 16}, kJPass{220, 18},
    kJIssueCount{238, 4};
// 'I' 2017 foreign permanent resident card.
constexpr Field kINameEn{0, 120}, kIGender{120, 2}, kICardNo{122, 30}, kINationality{152, 6}, kIName{158, 30},
    kIFrom{188, 16}, kITo{204, 16}, kIBirth{220, 16}, kIVersion{236, 4}, kIAuthority{240, 8};
// 'Y' 2023 foreign permanent resident card.
constexpr Field kYName{0, 30}, kYGender{30, 2}, kYRenewal{32, 4}, kYBirth{36, 16}, kYNameEn1{52, 70},
    kYId{122, 36}, kYFrom{188, 16}, kYTo{204, 16}, kYNameEn2{220, 22}, kYNationality{242, 6};
constexpr Field kTypeChar{248, 2};

class Reader {
public:
    explicit Reader(std::span<const std::uint8_t> t) : t_(t) {}
    std::string get(Field f) {
        DecodedText d = decodeUcs2le(t_.subspan(f.offset, f.size));
        replaced_ = replaced_ || d.replaced;
        return std::move(d.utf8);
    }
    std::string get2(Field a, Field b) {
        std::vector<std::uint8_t> joined(a.size + b.size);
        std::memcpy(joined.data(), t_.data() + a.offset, a.size);
        std::memcpy(joined.data() + a.size, t_.data() + b.offset, b.size);
        DecodedText d = decodeUcs2le(joined);
        wipeBytes(joined);
        replaced_ = replaced_ || d.replaced;
        return std::move(d.utf8);
    }
    bool replaced() const { return replaced_; }

private:
    std::span<const std::uint8_t> t_;
    bool replaced_ = false;
};

void setGender(IdCard& c, std::string code) {
    auto n = genderName(code);
    c.gender = n ? *n : code;
    c.genderCode = std::move(code);
}

std::string validTo(std::string raw) {
    return raw == "长期" ? raw : formatCardDate(raw);
}

} // namespace

// ---- parse per type ----
std::optional<IdCard> parseTextBlock(std::span<const std::uint8_t> text, std::string* error) {
    if (text.size() < kTextBlockSize) {
        if (error) *error = "text block is " + std::to_string(text.size()) + " bytes, expected 256";
        return std::nullopt;
    }
    text = text.first(kTextBlockSize);
    const char16_t typeChar =
        static_cast<char16_t>(text[kTypeChar.offset] | (text[kTypeChar.offset + 1] << 8));
    IdCard c;
    Reader r(text);
    switch (typeChar) {
    case u' ':
    case u'J': {
        c.type = typeChar == u'J' ? CardType::HmtPermit : CardType::Resident;
        c.name = r.get(kResName);
        setGender(c, r.get(kResGender));
        if (c.type == CardType::Resident) {
            c.nationCode = r.get(kResNation);
            auto n = nationName(c.nationCode);
            c.nation = n ? *n : c.nationCode;
        }
        c.birthDate = formatCardDate(r.get(kResBirth));
        c.address = r.get(kResAddress);
        c.idNumber = r.get(kResId);
        c.issuer = r.get(kResIssuer);
        c.validFrom = formatCardDate(r.get(kResFrom));
        c.validTo = validTo(r.get(kResTo));
        if (c.type == CardType::HmtPermit) {
            c.passNumber = r.get(kJPass);
            c.issueCount = r.get(kJIssueCount);
        }
        break;
    }
    case u'I':
        c.type = CardType::Foreign2017;
        c.nameEn = r.get(kINameEn);
        setGender(c, r.get(kIGender));
        c.idNumber = r.get(kICardNo);
        c.nationality = r.get(kINationality);
        c.name = r.get(kIName);
        c.validFrom = formatCardDate(r.get(kIFrom));
        c.validTo = validTo(r.get(kITo));
        c.birthDate = formatCardDate(r.get(kIBirth));
        c.cardVersion = r.get(kIVersion);
        c.authorityCode = r.get(kIAuthority);
        break;
    case u'Y':
        c.type = CardType::Foreign2023;
        c.name = r.get(kYName);
        setGender(c, r.get(kYGender));
        c.issueCount = r.get(kYRenewal);
        c.birthDate = formatCardDate(r.get(kYBirth));
        c.nameEn = r.get2(kYNameEn1, kYNameEn2);
        c.idNumber = r.get(kYId);
        c.validFrom = formatCardDate(r.get(kYFrom));
        c.validTo = validTo(r.get(kYTo));
        c.nationality = r.get(kYNationality);
        break;
    default: {
        if (error) {
            char b[8];
            snprintf(b, sizeof b, "%04X", static_cast<unsigned>(typeChar));
            *error = std::string("unrecognised card type character U+") + b + " at byte 248";
        }
        return std::nullopt;
    }
    }
    c.idChecksumOk = c.hasIdChecksum() && text::gb11643Valid(c.idNumber);
    c.textReplaced = r.replaced();
    return c;
}

// ---- encode per type ----
std::optional<std::vector<std::uint8_t>> encodeTextBlock(const CardTextFields& f, std::string* error) {
    std::vector<std::uint8_t> block;
    block.reserve(kTextBlockSize);
    for (std::size_t i = 0; i < kTextBlockSize / 2; ++i) {
        block.push_back(0x20);
        block.push_back(0x00);
    }
    bool ok = true;
    auto put = [&](Field fld, const std::string& value, const char* what) {
        if (!ok) return;
        auto enc = encodeUcs2leField(value, fld.size);
        if (!enc) {
            ok = false;
            if (error)
                *error = std::string("field '") + what + "' does not fit " + std::to_string(fld.size / 2) +
                         " UCS-2 characters (or is not BMP text)";
            return;
        }
        std::copy(enc->begin(), enc->end(), block.begin() + static_cast<std::ptrdiff_t>(fld.offset));
    };
    char16_t typeChar = u' ';
    switch (f.type) {
    case CardType::Resident:
    case CardType::HmtPermit:
        typeChar = f.type == CardType::HmtPermit ? u'J' : u' ';
        put(kResName, f.name, "name");
        put(kResGender, f.genderCode, "gender");
        put(kResNation, f.nationCode, "nation");
        put(kResBirth, f.birthDate, "birth_date");
        put(kResAddress, f.address, "address");
        put(kResId, f.idNumber, "id_number");
        put(kResIssuer, f.issuer, "issuer");
        put(kResFrom, f.validFrom, "valid_from");
        put(kResTo, f.validTo, "valid_to");
        if (f.type == CardType::HmtPermit) {
            put(kJPass, f.passNumber, "pass_number");
            put(kJIssueCount, f.issueCount, "issue_count");
        }
        break;
    case CardType::Foreign2017:
        typeChar = u'I';
        put(kINameEn, f.nameEn, "name_en");
        put(kIGender, f.genderCode, "gender");
        put(kICardNo, f.idNumber, "id_number");
        put(kINationality, f.nationality, "nationality");
        put(kIName, f.name, "name");
        put(kIFrom, f.validFrom, "valid_from");
        put(kITo, f.validTo, "valid_to");
        put(kIBirth, f.birthDate, "birth_date");
        put(kIVersion, f.cardVersion, "card_version");
        put(kIAuthority, f.authorityCode, "authority_code");
        break;
    case CardType::Foreign2023: {
        typeChar = u'Y';
        put(kYName, f.name, "name");
        put(kYGender, f.genderCode, "gender");
        put(kYRenewal, f.issueCount, "issue_count");
        put(kYBirth, f.birthDate, "birth_date");
        // English name: characters 1-35 at 52, 36-46 at 220.
        auto cps = text::decodeUtf8(f.nameEn);
        if (!cps || cps->size() > 46) {
            ok = false;
            if (error) *error = "field 'name_en' does not fit 46 characters";
            break;
        }
        std::string first, second;
        for (std::size_t i = 0; i < cps->size(); ++i)
            text::appendCodePoint(i < 35 ? first : second, (*cps)[i]);
        put(kYNameEn1, first, "name_en");
        put(kYNameEn2, second, "name_en");
        put(kYId, f.idNumber, "id_number");
        put(kYFrom, f.validFrom, "valid_from");
        put(kYTo, f.validTo, "valid_to");
        put(kYNationality, f.nationality, "nationality");
        break;
    }
    }
    if (!ok) return std::nullopt;
    block[kTypeChar.offset] = static_cast<std::uint8_t>(typeChar & 0xFF);
    block[kTypeChar.offset + 1] = static_cast<std::uint8_t>(typeChar >> 8);
    return block;
}

} // namespace kiosk::idcard
