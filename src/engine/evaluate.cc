// `kembar finder evaluate` and `kembar finder fit`: the finder measured on real ties
// held out of everything it sees, against baselines over the same candidates, and the
// learned ranking's weights fitted on the network with those ties kept out
// (docs/finder.md).
#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <unordered_set>
#include <utility>

#include "engine/finder.h"
#include "engine/network.h"
#include "engine/subject.h"
#include "kembar/geo/countries.h"
#include "kembar/geo/gazetteer.h"
#include "kembar/io/csv.h"

namespace kembar::engine {

namespace {

// A held-out tie: its labels and its nodes in the view's graph (nullopt: not found).
// A side the network lacks may still be a gazetteer place (a partnership the
// Wikipedia list does not have): `query_a`/`query_b` ("Surakarta, ID") find it there,
// and `place_a`/`place_b` hold it once found.
struct HeldOut {
  FinderEvalPair pair;
  std::optional<size_t> a, b;
  std::string query_a, query_b;
  std::optional<PlaceSubject> place_a;
  long place_b = -1;
};

FinderEvalPair LabelOf(const network::Graph& g, size_t a, size_t b) {
  FinderEvalPair p;
  p.city1 = g.node(a).name;
  p.country1 = geo::CountryName(g.node(a).country, false);
  p.city2 = g.node(b).name;
  p.country2 = geo::CountryName(g.node(b).country, false);
  return p;
}

// Every tie of an Indonesian place having at least two ties in the Wikipedia list,
// the Indonesian place first (a tie between two Indonesian places once).
std::vector<std::pair<size_t, size_t>> IndonesianTies(const network::Graph& wiki) {
  std::vector<std::pair<size_t, size_t>> out;
  for (const network::NetEdge& e : wiki.edges()) {
    const bool a = wiki.node(e.a).country == "ID" && wiki.degree(e.a) >= 2;
    const bool b = wiki.node(e.b).country == "ID" && wiki.degree(e.b) >= 2;
    if (a) {
      out.emplace_back(e.a, e.b);
    } else if (b) {
      out.emplace_back(e.b, e.a);
    }
  }
  return out;
}

// `n` ties of the Wikipedia list drawn without replacement (a partial Fisher-Yates
// shuffle on a 64-bit Mersenne Twister: the same on every platform), as listed.
std::vector<std::pair<size_t, size_t>> SampledTies(const network::Graph& wiki, size_t n,
                                                   uint64_t seed) {
  std::vector<size_t> order(wiki.edge_count());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(seed);
  n = std::min(n, order.size());
  for (size_t i = 0; i < n; ++i) {
    const size_t j = i + static_cast<size_t>(rng() % (order.size() - i));
    std::swap(order[i], order[j]);
  }
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t i = 0; i < n; ++i)
    out.emplace_back(wiki.edges()[order[i]].a, wiki.edges()[order[i]].b);
  return out;
}

std::vector<HeldOut> FromWikipedia(const network::Graph& wiki, const network::Graph& g,
                                   const std::vector<std::pair<size_t, size_t>>& ties) {
  std::vector<HeldOut> out;
  for (auto [a, b] : ties) {
    HeldOut h;
    h.pair = LabelOf(wiki, a, b);
    h.a = g.FindId(wiki.node(a).id);
    h.b = g.FindId(wiki.node(b).id);
    out.push_back(std::move(h));
  }
  return out;
}

// A side of a hold-out row: "Varna" + "Bulgaria", or "Varna, Bulgaria" + "": its node
// in `g`, and `query` = "Varna, BG" for the gazetteer (empty when the country is not
// known).
std::optional<size_t> NodeOf(const network::Graph& g, std::string city, std::string country,
                             std::string* query) {
  if (country.empty()) {
    if (const size_t comma = city.rfind(','); comma != std::string::npos) {
      country = city.substr(comma + 1);
      city.resize(comma);
    }
  }
  while (!country.empty() && country.front() == ' ') country.erase(0, 1);
  auto iso = geo::ResolveCountry(country);
  if (!iso.ok()) return std::nullopt;
  *query = city + ", " + *iso;
  if (auto id = g.FindId(network::NodeKey(city, *iso))) return id;
  auto found = network::FindNode(g, *query);
  if (found.ok()) return *found;
  return std::nullopt;
}

// The gazetteer place of a side the network does not know by its name; then the
// node that holds that place (the list writes "Nuremberg", the row "Nürnberg"), if any.
void ResolveInGazetteer(const std::string& query, const std::vector<long>& to_place,
                        std::optional<size_t>* node, std::optional<PlaceSubject>* place) {
  if (*node || query.empty()) return;
  const size_t comma = query.rfind(", ");
  const std::string name = query.substr(0, comma), country = query.substr(comma + 2);
  if (country == "ID") {  // an Indonesian province, at its capital ("Provinsi Bali" too)
    std::optional<PlaceSubject> province = ProvinceSubject(name);
    if (const std::optional<AdminName> admin = StripAdminKind(name);
        !province && admin && admin->level == Level::kProvince) {
      province = ProvinceSubject(admin->bare);
    }
    if (province) {
      *place = std::move(province);
      return;
    }
  }
  // The place of that name ("Kota Surakarta" too), else of a variant ("Iloilo City").
  std::optional<PlaceSubject> found = LocalGovernmentPlace(name, country);
  for (const std::string& v : NameVariants(name)) {
    if (found) break;
    found = LocalGovernmentPlace(v, country);
  }
  if (!found || found->gazetteer_index < 0) return;
  for (size_t i = 0; i < to_place.size(); ++i) {
    if (to_place[i] == found->gazetteer_index) {
      *node = i;
      return;
    }
  }
  *place = std::move(found);
}

Result<std::vector<HeldOut>> FromCsv(const network::Graph& g, std::string_view text,
                                     const std::string& file) {
  std::vector<HeldOut> out;
  std::vector<std::string> f;
  size_t line_no = 0;
  Status error = Status::Ok();
  while (!text.empty() && error.ok()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++line_no;
    if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (line_no == 1 && line.substr(0, 5) == "city1") continue;  // the header
    const std::string where = file + ":" + std::to_string(line_no);
    if (!io::csv::SplitRecord(line, &f) || f.size() < 4 || f[0].empty() || f[2].empty()) {
      return Status::InvalidInput(
          where + ": expected city1,country1,city2,country2 (names as in the Wikipedia list)",
          where + ": seharusnya city1,country1,city2,country2 (nama seperti di daftar Wikipedia)");
    }
    // The Wikipedia list's own eight columns (city1,country1,lat1,lng1,city2,...) work too.
    const bool wide = f.size() >= 8;
    HeldOut h;
    h.pair.city1 = f[0];
    h.pair.country1 = f[1];
    h.pair.city2 = wide ? f[4] : f[2];
    h.pair.country2 = wide ? f[5] : f[3];
    h.a = NodeOf(g, h.pair.city1, h.pair.country1, &h.query_a);
    h.b = NodeOf(g, h.pair.city2, h.pair.country2, &h.query_b);
    out.push_back(std::move(h));
  }
  if (out.empty()) {
    return Status::InvalidInput(file + ": no pairs (city1,country1,city2,country2)",
                                file + ": tidak ada pasangan (city1,country1,city2,country2)");
  }
  return out;
}

// `g` without the held-out ties.
Result<network::Graph> Without(const network::Graph& g, const std::vector<HeldOut>& held) {
  std::set<std::pair<size_t, size_t>> cut;
  for (const HeldOut& h : held) {
    if (h.a && h.b) cut.insert(std::minmax(*h.a, *h.b));
  }
  std::vector<network::NetEdge> edges;
  edges.reserve(g.edge_count());
  for (const network::NetEdge& e : g.edges()) {
    if (!cut.count(std::minmax(e.a, e.b))) edges.push_back(e);
  }
  network::LoadReport report;
  return network::Graph::Build(g.nodes(), std::move(edges), report);
}

// The subject find-partners builds for a network place: where it is, what the
// gazetteer says of it, and its network.
std::optional<finder::Subject> SubjectOf(const network::Graph& g, const std::vector<long>& to_place,
                                         const std::vector<finder::Place>& places, size_t node,
                                         double area_radius_km) {
  const network::NetNode& n = g.node(node);
  // A stored province or city without coordinates is placed as find-partners places
  // it: a province at its capital, a city where the gazetteer has it.
  std::optional<PlaceSubject> located;
  if (!n.lat || !n.lon) {
    located = ProvinceSubject(n.name);
    if (!located) located = LocalGovernmentPlace(n.name, n.country);
    if (!located) return std::nullopt;
  }
  finder::Subject s;
  s.id = n.id;
  s.name = n.name;
  s.name_key = geo::FoldPlaceName(n.name);
  s.country = n.country;
  if (located) {
    ApplyPlace(*located, &s);
  } else {
    s.lat = *n.lat;
    s.lon = *n.lon;
  }
  if (const long p = to_place[node]; !located && p >= 0) {
    const finder::Place& sp = places[static_cast<size_t>(p)];
    s.population = sp.population;
    s.port = sp.port;
    s.capital = sp.capital;
    s.timezone = std::string(sp.timezone);
  }
  AddNetworkOf(g, to_place, node, &s);
  AddAreaTies(g, to_place, places, area_radius_km, static_cast<long>(node), to_place[node], &s);
  return s;
}

// The subject find-partners builds for a gazetteer place the network lacks (a city
// looking for its first partner).
finder::Subject SubjectOfPlace(const network::Graph& g, const std::vector<long>& to_place,
                               const std::vector<finder::Place>& places, const PlaceSubject& p,
                               double area_radius_km) {
  finder::Subject s;
  s.id = p.id;
  s.name = p.name;
  s.name_key = geo::FoldPlaceName(p.name);
  s.country = p.country;
  ApplyPlace(p, &s);
  AddAreaTies(g, to_place, places, area_radius_km, -1, p.gazetteer_index, &s);
  return s;
}

std::vector<HeldOut> DefaultAndSample(const network::Graph& wiki, const network::Graph& g,
                                      size_t sample, uint64_t seed) {
  std::vector<HeldOut> held = FromWikipedia(wiki, g, IndonesianTies(wiki));
  if (sample > 0) {
    std::vector<HeldOut> more = FromWikipedia(wiki, g, SampledTies(wiki, sample, seed));
    held.insert(held.end(), more.begin(), more.end());
  }
  return held;
}

// --- Fitting --------------------------------------------------------------------

struct Row {
  finder::FeatureVector x;
  double y = 0, w = 1;
  uint32_t fold = 0;
  uint32_t group = 0;  // the tie's index: a tie and its sampled non-ties
};

using Beta = std::array<double, finder::kFeatureCount + 1>;  // [0] = bias

double Dot(const Beta& b, const finder::FeatureVector& x) {
  double z = b[0];
  for (size_t f = 0; f < finder::kFeatureCount; ++f) z += b[f + 1] * x[f];
  return z;
}

// Conditional logistic regression (a softmax over each tie and its sampled non-ties,
// every non-tie weighted by its stratum's share): it learns what ranks the tie above
// the subject's other candidates, which is what the finder does. Ridge penalty `l2`;
// Newton's method, damped; rows of fold `skip` are left out (none when skip >= folds).
// The bias does not enter a softmax and is set apart (FitBias).
Beta FitConditional(const std::vector<Row>& rows, double l2, uint32_t skip) {
  constexpr size_t kDim = finder::kFeatureCount;
  Beta beta{};
  auto groups = [&](auto&& fn) {
    for (size_t i = 0; i < rows.size();) {
      size_t j = i + 1;
      while (j < rows.size() && rows[j].group == rows[i].group) ++j;
      if (rows[i].fold != skip) fn(i, j);
      i = j;
    }
  };
  auto loss_at = [&](const Beta& b) {
    double loss = 0;
    groups([&](size_t i, size_t j) {
      double top = -1e300;
      for (size_t r = i; r < j; ++r) top = std::max(top, Dot(b, rows[r].x));
      double sum = 0, pos = 0;
      for (size_t r = i; r < j; ++r) {
        const double z = Dot(b, rows[r].x);
        sum += rows[r].w * std::exp(z - top);
        if (rows[r].y > 0) pos = z - top + std::log(rows[r].w);
      }
      loss -= pos - std::log(sum);
    });
    for (size_t f = 1; f <= kDim; ++f) loss += 0.5 * l2 * b[f] * b[f];
    return loss;
  };
  for (int iter = 0; iter < 50; ++iter) {
    std::array<double, kDim> grad{};
    std::array<std::array<double, kDim>, kDim> h{};
    groups([&](size_t i, size_t j) {
      double top = -1e300;
      for (size_t r = i; r < j; ++r) top = std::max(top, Dot(beta, rows[r].x));
      double sum = 0;
      std::array<double, kDim> mean{};
      std::array<std::array<double, kDim>, kDim> second{};
      for (size_t r = i; r < j; ++r) {
        const double p = rows[r].w * std::exp(Dot(beta, rows[r].x) - top);
        sum += p;
        for (size_t a = 0; a < kDim; ++a) {
          mean[a] += p * rows[r].x[a];
          for (size_t c = 0; c <= a; ++c) second[a][c] += p * rows[r].x[a] * rows[r].x[c];
        }
      }
      for (size_t a = 0; a < kDim; ++a) mean[a] /= sum;
      for (size_t r = i; r < j; ++r) {
        if (rows[r].y <= 0) continue;
        for (size_t a = 0; a < kDim; ++a) grad[a] += mean[a] - rows[r].x[a];
      }
      for (size_t a = 0; a < kDim; ++a) {
        for (size_t c = 0; c <= a; ++c) h[a][c] += second[a][c] / sum - mean[a] * mean[c];
      }
    });
    for (size_t a = 0; a < kDim; ++a) {
      for (size_t c = a + 1; c < kDim; ++c) h[a][c] = h[c][a];
      grad[a] += l2 * beta[a + 1];
      h[a][a] += l2 + 1e-9;
    }
    // Solve h * step = grad (Gaussian elimination with partial pivoting).
    std::array<double, kDim> step = grad;
    for (size_t col = 0; col < kDim; ++col) {
      size_t piv = col;
      for (size_t r = col + 1; r < kDim; ++r) {
        if (std::abs(h[r][col]) > std::abs(h[piv][col])) piv = r;
      }
      std::swap(h[col], h[piv]);
      std::swap(step[col], step[piv]);
      for (size_t r = col + 1; r < kDim; ++r) {
        const double m = h[r][col] / h[col][col];
        for (size_t c = col; c < kDim; ++c) h[r][c] -= m * h[col][c];
        step[r] -= m * step[col];
      }
    }
    for (size_t col = kDim; col-- > 0;) {
      for (size_t c = col + 1; c < kDim; ++c) step[col] -= h[col][c] * step[c];
      step[col] /= h[col][col];
    }
    // Damped: halve the step until the penalised loss does not grow.
    const double before = loss_at(beta);
    double scale = 1;
    Beta next = beta;
    for (int halving = 0; halving < 30; ++halving, scale /= 2) {
      for (size_t a = 0; a < kDim; ++a) next[a + 1] = beta[a + 1] - scale * step[a];
      if (loss_at(next) <= before) break;
    }
    double largest = 0;
    for (size_t a = 1; a <= kDim; ++a) largest = std::max(largest, std::abs(next[a] - beta[a]));
    beta = next;
    if (largest < 1e-7) break;
  }
  return beta;
}

// The bias that makes the scores probabilities of a tie among all candidates: a
// weighted logistic fit of the bias alone, the other weights fixed, each non-tie
// standing for its weight in candidates.
double FitBias(const std::vector<Row>& rows, const Beta& beta) {
  double b = 0;
  for (int iter = 0; iter < 100; ++iter) {
    double g = 0, h = 1e-12;
    for (const Row& r : rows) {
      const double w = r.y > 0 ? 1.0 : r.w;
      const double p = 1.0 / (1.0 + std::exp(-(b + Dot(beta, r.x) - beta[0])));
      g += w * (p - r.y);
      h += w * p * (1 - p);
    }
    const double step = std::clamp(g / h, -2.0, 2.0);
    b -= step;
    if (std::abs(step) < 1e-9) break;
  }
  return b;
}

FinderFitFold Score(const std::vector<Row>& rows, const Beta& beta, uint32_t fold) {
  FinderFitFold out;
  std::vector<std::pair<double, const Row*>> scored;
  // The conditional log-loss: -ln of the tie's share among its group, per tie.
  double loss = 0, ties = 0;
  for (size_t i = 0; i < rows.size();) {
    size_t j = i + 1;
    while (j < rows.size() && rows[j].group == rows[i].group) ++j;
    if (rows[i].fold == fold) {
      double sum = 0, pos = 0;
      for (size_t r = i; r < j; ++r) {
        const double e = rows[r].w * std::exp(Dot(beta, rows[r].x) - beta[0]);
        sum += e;
        if (rows[r].y > 0) pos = e;
        scored.emplace_back(Dot(beta, rows[r].x), &rows[r]);
      }
      if (pos > 0) {
        loss -= std::log(pos / sum);
        ++ties;
      }
    }
    i = j;
  }
  out.log_loss = ties > 0 ? loss / ties : 0;
  // Weighted AUC: the chance that a tie outscores a non-tie (ties of score count half).
  std::sort(scored.begin(), scored.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  double neg_below = 0, pos_total = 0, neg_total = 0, area = 0;
  for (size_t i = 0; i < scored.size();) {
    size_t j = i;
    double pos_here = 0, neg_here = 0;
    while (j < scored.size() && scored[j].first == scored[i].first) {
      (scored[j].second->y > 0 ? pos_here : neg_here) += scored[j].second->w;
      ++j;
    }
    area += pos_here * (neg_below + neg_here / 2);
    neg_below += neg_here;
    pos_total += pos_here;
    neg_total += neg_here;
    i = j;
  }
  out.auc = pos_total > 0 && neg_total > 0 ? area / (pos_total * neg_total) : 0;
  return out;
}

assess::FinderWeights WeightsOf(const Beta& beta) {
  assess::FinderWeights w;
  w.bias = beta[0];
  for (size_t f = 0; f < finder::kFeatureCount; ++f) {
    finder::SetWeight(&w, static_cast<finder::Feature>(f), beta[f + 1]);
  }
  return w;
}

}  // namespace

TieRemoved::TieRemoved(const network::Graph& g, const std::vector<long>& node_places, size_t node,
                       size_t partner, finder::Subject* subject, finder::NetworkSignals* signals) {
  // Each change saves the value it replaces.
  auto less_one = [this](auto& value) {
    const auto old = value;
    if (value > 0) value -= 1;
    undo_.push_back([&value, old] { value = old; });
  };
  const uint16_t home = finder::CountryKey(g.node(node).country);
  const uint16_t there = finder::CountryKey(g.node(partner).country);
  // The subject's side (AddNetworkOf, less the partner).
  if (subject->degree > 0) less_one(subject->degree);
  const double weight = 1.0 / std::log(std::max<double>(2.0, g.degree(partner)));
  for (size_t two : g.neighbours(partner)) {
    if (two == node || node_places[two] < 0) continue;
    const size_t tp = static_cast<size_t>(node_places[two]);
    auto cp = subject->common_partners.find(tp);
    auto aa = subject->adamic_adar.find(tp);
    if (cp == subject->common_partners.end() || aa == subject->adamic_adar.end()) continue;
    const uint32_t old_cp = cp->second;
    const double old_aa = aa->second;
    undo_.push_back([subject, tp, old_cp, old_aa] {
      subject->common_partners[tp] = old_cp;
      subject->adamic_adar[tp] = old_aa;
    });
    if (old_cp <= 1) {  // the partner was the only one shared: none now
      subject->common_partners.erase(cp);
      subject->adamic_adar.erase(aa);
    } else {
      cp->second = old_cp - 1;
      aa->second = old_aa - weight;
    }
  }
  // The network's side (SignalsOf, less the edge).
  for (const size_t end : {node, partner}) {
    const long place = node_places[end];
    if (place < 0) continue;
    if (static_cast<size_t>(place) < signals->place_degree.size())
      less_one(signals->place_degree[static_cast<size_t>(place)]);
  }
  if (home != 0 && there != 0 && home != there) {
    if (auto it = signals->country_ties.find(
            finder::CountryPairKey(g.node(node).country, g.node(partner).country));
        it != signals->country_ties.end()) {
      less_one(it->second);
    }
    for (uint16_t c : {home, there}) {
      if (auto it = signals->country_total.find(c); it != signals->country_total.end())
        less_one(it->second);
    }
    // The subregions' side (CountTie).
    for (const auto& [from, to] : {std::pair{node, partner}, std::pair{partner, node}}) {
      const uint16_t region = finder::SubregionOf(g.node(from).country);
      if (region == 0) continue;
      if (auto it = signals->region_ties.find(finder::RegionCountryKey(region, g.node(to).country));
          it != signals->region_ties.end()) {
        less_one(it->second);
      }
      if (auto it = signals->region_total.find(region); it != signals->region_total.end())
        less_one(it->second);
    }
  }
}

TieRemoved::~TieRemoved() {
  for (auto it = undo_.rbegin(); it != undo_.rend(); ++it) (*it)();
}

Result<FinderEvalReport> EvaluateFinder(const Engine& engine, const FinderEvalParams& params) {
  auto world = engine.world();
  if (!world.ok()) return world.status();
  auto view = engine.view();
  if (!view.ok()) return view.status();
  const network::Graph& wiki = (*world)->wikipedia;
  const network::Graph& full = *(*view)->graph;
  FinderEvalReport report;
  std::vector<HeldOut> held;
  if (!params.holdout_csv.empty() || !params.holdout_file.empty()) {
    auto rows = FromCsv(full, params.holdout_csv, params.holdout_file);
    if (!rows.ok()) return rows.status();
    held = std::move(rows).value();
    report.holdout = params.holdout_file;
  } else if (params.sample > 0) {
    held = FromWikipedia(wiki, full, SampledTies(wiki, params.sample, params.seed));
    report.holdout =
        "sample " + std::to_string(params.sample) + " seed " + std::to_string(params.seed);
  } else {
    held = FromWikipedia(wiki, full, IndonesianTies(wiki));
    report.holdout = "indonesia";
  }
  const std::vector<finder::Place> places = GazetteerPlaces();
  if (places.empty()) {
    return Status::InvalidInput(
        "the gazetteer is missing from this build: nothing to rank",
        "gazetir tidak ada dalam build ini: tidak ada yang bisa diperingkat");
  }
  // Per node (the cut below keeps the nodes): its gazetteer place.
  const std::vector<long> to_place = NodePlaces(**world, full);
  // A side the network lacks is ranked as find-partners would: a gazetteer place.
  for (HeldOut& h : held) {
    ResolveInGazetteer(h.query_a, to_place, &h.a, &h.place_a);
    std::optional<PlaceSubject> target;
    ResolveInGazetteer(h.query_b, to_place, &h.b, &target);
    if (target) h.place_b = target->gazetteer_index;
  }
  auto cut = Without(full, held);
  if (!cut.ok()) return cut.status();
  const network::Graph& g = *cut;
  const assess::Policy& policy = params.policy ? *params.policy : assess::DefaultPolicy();
  const finder::NetworkSignals signals = SignalsOf(g, to_place, places.size());
  const geo::Relations& relations = geo::Relations::Bundled();
  report.pairs = held.size();
  report.ks = params.ks;
  for (finder::Method m : finder::kMethods) {
    FinderMethodScore s;
    s.method = m;
    s.hits.assign(params.ks.size(), 0);
    report.methods.push_back(s);
  }
  for (size_t i = 0; i < held.size(); ++i) {
    if (params.progress) params.progress(i, held.size());
    FinderEvalPair pair = held[i].pair;
    const long target = held[i].b ? to_place[*held[i].b] : held[i].place_b;
    std::optional<finder::Subject> subject;
    if (held[i].a) {
      subject = SubjectOf(g, to_place, places, *held[i].a, policy.finder.area_radius_km);
    } else if (held[i].place_a) {
      subject = SubjectOfPlace(g, to_place, places, *held[i].place_a, policy.finder.area_radius_km);
    }
    if (subject && target >= 0) {
      finder::Options o;  // as find-partners asks by default
      pair.ranks = finder::RanksOf(places, *subject, o, policy.finder, relations, signals,
                                   static_cast<size_t>(target), params.seed);
    }
    if (!subject) {
      pair.miss = held[i].a ? FinderMiss::kCity1NoCoordinates : FinderMiss::kCity1NotFound;
    } else if (target < 0) {
      pair.miss = held[i].b ? FinderMiss::kCity2NotInGazetteer : FinderMiss::kCity2NotFound;
    } else if (pair.ranks[0] <= 0) {
      pair.miss = FinderMiss::kNotACandidate;
    }
    if (pair.ranks[0] > 0) ++report.rankable;
    for (size_t m = 0; m < report.methods.size(); ++m) {
      const double r = pair.ranks[m];
      if (r <= 0) continue;
      report.methods[m].mrr += 1.0 / r;
      for (size_t k = 0; k < params.ks.size(); ++k) {
        if (r <= static_cast<double>(params.ks[k])) report.methods[m].hits[k] += 1;
      }
    }
    report.ranks.push_back(std::move(pair));
  }
  if (params.progress) params.progress(held.size(), held.size());
  const double n = std::max<double>(1, static_cast<double>(report.pairs));
  for (FinderMethodScore& s : report.methods) {
    s.mrr /= n;
    for (double& h : s.hits) h /= n;
  }
  return report;
}

Result<FinderFitReport> FitFinder(const Engine& engine, const FinderFitParams& params) {
  auto world = engine.world();
  if (!world.ok()) return world.status();
  auto view = engine.view();
  if (!view.ok()) return view.status();
  const network::Graph& wiki = (*world)->wikipedia;
  const network::Graph& full = *(*view)->graph;
  FinderFitReport report;
  const std::vector<HeldOut> held =
      DefaultAndSample(wiki, full, params.holdout_sample, params.holdout_seed);
  report.held_out_ties = held.size();
  auto cut = Without(full, held);
  if (!cut.ok()) return cut.status();
  const network::Graph& g = *cut;
  const std::vector<finder::Place> places = GazetteerPlaces();
  if (places.empty()) {
    return Status::InvalidInput("the gazetteer is missing from this build: nothing to fit",
                                "gazetir tidak ada dalam build ini: tidak ada yang bisa dipasang");
  }
  const std::vector<long> to_place = NodePlaces(**world, g);
  const assess::FinderPolicy& policy = assess::DefaultPolicy().finder;
  finder::NetworkSignals signals = SignalsOf(g, to_place, places.size());
  const geo::Relations& relations = geo::Relations::Bundled();

  // Two strata of non-ties: places with ties in the network, and the others. Each
  // sampled non-tie stands for as many candidates as its stratum has per draw (its
  // weight), so that each tie's group estimates the softmax over all 135k candidates
  // that the ranking really is. (Until 2026-11-30 the weights were scaled to 1 on
  // average, as if each tie competed with its 20 draws only: a softer fit.)
  std::vector<size_t> networked, quiet;
  for (size_t i = 0; i < places.size(); ++i) {
    (signals.place_degree[i] > 0 ? networked : quiet).push_back(i);
  }
  const size_t half = std::max<size_t>(1, params.negatives / 2);
  const double w_networked = static_cast<double>(networked.size()) / static_cast<double>(half);
  const double w_quiet = static_cast<double>(quiet.size()) / static_cast<double>(half);
  std::unordered_map<uint32_t, geo::RelationStatus> relation_cache;
  auto related = [&](std::string_view a, std::string_view b) {
    const uint32_t key =
        (static_cast<uint32_t>(finder::CountryKey(a)) << 16) | finder::CountryKey(b);
    auto [it, inserted] = relation_cache.try_emplace(key);
    if (inserted) it->second = relations.StatusBetween(a, b);
    return it->second != geo::RelationStatus::kNone;
  };
  const finder::Options options;
  // The examples: every tie the finder could propose, with non-ties of its subject
  // drawn from the two strata. `first`: every tie as its subject's first (all the
  // subject's ties removed); otherwise the ties of subjects that keep at least one other.
  size_t positives = 0, negatives = 0;
  auto examples = [&](bool first, std::vector<Row>* rows) {
    std::mt19937_64 rng(params.seed);
    rows->clear();
    positives = negatives = 0;
    for (size_t u = 0; u < g.node_count(); ++u) {
      if (params.progress && u % 500 == 0) params.progress(u, g.node_count());
      if (g.degree(u) == 0 || (!first && g.degree(u) < 2)) continue;
      auto subject = SubjectOf(g, to_place, places, u, policy.area_radius_km);
      if (!subject) continue;
      // Undone last first: several removals change the same counts.
      std::vector<std::unique_ptr<TieRemoved>> all_removed;
      if (first) {
        for (size_t v : g.neighbours(u)) {
          all_removed.push_back(
              std::make_unique<TieRemoved>(g, to_place, u, v, &*subject, &signals));
        }
      }
      struct UndoLastFirst {
        std::vector<std::unique_ptr<TieRemoved>>* v;
        ~UndoLastFirst() {
          while (!v->empty()) v->pop_back();
        }
      } undo_last_first{&all_removed};
      // Folds by subject place, so that a fold's ties come from places the fit never saw.
      const uint32_t fold = static_cast<uint32_t>(std::hash<std::string>{}(g.node(u).id) %
                                                  std::max<size_t>(1, params.folds));
      for (size_t v : g.neighbours(u)) {
        const long pv = to_place[v];
        if (pv < 0) continue;
        const finder::Place& target = places[static_cast<size_t>(pv)];
        // Only ties the finder could propose are examples of what it should propose.
        finder::Subject probe;
        probe.country = subject->country;
        if (!finder::Eligible(target, static_cast<size_t>(pv), probe, options, policy, signals) ||
            !related(subject->country, target.country)) {
          continue;
        }
        // The tie and its non-ties as if it did not exist yet (as the evaluation sees a
        // held-out tie): the degrees, the countries' ties and the subject's common
        // partners through v, each without it.
        std::optional<TieRemoved> as_if;
        if (!first) as_if.emplace(g, to_place, u, v, &*subject, &signals);
        auto features = [&](size_t c) {
          const finder::Place& cp = places[c];
          return finder::FeaturesOf(cp, c, *subject,
                                    finder::SphereKm(subject->lat, subject->lon, cp.lat, cp.lon),
                                    signals);
        };
        Row pos;
        pos.x = features(static_cast<size_t>(pv));
        pos.y = 1;
        pos.fold = fold;
        pos.group = static_cast<uint32_t>(positives);
        rows->push_back(pos);
        ++positives;
        for (size_t k = 0; k < 2 * half; ++k) {
          const bool from_networked = k < half;
          const std::vector<size_t>& pool = from_networked ? networked : quiet;
          if (pool.empty()) continue;
          for (int attempt = 0; attempt < 50; ++attempt) {
            const size_t c = pool[static_cast<size_t>(rng() % pool.size())];
            const finder::Place& cp = places[c];
            if (!finder::Eligible(cp, c, *subject, options, policy, signals) ||
                !related(subject->country, cp.country)) {
              continue;
            }
            Row neg;
            neg.x = features(c);
            neg.y = 0;
            neg.w = from_networked ? w_networked : w_quiet;
            neg.fold = fold;
            neg.group = pos.group;
            rows->push_back(neg);
            ++negatives;
            break;
          }
        }
      }
    }
    if (params.progress) params.progress(g.node_count(), g.node_count());
  };
  auto fit = [&](bool first) {
    FinderFit out;
    std::vector<Row> rows;
    examples(first, &rows);
    Beta beta = FitConditional(rows, params.l2, static_cast<uint32_t>(params.folds));
    for (uint32_t f = 0; f < params.folds; ++f) {
      Beta fb = FitConditional(rows, params.l2, f);
      fb[0] = FitBias(rows, fb);
      out.folds.push_back(Score(rows, fb, f));
      out.fold_weights.push_back(WeightsOf(fb));
    }
    beta[0] = FitBias(rows, beta);
    out.weights = WeightsOf(beta);
    out.positives = positives;
    out.negatives = negatives;
    return out;
  };
  report.learned = fit(false);
  report.first_partner = fit(true);
  return report;
}

}  // namespace kembar::engine
