// common/Result: the project's one error-return convention.
#include "common/Result.h"

#include <doctest/doctest.h>

#include <string>
#include <variant>

namespace {

struct Problem {
    std::string detail;
};

kiosk::Result<int, Problem> half(int n) {
    if (n % 2 != 0) return Problem{"odd: " + std::to_string(n)};
    return n / 2;
}

kiosk::Result<void, Problem> check(bool fine) {
    if (!fine) return Problem{"not fine"};
    return {};
}

} // namespace

TEST_CASE("Result carries a value or an error, and refuses the one it does not have") {
    const auto good = half(8);
    REQUIRE(good.ok());
    CHECK(static_cast<bool>(good));
    CHECK(good.value() == 4);
    CHECK_THROWS_AS((void)good.error(), std::bad_variant_access);

    const auto bad = half(7);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().detail == "odd: 7");
    CHECK_THROWS_AS((void)bad.value(), std::bad_variant_access);
}

TEST_CASE("Result<void> says whether it worked, and why not") {
    CHECK(check(true).ok());
    CHECK_THROWS((void)check(true).error());
    const auto bad = check(false);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().detail == "not fine");
}
