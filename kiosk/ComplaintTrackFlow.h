// ComplaintTrackFlow — 投诉查询: a citizen follows a complaint by its tracking number (受理编号) and
// verification code (验证码) and sees its timeline 受理 → 转办 → 办理 → 回复 → 办结 → 回访 with dates,
// the handling unit and the reply.
//
// Sections: the view | the flow
//
//   [x] two fields on keypads; the number may be typed without this terminal's prefix ("12" is
//       HALL-07-000012 on HALL-07: the slip's number is long, the digits are what people read)
//   [x] a complaint still in this terminal's outbox shows as registered and waiting to upload
//   [x] a wrong code and an unknown number get the same plain message (no oracle); the server's
//       rate limit is said as "too many tries, wait"
//   [x] offline / busy / server error in plain words, with 重试
//   [x] wipe: both fields and the progress shown (they are the citizen's)
//   [ ] the slip's QR through a scanner (no scanner driver yet; complaintQrText is its format)
#pragma once

#include "kiosk/CitizenSession.h"
#include "kiosk/ComplaintProgress.h"
#include "kiosk/Flow.h"
#include "kiosk/Services.h"
#include "kiosk/TextField.h"

#include <cstdint>
#include <string>

namespace kiosk {

// ---- the view ----
enum class TrackPhase { Entering, Loading, Shown, Failed };

struct ComplaintTrackView {
    TrackPhase phase = TrackPhase::Entering;
    ProgressOutcome outcome = ProgressOutcome::Found;
    ComplaintProgress progress; // Shown
    std::string problemKey;     // Entering: what stops 查询
    std::string failureKey, failureDetail;
    bool retryable = false;
};

// ---- the flow ----
class ComplaintTrackFlow final : public FlowWithView<ComplaintTrackView> {
public:
    ComplaintTrackFlow(CitizenSession& session, ComplaintProgressService& progress, std::string terminalId);

    TextField& trackingNo() { return trackingNo_; }
    const TextField& trackingNo() const { return trackingNo_; }
    TextField& verifyCode() { return verifyCode_; }
    const TextField& verifyCode() const { return verifyCode_; }

    void query(TimePoint now); // 查询
    void retry(TimePoint now);
    void again(TimePoint now); // back to the fields (another complaint)

    void enter(TimePoint now) override;
    void handle(const AppEvent& event, TimePoint now) override;
    void wipe() override;

private:
    CitizenSession& session_;
    ComplaintProgressService& progress_;
    std::string terminalId_;
    TextField trackingNo_;
    TextField verifyCode_;
    std::uint64_t nextRequestId_ = 1;
    std::uint64_t pending_ = 0;
};

// The tracking number as the server knows it: trimmed, upper case; digits alone get this terminal's
// prefix and are padded to six ("12" → "HALL-07-000012"). "" when it cannot be a tracking number.
std::string normaliseTrackingNo(std::string_view typed, std::string_view terminalId);

} // namespace kiosk
