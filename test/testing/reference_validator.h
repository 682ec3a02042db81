// The reference for dossier validation: valijson with the shipped schema. Tests hold
// kembar's own validator to exactly this verdict.
#ifndef KEMBAR_TEST_TESTING_REFERENCE_VALIDATOR_H_
#define KEMBAR_TEST_TESTING_REFERENCE_VALIDATOR_H_

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

namespace kembar::testing {

class ReferenceValidator {
 public:
  ReferenceValidator();  // loads the schema built into kembar
  ~ReferenceValidator();
  // True when `doc` is valid under dossier-v1.schema.json; *why gets the first error.
  bool Valid(const nlohmann::json& doc, std::string* why = nullptr) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kembar::testing

#endif  // KEMBAR_TEST_TESTING_REFERENCE_VALIDATOR_H_
