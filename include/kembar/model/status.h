// Expected failures as values, in the LevelDB style: a Status is ok or carries a
// code and a message a user can act on; Result<T> is a value or a non-ok Status.
// Exceptions are reserved for bugs and start-up failures.
//
// A message may be given in both languages where the error arises
// (Status::NotFound("no partnership 'x'", "tidak ada kemitraan 'x'"), or a Message);
// message() is English (logs, JSON, ToString), message(lang) what a person reads,
// English where no Indonesian was given.
#ifndef KEMBAR_MODEL_STATUS_H_
#define KEMBAR_MODEL_STATUS_H_

#include <cassert>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "kembar/model/lang.h"

namespace kembar {

// The product's one error table is keyed by this code (see error_table.h).
enum class StatusCode {
  kOk = 0,
  kInvalidInput,      // the user's document or argument is wrong; nothing was changed
  kNotFound,          // a named record does not exist
  kTooLarge,          // an input exceeds a documented bound
  kIoError,           // a file or the database could not be read or written
  kCorruption,        // stored data is not what the product wrote
  kUnsupported,       // e.g. a database written by a newer kembar
  kConflict,          // the record changed since the caller read it (a stale version)
  kPermissionDenied,  // the caller may not make this change (role or region scope)
};

// One problem of a document or form behind an InvalidInput: where it is (a JSON
// path, "partnerships[3].events[1].date" or "event.date"; empty for the whole
// document) and what is wrong, in both languages. Front ends show each at its place.
struct Problem {
  std::string path;
  Message message;
};

class Status {
 public:
  // An ok status.
  Status() = default;

  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string msg) {
    return {StatusCode::kInvalidInput, {std::move(msg), {}}};
  }
  static Status InvalidInput(Message msg) { return {StatusCode::kInvalidInput, std::move(msg)}; }
  static Status InvalidInput(std::string en, std::string id) {
    return {StatusCode::kInvalidInput, {std::move(en), std::move(id)}};
  }
  static Status NotFound(std::string msg) { return {StatusCode::kNotFound, {std::move(msg), {}}}; }
  static Status NotFound(Message msg) { return {StatusCode::kNotFound, std::move(msg)}; }
  static Status NotFound(std::string en, std::string id) {
    return {StatusCode::kNotFound, {std::move(en), std::move(id)}};
  }
  static Status TooLarge(std::string msg) { return {StatusCode::kTooLarge, {std::move(msg), {}}}; }
  static Status TooLarge(Message msg) { return {StatusCode::kTooLarge, std::move(msg)}; }
  static Status TooLarge(std::string en, std::string id) {
    return {StatusCode::kTooLarge, {std::move(en), std::move(id)}};
  }
  static Status IoError(std::string msg) { return {StatusCode::kIoError, {std::move(msg), {}}}; }
  static Status IoError(Message msg) { return {StatusCode::kIoError, std::move(msg)}; }
  static Status IoError(std::string en, std::string id) {
    return {StatusCode::kIoError, {std::move(en), std::move(id)}};
  }
  static Status Corruption(std::string msg) {
    return {StatusCode::kCorruption, {std::move(msg), {}}};
  }
  static Status Corruption(Message msg) { return {StatusCode::kCorruption, std::move(msg)}; }
  static Status Corruption(std::string en, std::string id) {
    return {StatusCode::kCorruption, {std::move(en), std::move(id)}};
  }
  static Status Unsupported(std::string msg) {
    return {StatusCode::kUnsupported, {std::move(msg), {}}};
  }
  static Status Unsupported(Message msg) { return {StatusCode::kUnsupported, std::move(msg)}; }
  static Status Unsupported(std::string en, std::string id) {
    return {StatusCode::kUnsupported, {std::move(en), std::move(id)}};
  }
  static Status Conflict(std::string msg) { return {StatusCode::kConflict, {std::move(msg), {}}}; }
  static Status Conflict(Message msg) { return {StatusCode::kConflict, std::move(msg)}; }
  static Status Conflict(std::string en, std::string id) {
    return {StatusCode::kConflict, {std::move(en), std::move(id)}};
  }
  static Status PermissionDenied(std::string msg) {
    return {StatusCode::kPermissionDenied, {std::move(msg), {}}};
  }
  static Status PermissionDenied(Message msg) {
    return {StatusCode::kPermissionDenied, std::move(msg)};
  }
  static Status PermissionDenied(std::string en, std::string id) {
    return {StatusCode::kPermissionDenied, {std::move(en), std::move(id)}};
  }
  // A status of `code` with a message in both languages (code kOk gives Ok()).
  static Status FromCode(StatusCode code, Message msg) {
    return code == StatusCode::kOk ? Status() : Status(code, std::move(msg));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  // The user-facing message in English; empty when ok.
  const std::string& message() const { return message_.en; }
  // The message in `lang`; English when no Indonesian was given.
  const std::string& message(Lang lang) const { return message_.in(lang); }
  // Both languages (id empty when there is none), e.g. to wrap in more context.
  const Message& messages() const { return message_; }
  // True when the message has its own Indonesian wording.
  bool has_indonesian() const { return !message_.id.empty(); }
  // "<code name>: <message>", or "OK".
  std::string ToString() const;

  // The problems this status is made of, each at its path (a document's diagnostics);
  // empty when the status is not about separate problems. The message stays the
  // whole story for readers that show one text.
  const std::vector<Problem>& problems() const {
    static const std::vector<Problem> kNone;
    return problems_ ? *problems_ : kNone;
  }
  // This status with `problems` attached.
  Status WithProblems(std::vector<Problem> problems) && {
    problems_ = std::make_shared<const std::vector<Problem>>(std::move(problems));
    return std::move(*this);
  }

 private:
  Status(StatusCode code, Message msg) : code_(code), message_(std::move(msg)) {}
  StatusCode code_ = StatusCode::kOk;
  Message message_;
  std::shared_ptr<const std::vector<Problem>> problems_;  // shared: a Status is copied often
};

// A value of T or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
  Result(Status status) : data_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(data_).ok() && "Result needs a value or an error");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  // The error; Status::Ok() when a value is held.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(data_); }
  // Requires ok().
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace kembar

#endif  // KEMBAR_MODEL_STATUS_H_
