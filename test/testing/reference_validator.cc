#include "testing/reference_validator.h"

#include <pthread.h>

#include <functional>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "kembar/io/schema.h"

namespace kembar::testing {

namespace {

// The schema is draft 2020-12, where "$ref" applies beside its sibling keywords;
// valijson implements draft 7, where siblings of "$ref" are ignored. Rewriting
// {"$ref": R, k: v...} as {"allOf": [{"$ref": R}, {k: v...}]} means the same under
// 2020-12 and makes valijson apply every keyword.
nlohmann::json AsDraft7(nlohmann::json node) {
  if (node.is_array()) {
    for (auto& item : node) item = AsDraft7(std::move(item));
    return node;
  }
  if (!node.is_object()) return node;
  for (auto& [key, value] : node.items()) {
    if (key != "enum" && key != "const") value = AsDraft7(std::move(value));
  }
  if (node.contains("$ref") && node.size() > 1) {
    nlohmann::json rest = node;
    rest.erase("$ref");
    return nlohmann::json{{"allOf", {nlohmann::json{{"$ref", node["$ref"]}}, rest}}};
  }
  return node;
}

// Runs `fn` on a thread with a 512 MiB stack and waits for it. valijson checks
// "pattern" with std::regex, whose libstdc++ matcher recurses once per character:
// the schema's 20,000-character strings need more than the main thread's 8 MiB in a
// sanitizer build (bigger frames). The stack is reserved, not touched.
void OnBigStack(const std::function<void()>& fn) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, size_t{512} << 20);
  pthread_t thread;
  auto run = [](void* arg) -> void* {
    (*static_cast<const std::function<void()>*>(arg))();
    return nullptr;
  };
  if (pthread_create(&thread, &attr, run, const_cast<std::function<void()>*>(&fn)) == 0) {
    pthread_join(thread, nullptr);
  } else {
    fn();  // no thread to be had: the caller's stack it is
  }
  pthread_attr_destroy(&attr);
}

}  // namespace

struct ReferenceValidator::Impl {
  valijson::Schema schema;
};

ReferenceValidator::ReferenceValidator() : impl_(std::make_unique<Impl>()) {
  const nlohmann::json schema_doc = AsDraft7(nlohmann::json::parse(io::DossierSchemaText()));
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::NlohmannJsonAdapter adapter(schema_doc);
  parser.populateSchema(adapter, impl_->schema);
}

ReferenceValidator::~ReferenceValidator() = default;

bool ReferenceValidator::Valid(const nlohmann::json& doc, std::string* why) const {
  valijson::Validator validator;  // strong types: 1.0 is not an integer
  valijson::adapters::NlohmannJsonAdapter target(doc);
  valijson::ValidationResults results;
  bool ok = false;
  OnBigStack([&] { ok = validator.validate(impl_->schema, target, why ? &results : nullptr); });
  if (!ok && why) {
    valijson::ValidationResults::Error e;
    std::string path;
    while (results.popError(e)) {
      path.clear();
      for (const auto& c : e.context) path += c;
      *why = path + ": " + e.description;
      break;
    }
  }
  return ok;
}

}  // namespace kembar::testing
