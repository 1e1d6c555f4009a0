#include "kiosk/Navigator.h"

#include <algorithm>
#include <stdexcept>

namespace kiosk {

Navigator::Navigator(CitizenSession& session, SlipTracker& slips, CardReaderStatus& readerStatus,
                     CardReaderControl& reader, TextEntry& textEntry)
    : session_(session), slips_(slips), readerStatus_(readerStatus), reader_(reader), textEntry_(textEntry) {
    pollReaderIfWanted(); // home: no card wanted
}

// ---- building ----

void Navigator::add(std::string id, std::unique_ptr<Flow> flow) {
    if (find(id)) throw std::logic_error("flow '" + id + "' added twice"); // a catalog mistake
    flows_.push_back(Entry{std::move(id), std::move(flow)});
}

std::vector<std::string_view> Navigator::flowIds() const {
    std::vector<std::string_view> ids;
    for (const Entry& e : flows_)
        ids.push_back(e.id);
    return ids;
}

Flow* Navigator::find(std::string_view id) const {
    for (const Entry& e : flows_)
        if (e.id == id) return e.flow.get();
    return nullptr;
}

// ---- inputs ----

bool Navigator::open(std::string_view id, TimePoint now) {
    const auto it = std::find_if(flows_.begin(), flows_.end(), [id](const Entry& e) { return e.id == id; });
    if (it == flows_.end()) return false;
    endCitizenSession(); // entries start from a clean slate
    current_ = &*it;
    ++moves_;
    session_.armIdle(now);
    current_->flow->enter(now);
    pollReaderIfWanted();
    return true;
}

void Navigator::goHome() {
    endCitizenSession();
    if (current_) ++moves_;
    current_ = nullptr;
    session_.disarmIdle();
    pollReaderIfWanted();
}

void Navigator::handle(const AppEvent& event, TimePoint now) {
    Flow* flow = current();
    const bool cardWanted = flow && flow->wantsCard();
    slips_.handle(event);                    // jobs of earlier citizens are tracked too
    readerStatus_.handle(event, cardWanted); // connected / disconnected whatever is open
    textEntry_.handle(event);                // candidates for the focused field, the engine's status
    if (!flow) return;                       // home: nothing else is waited for
    if (const auto* card = std::get_if<CardPresented>(&event)) {
        if (!cardWanted) return; // not asked for; the reader is not even polled then
        // A card is a new citizen: everything of the one before goes. Except the first card on a step
        // that asks the citizen at the screen to identify themself (Flow::cardIdentifiesCitizen):
        // what they typed so far stays theirs. A second, different card is another citizen there too.
        const auto& who = session_.citizen();
        const bool sameCitizen =
            who ? who->idNumber == card->citizen.idNumber : flow->cardIdentifiesCitizen();
        if (!sameCitizen) endCitizenSession();
        session_.setCitizen(card->citizen);
    }
    flow->handle(event, now);
    pollReaderIfWanted();
}

void Navigator::tick(TimePoint now) {
    if (session_.idleExpired(now)) {
        ++idleTimeouts_;
        goHome();
        session_.restoreDefaults(); // the next citizen starts as the terminal is configured
        return;
    }
    if (Flow* flow = current()) {
        flow->tick(now);
        pollReaderIfWanted();
    }
}

std::optional<TimePoint> Navigator::nextDeadline(TimePoint now) const {
    std::optional<TimePoint> idle = session_.nextDeadline(now);
    std::optional<TimePoint> own = current() ? current()->deadline(now) : std::nullopt;
    if (idle && own) return std::min(*idle, *own);
    return idle ? idle : own;
}

void Navigator::pollReaderIfWanted() {
    const bool wanted = current() && current()->wantsCard();
    if (cardWanted_ == wanted) return;
    cardWanted_ = wanted;
    reader_.setCardWanted(wanted);
}

// ---- session end ----

void Navigator::endCitizenSession() {
    for (Entry& e : flows_)
        e.flow->wipe();
    textEntry_.wipe(); // after the flows: the fields it pointed into are empty already
    slips_.wipe();
    session_.wipe();
}

std::uint64_t Navigator::revision() const {
    // Each part only counts up, so the sum moves whenever any part does.
    std::uint64_t r =
        moves_ + session_.revision() + slips_.revision() + readerStatus_.revision() + textEntry_.revision();
    for (const Entry& e : flows_)
        r += e.flow->revision();
    return r;
}

} // namespace kiosk
