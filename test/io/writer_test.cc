#include "kembar/io/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace kembar::io {
namespace {

TEST(JsonWriterTest, EscapesEverythingJsonRequires) {
  const char raw[] = "q\"b\\n\nt\tc\x01z\x1f";
  const std::string tricky = std::string(raw, sizeof raw - 1) + std::string(1, '\0') + "\xC3\xA9";
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("k\"ey");
  w.String(tricky);
  w.Key("n");
  w.Number(0.1);
  w.Key("u");
  w.Uint(18446744073709551615u);
  w.EndObject();
  const auto parsed = nlohmann::json::parse(out);
  EXPECT_EQ(parsed["k\"ey"], tricky);
  EXPECT_EQ(parsed["n"], 0.1) << "shortest form still round-trips exactly";
  EXPECT_EQ(parsed["u"].get<uint64_t>(), 18446744073709551615u);
}

TEST(JsonWriterTest, PrettyPrintsWithInlineDepth) {
  std::string out;
  JsonWriter w(&out, 2, 2);
  w.BeginObject();
  w.Key("a");
  w.BeginArray();
  w.BeginObject();
  w.Key("x");
  w.Uint(1);
  w.EndObject();
  w.EndArray();
  w.EndObject();
  EXPECT_EQ(out, "{\n  \"a\": [\n    {\"x\": 1}\n  ]\n}");
}

TEST(JsonWriterTest, IntegralDoublesPrintWithoutFraction) {
  std::string out;
  JsonWriter w(&out);
  w.Number(5.0);
  EXPECT_EQ(out, "5");
}

}  // namespace
}  // namespace kembar::io
