// ComplaintFlow — 效能投诉: a citizen files an efficiency complaint (推诿扯皮, 吃拿卡要, 乱收费, 办事拖拉
// ...) and leaves with a tracking number and a verification code to follow it by ("有报必查、有查必果").
//
// Sections: the steps | the view its screen renders | the flow (actions, events, wipe)
//
// The steps, in order (下一步 continues where a step is optional):
//   category → identity (the ID card, or anonymous) → target (department, staff, one of the
//   citizen's own cases; optional) → description (10–500 characters) → phone (optional, 11-digit
//   mobile) → review (提交投诉) → submitting → received (受理编号, 验证码, slip)
// The complaint is committed to the outbox before the screen says it is received; the upload is
// the sync engine's business, so offline it works the same.
//
//   [x] categories, departments and staff from the catalog and roster (kiosk/HallDirectory)
//   [x] real-name by card (the citizen's cases offered as the related case) or anonymous, with the
//       warning that an anonymous complaint without a phone cannot receive a result
//   [x] description and phone validated with a reason (too short, only spaces, not a mobile number)
//   [x] committed before "received"; a store failure says so plainly and keeps what was typed
//   [x] the receipt prints by itself when a printer is present; 重新打印 after a failure
//   [x] wipe: every field securely, the chosen identity, the numbers (the navigator calls it)
//   [ ] the slip's QR read back by a scanner at the terminal (later: no scanner driver yet)
#pragma once

#include "kiosk/CaseRecord.h"
#include "kiosk/CitizenSession.h"
#include "kiosk/Flow.h"
#include "kiosk/HallDirectory.h"
#include "kiosk/Services.h"
#include "kiosk/SlipTracker.h"
#include "kiosk/StringTable.h"
#include "kiosk/TextField.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// ---- the steps ----
enum class ComplaintStep {
    Category,
    Identity,
    Target,
    Description,
    Phone,
    Review,
    Submitting,
    Received,
    Failed
};

struct ComplaintSettings {
    int handlingDays = 15; // the handling time limit in working days (config [complaint] handling_days)
    std::string terminalId;
};

// ---- the view its screen renders ----
struct ComplaintView {
    ComplaintStep step = ComplaintStep::Category;
    std::optional<ComplaintCategory> category;
    bool realName = false; // identified by the card in the session
    std::optional<Department> department;
    std::optional<StaffMember> staff;
    std::vector<CaseRecord> ownCases; // the citizen's cases (real-name only), to pick the related one
    bool ownCasesLoading = false;
    std::optional<std::string> relatedCase; // a case number of ownCases
    std::string problemKey;                 // what stops 下一步 on this step (string-table key)
    // Received
    std::string trackingNo, verifyCode;
    std::int64_t createdMs = 0;
    // Failed
    std::string failureKey, failureDetail;
};

// ---- the flow ----
class ComplaintFlow final : public FlowWithView<ComplaintView> {
public:
    ComplaintFlow(CitizenSession& session, const HallDirectory& directory, OutboxService& outbox,
                  CaseQueryService& cases, SlipTracker& slips, const StringTable& strings,
                  ComplaintSettings settings);

    TextField& description() { return description_; }
    const TextField& description() const { return description_; }
    TextField& phone() { return phone_; }
    const TextField& phone() const { return phone_; }
    const HallDirectory& directory() const { return directory_; }
    const ComplaintSettings& settings() const { return settings_; }
    // Staff of the chosen department (all when none is chosen), indexes into directory().staff.
    std::vector<std::size_t> staffChoices() const;
    // The review's warning: anonymous and no phone, so no result can reach the citizen.
    bool cannotReceiveResult() const { return !view().realName && phone_.empty(); }

    // Actions from the screen.
    void chooseCategory(std::size_t index, TimePoint now);
    void chooseAnonymous(TimePoint now);      // identity step: no name
    void useIdentifiedCitizen(TimePoint now); // identity step: the card already in the session
    void chooseDepartment(std::optional<std::size_t> index, TimePoint now);
    void chooseStaff(std::optional<std::size_t> index, TimePoint now);
    void chooseRelatedCase(std::optional<std::size_t> index, TimePoint now);
    void next(TimePoint now); // 下一步: checks the step, then moves on
    void back(TimePoint now); // 上一步
    void submit(TimePoint now);
    void printReceipt(TimePoint now); // by itself once received; again from the screen

    void enter(TimePoint now) override;
    void handle(const AppEvent& event, TimePoint now) override;
    void wipe() override;
    bool wantsCard() const override { return view().step == ComplaintStep::Identity; }
    bool cardIdentifiesCitizen() const override { return view().step == ComplaintStep::Identity; }

private:
    void moveTo(ComplaintStep step);
    std::string problemOf(ComplaintStep step) const;
    nlohmann::json payload() const;

    CitizenSession& session_;
    const HallDirectory& directory_;
    OutboxService& outbox_;
    CaseQueryService& cases_;
    SlipTracker& slips_;
    const StringTable& strings_;
    ComplaintSettings settings_;
    TextField description_;
    TextField phone_;
    std::uint64_t nextRequestId_ = 1;
    std::uint64_t pendingSubmit_ = 0; // 0: none awaited
    std::uint64_t pendingCases_ = 0;
};

// The description's problem ("" when fine): common::limits — 10 written characters (text::countVisible)
// up to 500 in all.
std::string complaintDescriptionProblem(std::string_view text);
// A mainland mobile number: 11 digits, 1 then 3..9 ("" when fine, else a string-table key).
std::string mobilePhoneProblem(std::string_view text);
// The optional contact phone field of the hall's forms (complaint, mailbox): 联系电话 on the keypad.
TextFieldSpec contactPhoneSpec();

} // namespace kiosk
