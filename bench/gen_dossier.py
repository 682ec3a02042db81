#!/usr/bin/env python3
"""Generate a synthetic dossier-v1 document for the import/validation benchmark.

Usage: gen_dossier.py N OUT.json [--events 20] [--seed 1] [--pairs PATH]

N partnerships are built from the real city pairs of twin_cities_wikipedia.csv
(columns city1,country1,lat1,lng1,city2,country2,lat2,lng2; default path
data/twin_cities_wikipedia.csv under the repository root). When N exceeds the number
of usable rows the pairs are cycled: cycle c > 0 is a disjoint copy of the network whose
region and partnership ids carry the suffix ".c<c>", so regions grow with N.

Each partnership gets --events events: a synthetic timeline in date order using all 19
event types (when --events >= 19) with their type-specific members and valid
vocabulary values; dates are real calendar dates at year, month or day precision.

The output is streamed (one region or partnership per line), so 100k partnerships
(~2M events) need little memory. Python 3 standard library only.

Pair data: Sister-city pairs from Wikipedia (CC BY-SA 4.0), compiled by the
Hekman/twincities project; coordinates (c) OpenStreetMap contributors (ODbL).
"""

import argparse
import csv
import datetime
import json
import os
import random
import re
import sys
import unicodedata

# --- dossier-v1 vocabularies (docs/dossier-v1.md, schemas/dossier-v1.schema.json) ---

FIELDS = ["port_logistics", "education", "science_technology", "culture", "tourism",
          "environment", "economy_trade", "investment", "creative_economy", "smart_city",
          "human_resources", "sports", "urban_planning", "infrastructure", "e_government",
          "agriculture", "flood_management", "smes", "health", "youth", "governance", "other"]
SECTORS = ["local_government", "parliament", "central_government", "embassy", "academia",
           "school", "business", "ngo", "community", "civil_society", "media", "sports_club",
           "other"]
OUTCOMES = ["approved", "rejected", "pending"]
BUDGET_SOURCES = ["apbd", "apbn", "partner", "csr", "other"]
SMART_DIMENSIONS = ["economy", "environment", "governance", "living", "mobility", "people"]
POLICY_LEVELS = ["local", "national", "global"]
SHOCK_KINDS = ["pandemic", "disaster", "economic_crisis", "conflict", "other"]

# The 19 event types in a plausible life-cycle order.
LIFECYCLE = ["initiated", "communication", "visit", "loi_signed", "central_consultation",
             "dprd_approved", "mou_signed", "action_plan", "activity", "leader_changed",
             "pic_changed", "policy_change", "external_shock", "suspended", "reactivated",
             "evaluation", "mou_renewed", "note", "terminated"]
FIRST_MIDDLE = LIFECYCLE.index("activity")  # extra events go after the action plan
FILLERS = ["activity", "activity", "activity", "visit", "communication", "note"]

# --- country names as they occur in the CSV -> ISO 3166-1 alpha-2 ---

COUNTRY_ISO = {
    "Afghanistan": "AF", "Albania": "AL", "Algeria": "DZ", "Andorra": "AD", "Angola": "AO",
    "Antigua and Barbuda": "AG", "Argentina": "AR", "Armenia": "AM", "Australia": "AU",
    "Austria": "AT", "Azerbaijan": "AZ", "Bahamas": "BS", "Bahrain": "BH",
    "Bangladesh": "BD", "Barbados": "BB", "Belarus": "BY", "Belgium": "BE", "Belize": "BZ",
    "Benin": "BJ", "Bermuda": "BM", "Bolivia": "BO", "Bosnia and Hercegovina": "BA",
    "Bosnia and Herzegovina": "BA", "Botswana": "BW", "Brazil": "BR", "Brunei": "BN",
    "Bulgaria": "BG", "Burkina Faso": "BF", "Burundi": "BI", "Cambodia": "KH",
    "Cameroon": "CM", "Canada": "CA", "Cape Verde": "CV", "Central African Republic": "CF",
    "Chad": "TD", "Chile": "CL", "China": "CN", "Colombia": "CO", "Congo": "CG",
    "Cook Islands": "CK", "Costa Rica": "CR", "Croatia": "HR", "Cuba": "CU", "Cyprus": "CY",
    "Czech Republic": "CZ", "Democratic Republic of the Congo": "CD", "Denmark": "DK",
    "Djibouti": "DJ", "Dominica": "DM", "Dominican Republic": "DO", "East Timor": "TL",
    "Ecuador": "EC", "Egypt": "EG", "El Salvador": "SV", "England": "GB",
    "Equatorial Guinea": "GQ", "Estonia": "EE", "Eswatini": "SZ", "Ethiopia": "ET",
    "Falkland Islands": "FK", "Faroe Islands": "FO", "Federated States of Micronesia": "FM",
    "Fiji": "FJ", "Finland": "FI", "France": "FR", "French Polynesia": "PF", "Gabon": "GA",
    "Gambia": "GM", "Georgia": "GE", "Georgia (country)": "GE", "Germany": "DE",
    "Ghana": "GH", "Gibraltar": "GI", "Grece": "GR", "Greece": "GR", "Greenland": "GL",
    "Grenada": "GD", "Guam": "GU", "Guatemala": "GT", "Guinea": "GN",
    "Guinea-Bissau": "GW", "Guyana": "GY", "Haiti": "HT", "Honduras": "HN",
    "Hungary": "HU", "Iceland": "IS", "Island": "IS", "India": "IN", "Indonesia": "ID",
    "Iran": "IR", "Iraq": "IQ", "Ireland": "IE", "Isle of Man": "IM", "Israel": "IL",
    "Italy": "IT", "Ivory Coast": "CI", "Jamaica": "JM", "Japan": "JP", "Jersey": "JE",
    "Jordan": "JO", "Kazakhstah": "KZ", "Kazakhstan": "KZ", "Kenya": "KE", "Kosovo": "XK",
    "Kuwait": "KW", "Kyrgyzstan": "KG", "Laos": "LA", "Latvia": "LV", "Lebanon": "LB",
    "Lesotho": "LS", "Liberia": "LR", "Libya": "LY", "Lithuania": "LT",
    "Luxembourg": "LU", "Madagascar": "MG", "Madagaskar": "MG", "Malawi": "MW",
    "Malaysia": "MY", "Maldives": "MV", "Mali": "ML", "Malta": "MT",
    "Marshall Islands": "MH", "Mauritania": "MR", "Mauritius": "MU", "Mayotte": "YT",
    "Mexico": "MX", "Micronesia": "FM", "Moldavia": "MD", "Moldova": "MD", "Monaco": "MC",
    "Mongolia": "MN", "Montenegro": "ME", "Morocco": "MA", "Mozambique": "MZ",
    "Myanmar": "MM", "Namibia": "NA", "Nepal": "NP", "Netherlands": "NL",
    "New Caledonia": "NC", "New Zealand": "NZ", "Nicaragua": "NI", "Niger": "NE",
    "Nigeria": "NG", "North Korea": "KP", "North Macedonia": "MK",
    "Northern Cyprus": "CY", "Northern Mariana Islands": "MP", "Norway": "NO",
    "Oman": "OM", "Pakistan": "PK", "Palau": "PW", "Palestine": "PS", "Panama": "PA",
    "Papua New Guinea": "PG", "Paraguay": "PY", "Peru": "PE", "Philippines": "PH",
    "Poland": "PL", "Portugal": "PT", "Puerto Rico": "PR", "Qatar": "QA",
    "Republic of Ireland": "IE", "Romania": "RO", "Russia": "RU", "Rwanda": "RW",
    "Saint Kitts and Nevis": "KN", "Saint Lucia": "LC",
    "Saint Vincent and the Grenadines": "VC", "Samoa": "WS", "San Marino": "SM",
    "Saudi Arabia": "SA", "Scotland": "GB", "Senegal": "SN", "Serbia": "RS",
    "Seychelles": "SC", "Sierra Leone": "SL", "Slovakia": "SK", "Slovenia": "SI",
    "Solomon Islands": "SB", "Somalia": "SO", "South Africa": "ZA", "South Korea": "KR",
    "Spain": "ES", "Sri Lanka": "LK", "Sudan": "SD", "Surinam": "SR", "Suriname": "SR",
    "Sweden": "SE", "Switzerland": "CH", "Syria": "SY", "São Tomé and Príncipe": "ST",
    "Taiwan": "TW", "Tajikistan": "TJ", "Tanzania": "TZ", "Thailand": "TH",
    "Timor-Leste": "TL", "Togo": "TG", "Tonga": "TO", "Trinidad and Tobago": "TT",
    "Tunisia": "TN", "Turkey": "TR", "Turkmenistan": "TM", "Uganda": "UG",
    "Ukraine": "UA", "United Arab Emirates": "AE", "United Kingdom": "GB",
    "United States": "US", "Uruguay": "UY", "Uzbekistan": "UZ", "Vanuatu": "VU",
    "Venezuela": "VE", "Vietnam": "VN", "Wales": "GB", "West Bank": "PS",
    "Western Sahara": "EH", "Yemen": "YE", "Zambia": "ZM", "Zimbabwe": "ZW",
    # Places outside the sovereign list, and "Region, Country" spellings not resolved below.
    "Réunion": "RE", "Guadeloupe": "GP", "Martinique": "MQ", "French Guiana": "GF",
    "Åland Islands": "AX",
}

CURRENCY = {"ID": "IDR", "JP": "JPY", "US": "USD", "GB": "GBP", "CN": "CNY", "KR": "KRW",
            "AU": "AUD", "DE": "EUR", "FR": "EUR", "IT": "EUR", "NL": "EUR", "ES": "EUR"}


def country_iso(name):
    """ISO-2 code for a CSV country spelling, or None when it cannot be resolved."""
    name = name.strip()
    if name.startswith("in "):
        name = name[3:]
    if name in COUNTRY_ISO:
        return COUNTRY_ISO[name]
    if "," in name:  # "Algarve, Portugal", "Réunion, France", "Ohio, United States"
        head, tail = (s.strip() for s in name.rsplit(",", 1))
        if head in COUNTRY_ISO:  # overseas places with their own code
            return COUNTRY_ISO[head]
        return COUNTRY_ISO.get(tail)
    return None


_NON_ID = re.compile(r"[^a-z0-9]+")


def slug(name, limit=48):
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    s = _NON_ID.sub("-", ascii_name.lower()).strip("-")[:limit].strip("-")
    return s or "place"


def parse_coord(text, bound):
    try:
        v = float(text)
    except ValueError:
        return None
    return v if -bound <= v <= bound else None


def load_pairs(path):
    """Regions (deduplicated by city and country) and pairs (home index, partner index)."""
    regions = []  # dicts without the cycle suffix
    index = {}
    pairs = []
    skipped = 0

    def region(city, country, lat, lng):
        iso = country_iso(country)
        city = city.strip()
        if iso is None or not city:
            return None
        key = (city, iso)
        i = index.get(key)
        if i is None:
            i = len(regions)
            index[key] = i
            regions.append({"id": "%s-%s-%d" % (iso.lower(), slug(city), i), "name": city[:200],
                            "iso": iso, "lat": parse_coord(lat, 90), "lon": parse_coord(lng, 180)})
        return i

    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            a = region(row["city1"], row["country1"], row["lat1"], row["lng1"])
            b = region(row["city2"], row["country2"], row["lat2"], row["lng2"])
            if a is None or b is None or a == b:
                skipped += 1
                continue
            pairs.append((a, b))
    return regions, pairs, skipped


def dumps(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def region_level(rng, iso):
    r = rng.random()
    if iso == "ID":
        return "city" if r < 0.5 else ("regency" if r < 0.9 else "province")
    if iso == "JP" and r < 0.1:
        return "prefecture"
    if iso == "US" and r < 0.05:
        return "state"
    if r < 0.75:
        return "city"
    if r < 0.9:
        return "municipality"
    if r < 0.97:
        return "district"
    return "other"


def make_region(rng, base, suffix):
    rid = base["id"] + suffix
    out = {"id": rid, "name": base["name"], "country": base["iso"],
           "level": region_level(rng, base["iso"])}
    if base["lat"] is not None and base["lon"] is not None:
        out["lat"] = base["lat"]
        out["lon"] = base["lon"]
    if rng.random() < 0.2:
        out["population"] = rng.randrange(1000, 5000000)
        out["strengths"] = rng.sample(FIELDS, rng.randint(1, 4))
        out["needs"] = rng.sample(FIELDS, rng.randint(1, 3))
        out["characteristics"] = rng.sample(["port", "metropolitan", "coastal", "industrial",
                                             "historic", "university_town", "rural"], 2)
    if base["iso"] == "ID" and rng.random() < 0.5:
        out["names"] = {"id": "Kota " + base["name"], "en": base["name"] + " City"}
        out["timezone"] = "Asia/Jakarta"
    return out


class Timeline:
    """Strictly non-decreasing real calendar days, printed at mixed precision."""

    LAST = datetime.date(2025, 12, 31).toordinal()

    def __init__(self, rng):
        self.rng = rng
        self.day = datetime.date(rng.randint(1960, 1998), 1, 1).toordinal() + rng.randrange(365)

    def next(self):
        rng = self.rng
        self.day = min(self.day + rng.randint(20, 700), self.LAST)
        return self.format(datetime.date.fromordinal(self.day))

    def format(self, d):
        r = self.rng.random()
        if r < 0.5:
            return "%04d-%02d-%02d" % (d.year, d.month, d.day)
        if r < 0.8:
            return "%04d-%02d" % (d.year, d.month)
        return "%04d" % d.year

    def later(self, years):
        d = datetime.date.fromordinal(self.day)
        return self.format(d.replace(year=d.year + years, day=min(d.day, 28)))


def event_types(rng, n):
    if n >= len(LIFECYCLE):
        extra = sorted(rng.randrange(FIRST_MIDDLE, len(LIFECYCLE)) for _ in range(n - len(LIFECYCLE)))
        out = []
        k = 0
        for i, t in enumerate(LIFECYCLE):
            while k < len(extra) and extra[k] == i:
                out.append(rng.choice(FILLERS))
                k += 1
            out.append(t)
        return out
    return [LIFECYCLE[i] for i in sorted(rng.sample(range(len(LIFECYCLE)), n))]


def make_event(rng, i, etype, tl, home, partner, names):
    e = {"type": etype, "date": tl.next()}
    if rng.random() < 0.9:
        e["id"] = "e%d" % i
    side = home if rng.random() < 0.6 else partner
    other = partner if side == home else home
    if rng.random() < 0.3:
        e["source"] = "Laporan kerja sama %s, hlm. %d" % (names[0], rng.randint(1, 200))
    if etype == "initiated":
        e["side"] = side
        e["title"] = "First proposal from %s" % (names[0] if side == home else names[1])
    elif etype == "visit":
        e["from"] = side
        e["to"] = other
        e["participants"] = rng.randint(2, 60)
        e["title"] = "Delegation visit"
    elif etype == "loi_signed":
        e["title"] = "Letter of Intent %s \u2013 %s" % names
    elif etype == "central_consultation":
        e["outcome"] = rng.choice(OUTCOMES)
    elif etype == "dprd_approved":
        e["side"] = home
    elif etype == "mou_signed":
        e["fields"] = rng.sample(FIELDS, rng.randint(2, 5))
        if rng.random() < 0.5:
            e["valid_years"] = rng.choice([2, 3, 5, 10])
        else:
            e["valid_until"] = tl.later(5)
        e["title"] = "Memorandum of Understanding \"%s\"" % names[1]
    elif etype == "mou_renewed":
        if rng.random() < 0.5:
            e["valid_years"] = rng.choice([2.5, 3, 5])
        else:
            e["valid_until"] = tl.later(3)
        if rng.random() < 0.5:
            e["fields"] = rng.sample(FIELDS, 2)
    elif etype == "action_plan":
        e["fields"] = rng.sample(FIELDS, rng.randint(1, 3))
        e["items"] = ["Pertukaran pelajar", "Pelatihan aparatur", "Promosi wisata bersama"][:rng.randint(1, 3)]
    elif etype == "activity":
        e["field"] = rng.choice(FIELDS)
        e["provider"] = rng.choice((home, partner, "both"))
        e["beneficiary"] = rng.choice((home, partner, "both"))
        e["host"] = rng.choice((home, partner, "online"))
        e["participants"] = rng.randint(0, 400)
        e["sectors"] = rng.sample(SECTORS, rng.randint(1, 4))
        if rng.random() < 0.6:
            iso = home.split("-", 1)[0].upper()
            e["budget"] = {"amount": round(rng.uniform(1e3, 5e8), 2),
                           "currency": CURRENCY.get(iso, "USD"),
                           "source": rng.choice(BUDGET_SOURCES)}
        e["outputs"] = ["Laporan kegiatan", "MoU turunan"][:rng.randint(1, 2)]
        if rng.random() < 0.5:
            e["outcomes"] = ["Peningkatan kapasitas\n\"SDM\" daerah"]
        e["smart_dimension"] = rng.choice(SMART_DIMENSIONS)
        e["title"] = "Program pertukaran %s" % e["field"].replace("_", " ")
        if rng.random() < 0.3:
            e["description"] = ("Kegiatan bersama %s dan %s; peserta dari sekolah, universitas "
                                "dan dinas terkait. Hasil dicatat dalam laporan tahunan." % names)
    elif etype == "communication":
        e["from"] = side
        e["channel"] = rng.choice(("letter", "email", "meeting", "video_call"))
        e["responded"] = rng.random() < 0.7
    elif etype == "leader_changed":
        e["side"] = side
        e["name"] = rng.choice(("Budi Santoso", "Tri Rismaharini", "Joanne Anderson", "J\u00fcrgen M\u00fcller", "\u5c71\u7530\u592a\u90ce"))
    elif etype == "pic_changed":
        e["side"] = side
    elif etype == "policy_change":
        e["level"] = rng.choice(POLICY_LEVELS)
        e["side"] = side
    elif etype == "external_shock":
        e["kind"] = rng.choice(SHOCK_KINDS)
    elif etype == "suspended":
        e["reason"] = rng.choice(("budget cuts", "pandemic", "no response from partner"))
    elif etype == "terminated":
        e["reason"] = "no activity for several years"
    elif etype == "reactivated":
        e["side"] = side
    elif etype == "evaluation":
        e["findings"] = ["Kegiatan berjalan", "Perlu tindak lanjut\tanggaran"][:rng.randint(1, 2)]
    elif etype == "note":
        e["description"] = "Catatan: arsip surat-menyurat disimpan di bagian kerja sama \\ biro hukum."
    return e


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of partnerships")
    ap.add_argument("out", help="output JSON file ('-' for stdout)")
    ap.add_argument("--events", type=int, default=20, help="events per partnership (default 20)")
    ap.add_argument("--seed", type=int, default=1)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--pairs", default=os.path.join(root, "data", "twin_cities_wikipedia.csv"),
                    help="city-pair CSV (default: data/twin_cities_wikipedia.csv in the repository)")
    args = ap.parse_args(argv)
    if args.n < 0 or args.events < 0:
        ap.error("N and --events must not be negative")
    if not os.path.exists(args.pairs):
        ap.error("pair CSV not found: %s (pass --pairs PATH)" % args.pairs)

    base_regions, pairs, skipped = load_pairs(args.pairs)
    if not pairs:
        ap.error("no usable pairs in %s" % args.pairs)
    rng = random.Random(args.seed)
    rows = len(pairs)
    cycles = (args.n + rows - 1) // rows

    def suffix(c):
        return "" if c == 0 else ".c%d" % c

    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8", buffering=1 << 20)
    try:
        out.write('{"format":"kembar-dossier/1",\n"regions":[')
        first = True
        n_regions = 0
        for c in range(cycles):
            used = min(rows, args.n - c * rows)
            seen = bytearray(len(base_regions))
            for a, b in pairs[:used]:
                for r in (a, b):
                    if not seen[r]:
                        seen[r] = 1
                        out.write("\n" if first else ",\n")
                        first = False
                        out.write(dumps(make_region(rng, base_regions[r], suffix(c))))
                        n_regions += 1
        out.write('\n],\n"partnerships":[')
        n_events = 0
        for p in range(args.n):
            c, row = divmod(p, rows)
            a, b = pairs[row]
            home = base_regions[a]["id"] + suffix(c)
            partner = base_regions[b]["id"] + suffix(c)
            names = (base_regions[a]["name"], base_regions[b]["name"])
            levels = rng.random()
            part = {"id": "pair-%d%s" % (row, suffix(c)),
                    "kind": "sister_city" if levels < 0.9 else ("sister_province" if levels < 0.98 else "institution"),
                    "parties": [home, partner]}
            if rng.random() < 0.5:
                part["title"] = "Kerja sama %s \u2013 %s" % names
                part["fields"] = rng.sample(FIELDS, rng.randint(1, 4))
            tl = Timeline(rng)
            part["events"] = [make_event(rng, i, t, tl, home, partner, names)
                              for i, t in enumerate(event_types(rng, args.events))]
            n_events += len(part["events"])
            out.write("\n" if p == 0 else ",\n")
            out.write(dumps(part))
        out.write("\n]}\n")
    finally:
        if out is not sys.stdout:
            out.close()
    print("wrote %s: %d regions, %d partnerships, %d events (%d CSV rows skipped, %d cycle(s))"
          % (args.out, n_regions, args.n, n_events, skipped, cycles), file=sys.stderr)


if __name__ == "__main__":
    main()
