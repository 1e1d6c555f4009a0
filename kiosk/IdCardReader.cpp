#include "kiosk/IdCardReader.h"

#include "kiosk/HallTime.h"
#include "text/IdNumber.h"
#include "text/Masking.h"

namespace kiosk {

IdCardReader::IdCardReader(idcard::ReaderSettings settings, EventQueue& events, Logger& log)
    : events_(events), port_(settings.port), state_(log, "reader"),
      service_(std::move(settings), [this](const idcard::ReaderEvent& e) {
          logState(e);
          AppEvent out;
          if (toAppEvent(e, out)) events_.push(std::move(out));
      }) {
    service_.start();
}

IdCardReader::~IdCardReader() {
    service_.stop();
}

void IdCardReader::logState(const idcard::ReaderEvent& e) {
    // The state compared is the kind of state only: the driver's details vary between retries of the
    // same failure, and one line per failure is what the technician needs.
    if (const auto* c = std::get_if<idcard::ReaderConnected>(&e)) {
        state_.set("connected", LogLevel::Notice, "connected on " + port_ + " (SAM " + c->samId + ")");
    } else if (const auto* d = std::get_if<idcard::ReaderDisconnected>(&e)) {
        state_.set("disconnected", LogLevel::Warning, "disconnected: " + d->detail);
    } else if (const auto* f = std::get_if<idcard::ReaderFault>(&e)) {
        state_.set("error " + std::to_string(static_cast<int>(f->error.kind)) + "/" +
                       std::to_string(f->error.sw3),
                   LogLevel::Warning, "error: " + f->error.detail);
    } else if (std::holds_alternative<idcard::CardPresented>(e) && state_.state().rfind("error", 0) == 0) {
        state_.set("connected", LogLevel::Notice, "reads cards again after the error");
    }
}

bool toAppEvent(const idcard::ReaderEvent& in, AppEvent& out) {
    if (const auto* p = std::get_if<idcard::CardPresented>(&in)) {
        const idcard::IdCard& card = p->card;
        CitizenIdentity who;
        who.name = card.name.empty() ? card.nameEn : card.name;
        who.idNumber = card.idNumber;
        who.maskedIdNumber = text::maskIdNumber(card.idNumber);
        who.cardType = idcard::cardTypeKey(card.type);
        who.idChecksumOk = !card.hasIdChecksum() || card.idChecksumOk;
        // Today in the hall's zone, not the machine's: near midnight they are different days.
        who.expired = cardExpired(card.validTo, hallDay(std::chrono::system_clock::now()));
        out = CardPresented{std::move(who)};
        return true;
    }
    if (std::holds_alternative<idcard::CardRemoved>(in)) {
        out = CardRemoved{};
        return true;
    }
    if (std::holds_alternative<idcard::CardReading>(in)) {
        out = CardReading{};
        return true;
    }
    if (std::holds_alternative<idcard::CardReadAborted>(in)) {
        out = CardReadAborted{};
        return true;
    }
    if (const auto* f = std::get_if<idcard::ReaderFault>(&in)) {
        // A fault while connected: the reader still answers, so the citizen is asked to place the card again.
        out = ReaderStatusChanged{true, "reader.error", f->error.detail};
        return true;
    }
    if (std::holds_alternative<idcard::ReaderConnected>(in)) {
        out = ReaderStatusChanged{true, "reader.place_card", ""};
        return true;
    }
    if (const auto* d = std::get_if<idcard::ReaderDisconnected>(&in)) {
        out = ReaderStatusChanged{false, "reader.disconnected", d->detail};
        return true;
    }
    return false;
}

} // namespace kiosk
