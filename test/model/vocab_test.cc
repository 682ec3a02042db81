#include "kembar/model/vocab.h"

#include <gtest/gtest.h>

namespace kembar {
namespace {

template <typename E>
void ExpectRoundTrip(size_t expected_size) {
  const auto names = AllNames<E>();
  EXPECT_EQ(names.size(), expected_size);
  for (size_t i = 0; i < names.size(); ++i) {
    auto v = ParseVocab<E>(names[i]);
    ASSERT_TRUE(v.has_value()) << names[i];
    EXPECT_EQ(static_cast<size_t>(*v), i);
    EXPECT_EQ(ToString(*v), names[i]);
  }
  EXPECT_FALSE(ParseVocab<E>("").has_value());
  EXPECT_FALSE(ParseVocab<E>("not_a_value").has_value());
}

// Sizes are those of docs/dossier-v1.md; a vocabulary drifting from the contract fails here.
TEST(VocabTest, EveryVocabularyMatchesTheContract) {
  ExpectRoundTrip<PartnershipKind>(3);
  ExpectRoundTrip<Level>(9);
  ExpectRoundTrip<Field>(22);
  ExpectRoundTrip<Sector>(13);
  ExpectRoundTrip<EventType>(19);
  ExpectRoundTrip<ConsultationOutcome>(3);
  ExpectRoundTrip<BudgetSource>(5);
  ExpectRoundTrip<SmartDimension>(6);
  ExpectRoundTrip<PolicyLevel>(3);
  ExpectRoundTrip<ShockKind>(5);
}

TEST(VocabTest, NamesAreCaseSensitive) {
  EXPECT_FALSE(ParseVocab<Field>("Tourism").has_value());
  EXPECT_EQ(ParseVocab<Field>("tourism"), Field::kTourism);
}

}  // namespace
}  // namespace kembar
