// Result — the project's one way for a function to return either a value or an error (new code uses
// it; docs/ARCHITECTURE.md "Errors"). Promoted from the ID card driver, which used it first.
//
// Why not exceptions: most failures here are expected (a card lifted mid-read, a server that times
// out, a printer out of paper) and every caller must decide what the citizen sees, so the error is
// part of the signature. Why not std::expected: C++23, and Debian 12's GCC 12 does not have it.
//
// The error type is the module's own struct: what happened (a kind), the words for the citizen (or a
// string-table key), and the detail for the technician — never personal data.
//
//   [x] Result<T, E>: a value or an error; ok() / explicit bool; value() and error() (checked access)
//   [x] Result<void, E> for operations with no value
#pragma once

#include <stdexcept>
#include <utility>
#include <variant>

namespace kiosk {

template <class T, class E>
class Result {
public:
    Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
    Result(E error) : v_(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    // Throws std::bad_variant_access when asked for what is not there: a caller that did not check.
    T& value() { return std::get<0>(v_); }
    const T& value() const { return std::get<0>(v_); }
    const E& error() const { return std::get<1>(v_); }

private:
    std::variant<T, E> v_;
};

template <class E>
class Result<void, E> {
public:
    Result() = default;
    Result(E error) : error_(std::move(error)), failed_(true) {}

    bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    const E& error() const {
        if (!failed_) throw std::logic_error("Result<void>: error() of a success");
        return error_;
    }

private:
    E error_{};
    bool failed_ = false;
};

} // namespace kiosk
