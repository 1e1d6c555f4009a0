// kiosk-central's request validation (server/RequestValidation.h) without HTTP: valid and invalid
// bodies, fields of the wrong type or length, record envelopes, ID number forms, long-poll parameters
// and the terminal identity read from a client certificate.
#include "common/TlsCredentials.h"
#include "server/CertAuthority.h"
#include "server/RequestValidation.h"
#include "tests/server/TempDir.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <set>
#include <string>

using namespace kiosk::central;
using nlohmann::json;

namespace {

const std::set<std::string> kCategories = {"tuiwei", "qita"};
const char* kUuid = "0190a7a0-1c2b-7d3e-8f40-123456789abc";

json complaint() {
    return {{"id", kUuid},
            {"seq", 1},
            {"created_ms", 1700000000000},
            {"category", "tuiwei"},
            {"content", "排队太久，窗口一直没有人"},
            {"tracking_no", "TS-1"},
            {"verify_code", "123456"}};
}

json rating() {
    return {{"id", kUuid}, {"seq", 2}, {"created_ms", 1700000000000}, {"level", 5}};
}

std::string codeOf(const Rejection& r) {
    return r ? r->code : std::string();
}

} // namespace

TEST_CASE("body: only a JSON object passes; broken JSON and invalid UTF-8 are bad_json") {
    json out;
    CHECK_FALSE(parseJsonObject(R"({"a":1})", &out));
    CHECK(out.at("a") == 1);
    for (const char* bad : {"", "{", "[1,2]", "\"text\"", "null", "{\"a\":1}}"}) {
        Rejection r = parseJsonObject(bad, &out);
        REQUIRE_MESSAGE(r, bad);
        CHECK(r->status == 400);
        CHECK(r->code == "bad_json");
    }
    const std::string invalidUtf8 = std::string("{\"a\":\"") + '\xff' + "\"}";
    CHECK(codeOf(parseJsonObject(invalidUtf8, &out)) == "bad_json");
    CHECK(parseJsonObject("[]", &out)->message == "request body must be a JSON object");
    CHECK(parseJsonObject("{", &out)->message == "request body is not valid JSON");
}

TEST_CASE("fields: type, presence and byte length") {
    const json o = {{"s", "abc"}, {"empty", ""}, {"n", 3}, {"nul", nullptr}};
    CHECK(isBoundedString(o, "s", 3));
    CHECK_FALSE(isBoundedString(o, "s", 2)); // one byte too long
    CHECK_FALSE(isBoundedString(o, "empty", 10));
    CHECK(isBoundedString(o, "empty", 10, false)); // optional may be empty
    CHECK_FALSE(isBoundedString(o, "n", 10));
    CHECK_FALSE(isBoundedString(o, "n", 10, false)); // present but not a string
    CHECK_FALSE(isBoundedString(o, "missing", 10));
    CHECK(isBoundedString(o, "missing", 10, false));
    CHECK_FALSE(isBoundedString(o, "nul", 10));
    CHECK(isBoundedString(o, "nul", 10, false));
    // Bytes, not characters: two Chinese characters are 6 bytes.
    CHECK_FALSE(isBoundedString(json{{"s", "办件"}}, "s", 5));
    CHECK(isBoundedString(json{{"s", "办件"}}, "s", 6));
}

TEST_CASE("record envelope: UUID id, seq >= 1, integer created_ms") {
    CHECK(envelopeError(rating()).empty());
    CHECK(envelopeError(json::array()) == "bad_record");
    json r = rating();
    r.erase("id");
    CHECK(envelopeError(r) == "bad_id");
    r = rating();
    r["id"] = "not-a-uuid";
    CHECK(envelopeError(r) == "bad_id");
    r["id"] = 7;
    CHECK(envelopeError(r) == "bad_id");
    r = rating();
    r["seq"] = 0;
    CHECK(envelopeError(r) == "bad_seq");
    r["seq"] = "1";
    CHECK(envelopeError(r) == "bad_seq");
    r = rating();
    r["created_ms"] = 1.5;
    CHECK(envelopeError(r) == "bad_created_ms");
    r.erase("created_ms");
    CHECK(envelopeError(r) == "bad_created_ms");
}

TEST_CASE("complaint: known category, bounded content, 6-character code, short optional fields") {
    CHECK(complaintError(complaint(), kCategories).empty());
    CHECK_FALSE(complaintRejection(complaint(), kCategories));
    auto with = [](const char* key, json value) {
        json c = complaint();
        c[key] = std::move(value);
        return complaintError(c, kCategories);
    };
    CHECK(with("category", "luanshoufei") == "bad_category"); // not in this district's list
    CHECK(with("category", 3) == "bad_category");
    // common::limits: 10 written characters (blanks left out) up to 500 in all, as the terminal's form.
    auto repeat = [](const std::string& s, int n) {
        std::string out;
        for (int i = 0; i < n; ++i)
            out += s;
        return out;
    };
    CHECK(with("content", repeat("字", 10)).empty());
    CHECK(with("content", repeat("字 ", 9) + "\u3000") == "bad_content");
    CHECK(with("content", repeat("字", 500)).empty());
    CHECK(with("content", repeat("字", 501)) == "bad_content");
    CHECK(with("content", std::string(10 * 1024 * 1024, 'a')) == "bad_content");
    CHECK(with("content", "") == "bad_content");
    CHECK(with("content", 42) == "bad_content");
    CHECK(with("tracking_no", std::string(65, '1')) == "bad_tracking_no");
    CHECK(with("verify_code", "12345") == "bad_verify_code");
    CHECK(with("verify_code", 123456) == "bad_verify_code");
    CHECK(with("phone", std::string(257, '1')) == "bad_phone");
    CHECK(with("id_number", 110105) == "bad_id_number");
    CHECK(with("case_no", nullptr).empty());
    // What the terminal sends when the citizen chose no department, staff, case or phone: nulls.
    for (const char* k : {"phone", "name", "id_number", "item_id", "department", "staff_id", "case_no"})
        CHECK(with(k, nullptr).empty());
    json noId = complaint();
    noId.erase("id");
    CHECK(complaintError(noId, kCategories) == "bad_id"); // the envelope is checked first
    Rejection r = complaintRejection(noId, kCategories);
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(r->message == "complaint rejected: bad_id");
}

TEST_CASE("rating: level 1..5, at most 16 short tags, integer counter, short optional fields") {
    CHECK(ratingError(rating()).empty());
    auto with = [](const char* key, json value) {
        json r = rating();
        r[key] = std::move(value);
        return ratingError(r);
    };
    CHECK(with("level", 0) == "bad_level");
    CHECK(with("level", 6) == "bad_level");
    CHECK(with("level", "5") == "bad_level");
    CHECK(with("tags", json::array({"快", "好"})).empty());
    CHECK(with("tags", nullptr).empty());
    CHECK(with("tags", "快") == "bad_tags");
    CHECK(with("tags", json::array({1})) == "bad_tags");
    CHECK(with("tags", json(std::vector<std::string>(17, "a"))) == "bad_tags");
    CHECK(with("tags", json::array({std::string(65, 'a')})) == "bad_tags");
    CHECK(with("counter", 3).empty());
    CHECK(with("counter", "3") == "bad_counter");
    CHECK(with("staff_id", std::string(129, 'a')) == "bad_staff_id");
    CHECK(with("comment", std::string(2001, 'a')) == "bad_comment");
    CHECK(with("comment", std::string(2000, 'a')).empty());
}

TEST_CASE("case query: the two ID number forms pass, everything else is bad_id_number") {
    for (const char* ok :
         {"110105195603121529", "44030519821105003X", "44030519821105003x", "USA310087065001"})
        CHECK_FALSE_MESSAGE(caseQueryRejection(json{{"id_number", ok}}), ok);
    for (const json& bad : {json("11010519560312152"), json("1101051956031215291"), json("usa310087065001"),
                            json("11010519560312152Y"), json(110105195603121529LL), json(nullptr)}) {
        Rejection r = caseQueryRejection(json{{"id_number", bad}});
        REQUIRE_MESSAGE(r, bad.dump());
        CHECK(r->status == 400);
        CHECK(r->code == "bad_id_number");
    }
    CHECK(codeOf(caseQueryRejection(json::object())) == "bad_id_number");
}

TEST_CASE("requests: progress, ratings batch, heartbeat, enrolment, rating request") {
    CHECK_FALSE(complaintProgressRejection(json{{"tracking_no", "TS-1"}, {"verify_code", "123456"}}));
    CHECK(codeOf(complaintProgressRejection(json{{"tracking_no", "TS-1"}})) == "bad_request");
    CHECK(codeOf(complaintProgressRejection(
              json{{"tracking_no", "TS-1"}, {"verify_code", std::string(17, '1')}})) == "bad_request");

    CHECK_FALSE(ratingsBatchRejection(json{{"ratings", json::array({rating()})}}));
    CHECK(codeOf(ratingsBatchRejection(json{{"ratings", json::array()}})) == "bad_batch");
    CHECK(codeOf(ratingsBatchRejection(json{{"ratings", rating()}})) == "bad_batch");
    CHECK(codeOf(ratingsBatchRejection(json::object())) == "bad_batch");
    CHECK_FALSE(ratingsBatchRejection(json{{"ratings", json(std::vector<json>(500, rating()))}}));
    Rejection tooMany = ratingsBatchRejection(json{{"ratings", json(std::vector<json>(501, rating()))}});
    REQUIRE(tooMany);
    CHECK(tooMany->message == "ratings must be an array of 1..500 records");

    CHECK_FALSE(heartbeatRejection(kMaxHeartbeatBytes));
    Rejection big = heartbeatRejection(kMaxHeartbeatBytes + 1);
    REQUIRE(big);
    CHECK(big->status == 413);
    CHECK(big->code == "payload_too_large");

    CHECK_FALSE(enrolmentRejection(json{{"code", "ABCD-EFGH"}, {"csr", "-----BEGIN..."}}));
    CHECK(codeOf(enrolmentRejection(json{{"code", "ABCD-EFGH"}})) == "bad_enrolment");
    CHECK(codeOf(enrolmentRejection(json{{"code", std::string(65, 'A')}, {"csr", "x"}})) == "bad_enrolment");
    CHECK(codeOf(enrolmentRejection(json{{"code", "A"}, {"csr", std::string(16385, 'x')}})) ==
          "bad_enrolment");
    CHECK(codeOf(csrRejection("not a CSR")) == "bad_csr");
    kiosk::common::PkeyPtr key = kiosk::common::generateEcKey();
    REQUIRE(key);
    CHECK_FALSE(csrRejection(kiosk::common::makeCsrPem(key.get(), "HALL-01")));

    CHECK_FALSE(ratingRequestRejection(json{{"counter", 3}, {"case_no", "QH-1"}}));
    CHECK(codeOf(ratingRequestRejection(json{{"counter", 0}})) == "bad_counter");
    CHECK(codeOf(ratingRequestRejection(json{{"counter", "3"}})) == "bad_counter");
    CHECK(codeOf(ratingRequestRejection(json::object())) == "bad_counter");
    Rejection longName = ratingRequestRejection(json{{"counter", 3}, {"item_name", std::string(129, 'a')}});
    REQUIRE(longName);
    CHECK(longName->code == "bad_item_name");
    CHECK(longName->message == "item_name must be a short string");
}

TEST_CASE("events query: integers or absent; anything else is bad_request") {
    EventsQuery q;
    CHECK_FALSE(parseEventsQuery({}, &q));
    CHECK(q.after == 0);
    CHECK(q.wait == 0);
    CHECK(q.counter == 0);
    CHECK_FALSE(parseEventsQuery({"12345678901", "30", "4"}, &q));
    CHECK(q.after == 12345678901LL);
    CHECK(q.wait == 30);
    CHECK(q.counter == 4);
    CHECK(codeOf(parseEventsQuery({"x", std::nullopt, std::nullopt}, &q)) == "bad_request");
    CHECK(codeOf(parseEventsQuery({std::nullopt, "", std::nullopt}, &q)) == "bad_request");
    CHECK(codeOf(parseEventsQuery({std::nullopt, std::nullopt, "99999999999"}, &q)) ==
          "bad_request"); // > int
}

TEST_CASE("terminal identity: a verified certificate from our CA, never the enrolment one") {
    kiosk::testing::TempDir dir("validation");
    std::string error;
    auto ca = CertAuthority::openOrCreate(dir / "tls", &error);
    REQUIRE_MESSAGE(ca, error);
    auto other = CertAuthority::openOrCreate(dir / "other", &error);
    REQUIRE_MESSAGE(other, error);
    kiosk::common::X509Ptr caCert = kiosk::common::loadCertificatePem(ca->caCertPem());
    kiosk::common::PkeyPtr key = kiosk::common::generateEcKey();
    REQUIRE(key);

    kiosk::common::X509Ptr ours =
        kiosk::common::loadCertificatePem(ca->signClientCertificate(key.get(), "HALL-01", &error, "hall"));
    REQUIRE(ours);
    CHECK(terminalIdOf(ours.get(), X509_V_OK, caCert.get()) == "HALL-01");
    CHECK(terminalIdOf(ours.get(), X509_V_ERR_CERT_HAS_EXPIRED, caCert.get()).empty());
    CHECK(terminalIdOf(nullptr, X509_V_OK, caCert.get()).empty());

    kiosk::common::X509Ptr foreign =
        kiosk::common::loadCertificatePem(other->signClientCertificate(key.get(), "HALL-01", &error));
    REQUIRE(foreign);
    CHECK(terminalIdOf(foreign.get(), X509_V_OK, caCert.get()).empty());

    kiosk::common::X509Ptr enrolment = kiosk::common::loadCertificatePem(
        kiosk::common::makeSelfSignedCertPem(key.get(), "kiosk-enrolment", 600));
    REQUIRE(enrolment);
    CHECK(terminalIdOf(enrolment.get(), X509_V_OK, caCert.get()).empty());
    // Even a CA-signed certificate named like the enrolment one is no terminal.
    kiosk::common::X509Ptr named =
        kiosk::common::loadCertificatePem(ca->signClientCertificate(key.get(), "kiosk-enrolment", &error));
    REQUIRE(named);
    CHECK(terminalIdOf(named.get(), X509_V_OK, caCert.get()).empty());
}
