#include "kembar/finder/finder.h"

#include <algorithm>
#include <cmath>
#include <queue>

#include "kembar/geo/geodesy.h"
#include "kembar/io/json_writer.h"

namespace kembar::finder {

// data/reference/country_languages.csv, compiled in.
std::string_view CountryLanguagesCsv();

namespace {

constexpr double kEarthRadiusKm = 6371.0088;  // mean radius: ranking only
constexpr double kDegToRad = 3.14159265358979323846 / 180.0;

bool SameLevelFamily(Level a, Level b) {
  auto family = [](Level l) {
    switch (l) {
      case Level::kProvince:
      case Level::kState:
      case Level::kPrefecture:
        return 0;  // first-level divisions
      case Level::kCity:
      case Level::kRegency:
      case Level::kMunicipality:
        return 1;  // local governments
      case Level::kDistrict:
        return 2;
      default:
        return 3;
    }
  };
  return family(a) == family(b);
}

uint32_t FieldBits(const std::vector<Field>& fields) {
  uint32_t bits = 0;
  for (Field f : fields) bits |= uint32_t{1} << static_cast<uint32_t>(f);
  return bits;
}

constexpr const auto& kWeightMembers = assess::kFinderWeightMembers;
static_assert(std::size(kWeightMembers) == kFeatureCount);

struct CountryInfo {
  std::vector<std::string> languages;  // official, ISO 639-3
  uint16_t subregion = 0;              // 0: unknown
};

// Country -> its official languages and subregion, parsed once.
const std::unordered_map<uint16_t, CountryInfo>& Countries() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<uint16_t, CountryInfo>();
    std::unordered_map<std::string_view, uint16_t> subregions;
    std::string_view text = CountryLanguagesCsv();
    bool header = true;
    while (!text.empty()) {
      const size_t nl = text.find('\n');
      std::string_view line = text.substr(0, nl);
      text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
      if (header) {
        header = false;
        continue;
      }
      const size_t c1 = line.find(',');
      if (c1 == std::string_view::npos) continue;
      const size_t c2 = line.find(',', c1 + 1);
      std::string_view langs = line.substr(c1 + 1, c2 - c1 - 1);
      CountryInfo& info = (*t)[CountryKey(line.substr(0, c1))];
      // iso,languages,landlocked,subregion
      if (const size_t c3 = c2 == std::string_view::npos ? c2 : line.find(',', c2 + 1);
          c3 != std::string_view::npos && c3 + 1 < line.size()) {
        const auto [it, added] = subregions.try_emplace(
            line.substr(c3 + 1), static_cast<uint16_t>(subregions.size() + 1));
        info.subregion = it->second;
      }
      std::vector<std::string>& out = info.languages;
      while (!langs.empty()) {
        const size_t semi = langs.find(';');
        out.emplace_back(langs.substr(0, semi));
        langs = semi == std::string_view::npos ? std::string_view{} : langs.substr(semi + 1);
      }
    }
    return t;
  }();
  return *table;
}

}  // namespace

uint16_t SubregionOf(std::string_view iso) {
  const auto& table = Countries();
  auto it = table.find(CountryKey(iso));
  return it == table.end() ? 0 : it->second.subregion;
}

uint32_t RegionCountryKey(uint16_t subregion, std::string_view country) {
  return (static_cast<uint32_t>(subregion) << 16) | CountryKey(country);
}

void CountTie(std::string_view a, std::string_view b, int by, NetworkSignals* signals) {
  auto add = [by](auto& map, auto key) {
    auto [it, inserted] = map.try_emplace(key, 0);
    if (by < 0 && it->second == 0) return;
    it->second += by;
  };
  add(signals->country_ties, CountryPairKey(a, b));
  add(signals->country_total, CountryKey(a));
  add(signals->country_total, CountryKey(b));
  const uint16_t ra = SubregionOf(a), rb = SubregionOf(b);
  if (ra != 0) {
    add(signals->region_ties, RegionCountryKey(ra, b));
    add(signals->region_total, ra);
  }
  if (rb != 0) {
    add(signals->region_ties, RegionCountryKey(rb, a));
    add(signals->region_total, rb);
  }
}

double CountryAffinity(const NetworkSignals& signals, std::string_view subject_country,
                       std::string_view candidate_country) {
  auto count = [](const auto& map, auto key) -> double {
    auto it = map.find(key);
    return it == map.end() ? 0.0 : it->second;
  };
  // Pseudo-ties: a pair of countries with fewer ties than this expected by chance says
  // little, and is taken for what its neighbours show.
  constexpr double kPrior = 3;
  double all = 0;
  for (const auto& [country, ties] : signals.country_total) all += ties;
  if (all <= 0) return 0;
  const double own = count(signals.country_total, CountryKey(subject_country));
  const double theirs = count(signals.country_total, CountryKey(candidate_country));
  const double ties =
      count(signals.country_ties, CountryPairKey(subject_country, candidate_country));
  // The lift the subject's neighbours (the other countries of its subregion) show
  // towards the candidate's country, smoothed towards 1.
  double lift = 1;
  if (const uint16_t region = SubregionOf(subject_country); region != 0) {
    const double neighbours = count(signals.region_total, region) - own;
    const double with_neighbours =
        count(signals.region_ties, RegionCountryKey(region, candidate_country)) - ties;
    if (neighbours > 0) {
      lift = (std::max(0.0, with_neighbours) + kPrior) / (neighbours * theirs / all + kPrior);
    }
  }
  // The same from the other side: the subject's country with the candidate's neighbours.
  if (const uint16_t region = SubregionOf(candidate_country); region != 0) {
    const double neighbours = count(signals.region_total, region) - theirs;
    const double with_neighbours =
        count(signals.region_ties, RegionCountryKey(region, subject_country)) - ties;
    if (neighbours > 0) {
      lift = std::sqrt(lift * (std::max(0.0, with_neighbours) + kPrior) /
                       (neighbours * own / all + kPrior));
    }
  }
  return std::log((ties + kPrior * lift) / (own * theirs / all + kPrior));
}

namespace {

// What the subject brings to every candidate, computed once per query.
struct SubjectContext {
  const Subject& s;
  double log_pop = 0;
  bool port = false;
  bool has_pop = false;
};

SubjectContext ContextOf(const Subject& subject) {
  SubjectContext c{subject};
  c.has_pop = subject.population > 0;
  c.log_pop = c.has_pop ? std::log10(static_cast<double>(subject.population)) : 0;
  c.port = subject.port || std::find(subject.characteristics.begin(), subject.characteristics.end(),
                                     "port") != subject.characteristics.end();
  return c;
}

// Per candidate country: what the ranking needs of it, looked up once per query.
struct CountryFacts {
  geo::RelationStatus relation = geo::RelationStatus::kNone;
  uint32_t ties = 0;    // between the subject's country and this one
  double affinity = 0;  // CountryAffinity
  bool shared_language = false;
};

CountryFacts FactsOf(std::string_view subject_country, std::string_view country,
                     const NetworkSignals& signals, const geo::Relations* relations) {
  CountryFacts f;
  if (relations) f.relation = relations->StatusBetween(subject_country, country);
  if (auto it = signals.country_ties.find(CountryPairKey(subject_country, country));
      it != signals.country_ties.end()) {
    f.ties = it->second;
  }
  f.affinity = CountryAffinity(signals, subject_country, country);
  f.shared_language = ShareOfficialLanguage(subject_country, country);
  return f;
}

FeatureVector Features(const Place& p, size_t i, const SubjectContext& ctx, double distance_km,
                       const CountryFacts& country, uint32_t degree) {
  FeatureVector x{};
  const Subject& s = ctx.s;
  x[kLogDistance] = std::log1p(distance_km / 100.0);
  if (p.population > 0) {
    const double lp = std::log10(static_cast<double>(p.population));
    x[kLogPopulation] = lp;
    if (ctx.has_pop) x[kPopulationGap] = std::abs(lp - ctx.log_pop);
  }
  // The share of the candidate country's ties abroad that go to the subject's country:
  // with the candidate's degree, the ties its country is expected to make there.
  x[kCountryAffinity] = country.affinity;
  if (auto it = s.area_ties.find(i); it != s.area_ties.end()) x[kAreaTies] = std::log1p(it->second);
  if (degree > 0) {
    x[kLogDegree] = std::log1p(degree);
    if (auto it = s.common_partners.find(i); it != s.common_partners.end()) {
      x[kCommonPartners] = std::log1p(it->second);
    }
    if (auto it = s.adamic_adar.find(i); it != s.adamic_adar.end()) x[kAdamicAdar] = it->second;
  }
  x[kPortPair] = ctx.port && p.port ? 1 : 0;
  x[kCapital] = p.capital || p.admin_seat ? 1 : 0;
  x[kSameLevel] = SameLevelFamily(s.level, LevelOf(p)) ? 1 : 0;
  x[kSharedLanguage] = country.shared_language ? 1 : 0;
  // Namesakes twin (Córdoba, Boston, Perth): the same folded name.
  x[kSameName] = !s.name_key.empty() && p.key == s.name_key ? 1 : 0;
  // Capitals twin with capitals (Jakarta with Seoul, Beijing, Hanoi, Berlin, ...).
  x[kCapitalPair] = s.capital && p.capital ? 1 : 0;
  return x;
}

double Logit(const assess::FinderWeights& w, const FeatureVector& x, FeatureVector* contributions) {
  double z = w.bias;
  for (size_t f = 0; f < kFeatureCount; ++f) {
    const double c = w.*(kWeightMembers[f].second) * x[f];
    if (contributions) (*contributions)[f] = c;
    z += c;
  }
  return z;
}

uint32_t DegreeOf(const NetworkSignals& signals, size_t i) {
  return i < signals.place_degree.size() ? signals.place_degree[i] : 0;
}

// A reproducible uniform number in [0, 1) for (seed, place): the random baseline.
double Uniform(uint64_t seed, uint64_t i) {
  uint64_t z = seed * 0x9E3779B97F4A7C15ull + i + 0x632BE59BD9B4E019ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return static_cast<double>(z >> 11) / 9007199254740992.0;
}

}  // namespace

std::string_view FeatureName(Feature f) { return kWeightMembers[f].first; }
double WeightOf(const assess::FinderWeights& w, Feature f) { return w.*(kWeightMembers[f].second); }
void SetWeight(assess::FinderWeights* w, Feature f, double value) {
  w->*(kWeightMembers[f].second) = value;
}

uint16_t CountryKey(std::string_view iso) {
  if (iso.size() != 2) return 0;
  return static_cast<uint16_t>((static_cast<unsigned char>(iso[0]) << 8) |
                               static_cast<unsigned char>(iso[1]));
}

uint32_t CountryPairKey(std::string_view a, std::string_view b) {
  uint32_t ka = CountryKey(a), kb = CountryKey(b);
  if (ka > kb) std::swap(ka, kb);
  return (ka << 16) | kb;
}

bool ShareOfficialLanguage(std::string_view a, std::string_view b) {
  const auto& table = Countries();
  auto ia = table.find(CountryKey(a)), ib = table.find(CountryKey(b));
  if (ia == table.end() || ib == table.end()) return false;
  const std::vector<std::string>& lb = ib->second.languages;
  for (const std::string& l : ia->second.languages) {
    if (std::find(lb.begin(), lb.end(), l) != lb.end()) return true;
  }
  return false;
}

double SphereKm(double lat1, double lon1, double lat2, double lon2) {
  const double p1 = lat1 * kDegToRad, p2 = lat2 * kDegToRad;
  const double dp = p2 - p1, dl = (lon2 - lon1) * kDegToRad;
  const double a = std::sin(dp / 2) * std::sin(dp / 2) +
                   std::cos(p1) * std::cos(p2) * std::sin(dl / 2) * std::sin(dl / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

Level LevelOf(const Place& p) {
  return p.admin_seat || p.capital ? Level::kProvince : Level::kCity;
}

bool Eligible(const Place& p, size_t i, const Subject& subject, const Options& options,
              const assess::FinderPolicy& policy, const NetworkSignals& signals) {
  if (p.country == subject.country || subject.excluded.count(i)) return false;
  // Small places are left out, unless they twin already (a town with partners abroad
  // has shown it keeps them); an unknown population (0) is not held against a place.
  if (p.population > 0 && p.population < policy.min_population && !p.capital && !p.admin_seat &&
      (policy.small_place_min_ties == 0 || DegreeOf(signals, i) < policy.small_place_min_ties))
    return false;
  if (!options.country.empty() && p.country != options.country) return false;
  if (options.level && !SameLevelFamily(*options.level, LevelOf(p))) return false;
  return true;
}

FeatureVector FeaturesOf(const Place& place, size_t index, const Subject& subject,
                         double distance_km, const NetworkSignals& signals) {
  const SubjectContext ctx = ContextOf(subject);
  return Features(place, index, ctx, distance_km,
                  FactsOf(subject.country, place.country, signals, nullptr),
                  DegreeOf(signals, index));
}

std::string_view MethodName(Method m) {
  switch (m) {
    case Method::kFinder:
      return "finder";
    case Method::kGravity:
      return "gravity";
    case Method::kDegree:
      return "degree";
    case Method::kRandom:
      return "random";
  }
  return "";
}

std::array<double, 4> RanksOf(std::span<const Place> places, const Subject& subject,
                              const Options& options, const assess::FinderPolicy& policy,
                              const geo::Relations& relations, const NetworkSignals& signals,
                              size_t target, uint64_t seed) {
  std::array<double, 4> ranks{};
  if (target >= places.size() ||
      !Eligible(places[target], target, subject, options, policy, signals)) {
    return ranks;
  }
  const SubjectContext ctx = ContextOf(subject);
  const assess::FinderWeights& weights = WeightsFor(policy, subject);
  std::unordered_map<std::string_view, CountryFacts> facts;
  auto scores = [&](size_t i, const CountryFacts& cf) {
    const Place& p = places[i];
    const double km = SphereKm(subject.lat, subject.lon, p.lat, p.lon);
    const uint32_t degree = DegreeOf(signals, i);
    // As FindPartners orders them (exp(logit), the de facto factor).
    double finder = std::exp(Logit(weights, Features(p, i, ctx, km, cf, degree), nullptr));
    if (cf.relation == geo::RelationStatus::kDeFacto) finder *= policy.de_facto_factor;
    return std::array<double, 4>{finder, degree / std::max(km, 1.0), static_cast<double>(degree),
                                 Uniform(seed, i)};
  };
  auto facts_of = [&](std::string_view country) -> const CountryFacts& {
    auto [it, inserted] = facts.try_emplace(country);
    if (inserted) it->second = FactsOf(subject.country, country, signals, &relations);
    return it->second;
  };
  const CountryFacts& target_facts = facts_of(places[target].country);
  if (target_facts.relation == geo::RelationStatus::kNone) return ranks;
  const std::array<double, 4> t = scores(target, target_facts);
  std::array<size_t, 4> higher{}, equal{};
  for (size_t i = 0; i < places.size(); ++i) {
    if (i == target || !Eligible(places[i], i, subject, options, policy, signals)) continue;
    const CountryFacts& cf = facts_of(places[i].country);
    if (cf.relation == geo::RelationStatus::kNone) continue;
    const std::array<double, 4> s = scores(i, cf);
    for (size_t m = 0; m < 4; ++m) {
      if (s[m] > t[m]) {
        ++higher[m];
      } else if (s[m] == t[m]) {
        ++equal[m];
      }
    }
  }
  for (size_t m = 0; m < 4; ++m) ranks[m] = 1.0 + higher[m] + equal[m] / 2.0;
  return ranks;
}

const assess::FinderWeights& WeightsFor(const assess::FinderPolicy& policy,
                                        const Subject& subject) {
  return subject.degree == 0 ? policy.first_partner : policy.learned;
}

std::vector<Candidate> FindPartners(std::span<const Place> places, const Subject& subject,
                                    const KnownStrengths& strengths, const Options& options,
                                    const assess::FinderPolicy& policy,
                                    const geo::Relations& relations, geo::TimeZones& zones,
                                    const NetworkSignals& signals) {
  const std::vector<Field>& needs = options.needs.empty() ? subject.needs : options.needs;
  const uint32_t need_bits = FieldBits(needs);
  const int need_count = std::popcount(need_bits);
  const uint32_t offer_bits = FieldBits(subject.offers);
  const SubjectContext ctx = ContextOf(subject);
  const assess::FinderWeights& weights = WeightsFor(policy, subject);
  const bool subject_metro =
      subject.population >= policy.metropolitan_population ||
      std::find(subject.characteristics.begin(), subject.characteristics.end(), "metropolitan") !=
          subject.characteristics.end();
  const bool subject_capital =
      std::find(subject.characteristics.begin(), subject.characteristics.end(),
                "provincial_capital") != subject.characteristics.end() ||
      subject.level == Level::kProvince;
  int subject_offset = 0;
  bool subject_tz = false;
  if (!subject.timezone.empty()) {
    if (auto o = zones.OffsetMinutes(subject.timezone, options.today); o.ok()) {
      subject_offset = *o;
      subject_tz = true;
    }
  }
  // Per-query caches: a few hundred countries and zones for 100k+ places.
  std::unordered_map<std::string_view, CountryFacts> facts;
  std::unordered_map<std::string_view, std::optional<int>> offset_cache;

  // The learned score of a place (its ranking) before it is divided by all candidates'
  // (`base`: exp(logit) and the de facto factor), with the needs met by known strengths.
  auto rank_score = [&](size_t i, double km, const CountryFacts& cf, Candidate* out,
                        double* base = nullptr) {
    const Place& p = places[i];
    const uint32_t degree = DegreeOf(signals, i);
    const FeatureVector x = Features(p, i, ctx, km, cf, degree);
    FeatureVector contributions{};
    const double z = Logit(weights, x, out ? &contributions : nullptr);
    double score = std::exp(z);
    if (cf.relation == geo::RelationStatus::kDeFacto) score *= policy.de_facto_factor;
    if (base) *base = score;
    // Both directions that can be measured: the subject's needs against the
    // candidate's known strengths, the candidate's seeks against the subject's offers.
    int met = 0, asked = 0;
    if (need_count > 0) {
      if (auto it = strengths.find(i); it != strengths.end()) {
        met += std::popcount(it->second & need_bits);
        asked += need_count;
      }
    }
    if (offer_bits != 0) {
      if (auto it = options.seeks.find(i); it != options.seeks.end() && it->second != 0) {
        met += std::popcount(it->second & offer_bits);
        asked += std::popcount(it->second);
      }
    }
    double complementarity = 0;
    if (asked > 0) {
      complementarity = met / static_cast<double>(asked);
      score *= 1.0 + policy.needs_boost * complementarity;
    }
    if (out) {
      out->features = x;
      out->contributions = contributions;
      out->learned = z;
      out->components.complementarity = complementarity;
      out->complementarity_measured = asked > 0;
      out->country_ties = cf.ties;
      out->degree = degree;
    }
    return score;
  };

  // The descriptive components (what the place is like beside the subject), shown with
  // every candidate: level, similarity, proximity, network.
  auto describe = [&](size_t i, Candidate* c) {
    const Place& p = places[i];
    Components& k = c->components;
    k.level = SameLevelFamily(subject.level, LevelOf(p)) ? 1.0 : 0.3;
    if (subject.level != Level::kProvince && LevelOf(p) == Level::kProvince) k.level = 1.0;
    double sim = 0;
    int parts = 0;
    if (ctx.has_pop && p.population > 0) {
      sim += 1.0 - std::min(1.0, std::abs(std::log10(p.population) - ctx.log_pop) / 2.0);
      ++parts;
    }
    if (ctx.port) {
      sim += p.port ? 1.0 : 0.0;
      ++parts;
    }
    if (subject_metro) {
      sim += p.population >= policy.metropolitan_population ? 1.0 : 0.0;
      ++parts;
    }
    if (subject_capital) {
      sim += (p.admin_seat || p.capital) ? 1.0 : 0.0;
      ++parts;
    }
    k.similarity = parts ? sim / parts : 0;
    c->tz_gap_hours = 0;
    if (subject_tz && !p.timezone.empty()) {
      auto [it, inserted] = offset_cache.try_emplace(p.timezone);
      if (inserted) {
        auto o = zones.OffsetMinutes(p.timezone, options.today);
        if (o.ok()) it->second = *o;
      }
      if (it->second) c->tz_gap_hours = std::abs(*it->second - subject_offset) / 60.0;
    }
    k.proximity = std::max(0.0, std::exp(-c->distance_km / policy.proximity_scale_km) -
                                    policy.tz_penalty_per_hour * c->tz_gap_hours);
    k.network = 0;
    if (subject.partners_of_partners.count(i) || subject.common_partners.count(i)) k.network += 0.5;
    if (!subject.tied_countries.count(std::string(p.country))) k.network += 0.5;
  };

  struct Scored {
    double score;
    size_t place;
    bool operator<(const Scored& o) const {  // min-heap on score; the larger index loses ties
      return score != o.score ? score > o.score : place < o.place;
    }
  };
  std::priority_queue<Scored> best;  // the top-N so far, worst on top
  const size_t keep = std::max<size_t>(options.top, 1);
  // Two-way matches (profiles): each offers what the other seeks. Rare (a few places
  // have profiles), so every score is kept to rank those found below the top.
  auto two_way = [&](size_t i) {
    if (offer_bits == 0 || need_bits == 0) return false;
    auto seeks = options.seeks.find(i);
    auto offers = strengths.find(i);
    return seeks != options.seeks.end() && (seeks->second & offer_bits) != 0 &&
           offers != strengths.end() && (offers->second & need_bits) != 0;
  };
  const bool look_for_two_way =
      options.two_way_beyond_top > 0 && offer_bits != 0 && need_bits != 0 && !options.seeks.empty();
  std::vector<double> all_scores;
  // The sum of every candidate's exp(logit): the scores are shares of it (a softmax, as
  // the weights were fitted), so the bias cancels and a score is the chance that this
  // candidate is the partner, among all.
  double all_candidates = 0;
  std::vector<Scored> two_way_found;

  for (size_t i = 0; i < places.size(); ++i) {
    const Place& p = places[i];
    if (!Eligible(p, i, subject, options, policy, signals)) continue;
    auto [fit, inserted] = facts.try_emplace(p.country);
    if (inserted) fit->second = FactsOf(subject.country, p.country, signals, &relations);
    if (fit->second.relation == geo::RelationStatus::kNone) continue;  // Permendagri 25/2020
    double base = 0;
    const double score = rank_score(i, SphereKm(subject.lat, subject.lon, p.lat, p.lon),
                                    fit->second, nullptr, &base);
    all_candidates += base;
    if (look_for_two_way) {
      all_scores.push_back(score);
      if (two_way(i)) two_way_found.push_back({score, i});
    }
    if (best.size() < keep) {
      best.push({score, i});
    } else if (Scored{score, i} < best.top()) {
      best.pop();
      best.push({score, i});
    }
  }

  std::vector<size_t> top_places;
  while (!best.empty()) {
    top_places.push_back(best.top().place);
    best.pop();
  }
  std::reverse(top_places.begin(), top_places.end());  // best first
  std::vector<size_t> beyond;                          // two-way matches below the top, best first
  if (look_for_two_way) {
    std::sort(two_way_found.begin(), two_way_found.end(),
              [](const Scored& a, const Scored& b) { return b < a; });
    for (const Scored& s : two_way_found) {
      if (beyond.size() == options.two_way_beyond_top) break;
      if (std::find(top_places.begin(), top_places.end(), s.place) == top_places.end()) {
        beyond.push_back(s.place);
      }
    }
  }
  std::vector<Candidate> out;
  out.reserve(top_places.size() + beyond.size());
  std::vector<size_t> order = top_places;
  order.insert(order.end(), beyond.begin(), beyond.end());
  for (size_t i : order) {
    const Place& p = places[i];
    Candidate cand;
    cand.place = i;
    cand.level = LevelOf(p);
    const CountryFacts& cf = facts.at(p.country);
    cand.relations = cf.relation;
    // Ranked on the sphere; the geodesic distance is what the user reads.
    cand.score = rank_score(i, SphereKm(subject.lat, subject.lon, p.lat, p.lon), cf, &cand);
    cand.distance_km = geo::GeodesicDistanceMetres(subject.lat, subject.lon, p.lat, p.lon) / 1000.0;
    describe(i, &cand);
    if (auto it = subject.common_partners.find(i); it != subject.common_partners.end()) {
      cand.common_partners = it->second;
    }
    if (auto it = subject.area_ties.find(i); it != subject.area_ties.end()) {
      cand.area_ties = it->second;
    }
    if (auto it = strengths.find(i); it != strengths.end()) {
      cand.strengths_known = true;
      for (Field f : needs) {
        if (it->second & (uint32_t{1} << static_cast<uint32_t>(f)))
          cand.strengths_meeting_needs.push_back(f);
      }
    } else if (need_count > 0) {
      cand.flags.emplace_back("no_known_strengths");
    }
    if (auto it = options.seeks.find(i); it != options.seeks.end() && it->second != 0) {
      cand.seeks_known = true;
      for (Field f : subject.offers) {
        if (it->second & (uint32_t{1} << static_cast<uint32_t>(f)))
          cand.offers_meeting_seeks.push_back(f);
      }
    }
    if (cand.relations == geo::RelationStatus::kDeFacto)
      cand.flags.emplace_back("de_facto_relations");
    if (subject.partners_of_partners.count(i) || cand.common_partners > 0) {
      cand.flags.emplace_back("partner_of_partner");
    }
    if (!subject.tied_countries.count(std::string(p.country)))
      cand.flags.emplace_back("new_country");
    if (p.port) cand.flags.emplace_back("port");
    out.push_back(std::move(cand));
  }
  const auto by_score = [](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.place < b.place;
  };
  std::sort(out.begin(), out.begin() + static_cast<long>(top_places.size()), by_score);
  for (size_t k = 0; k < out.size(); ++k) {
    if (k < top_places.size()) {
      out[k].rank = k + 1;
    } else {  // ranked among every candidate scored
      out[k].rank =
          1 + static_cast<size_t>(std::count_if(all_scores.begin(), all_scores.end(),
                                                [&](double v) { return v > out[k].score; }));
      out[k].beyond_top = true;
    }
    if (!out[k].strengths_meeting_needs.empty() && !out[k].offers_meeting_seeks.empty()) {
      out[k].flags.emplace_back("two_way_match");
    }
  }
  for (Candidate& c : out) c.score = all_candidates > 0 ? c.score / all_candidates : 0;
  return out;
}

}  // namespace kembar::finder
