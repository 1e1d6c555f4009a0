// HallVocabulary — the words this hall's citizens type most, as the catalog and roster give them:
// complaint categories, department names, service items, rating reasons, window functions and the
// names of the staff. The pinyin keyboard offers them whole, ahead of the engine's own guesses
// (`chinakayao` → 吃拿卡要, which the engine alone spells 吃那卡要).
//
// Sections: from the documents
//
//   [x] every field checked (a string, valid UTF-8, 2..24 characters, no Latin); duplicates dropped
//   [x] the same order whatever the documents' order of keys (sorted), so candidates are stable
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kiosk {

// ---- from the documents ----
std::vector<std::string> vocabularyFromCatalog(const nlohmann::json& catalog);
std::vector<std::string> vocabularyFromRoster(const nlohmann::json& roster);

} // namespace kiosk
