// SuggestionFlow — 区长信箱: a citizen writes to the district head (a title, the text, optionally a
// phone and their name by the ID card) and leaves with a receipt number (回执编号).
//
// Sections: the view | the flow
//
//   [x] write (标题 1–60 characters, 内容 10–2000) → contact (phone optional; real name by the card,
//       optional) → review → committed to the outbox → the receipt number
//   [x] committed before the screen says it was received; offline it works the same
//   [x] a store failure says so plainly and keeps what was written; wipe forgets all of it
//   [ ] a printed receipt for a suggestion (the number is shown large; a slip can follow)
#pragma once

#include "kiosk/CitizenSession.h"
#include "kiosk/Flow.h"
#include "kiosk/Services.h"
#include "kiosk/TextField.h"

#include <cstdint>
#include <string>

namespace kiosk {

// ---- the view ----
enum class SuggestionStep { Write, Contact, Review, Submitting, Received, Failed };

struct SuggestionView {
    SuggestionStep step = SuggestionStep::Write;
    bool realName = false;
    std::string problemKey;
    std::string receiptNo; // Received
    std::string failureKey, failureDetail;
};

// ---- the flow ----
class SuggestionFlow final : public FlowWithView<SuggestionView> {
public:
    SuggestionFlow(CitizenSession& session, OutboxService& outbox);

    TextField& title() { return title_; }
    TextField& content() { return content_; }
    TextField& phone() { return phone_; }
    const TextField& title() const { return title_; }
    const TextField& content() const { return content_; }
    const TextField& phone() const { return phone_; }

    void next(TimePoint now); // 下一步
    void back(TimePoint now);
    void useIdentifiedCitizen(TimePoint now); // the card in the session signs it
    void stayAnonymous(TimePoint now);
    void submit(TimePoint now);

    void enter(TimePoint now) override;
    void handle(const AppEvent& event, TimePoint now) override;
    void wipe() override;
    bool wantsCard() const override { return view().step == SuggestionStep::Contact; }
    bool cardIdentifiesCitizen() const override { return view().step == SuggestionStep::Contact; }

private:
    void moveTo(SuggestionStep step);
    std::string problemOf(SuggestionStep step) const;

    CitizenSession& session_;
    OutboxService& outbox_;
    TextField title_, content_, phone_;
    std::uint64_t nextRequestId_ = 1;
    std::uint64_t pending_ = 0;
};

} // namespace kiosk
