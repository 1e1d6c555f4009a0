// A unique temporary directory for one test, removed at the end of the test (kept when KIOSK_KEEP_TMP is
// set).
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace kiosk::testing {

class TempDir {
public:
    explicit TempDir(const std::string& tag) {
        std::string tmpl = (std::filesystem::temp_directory_path() / ("kiosk-" + tag + "-XXXXXX")).string();
        path_ = ::mkdtemp(tmpl.data()) ? tmpl : std::string();
    }
    ~TempDir() {
        std::error_code ec;
        if (!path_.empty() && !std::getenv("KIOSK_KEEP_TMP")) std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }
    std::string operator/(const std::string& name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

} // namespace kiosk::testing
