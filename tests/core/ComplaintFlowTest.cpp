// 效能投诉 (kiosk/ComplaintFlow) as a citizen meets it: the steps in order, what stops 下一步 and why,
// real-name by the card or anonymous with its warning, the complaint committed before "received",
// the receipt printed by itself, a store failure said plainly, and nothing left for the next citizen.
#include "kiosk/ComplaintFlow.h"
#include "tests/core/HallTerminal.h"

#include <doctest/doctest.h>

#include <map>

using namespace kiosk;
using namespace kiosk::testing;
using namespace std::chrono_literals;

namespace {

const nlohmann::json kCatalog = nlohmann::json::parse(R"({
  "complaint_categories": [{"id": "tuiwei", "name": "推诿扯皮", "hint": "来回跑"},
                           {"id": "tuola", "name": "办事拖拉", "hint": "超过时限"}],
  "departments": [{"id": "scjg", "name": "区市场监督管理局"}, {"id": "rsj", "name": "区人力资源和社会保障局"}]
})");
const nlohmann::json kRoster = nlohmann::json::parse(R"({
  "staff": [{"id": "ST1001", "staff_no": "QH1001", "name": "刘晓燕", "department": "scjg", "counter": 1},
            {"id": "ST1003", "staff_no": "QH1003", "name": "周婷", "department": "rsj", "counter": 3}]
})");

CitizenIdentity wang() {
    CitizenIdentity c;
    c.name = "王秀英";
    c.idNumber = "110105194912310021";
    c.maskedIdNumber = "110105********0021";
    return c;
}

struct ComplaintHall : HallTerminal {
    ComplaintFlow* flow = nullptr;
    ComplaintHall() {
        terminal.setCatalogDirectory(directoryFromCatalog(kCatalog));
        terminal.setStaff(staffFromRoster(kRoster));
        REQUIRE(nav.open("complaint", t0));
        flow = nav.find<ComplaintFlow>("complaint");
        REQUIRE(flow);
    }
    const ComplaintView& v() const { return flow->view(); }
    // Category 办事拖拉, anonymous, no target, a good description.
    void upToPhone() {
        flow->chooseCategory(1, t0);
        flow->chooseAnonymous(t0);
        flow->next(t0);
        flow->description().insert("材料交齐两周了还没有任何进展");
        flow->next(t0);
        REQUIRE(v().step == ComplaintStep::Phone);
    }
    void commit(bool ok) {
        REQUIRE_FALSE(outbox.submitted.empty());
        RecordCommitted c;
        c.requestId = outbox.submitted.back().id;
        c.ok = ok;
        if (ok) {
            c.trackingNo = "HALL-9-000012";
            c.verifyCode = "483920";
            c.createdMs = 1795797671738;
        } else {
            c.failureKey = "store.failure.full";
            c.detail = "database or disk is full";
        }
        nav.handle(c, t0);
    }
};

} // namespace

TEST_CASE_FIXTURE(ComplaintHall, "the steps in order; 下一步 says what is missing instead of moving on") {
    CHECK(v().step == ComplaintStep::Category);
    flow->next(t0);
    CHECK(v().step == ComplaintStep::Category);
    CHECK(v().problemKey == "complaint.choose_category");
    flow->chooseCategory(0, t0);
    CHECK(v().category->name == "推诿扯皮");
    CHECK(v().step == ComplaintStep::Identity);
    CHECK(flow->wantsCard());
    flow->chooseAnonymous(t0);
    CHECK(v().step == ComplaintStep::Target);
    CHECK_FALSE(flow->wantsCard());
    // Optional: a department narrows the staff offered.
    CHECK(flow->staffChoices().size() == 2);
    flow->chooseDepartment(1, t0);
    REQUIRE(flow->staffChoices().size() == 1);
    CHECK(terminal.directory().staff[flow->staffChoices()[0]].name == "周婷");
    flow->chooseStaff(flow->staffChoices()[0], t0);
    flow->next(t0);
    CHECK(v().step == ComplaintStep::Description);

    flow->next(t0);
    CHECK(v().problemKey == "complaint.description_empty");
    flow->description().insert("abc");
    flow->next(t0);
    CHECK(v().step == ComplaintStep::Description);
    CHECK(v().problemKey == "complaint.description_short");
    flow->description().clear();
    flow->description().insert("              　　　　　");
    flow->next(t0);
    CHECK(v().problemKey == "complaint.description_blank");
    flow->description().clear();
    flow->description().insert("窗口让我去三个部门开证明");
    flow->next(t0);
    CHECK(v().step == ComplaintStep::Phone);
    CHECK(v().problemKey.empty());

    // The phone is optional but must be a mobile number when given; letters never get in.
    CHECK(flow->phone().insert("abc") == EditOutcome::WrongKind);
    flow->phone().insert("1380013");
    flow->next(t0);
    CHECK(v().problemKey == "complaint.phone_invalid");
    flow->phone().insert("8000");
    flow->next(t0);
    CHECK(v().step == ComplaintStep::Review);
    CHECK_FALSE(flow->cannotReceiveResult());
    flow->back(t0);
    CHECK(v().step == ComplaintStep::Phone);
}

TEST_CASE("the description's and the phone's rules") {
    CHECK(complaintDescriptionProblem("") == "complaint.description_empty");
    CHECK(complaintDescriptionProblem("   ") == "complaint.description_blank");
    CHECK(complaintDescriptionProblem("一二三四五六七八九") == "complaint.description_short");
    CHECK(complaintDescriptionProblem("一二三四五六七八九十").empty());
    CHECK(complaintDescriptionProblem(std::string(501, 'a')) == "complaint.description_long");
    CHECK(mobilePhoneProblem("13800138000").empty());
    CHECK(mobilePhoneProblem("12800138000") == "complaint.phone_invalid");
    CHECK(mobilePhoneProblem("1380013800") == "complaint.phone_invalid");
    CHECK(mobilePhoneProblem("1380013800a") == "complaint.phone_invalid");
}

TEST_CASE_FIXTURE(ComplaintHall, "a 10 MB paste keeps 500 characters; invalid UTF-8 and emoji are refused") {
    upToPhone();
    flow->back(t0);
    flow->description().clear();
    CHECK(flow->description().insert(std::string(10 * 1024 * 1024, 'x')) == EditOutcome::Truncated);
    CHECK(flow->description().length() == 500);
    flow->description().clear();
    CHECK(flow->description().insert("\xff\xfe投诉") == EditOutcome::InvalidUtf8);
    CHECK(flow->description().insert("😀") == EditOutcome::Unsupported);
    CHECK(flow->description().text() == "投诉");
}

TEST_CASE_FIXTURE(ComplaintHall,
                  "anonymous without a phone: warned before submitting that no answer can come") {
    upToPhone();
    flow->next(t0);
    REQUIRE(v().step == ComplaintStep::Review);
    CHECK(flow->cannotReceiveResult());
}

TEST_CASE_FIXTURE(ComplaintHall,
                  "committed before received: the numbers come from the outbox, the receipt prints") {
    upToPhone();
    flow->phone().insert("13800138000");
    flow->next(t0);
    flow->submit(t0);
    CHECK(v().step == ComplaintStep::Submitting);
    REQUIRE(outbox.submitted.size() == 1);
    const nlohmann::json& p = outbox.submitted[0].payload;
    CHECK(outbox.submitted[0].kind == "complaint");
    CHECK(p["category"] == "tuola");
    CHECK(p["content"] == "材料交齐两周了还没有任何进展");
    CHECK(p["phone"] == "13800138000");
    CHECK(p["name"].is_null());
    CHECK(p["id_number"].is_null());
    // A second tap while the store works sends nothing more.
    flow->submit(t0);
    CHECK(outbox.submitted.size() == 1);
    CHECK(printer.jobs.empty()); // nothing is said or printed before the commit
    commit(true);
    CHECK(v().step == ComplaintStep::Received);
    CHECK(v().trackingNo == "HALL-9-000012");
    CHECK(v().verifyCode == "483920");
    REQUIRE(printer.jobs.size() == 1); // by itself
    std::map<std::string, std::string> rows;
    std::string qr;
    for (const auto& block : printer.jobs[0].blocks) {
        if (const auto* kv = std::get_if<printer::KeyValueBlock>(&block)) rows[kv->key] = kv->value;
        if (const auto* q = std::get_if<printer::QrBlock>(&block)) qr = q->data;
    }
    CHECK(rows["受理编号"] == "HALL-9-000012");
    CHECK(rows["验证码"] == "483920");
    CHECK(rows["联系电话"] == "138****8000"); // masked on paper
    CHECK(rows["办理时限"] == "15个工作日内答复");
    CHECK(qr == "complaint:HALL-9-000012:483920");
}

TEST_CASE_FIXTURE(ComplaintHall,
                  "a store that cannot take it says so and keeps what was typed; 重试 sends it once more") {
    upToPhone();
    flow->next(t0);
    flow->submit(t0);
    commit(false);
    CHECK(v().step == ComplaintStep::Failed);
    CHECK(v().failureKey == "store.failure.full");
    CHECK(flow->description().text() == "材料交齐两周了还没有任何进展");
    flow->submit(t0);
    CHECK(outbox.submitted.size() == 2);
    commit(true);
    CHECK(v().step == ComplaintStep::Received);
}

TEST_CASE_FIXTURE(ComplaintHall,
                  "real name by the card: name and number in the record, the citizen's cases offered") {
    flow->chooseCategory(0, t0);
    nav.handle(CardPresented{wang()}, t0);
    CHECK(v().realName);
    CHECK(v().step == ComplaintStep::Target);
    REQUIRE(cases.queries.size() == 1);
    CaseQueryFinished q;
    q.requestId = cases.queries[0].first;
    q.outcome = QueryOutcome::Ok;
    CaseRecord c;
    c.caseNo = "QH2026110900123";
    c.itemName = "个体工商户设立登记";
    q.cases = {c};
    nav.handle(q, t0);
    REQUIRE(v().ownCases.size() == 1);
    flow->chooseRelatedCase(0, t0);
    flow->next(t0);
    flow->description().insert("材料交齐两周了还没有任何进展");
    flow->next(t0);
    flow->next(t0);
    CHECK_FALSE(flow->cannotReceiveResult());
    flow->submit(t0);
    REQUIRE(outbox.submitted.size() == 1);
    CHECK(outbox.submitted[0].payload["name"] == "王秀英");
    CHECK(outbox.submitted[0].payload["id_number"] == "110105194912310021");
    CHECK(outbox.submitted[0].payload["case_no"] == "QH2026110900123");
}

TEST_CASE_FIXTURE(ComplaintHall,
                  "the session's end leaves nothing for the next citizen; a late commit is dropped") {
    upToPhone();
    flow->phone().insert("13800138000");
    flow->next(t0);
    flow->submit(t0);
    nav.goHome();
    CHECK(flow->description().empty());
    CHECK(flow->phone().empty());
    CHECK(v().step == ComplaintStep::Category);
    CHECK_FALSE(v().category);
    commit(true); // the previous citizen's record committed after they left
    CHECK(v().trackingNo.empty());
    CHECK(v().step == ComplaintStep::Category);
}

TEST_CASE("a case found by number, its slip printed: the next citizen's card leaves nothing of it") {
    HallTerminal h;
    REQUIRE(h.nav.open("case_query", h.t0));
    h.cq.chooseByNumber(h.t0);
    h.cq.caseNumber().insert("QH-ZJJ-200417");
    h.cq.phoneLast4().insert("8002");
    h.cq.queryByNumber(h.t0);
    REQUIRE(h.cases.byNumber.size() == 1);
    CHECK(std::get<1>(h.cases.byNumber[0]) == "QH-ZJJ-200417");
    CaseQueryFinished q;
    q.requestId = std::get<0>(h.cases.byNumber[0]);
    q.outcome = QueryOutcome::Ok;
    CaseRecord c;
    c.caseNo = "QH-ZJJ-200417";
    c.itemName = "食品经营许可（新办）";
    c.note = "请补交营业执照复印件";
    q.cases = {c};
    h.nav.handle(q, h.t0);
    REQUIRE(h.cq.view().phase == CaseQueryPhase::Results);
    h.cq.printCase(0, h.t0);
    REQUIRE(h.slip().phase == SlipPhase::Printing);
    // Nobody was identified; the next citizen places their card.
    h.nav.handle(CardPresented{wang()}, h.t0);
    CHECK(h.slip().phase == SlipPhase::None);
    CHECK(h.cq.caseNumber().empty());
    CHECK(h.cq.phoneLast4().empty());
    CHECK(h.cq.view().cases.empty());
    CHECK_FALSE(h.cq.view().byNumber);
}
