// Terminal — what a citizen meets, without its workers: the session, the pieces every flow shares
// (slip tracking, the reader's words, the keyboard, the catalog's service items), and the navigator with the
// flows of the terminal's kind, built from kiosk/FlowCatalog. KioskApp gives it the real services; tests give
// it fakes and drive it without a window, a device or a network (tests/core).
#pragma once

#include "kiosk/CardReaderStatus.h"
#include "kiosk/CitizenSession.h"
#include "kiosk/FlowCatalog.h"
#include "kiosk/HallDirectory.h"
#include "kiosk/Navigator.h"
#include "kiosk/Services.h"
#include "kiosk/SlipTracker.h"
#include "kiosk/StringTable.h"
#include "kiosk/TextEntry.h"

#include <cstdint>
#include <string>

namespace kiosk {

struct TerminalSettings {
    FlowSet flows = FlowSet::Hall;
    SessionSettings session;
    std::string terminalId;         // printed on slips
    int complaintHandlingDays = 15; // config [complaint] handling_days: on the receipt and screen
};

struct TerminalServices {
    CardReaderControl& reader;
    CaseQueryService& cases;
    PrintService& printer;
    const StringTable& strings;
    PinyinLookup& pinyin;  // the keyboard's candidates (kiosk/PinyinService)
    OutboxService& outbox; // complaints and suggestions, committed before "received"
    ComplaintProgressService& complaintProgress;
};

class Terminal {
public:
    Terminal(const TerminalSettings& settings, const TerminalServices& services);
    Terminal(const Terminal&) = delete;
    Terminal& operator=(const Terminal&) = delete;

    FlowSet flowSet() const { return flowSet_; }
    CitizenSession& session() { return session_; }
    const CitizenSession& session() const { return session_; }
    SlipTracker& slips() { return slips_; }
    const SlipTracker& slips() const { return slips_; }
    const CardReaderView& reader() const { return readerStatus_.view(); }
    // The catalog's service items (办事指南), as the sync engine last delivered them.
    const std::vector<ServiceItem>& serviceItems() const { return serviceItems_; }
    void setServiceItems(std::vector<ServiceItem> items);
    // Complaint categories and departments (the catalog's), staff (the roster's): what a complaint
    // can be about.
    const HallDirectory& directory() const { return directory_; }
    void setCatalogDirectory(const HallDirectory& fromCatalog); // keeps the staff
    void setStaff(std::vector<StaffMember> staff);
    // The items' pinyin initials (built on the pinyin thread); ignored for names that changed since.
    void setServiceInitials(const ServiceInitialsReady& ready);
    TextEntry& textEntry() { return textEntry_; }
    const TextEntry& textEntry() const { return textEntry_; }
    Navigator& navigator() { return navigator_; }
    const Navigator& navigator() const { return navigator_; }

    // Moves whenever anything a screen shows of the citizen's side changes.
    std::uint64_t revision() const { return navigator_.revision() + catalogChanges_; }

private:
    FlowSet flowSet_;
    CitizenSession session_;
    SlipTracker slips_;
    CardReaderStatus readerStatus_;
    TextEntry textEntry_;
    std::vector<ServiceItem> serviceItems_;
    HallDirectory directory_;
    std::uint64_t catalogChanges_ = 0;
    Navigator navigator_; // after the pieces it references; its flows are destroyed first
};

} // namespace kiosk
