// ComplaintFlow (see the header).
//
// Sections: checks | building | actions | events | the slip | wipe
#include "kiosk/ComplaintFlow.h"

#include "common/WireProtocol.h"
#include "kiosk/HallTime.h"
#include "kiosk/SlipTemplates.h"
#include "text/Utf8.h"

namespace kiosk {

// ---- checks ----
std::string complaintDescriptionProblem(std::string_view text) {
    const std::size_t chars = text::countCodePoints(text), visible = text::countVisible(text);
    if (visible == 0) return chars == 0 ? "complaint.description_empty" : "complaint.description_blank";
    if (visible < common::limits::kComplaintContentMin) return "complaint.description_short";
    if (chars > common::limits::kComplaintContentMax) return "complaint.description_long";
    return {};
}

std::string mobilePhoneProblem(std::string_view t) {
    bool digits = !t.empty();
    for (char c : t)
        digits = digits && c >= '0' && c <= '9';
    if (!digits || t.size() != 11 || t[0] != '1' || t[1] < '3') return "complaint.phone_invalid";
    return {};
}

namespace {
TextFieldSpec descriptionSpec() {
    TextFieldSpec s;
    s.labelKey = "complaint.description";
    s.hintKey = "complaint.description_hint";
    s.kind = InputKind::Chinese;
    s.maxChars = common::limits::kComplaintContentMax;
    s.personal = true;
    s.validate = [](std::string_view t) { return complaintDescriptionProblem(t); };
    return s;
}

} // namespace

TextFieldSpec contactPhoneSpec() {
    TextFieldSpec s;
    s.labelKey = "complaint.phone";
    s.hintKey = "complaint.phone_hint";
    s.kind = InputKind::Phone;
    s.maxChars = 11;
    s.personal = true;
    s.validate = [](std::string_view t) { return t.empty() ? std::string() : mobilePhoneProblem(t); };
    return s;
}

namespace {
nlohmann::json orNull(const std::string& s) {
    return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}
} // namespace

// ---- building ----
ComplaintFlow::ComplaintFlow(CitizenSession& session, const HallDirectory& directory, OutboxService& outbox,
                             CaseQueryService& cases, SlipTracker& slips, const StringTable& strings,
                             ComplaintSettings settings)
    : session_(session), directory_(directory), outbox_(outbox), cases_(cases), slips_(slips),
      strings_(strings), settings_(std::move(settings)), description_(descriptionSpec()),
      phone_(contactPhoneSpec()) {}

std::vector<std::size_t> ComplaintFlow::staffChoices() const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < directory_.staff.size(); ++i)
        if (!view().department || directory_.staff[i].department == view().department->id) out.push_back(i);
    return out;
}

// ---- actions ----
void ComplaintFlow::moveTo(ComplaintStep step) {
    ComplaintView& v = edit();
    v.step = step;
    v.problemKey.clear();
}

void ComplaintFlow::chooseCategory(std::size_t index, TimePoint now) {
    if (view().step != ComplaintStep::Category || index >= directory_.categories.size()) return;
    session_.activity(now);
    edit().category = directory_.categories[index];
    moveTo(ComplaintStep::Identity);
}

void ComplaintFlow::chooseAnonymous(TimePoint now) {
    if (view().step != ComplaintStep::Identity) return;
    session_.activity(now);
    ComplaintView& v = edit();
    v.realName = false;
    v.ownCases.clear();
    v.relatedCase.reset();
    pendingCases_ = 0;
    moveTo(ComplaintStep::Target);
}

void ComplaintFlow::useIdentifiedCitizen(TimePoint now) {
    if (view().step != ComplaintStep::Identity || !session_.citizen()) return;
    session_.activity(now);
    ComplaintView& v = edit();
    v.realName = true;
    v.ownCases.clear();
    v.relatedCase.reset();
    // The citizen's own cases, to name the one the complaint is about (online only; without them
    // the step simply offers none).
    v.ownCasesLoading = true;
    pendingCases_ = nextRequestId_++;
    cases_.queryCases(pendingCases_, session_.citizen()->idNumber);
    moveTo(ComplaintStep::Target);
}

void ComplaintFlow::chooseDepartment(std::optional<std::size_t> index, TimePoint now) {
    if (view().step != ComplaintStep::Target) return;
    session_.activity(now);
    ComplaintView& v = edit();
    v.department.reset();
    if (index && *index < directory_.departments.size()) v.department = directory_.departments[*index];
    if (v.staff && v.department && v.staff->department != v.department->id) v.staff.reset();
}

void ComplaintFlow::chooseStaff(std::optional<std::size_t> index, TimePoint now) {
    if (view().step != ComplaintStep::Target) return;
    session_.activity(now);
    ComplaintView& v = edit();
    v.staff.reset();
    if (index && *index < directory_.staff.size()) v.staff = directory_.staff[*index];
}

void ComplaintFlow::chooseRelatedCase(std::optional<std::size_t> index, TimePoint now) {
    if (view().step != ComplaintStep::Target) return;
    session_.activity(now);
    ComplaintView& v = edit();
    v.relatedCase.reset();
    if (index && *index < v.ownCases.size()) v.relatedCase = v.ownCases[*index].caseNo;
}

std::string ComplaintFlow::problemOf(ComplaintStep step) const {
    switch (step) {
    case ComplaintStep::Category:
        return view().category ? std::string() : "complaint.choose_category";
    case ComplaintStep::Description:
        return description_.problem();
    case ComplaintStep::Phone:
        return phone_.problem();
    default:
        return {};
    }
}

void ComplaintFlow::next(TimePoint now) {
    session_.activity(now);
    const ComplaintStep step = view().step;
    if (std::string p = problemOf(step); !p.empty()) {
        edit().problemKey = p;
        return;
    }
    switch (step) {
    case ComplaintStep::Category:
        moveTo(ComplaintStep::Identity);
        break;
    case ComplaintStep::Target:
        moveTo(ComplaintStep::Description);
        break;
    case ComplaintStep::Description:
        moveTo(ComplaintStep::Phone);
        break;
    case ComplaintStep::Phone:
        moveTo(ComplaintStep::Review);
        break;
    default: // identity is left by a choice, review by 提交投诉
        break;
    }
}

void ComplaintFlow::back(TimePoint now) {
    session_.activity(now);
    switch (view().step) {
    case ComplaintStep::Identity:
        moveTo(ComplaintStep::Category);
        break;
    case ComplaintStep::Target:
        moveTo(ComplaintStep::Identity);
        break;
    case ComplaintStep::Description:
        moveTo(ComplaintStep::Target);
        break;
    case ComplaintStep::Phone:
        moveTo(ComplaintStep::Description);
        break;
    case ComplaintStep::Review:
    case ComplaintStep::Failed:
        moveTo(ComplaintStep::Phone);
        break;
    default: // submitting waits for the store; received is left by going home
        break;
    }
}

nlohmann::json ComplaintFlow::payload() const {
    const ComplaintView& v = view();
    const bool named = v.realName && session_.citizen();
    nlohmann::json p = {
        {"category", v.category ? v.category->id : std::string()},
        {"content", description_.text()},
        {"phone", orNull(phone_.text())},
        {"name", named ? nlohmann::json(session_.citizen()->name) : nlohmann::json(nullptr)},
        {"id_number", named ? nlohmann::json(session_.citizen()->idNumber) : nlohmann::json(nullptr)},
        {"item_id", nullptr},
        {"department", v.department ? nlohmann::json(v.department->id)
                       : v.staff    ? orNull(v.staff->department)
                                    : nlohmann::json(nullptr)},
        {"counter",
         v.staff && v.staff->counter > 0 ? nlohmann::json(v.staff->counter) : nlohmann::json(nullptr)},
        {"staff_id", v.staff ? nlohmann::json(v.staff->id) : nlohmann::json(nullptr)},
        {"case_no", v.relatedCase ? nlohmann::json(*v.relatedCase) : nlohmann::json(nullptr)},
    };
    return p;
}

void ComplaintFlow::submit(TimePoint now) {
    const ComplaintStep step = view().step;
    if (step != ComplaintStep::Review && step != ComplaintStep::Failed) return; // one submission at a time
    session_.activity(now);
    // Checked again: the fields cannot have changed since, but a complaint that breaks the rules
    // must never reach the outbox whatever the screen did.
    for (ComplaintStep s : {ComplaintStep::Category, ComplaintStep::Description, ComplaintStep::Phone}) {
        if (std::string p = problemOf(s); !p.empty()) {
            moveTo(s);
            edit().problemKey = p;
            return;
        }
    }
    pendingSubmit_ = nextRequestId_++;
    moveTo(ComplaintStep::Submitting);
    outbox_.submit(pendingSubmit_, "complaint", payload());
}

// ---- events ----
void ComplaintFlow::enter(TimePoint) {}

void ComplaintFlow::handle(const AppEvent& event, TimePoint now) {
    if (std::holds_alternative<CardPresented>(event)) {
        // The navigator put the card's citizen in the session: this is the real-name choice.
        if (view().step == ComplaintStep::Identity) useIdentifiedCitizen(now);
    } else if (const auto* c = std::get_if<RecordCommitted>(&event)) {
        if (pendingSubmit_ == 0 || c->requestId != pendingSubmit_) return; // a previous citizen's
        pendingSubmit_ = 0;
        ComplaintView& v = edit();
        if (c->ok) {
            v.trackingNo = c->trackingNo;
            v.verifyCode = c->verifyCode;
            v.createdMs = c->createdMs;
            moveTo(ComplaintStep::Received);
            printReceipt(now); // by itself when a printer is present
        } else {
            v.failureKey = c->failureKey.empty() ? "store.failure.io" : c->failureKey;
            v.failureDetail = c->detail;
            moveTo(ComplaintStep::Failed);
        }
    } else if (const auto* q = std::get_if<CaseQueryFinished>(&event)) {
        if (pendingCases_ == 0 || q->requestId != pendingCases_) return;
        pendingCases_ = 0;
        ComplaintView& v = edit();
        v.ownCasesLoading = false;
        if (q->outcome == QueryOutcome::Ok) v.ownCases = q->cases;
    }
}

// ---- the slip ----
void ComplaintFlow::printReceipt(TimePoint now) {
    const ComplaintView& v = view();
    if (v.step != ComplaintStep::Received || !slips_.available() ||
        slips_.view().phase == SlipPhase::Printing)
        return;
    session_.activity(now);
    ComplaintReceiptData d;
    d.trackingNumber = v.trackingNo;
    d.verificationCode = v.verifyCode;
    d.trackingUrl = complaintQrText(v.trackingNo, v.verifyCode);
    d.category = v.category ? v.category->name : std::string();
    d.targetDepartment = v.department ? v.department->name : std::string();
    if (v.realName && session_.citizen()) {
        d.citizenName = session_.citizen()->name; // masked by the template
        d.idNumber = session_.citizen()->idNumber;
    }
    d.phone = phone_.text();
    d.handlingDays = settings_.handlingDays;
    d.receivedAt =
        v.createdMs > 0
            ? formatHallTime(std::chrono::system_clock::time_point(std::chrono::milliseconds(v.createdMs)))
            : std::string();
    SlipContext ctx;
    ctx.terminalId = settings_.terminalId;
    ctx.printedAt = std::chrono::system_clock::now();
    ctx.formatTime = formatHallTime;
    ctx.text = [this](std::string_view key) { return strings_.get(key); };
    slips_.print(complaintReceiptSlip(d, ctx));
}

// ---- wipe ----
void ComplaintFlow::wipe() {
    // Everything here is the citizen's: what they wrote, their phone, whom they complained about.
    const bool typed = !description_.empty() || !phone_.empty();
    description_.wipe();
    phone_.wipe();
    const ComplaintView& v = view();
    const bool pristine = v.step == ComplaintStep::Category && !v.category && !v.realName && !v.department &&
                          !v.staff && v.ownCases.empty() && !v.ownCasesLoading && !v.relatedCase &&
                          v.problemKey.empty() && v.trackingNo.empty() && v.failureKey.empty();
    if (typed || !pristine) edit() = ComplaintView{}; // nothing held: nothing to draw again
    pendingSubmit_ = 0; // a late commit answer for the previous citizen is dropped
    pendingCases_ = 0;
}

} // namespace kiosk
