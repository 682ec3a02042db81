// Deterministic synthetic dossiers for tests: every event type with all its members,
// every vocabulary value, partial dates of each precision.
#ifndef KEMBAR_TEST_TESTING_DOSSIER_GEN_H_
#define KEMBAR_TEST_TESTING_DOSSIER_GEN_H_

#include <cstdint>
#include <nlohmann/json.hpp>

namespace kembar::testing {

// A valid dossier with `partnerships` partnerships of `events_per` events each; event
// i of a partnership has type i mod 19, so 19 events cover every type.
nlohmann::json GenerateDossier(size_t partnerships, size_t events_per, uint32_t seed);

}  // namespace kembar::testing

#endif  // KEMBAR_TEST_TESTING_DOSSIER_GEN_H_
