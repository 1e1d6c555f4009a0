// ComplaintTrackFlow (see the header).
//
// Sections: numbers | the flow
#include "kiosk/ComplaintTrackFlow.h"

namespace kiosk {

// ---- numbers ----
std::string normaliseTrackingNo(std::string_view typed, std::string_view terminalId) {
    std::string t;
    for (char c : typed) {
        if (c == ' ') continue;
        t += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    if (t.empty() || t.size() > 64) return {};
    bool digitsOnly = true;
    for (char c : t) {
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return {};
        digitsOnly = digitsOnly && c >= '0' && c <= '9';
    }
    if (digitsOnly) {
        if (t.size() > 12 || terminalId.empty()) return {};
        if (t.size() < 6) t.insert(0, 6 - t.size(), '0');
        return std::string(terminalId) + "-" + t;
    }
    const auto dash = t.rfind('-');
    if (dash == std::string::npos || dash == 0 || dash + 1 == t.size()) return {};
    return t;
}

namespace {
TextFieldSpec trackingSpec() {
    TextFieldSpec s;
    s.labelKey = "complaint_track.tracking_no";
    s.hintKey = "complaint_track.tracking_no_hint";
    s.kind = InputKind::Code;
    s.maxChars = 32;
    return s;
}
TextFieldSpec codeSpec() {
    TextFieldSpec s;
    s.labelKey = "complaint_track.verify_code";
    s.hintKey = "complaint_track.verify_code_hint";
    s.kind = InputKind::Digits;
    s.maxChars = 6;
    s.personal = true;
    s.validate = [](std::string_view t) {
        return t.size() == 6 ? std::string() : std::string("complaint_track.code_invalid");
    };
    return s;
}
} // namespace

// ---- the flow ----
ComplaintTrackFlow::ComplaintTrackFlow(CitizenSession& session, ComplaintProgressService& progress,
                                       std::string terminalId)
    : session_(session), progress_(progress), terminalId_(std::move(terminalId)), trackingNo_(trackingSpec()),
      verifyCode_(codeSpec()) {}

void ComplaintTrackFlow::query(TimePoint now) {
    if (view().phase == TrackPhase::Loading) return;
    session_.activity(now);
    const std::string number = normaliseTrackingNo(trackingNo_.text(), terminalId_);
    if (number.empty()) {
        edit().problemKey = "complaint_track.number_invalid";
        return;
    }
    if (std::string p = verifyCode_.problem(); !p.empty()) {
        edit().problemKey = p;
        return;
    }
    ComplaintTrackView& v = edit();
    v.phase = TrackPhase::Loading;
    v.problemKey.clear();
    v.failureKey.clear();
    v.failureDetail.clear();
    pending_ = nextRequestId_++;
    progress_.follow(pending_, number, verifyCode_.text());
}

void ComplaintTrackFlow::retry(TimePoint now) {
    if (view().phase == TrackPhase::Failed && view().retryable) query(now);
}

void ComplaintTrackFlow::again(TimePoint now) {
    session_.activity(now);
    pending_ = 0;
    verifyCode_.wipe();
    edit() = ComplaintTrackView{};
}

void ComplaintTrackFlow::enter(TimePoint) {}

void ComplaintTrackFlow::handle(const AppEvent& event, TimePoint) {
    const auto* r = std::get_if<ComplaintProgressFinished>(&event);
    if (!r || pending_ == 0 || r->requestId != pending_) return; // not ours, or a previous citizen's
    pending_ = 0;
    ComplaintTrackView& v = edit();
    v.outcome = r->outcome;
    switch (r->outcome) {
    case ProgressOutcome::Found:
    case ProgressOutcome::WaitingUpload:
        v.phase = TrackPhase::Shown;
        v.progress = r->progress;
        return;
    case ProgressOutcome::RefusedByServer:
        v.failureKey = "complaint_track.refused";
        v.retryable = false;
        break;
    case ProgressOutcome::NotFound:
        v.failureKey = "complaint_track.not_found";
        v.retryable = false;
        break;
    case ProgressOutcome::Offline:
        v.failureKey = "complaint_track.offline";
        v.retryable = true;
        break;
    case ProgressOutcome::Busy:
        v.failureKey = "complaint_track.busy";
        v.retryable = false;
        break;
    case ProgressOutcome::ServerError:
        v.failureKey = "complaint_track.server_error";
        v.retryable = true;
        break;
    }
    v.phase = TrackPhase::Failed;
    v.failureDetail = r->detail;
}

void ComplaintTrackFlow::wipe() {
    const bool typed = !trackingNo_.empty() || !verifyCode_.empty();
    trackingNo_.wipe();
    verifyCode_.wipe();
    const ComplaintTrackView& v = view();
    if (typed || v.phase != TrackPhase::Entering || !v.problemKey.empty()) edit() = ComplaintTrackView{};
    pending_ = 0;
}

} // namespace kiosk
