#include "report/width.h"

#include <gtest/gtest.h>

namespace kembar::report {
namespace {

TEST(DisplayWidthTest, CountsColumnsNotBytesOrCodePoints) {
  EXPECT_EQ(DisplayWidth("Surabaya"), 8u);
  EXPECT_EQ(DisplayWidth("Biên Hòa"), 8u);  // precomposed
  EXPECT_EQ(DisplayWidth("Bie\xCC\x82\xCC\x81n Ho\xCC\x80"
                         "a"),
            8u);                            // combining marks
  EXPECT_EQ(DisplayWidth("北九州市"), 8u);  // wide: two columns each
  EXPECT_EQ(DisplayWidth("Kōchi (高知市)"), 14u);
  EXPECT_EQ(PadTo("北九州市", 10), "北九州市  ");
  EXPECT_EQ(DisplayWidth(ClipTo("北九州市北九州市", 7)), 7u);
  EXPECT_EQ(ClipTo("Surabaya", 8), "Surabaya");
  EXPECT_EQ(ClipTo("Surabaya", 5), "Sura…");
  EXPECT_EQ(DisplayWidth("\xFF\xFE"), 2u) << "invalid bytes still take a column";
}

}  // namespace
}  // namespace kembar::report
