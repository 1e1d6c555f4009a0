#include "kiosk/Terminal.h"

namespace kiosk {

Terminal::Terminal(const TerminalSettings& settings, const TerminalServices& services)
    : flowSet_(settings.flows), session_(settings.session), slips_(services.printer),
      textEntry_(services.pinyin), navigator_(session_, slips_, readerStatus_, services.reader, textEntry_) {
    FlowServices flowServices{session_,
                              slips_,
                              services.cases,
                              services.strings,
                              settings.terminalId,
                              serviceItems_,
                              services.outbox,
                              services.complaintProgress,
                              directory_,
                              settings.complaintHandlingDays};
    for (const FlowEntry& entry : flowCatalog(settings.flows))
        navigator_.add(std::string(entry.id), entry.make(flowServices));
}

void Terminal::setServiceItems(std::vector<ServiceItem> items) {
    if (items == serviceItems_) return;
    serviceItems_ = std::move(items);
    ++catalogChanges_;
}

void Terminal::setCatalogDirectory(const HallDirectory& fromCatalog) {
    if (fromCatalog.categories == directory_.categories && fromCatalog.departments == directory_.departments)
        return;
    directory_.categories = fromCatalog.categories;
    directory_.departments = fromCatalog.departments;
    ++catalogChanges_;
}

void Terminal::setStaff(std::vector<StaffMember> staff) {
    if (staff == directory_.staff) return;
    directory_.staff = std::move(staff);
    ++catalogChanges_;
}

void Terminal::setServiceInitials(const ServiceInitialsReady& ready) {
    bool changed = false;
    for (std::size_t i = 0; i < serviceItems_.size() && i < ready.names.size() && i < ready.initials.size();
         ++i) {
        if (serviceItems_[i].name != ready.names[i] || serviceItems_[i].nameInitials == ready.initials[i])
            continue;
        serviceItems_[i].nameInitials = ready.initials[i];
        changed = true;
    }
    if (changed) ++catalogChanges_; // a search typed before the index came may find more now
}

} // namespace kiosk
