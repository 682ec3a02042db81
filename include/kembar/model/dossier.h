// The domain model of dossier-v1: regions, partnerships and their timelines.
// Small value types; each event type has its own members (EventDetails), and every
// member the product does not model is kept verbatim in `extra` so that
// import -> export loses nothing.
#ifndef KEMBAR_MODEL_DOSSIER_H_
#define KEMBAR_MODEL_DOSSIER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "kembar/model/date.h"
#include "kembar/model/vocab.h"

namespace kembar {

// Members kept as written: (name, minified JSON value), in document order.
using ExtraMembers = std::vector<std::pair<std::string, std::string>>;

// Who to write to about a partnership (dossier-v1 region `profile.contact`).
struct Contact {
  std::optional<std::string> name;
  std::optional<std::string> office;  // unit, e.g. "Bagian Kerja Sama"
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<std::string> url;
  ExtraMembers extra;
};

// A region's partner-wanted profile (dossier-v1 region `profile`): the fields it seeks
// in a partner and those it offers, the levels and countries it prefers, a contact,
// and where the profile comes from. Every member is optional.
struct RegionProfile {
  std::optional<std::vector<Field>> seeks;
  std::optional<std::vector<Field>> offers;
  std::optional<std::vector<Level>> levels;
  std::optional<std::vector<std::string>> countries;  // ISO 3166-1 alpha-2
  std::optional<Contact> contact;
  std::optional<std::string> source;  // citation: where the profile was stated
  std::optional<PartialDate> updated;
  ExtraMembers extra;
};

struct Region {
  std::string id;
  std::string name;
  std::vector<std::pair<std::string, std::string>> names;  // language tag -> name
  bool has_names = false;
  std::string country;  // ISO 3166-1 alpha-2
  Level level = Level::kOther;
  std::optional<std::string> parent;
  std::optional<double> lat;
  std::optional<double> lon;
  std::optional<uint64_t> population;
  std::optional<std::string> timezone;  // IANA name
  std::optional<std::vector<std::string>> characteristics;
  std::optional<std::vector<Field>> strengths;
  std::optional<std::vector<Field>> needs;
  std::optional<RegionProfile> profile;
  ExtraMembers extra;
};

// --- Event details, one struct per event type (docs/dossier-v1.md, "Event types"). ---

struct Initiated {};  // `side` (common) says who proposed
struct Visit {
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::optional<uint64_t> participants;
};
struct LoiSigned {};
struct CentralConsultation {
  std::optional<ConsultationOutcome> outcome;
};
struct DprdApproved {};
struct Validity {
  std::optional<double> valid_years;
  std::optional<PartialDate> valid_until;
};
struct MouSigned {
  Validity validity;
  std::optional<std::vector<Field>> fields;
};
struct MouRenewed {
  Validity validity;
  std::optional<std::vector<Field>> fields;
};
struct ActionPlan {
  std::optional<std::vector<Field>> fields;
  std::optional<std::vector<std::string>> items;
};
struct Budget {
  std::optional<double> amount;
  std::optional<std::string> currency;  // ISO 4217
  std::optional<BudgetSource> source;
  ExtraMembers extra;
};
struct Activity {
  std::optional<Field> field;
  std::optional<std::string> provider;     // region id or "both"
  std::optional<std::string> beneficiary;  // region id or "both"
  std::optional<std::string> host;         // region id or "online"
  std::optional<uint64_t> participants;
  std::optional<std::vector<Sector>> sectors;
  std::optional<Budget> budget;
  std::optional<std::vector<std::string>> outputs;
  std::optional<std::vector<std::string>> outcomes;
  std::optional<SmartDimension> smart_dimension;
};
struct Communication {
  std::optional<std::string> from;
  std::optional<std::string> channel;
  std::optional<bool> responded;
};
struct LeaderChanged {
  std::optional<std::string> name;
};
struct PicChanged {};
struct PolicyChange {
  std::optional<PolicyLevel> level;
};
struct ExternalShock {
  std::optional<ShockKind> kind;
};
struct Suspended {
  std::optional<std::string> reason;
};
struct Terminated {
  std::optional<std::string> reason;
};
struct Reactivated {};
struct Evaluation {
  std::optional<std::vector<std::string>> findings;
};
struct Note {};

// Alternative index == EventType value (checked by a static_assert in the reader).
using EventDetails =
    std::variant<Initiated, Visit, LoiSigned, CentralConsultation, DprdApproved, MouSigned,
                 MouRenewed, ActionPlan, Activity, Communication, LeaderChanged, PicChanged,
                 PolicyChange, ExternalShock, Suspended, Terminated, Reactivated, Evaluation, Note>;

struct Event {
  Period date;  // a partial date or a period "START/END"
  std::optional<std::string> id;
  std::optional<std::string> side;  // region id that acted
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<std::string> source;  // citation: where this fact was seen
  EventDetails details;
  ExtraMembers extra;

  EventType type() const { return static_cast<EventType>(details.index()); }
};

struct Partnership {
  std::string id;
  PartnershipKind kind = PartnershipKind::kSisterCity;
  std::optional<std::string> title;
  std::string home;     // parties[0]: the region whose government keeps the record
  std::string partner;  // parties[1]
  std::optional<std::vector<Field>> fields;
  std::vector<Event> events;  // in document order
  ExtraMembers extra;
};

struct Dossier {
  std::vector<Region> regions;
  std::vector<Partnership> partnerships;
  ExtraMembers extra;  // top-level members beyond format/regions/partnerships
};

inline constexpr std::string_view kDossierFormat = "kembar-dossier/1";

}  // namespace kembar

#endif  // KEMBAR_MODEL_DOSSIER_H_
