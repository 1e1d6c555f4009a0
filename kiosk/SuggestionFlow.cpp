// SuggestionFlow (see the header).
//
// Sections: fields | steps | events | wipe
#include "kiosk/SuggestionFlow.h"

#include "common/WireProtocol.h"
#include "kiosk/ComplaintFlow.h" // the contact phone field
#include "text/Utf8.h"

namespace kiosk {

namespace {

// ---- fields ----
TextFieldSpec titleSpec() {
    TextFieldSpec s;
    s.labelKey = "mailbox.subject";
    s.hintKey = "mailbox.subject_hint";
    s.maxChars = common::limits::kSuggestionTitleMax;
    s.personal = true;
    s.validate = [](std::string_view t) {
        return text::countVisible(t) == 0 ? std::string("mailbox.subject_empty") : std::string();
    };
    return s;
}
TextFieldSpec contentSpec() {
    TextFieldSpec s;
    s.labelKey = "mailbox.content";
    s.hintKey = "mailbox.content_hint";
    s.maxChars = common::limits::kSuggestionContentMax;
    s.personal = true;
    s.validate = [](std::string_view t) {
        return text::countVisible(t) < common::limits::kSuggestionContentMin
                   ? std::string("mailbox.content_short")
                   : std::string();
    };
    return s;
}
} // namespace

SuggestionFlow::SuggestionFlow(CitizenSession& session, OutboxService& outbox)
    : session_(session), outbox_(outbox), title_(titleSpec()), content_(contentSpec()),
      phone_(contactPhoneSpec()) {}

// ---- steps ----
void SuggestionFlow::moveTo(SuggestionStep step) {
    SuggestionView& v = edit();
    v.step = step;
    v.problemKey.clear();
}

std::string SuggestionFlow::problemOf(SuggestionStep step) const {
    if (step == SuggestionStep::Write) {
        if (std::string p = title_.problem(); !p.empty()) return p;
        return content_.problem();
    }
    if (step == SuggestionStep::Contact) return phone_.problem();
    return {};
}

void SuggestionFlow::next(TimePoint now) {
    session_.activity(now);
    const SuggestionStep step = view().step;
    if (std::string p = problemOf(step); !p.empty()) {
        edit().problemKey = p;
        return;
    }
    if (step == SuggestionStep::Write)
        moveTo(SuggestionStep::Contact);
    else if (step == SuggestionStep::Contact)
        moveTo(SuggestionStep::Review);
}

void SuggestionFlow::back(TimePoint now) {
    session_.activity(now);
    const SuggestionStep step = view().step;
    if (step == SuggestionStep::Contact)
        moveTo(SuggestionStep::Write);
    else if (step == SuggestionStep::Review || step == SuggestionStep::Failed)
        moveTo(SuggestionStep::Contact);
}

void SuggestionFlow::useIdentifiedCitizen(TimePoint now) {
    if (view().step != SuggestionStep::Contact || !session_.citizen()) return;
    session_.activity(now);
    edit().realName = true;
}

void SuggestionFlow::stayAnonymous(TimePoint now) {
    session_.activity(now);
    if (view().realName) edit().realName = false;
}

void SuggestionFlow::submit(TimePoint now) {
    const SuggestionStep step = view().step;
    if (step != SuggestionStep::Review && step != SuggestionStep::Failed) return;
    session_.activity(now);
    for (SuggestionStep s : {SuggestionStep::Write, SuggestionStep::Contact}) {
        if (std::string p = problemOf(s); !p.empty()) {
            moveTo(s);
            edit().problemKey = p;
            return;
        }
    }
    const bool named = view().realName && session_.citizen();
    nlohmann::json p = {
        {"title", title_.text()},
        {"content", content_.text()},
        {"phone", phone_.empty() ? nlohmann::json(nullptr) : nlohmann::json(phone_.text())},
        {"name", named ? nlohmann::json(session_.citizen()->name) : nlohmann::json(nullptr)},
        {"id_number", named ? nlohmann::json(session_.citizen()->idNumber) : nlohmann::json(nullptr)},
    };
    pending_ = nextRequestId_++;
    moveTo(SuggestionStep::Submitting);
    outbox_.submit(pending_, "suggestion", std::move(p));
}

// ---- events ----
void SuggestionFlow::enter(TimePoint) {}

void SuggestionFlow::handle(const AppEvent& event, TimePoint now) {
    if (std::holds_alternative<CardPresented>(event)) {
        useIdentifiedCitizen(now);
        return;
    }
    const auto* c = std::get_if<RecordCommitted>(&event);
    if (!c || pending_ == 0 || c->requestId != pending_) return;
    pending_ = 0;
    SuggestionView& v = edit();
    if (c->ok) {
        v.receiptNo = c->trackingNo;
        moveTo(SuggestionStep::Received);
    } else {
        v.failureKey = c->failureKey.empty() ? "store.failure.io" : c->failureKey;
        v.failureDetail = c->detail;
        moveTo(SuggestionStep::Failed);
    }
}

// ---- wipe ----
void SuggestionFlow::wipe() {
    const bool typed = !title_.empty() || !content_.empty() || !phone_.empty();
    title_.wipe();
    content_.wipe();
    phone_.wipe();
    const SuggestionView& v = view();
    if (typed || v.step != SuggestionStep::Write || v.realName || !v.problemKey.empty() ||
        !v.receiptNo.empty())
        edit() = SuggestionView{};
    pending_ = 0;
}

} // namespace kiosk
