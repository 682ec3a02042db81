#include "kembar/report/finder_text.h"

#include <cmath>
#include <cstdio>

#include "kembar/geo/countries.h"
#include "kembar/io/json_writer.h"
#include "kembar/report/cli_text.h"

namespace kembar::report {

namespace {

double Round(double v, double scale) { return std::round(v * scale) / scale; }

std::string_view MissName(FinderMiss m) {
  switch (m) {
    case FinderMiss::kNone:
      return "";
    case FinderMiss::kCity1NotFound:
      return "city1_not_found";
    case FinderMiss::kCity1NoCoordinates:
      return "city1_no_coordinates";
    case FinderMiss::kCity2NotFound:
      return "city2_not_found";
    case FinderMiss::kCity2NotInGazetteer:
      return "city2_not_in_gazetteer";
    case FinderMiss::kNotACandidate:
      return "not_a_candidate";
  }
  return "";
}

void WriteWeights(io::JsonWriter& w, const assess::FinderWeights& weights) {
  w.BeginObject();
  w.Key("bias");
  w.Number(Round(weights.bias, 1e4));
  for (size_t f = 0; f < finder::kFeatureCount; ++f) {
    const auto feature = static_cast<finder::Feature>(f);
    w.Key(finder::FeatureName(feature));
    w.Number(Round(finder::WeightOf(weights, feature), 1e4));
  }
  w.EndObject();
}

}  // namespace

std::string FinderEvalJson(const FinderEvalReport& r) {
  std::string out;
  io::JsonWriter w(&out, 2, 3);
  w.BeginObject();
  w.Key("pairs");
  w.Number(static_cast<double>(r.pairs));
  w.Key("rankable");
  w.Number(static_cast<double>(r.rankable));
  w.Key("holdout");
  w.String(r.holdout);
  w.Key("methods");
  w.BeginObject();
  for (const FinderMethodScore& m : r.methods) {
    w.Key(finder::MethodName(m.method));
    w.BeginObject();
    for (size_t k = 0; k < r.ks.size(); ++k) {
      w.Key("hit@" + std::to_string(r.ks[k]));
      w.Number(Round(m.hits[k], 1e4));
    }
    w.Key("mrr");
    w.Number(Round(m.mrr, 1e4));
    w.EndObject();
  }
  w.EndObject();
  // Each pair and the rank each method gave city2 (0: a miss).
  w.Key("ranks");
  w.BeginArray();
  for (const FinderEvalPair& p : r.ranks) {
    w.BeginObject();
    w.Key("city1");
    w.String(p.city1);
    w.Key("country1");
    w.String(p.country1);
    w.Key("city2");
    w.String(p.city2);
    w.Key("country2");
    w.String(p.country2);
    for (size_t m = 0; m < r.methods.size() && m < p.ranks.size(); ++m) {
      w.Key(finder::MethodName(r.methods[m].method));
      w.Number(p.ranks[m]);
    }
    if (p.miss != FinderMiss::kNone) {
      w.Key("miss");
      w.String(MissName(p.miss));
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
  return out;
}

std::string FinderEvalText(const FinderEvalReport& r, Lang lang) {
  std::string out = CliText("finder.eval.head", lang,
                            {{"holdout", r.holdout},
                             {"pairs", CliNumber(static_cast<double>(r.pairs), 0, lang)},
                             {"rankable", CliNumber(static_cast<double>(r.rankable), 0, lang)}}) +
                    "\n";
  char cell[64];
  std::snprintf(cell, sizeof cell, "%-9s",
                std::string(CliText("finder.eval.method", lang)).c_str());
  out += cell;
  for (size_t k : r.ks) {
    std::snprintf(cell, sizeof cell, " %9s", ("hit@" + std::to_string(k)).c_str());
    out += cell;
  }
  out += "       MRR\n";
  for (const FinderMethodScore& m : r.methods) {
    std::snprintf(cell, sizeof cell, "%-9s", std::string(finder::MethodName(m.method)).c_str());
    out += cell;
    for (double h : m.hits) {
      std::snprintf(cell, sizeof cell, " %9s", (CliNumber(100 * h, 1, lang) + " %").c_str());
      out += cell;
    }
    std::snprintf(cell, sizeof cell, " %9s\n", CliNumber(m.mrr, 4, lang).c_str());
    out += cell;
  }
  // The misses no ranking could help, and why: what to check in the hold-out.
  constexpr size_t kShown = 20;
  size_t shown = 0, misses = 0;
  for (const FinderEvalPair& p : r.ranks) {
    if (p.miss == FinderMiss::kNone) continue;
    if (misses++ == 0) {
      out += CliText("finder.eval.misses", lang,
                     {{"n", CliNumber(static_cast<double>(r.pairs - r.rankable), 0, lang)}}) +
             "\n";
    }
    if (shown == kShown) continue;
    ++shown;
    // The countries in the reader's language where they are known ("Tiongkok").
    auto country = [lang](const std::string& written) {
      auto iso = geo::ResolveCountry(written);
      return iso.ok() ? geo::CountryName(*iso, lang == Lang::kId) : written;
    };
    out += "  " + p.city1 + ", " + country(p.country1) + " - " + p.city2 + ", " +
           country(p.country2) + ": " +
           CliText("finder.eval.miss." + std::string(MissName(p.miss)), lang,
                   {{"city1", p.city1}, {"city2", p.city2}}) +
           "\n";
  }
  if (misses > kShown) {
    out += "  " +
           CliText("ego.more", lang,
                   {{"n", CliNumber(static_cast<double>(misses - kShown), 0, lang)}}) +
           "\n";
  }
  return out;
}

std::string FinderFitJson(const FinderFitReport& r) {
  std::string out;
  io::JsonWriter w(&out, 2, 4);
  // The rows and folds of one fit, as members of the object open in `w`.
  auto fit = [&w, &r](const FinderFit& f) {
    w.Key("rows");
    w.BeginObject();
    w.Key("ties");
    w.Number(static_cast<double>(f.positives));
    w.Key("non_ties");
    w.Number(static_cast<double>(f.negatives));
    w.Key("held_out_ties");
    w.Number(static_cast<double>(r.held_out_ties));
    w.EndObject();
    w.Key("folds");
    w.BeginArray();
    for (const FinderFitFold& fold : f.folds) {
      w.BeginObject();
      w.Key("log_loss");
      w.Number(Round(fold.log_loss, 1e6));
      w.Key("auc");
      w.Number(Round(fold.auc, 1e4));
      w.EndObject();
    }
    w.EndArray();
    w.Key("fold_weights");
    w.BeginArray();
    for (const assess::FinderWeights& fw : f.fold_weights) WriteWeights(w, fw);
    w.EndArray();
  };
  w.BeginObject();
  w.Key("learned");
  WriteWeights(w, r.learned.weights);
  w.Key("learned_first_partner");
  WriteWeights(w, r.first_partner.weights);
  fit(r.learned);
  w.Key("first_partner");
  w.BeginObject();
  fit(r.first_partner);
  w.EndObject();
  w.EndObject();
  out.push_back('\n');
  return out;
}

}  // namespace kembar::report
