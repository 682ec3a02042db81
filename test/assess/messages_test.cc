// The message catalogue: both languages for every key, names instead of ids, and
// dates and numbers written the way each language writes them.
#include "kembar/assess/messages.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace kembar::assess {
namespace {

TEST(CatalogueTest, EveryKeyHasBothLanguages) {
  std::set<std::string_view> keys;
  // Words that are the same in both languages.
  const std::set<std::string_view> same = {"media", "global", "April", "September", "November"};
  for (const CatalogueEntry& e : Catalogue()) {
    EXPECT_TRUE(keys.insert(e.key).second) << "duplicate key " << e.key;
    EXPECT_FALSE(e.en.empty()) << e.key;
    EXPECT_FALSE(e.id.empty()) << e.key;
    if (!same.count(e.en)) EXPECT_NE(e.en, e.id) << e.key << ": not translated";
  }
}

TEST(CatalogueTest, EveryCodeHasItsTexts) {
  for (size_t i = 0; i < 6; ++i) {
    const auto c = static_cast<Condition>(i);
    EXPECT_NE(Label(c, Lang::kId), "condition." + std::string(ToString(c)));
  }
  for (size_t i = 0; i < kConceptCount; ++i) {
    const auto c = static_cast<ConceptCode>(i);
    for (Lang lang : {Lang::kEn, Lang::kId}) {
      EXPECT_EQ(Label(c, lang).find("concept."), std::string_view::npos) << ToString(c);
      EXPECT_EQ(SourceText(c, lang).find("source."), std::string_view::npos) << ToString(c);
    }
  }
  for (Urgency u : {Urgency::kOverdue, Urgency::kDueSoon, Urgency::kLater}) {
    EXPECT_EQ(Label(u, Lang::kId).find("urgency."), std::string_view::npos);
  }
  // Every field and sector code has words in both languages.
  for (std::string_view f : AllNames<Field>()) {
    EXPECT_NE(Word(f, Lang::kId), f) << f;
  }
  for (std::string_view s : AllNames<Sector>()) {
    if (s != "media") EXPECT_NE(Word(s, Lang::kId), s) << s;  // "media" is Indonesian too
    EXPECT_NE(Word(s, Lang::kId).find_first_not_of(' '), std::string::npos) << s;
  }
}

TEST(CatalogueTest, TheCorrectionsOfTheDataReview) {
  EXPECT_EQ(Label(ConceptCode::kOneSided, Lang::kId), "tidak timbal balik");
  EXPECT_EQ(Label(ConceptCode::kNarrowParticipation, Lang::kId), "partisipasi terbatas");
  EXPECT_EQ(Label(ConceptCode::kUnansweredCommunication, Lang::kId), "surat belum dibalas");
  EXPECT_EQ(Label(ConceptCode::kDistance, Lang::kId), "jarak dan perbedaan waktu");
  EXPECT_EQ(Text("open_ended", Lang::kId), "masa berlaku tidak ditentukan");
  EXPECT_EQ(Text("months_quiet", Lang::kId), "bulan tanpa kegiatan");
  for (const CatalogueEntry& e : Catalogue()) {
    const std::string id(e.id);
    for (const char* wrong : {"Kemenlu", "sepihak", "non-pemerintah", "kedaluwarsa",
                              "belum dijawab", "reaktivasi", "tanpa batas", "BULAN SEPI"}) {
      EXPECT_EQ(id.find(wrong), std::string::npos) << e.key << ": " << wrong;
    }
  }
}

struct FormatCase {
  double value;
  int decimals;
  const char* en;
  const char* id;
};

class NumberTest : public ::testing::TestWithParam<FormatCase> {};

TEST_P(NumberTest, GroupsAndDecimalMarks) {
  const FormatCase& c = GetParam();
  EXPECT_EQ(FormatNumber(c.value, c.decimals, Lang::kEn), c.en);
  EXPECT_EQ(FormatNumber(c.value, c.decimals, Lang::kId), c.id);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, NumberTest,
    ::testing::Values(FormatCase{12343.2, 0, "12,343", "12.343"},
                      FormatCase{0.29, 2, "0.29", "0,29"}, FormatCase{9.5, 2, "9.5", "9,5"},
                      FormatCase{10, 2, "10", "10"},
                      FormatCase{1234567.891, 2, "1,234,567.89", "1.234.567,89"},
                      FormatCase{999.999, 2, "1,000", "1.000"},
                      FormatCase{-1234, 0, "-1,234", "-1.234"}));

TEST(DateTextTest, EachLanguageItsOwnWay) {
  auto d = [](const char* s) { return Period::Parse(s).value(); };
  EXPECT_EQ(FormatDate(d("2018-03-19"), Lang::kId), "19 Maret 2018");
  EXPECT_EQ(FormatDate(d("2018-03-19"), Lang::kEn), "19 March 2018");
  EXPECT_EQ(FormatDate(d("2008-10-14"), Lang::kId), "14 Oktober 2008");
  EXPECT_EQ(FormatDate(d("1995-06"), Lang::kId), "Juni 1995");
  EXPECT_EQ(FormatDate(d("2018"), Lang::kId), "2018");
  EXPECT_EQ(FormatDate(d("1995/2013"), Lang::kId), "1995–2013");
  EXPECT_EQ(FormatDate(d("2016-10/2016-12"), Lang::kId), "Oktober–Desember 2016");
  EXPECT_EQ(FormatDate(d("2018-03-19/2023"), Lang::kEn), "19 March 2018 – 2023");
  EXPECT_EQ(FormatPercent(0.86, Lang::kId), "86%");
}

TEST(NameTest, IndonesianNamesTheKindOfRegion) {
  Region liverpool;
  liverpool.id = "gb-liverpool";
  liverpool.name = "Liverpool";
  liverpool.level = Level::kCity;
  EXPECT_EQ(NameOf(LabelOf(liverpool), Lang::kId), "Kota Liverpool");
  EXPECT_EQ(NameOf(LabelOf(liverpool), Lang::kEn), "Liverpool");
  Region jatim;
  jatim.id = "id-jawa-timur";
  jatim.name = "East Java";
  jatim.level = Level::kProvince;
  jatim.names = {{"id", "Provinsi Jawa Timur"}, {"en", "East Java"}};
  EXPECT_EQ(NameOf(LabelOf(jatim), Lang::kId), "Provinsi Jawa Timur");
}

}  // namespace
}  // namespace kembar::assess
