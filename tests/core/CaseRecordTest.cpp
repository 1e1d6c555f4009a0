// Parsing the case list from the server, and mapping transport results to what the citizen sees.
#include "kiosk/CaseRecord.h"
#include "kiosk/CentralCaseQuery.h"

#include <doctest/doctest.h>

using namespace kiosk;

TEST_CASE("a complete case list parses, parallel steps included") {
    const std::string body = R"({"server_time":"2026-11-27T10:00:00+08:00","cases":[
      {"case_no":"ZW1","item_name":"食品经营许可","department":"市场监管局","status":"processing",
       "accepted_at":"2026-11-20T09:00:00+08:00","time_limit_days":10,"due_date":"2026-12-04","days_left":5,
       "completed_at":null,"steps":[
         {"name":"受理","department":"综合窗口","state":"done","finished_at":"2026-11-20T09:10:00+08:00"},
         {"name":"现场核查","department":"市场监管局","state":"active","finished_at":null},
         {"name":"消防审查","department":"消防救援大队","state":"active"},
         {"name":"决定","state":"pending"}]},
      {"case_no":"ZW2","item_name":"x","department":"y","status":"completed","accepted_at":"a",
       "days_left":null,"completed_at":"2026-11-01T10:00:00+08:00"}]})";
    const CaseQueryParse p = parseCaseQueryResponse(body);
    REQUIRE_MESSAGE(p.error.empty(), p.error);
    REQUIRE(p.cases.size() == 2);
    CHECK(p.cases[0].itemName == "食品经营许可");
    CHECK(p.cases[0].status == CaseStatus::Processing);
    CHECK(p.cases[0].timeLimitDays == 10);
    CHECK(p.cases[0].daysLeft == 5);
    CHECK(p.cases[0].steps.size() == 4);
    CHECK(p.cases[0].activeSteps() == 2);
    CHECK_FALSE(p.cases[0].overdue());
    CHECK(p.cases[1].status == CaseStatus::Completed);
    CHECK_FALSE(p.cases[1].daysLeft.has_value());
    CHECK(p.cases[1].completedAt == "2026-11-01T10:00:00+08:00");
}

TEST_CASE("a server that lies is refused whole, with a reason") {
    const char* bad[] = {
        "",                               // empty
        "<html>502</html>",               // a proxy's error page
        R"({"cases":{}})",                // wrong type
        R"({"cases":[{"case_no":"A"}]})", // missing fields
        R"({"cases":[{"case_no":"A","item_name":"i","department":"d","status":"teleported","accepted_at":"t"}]})",
        R"({"cases":[{"case_no":"A","item_name":"i","department":"d","status":"accepted","accepted_at":"t","days_left":"3"}]})",
        "{\"cases\":[{\"case_no\":\"\xff\xfe\",\"item_name\":\"i\",\"department\":\"d\",\"status\":"
        "\"accepted\",\"accepted_at\":\"t\"}]}",
    };
    for (const char* b : bad) {
        const CaseQueryParse p = parseCaseQueryResponse(b);
        CHECK_MESSAGE(!p.error.empty(), b);
        CHECK(p.cases.empty());
    }
}

TEST_CASE("transport results map to what the citizen is told") {
    offline::HttpResult r;
    r.curlCode = 7;
    r.error = "Failed to connect";
    CHECK(caseQueryOutcome(1, r).outcome == QueryOutcome::Offline);
    r = {};
    r.status = 429;
    CHECK(caseQueryOutcome(1, r).outcome == QueryOutcome::Busy);
    r.status = 500;
    CHECK(caseQueryOutcome(1, r).outcome == QueryOutcome::ServerError);
    r.status = 200;
    r.body = "not json";
    CHECK(caseQueryOutcome(1, r).outcome == QueryOutcome::ServerError);
    r.body = R"({"cases":[]})";
    const CaseQueryFinished ok = caseQueryOutcome(9, r);
    CHECK(ok.outcome == QueryOutcome::Ok);
    CHECK(ok.requestId == 9);
    CHECK(ok.cases.empty());
}

TEST_CASE("cases are ordered for the citizen: overdue, open by time left, suspended, finished") {
    auto mk = [](const char* no, CaseStatus st, std::optional<int> left, const char* accepted) {
        CaseRecord r;
        r.caseNo = no;
        r.status = st;
        r.daysLeft = left;
        r.acceptedAt = accepted;
        return r;
    };
    std::vector<CaseRecord> v = {mk("done-old", CaseStatus::Completed, {}, "2026-01-01"),
                                 mk("open-5", CaseStatus::Processing, 5, "2026-11-01"),
                                 mk("susp", CaseStatus::Suspended, 2, "2026-11-02"),
                                 mk("late-3", CaseStatus::Processing, -3, "2026-10-01"),
                                 mk("done-new", CaseStatus::Completed, {}, "2026-11-09"),
                                 mk("open-1", CaseStatus::Accepted, 1, "2026-11-03")};
    sortForCitizen(v);
    std::vector<std::string> order;
    for (const auto& c : v)
        order.push_back(c.caseNo);
    CHECK(order == std::vector<std::string>{"late-3", "open-1", "open-5", "susp", "done-new", "done-old"});
}

TEST_CASE("server times shown short") {
    CHECK(displayTime("2026-11-20T12:57:00+08:00") == "2026-11-20 12:57");
    CHECK(displayDate("2026-11-20T12:57:00+08:00") == "2026-11-20");
    CHECK(displayTime("") == "");
    CHECK(displayTime("2026-11-20") == "2026-11-20");
}

namespace {
std::string oneCase(const std::string& extra) {
    return R"({"cases":[{"case_no":"A","item_name":"i","department":"d","status":"rejected",)"
           R"("accepted_at":"2026-11-20T09:00:00+08:00")" +
           extra + "}]}";
}
} // namespace

TEST_CASE("a refused case is labelled by what happened: 不予受理 or 不予批准 (issue 8.4)") {
    auto parsed = [](const std::string& extra) {
        const CaseQueryParse p = parseCaseQueryResponse(oneCase(extra));
        REQUIRE_MESSAGE(p.error.empty(), p.error);
        REQUIRE(p.cases.size() == 1);
        return p.cases[0];
    };
    CHECK(parsed(R"(,"refusal":"not_accepted")").refusal == Refusal::NotAccepted);
    CHECK(std::string(caseStatusKey(parsed(R"(,"refusal":"not_accepted")"))) == "case.status.not_accepted");
    CHECK(std::string(caseStatusKey(parsed(R"(,"refusal":"not_approved")"))) == "case.status.not_approved");
    // An older server that does not say: the neutral label, never a guess.
    CHECK(std::string(caseStatusKey(parsed(""))) == "case.status.rejected");
    CHECK(std::string(caseStatusKey(parsed(R"(,"refusal":null)"))) == "case.status.rejected");
    CHECK(std::string(caseStatusKey(parsed(R"(,"refusal":"withdrawn")"))) == "case.status.rejected");
    // The kind means nothing on a case that was not refused.
    CaseRecord open;
    open.status = CaseStatus::Processing;
    open.refusal = Refusal::NotApproved;
    CHECK(std::string(caseStatusKey(open)) == "case.status.processing");
}

TEST_CASE("the server's note is kept, cleaned and bounded (issue 8.4)") {
    auto note = [](const std::string& json) {
        const CaseQueryParse p = parseCaseQueryResponse(oneCase(R"(,"note":)" + json));
        REQUIRE_MESSAGE(p.error.empty(), p.error);
        return p.cases.at(0).note;
    };
    CHECK(note(R"("不予批准：申请人未满80周岁")") == "不予批准：申请人未满80周岁");
    CHECK(note("null").empty());
    CHECK(parseCaseQueryResponse(oneCase("")).cases.at(0).note.empty());
    // Control characters (an ESC could be a printer command; newlines and tabs break the card's layout)
    // become single spaces; leading and trailing ones go.
    CHECK(note(R"("\u001b@请补交\n\n\t诊断证明\u0085。 ")") == "@请补交 诊断证明 。");
    CHECK(note(R"("a\u2028b")") == "a b");

    // Huge: cut to kMaxNoteBytes at a character boundary and marked.
    std::string huge;
    for (int i = 0; i < 1000; ++i)
        huge += "补正材料"; // 12 bytes each
    const std::string cut = note("\"" + huge + "\"");
    CHECK(cut.size() <= kMaxNoteBytes);
    CHECK(cut.size() > kMaxNoteBytes - 6);
    CHECK(cut.ends_with("\u2026"));
    CHECK(huge.starts_with(cut.substr(0, cut.size() - 3))); // whole characters only
    // Exactly at the limit: kept whole.
    const std::string exact(kMaxNoteBytes, 'x');
    CHECK(note("\"" + exact + "\"") == exact);
}

TEST_CASE("a note that is not text is refused whole with a reason (issue 8.4)") {
    const std::string bad[] = {
        oneCase(R"(,"note":42)"),
        oneCase(R"(,"note":{"text":"x"})"),
        oneCase(",\"note\":\"\xe8\xa1\"") /* truncated UTF-8 */,
        oneCase(",\"note\":\"\xc0\xaf\"") /* overlong encoding */,
        oneCase(",\"note\":\"\xed\xa0\x80\"") /* a lone surrogate */,
        oneCase(R"(,"note":")" + std::string(70 * 1024, 'x') + "\""),
    };
    for (const std::string& b : bad) {
        const CaseQueryParse p = parseCaseQueryResponse(b);
        CHECK_MESSAGE(!p.error.empty(), b.substr(0, 160));
        CHECK(p.cases.empty());
    }
    CHECK(parseCaseQueryResponse(oneCase(R"(,"note":42)")).error.find("note") != std::string::npos);
}
