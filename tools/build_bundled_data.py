#!/usr/bin/env python3
"""Builds data/indonesia.dossier.json from the hand-curated study data and the
Wikipedia twin-city pairs that involve Indonesia.

    tools/build_bundled_data.py [--curated data/src/indonesia.curated.json]
                                [--pairs data/twin_cities_wikipedia.csv]
                                [--out data/indonesia.dossier.json]

The curated file holds what the studies say (every event with its `source`). Each
Wikipedia pair involving Indonesia becomes a partnership without events, marked with
the member "source": "Wikipedia"; a pair the studies already cover is not duplicated,
the curated partnership gets "listed_on_wikipedia": true instead. Pairs listed from
both sides are merged. The curated file is checked first for what the schema cannot
say (dates exist, a period "START/END" does not end before it starts, region ids resolve,
event ids are unique in their partnership, every event has a source). Stdlib only;
deterministic output (sorted, stable ids).
"""
import argparse
import calendar
import csv
import datetime
import json
import re
import sys
import unicodedata

ATTRIBUTION = (
    "Sister-city pairs from Wikipedia (CC BY-SA 4.0), compiled by the Hekman/twincities "
    "project; coordinates © OpenStreetMap contributors (ODbL).")

# The studies the curated data comes from; each curated event names its study (and,
# where the study allows, its section or table) in `source`.
STUDIES = (
    "Partnership timelines, fields and region profiles from four studies, and nothing they "
    "do not say: Handayani & Zahidi (2024), Implementasi Smart City Surabaya-Liverpool "
    "Tahun 2018-2023, Jurnal Sospol 10(1), doi:10.22219/jurnalsospol.v10i1.32818; "
    "Rochman (n.d.), Pengelolaan Kota melalui Jejaring Sister City: Kasus Studi dari "
    "Indonesia, Universitas Islam Bandung (data of 2013); Putri (2017), Kegagalan Kerjasama "
    "Sister City Kota Semarang dengan Kota Beihai, Universitas Diponegoro; the skripsi "
    "Latar Belakang Kerjasama Program Sister City Kota Surabaya – Liverpool. Each event "
    "names its study, and where possible its section or table, in `source`.")

# Country strings of the Indonesian rows -> ISO 3166-1 alpha-2.
COUNTRY = {
    "Australia": "AU", "Belgium": "BE", "Bulgaria": "BG", "China": "CN", "England": "GB",
    "England, United Kingdom": "GB", "Germany": "DE", "Hungary": "HU", "Indonesia": "ID",
    "Netherlands": "NL", "Turkey": "TR", "Uzbekistan": "UZ", "Philippines": "PH",
    "Ecuador": "EC", "United States": "US", "Malaysia": "MY", "South Korea": "KR",
    "South Africa": "ZA", "Russia": "RU", "Thailand": "TH", "Morocco": "MA",
    "Vietnam": "VN", "Pakistan": "PK", "Saudi Arabia": "SA", "Ukraine": "UA",
    "Mozambique": "MZ", "India": "IN", "North Korea": "KP", "Japan": "JP",
    "Palestine": "PS", "Taiwan": "TW", "Mexico": "MX", "Lebanon": "LB", "Suriname": "SR",
    "New Caledonia": "NC", "Papua New Guinea": "PG", "Kazakhstan": "KZ",
}

# IANA zone per country where the country has one zone.
COUNTRY_TZ = {
    "BE": "Europe/Brussels", "BG": "Europe/Sofia", "CN": "Asia/Shanghai", "GB": "Europe/London",
    "DE": "Europe/Berlin", "HU": "Europe/Budapest", "NL": "Europe/Amsterdam",
    "TR": "Europe/Istanbul", "UZ": "Asia/Samarkand", "PH": "Asia/Manila",
    "EC": "America/Guayaquil", "KR": "Asia/Seoul", "ZA": "Africa/Johannesburg",
    "TH": "Asia/Bangkok", "MA": "Africa/Casablanca", "VN": "Asia/Ho_Chi_Minh",
    "PK": "Asia/Karachi", "SA": "Asia/Riyadh", "UA": "Europe/Kyiv", "MZ": "Africa/Maputo",
    "IN": "Asia/Kolkata", "KP": "Asia/Pyongyang", "JP": "Asia/Tokyo", "PS": "Asia/Gaza",
    "TW": "Asia/Taipei", "LB": "Asia/Beirut", "SR": "America/Paramaribo",
    "NC": "Pacific/Noumea", "PG": "Pacific/Port_Moresby", "KZ": "Asia/Almaty",
    "MY": "Asia/Kuala_Lumpur",
}

# Multi-zone countries: the zone of each place that occurs.
PLACE_TZ = {
    ("AU", "Darwin"): "Australia/Darwin", ("AU", "Palmerston"): "Australia/Darwin",
    ("AU", "Lismore"): "Australia/Sydney", ("AU", "Brisbane"): "Australia/Brisbane",
    ("US", "Fort Worth"): "America/Chicago", ("US", "St. Louis"): "America/Chicago",
    ("US", "Los Angeles"): "America/Los_Angeles", ("US", "Seattle"): "America/Los_Angeles",
    ("RU", "Moscow"): "Europe/Moscow", ("RU", "Tula"): "Europe/Moscow",
    ("RU", "Spassky District"): "Asia/Vladivostok", ("MX", "Monterrey"): "America/Monterrey",
    ("MY", "Kuching"): "Asia/Kuching",
}

# Indonesia has three zones: WIB (Sumatra, Java, West/Central Kalimantan), WITA (Bali,
# Nusa Tenggara, South/East/North Kalimantan, Sulawesi), WIT (Maluku, Papua).
ID_WITA = {"Denpasar", "Makassar", "Mataram", "Balikpapan", "Bitung", "Kupang", "Manado",
           "Nusantara"}
ID_WIT = {"Ambon", "Jayapura"}

# Levels other than "city" (the default), as the places are administered.
LEVEL = {
    ("ID", "East Java"): "province", ("ID", "Banten"): "province", ("ID", "Aceh"): "province",
    ("ID", "Jakarta"): "province", ("ID", "Sidoarjo"): "regency", ("ID", "Siak"): "regency",
    ("ID", "Subang"): "regency", ("ID", "Kota Tua (Jakarta)"): "district",
    ("KR", "Gangbuk (Seoul)"): "district", ("RU", "Spassky District"): "district",
    ("VN", "Bà Rịa–Vũng Tàu"): "province", ("SR", "Commewijne"): "district",
    ("MY", "Penang Island"): "municipality", ("CN", "Shanghai"): "province",
    ("CN", "Beijing"): "province", ("CN", "Tianjin"): "province", ("KR", "Incheon"): "city",
}

# Geocoding errors in the CSV, corrected here with the reason.
COORDINATES = {
    # The CSV geocodes Kupang's partner to Palmerston in the Australian Capital
    # Territory; the tie is with Palmerston, Northern Territory, near Darwin.
    ("AU", "Palmerston"): (-12.486, 130.9833),
}

# Indonesian provinces of the places in the data: id -> (Indonesian name, English
# name, time zone). Province-level places of the CSV map onto these ids (ALIASES).
PROVINCES = {
    "id-aceh": ("Aceh", "Aceh", "Asia/Jakarta"),
    "id-sumatera-utara": ("Sumatera Utara", "North Sumatra", "Asia/Jakarta"),
    "id-sumatera-barat": ("Sumatera Barat", "West Sumatra", "Asia/Jakarta"),
    "id-sumatera-selatan": ("Sumatera Selatan", "South Sumatra", "Asia/Jakarta"),
    "id-riau": ("Riau", "Riau", "Asia/Jakarta"),
    "id-banten": ("Banten", "Banten", "Asia/Jakarta"),
    "id-jakarta": ("DKI Jakarta", "Jakarta", "Asia/Jakarta"),
    "id-jawa-barat": ("Jawa Barat", "West Java", "Asia/Jakarta"),
    "id-jawa-tengah": ("Jawa Tengah", "Central Java", "Asia/Jakarta"),
    "id-di-yogyakarta": ("DI Yogyakarta", "Special Region of Yogyakarta", "Asia/Jakarta"),
    "id-jawa-timur": ("Jawa Timur", "East Java", "Asia/Jakarta"),
    "id-bali": ("Bali", "Bali", "Asia/Makassar"),
    "id-nusa-tenggara-barat": ("Nusa Tenggara Barat", "West Nusa Tenggara", "Asia/Makassar"),
    "id-nusa-tenggara-timur": ("Nusa Tenggara Timur", "East Nusa Tenggara", "Asia/Makassar"),
    "id-kalimantan-barat": ("Kalimantan Barat", "West Kalimantan", "Asia/Jakarta"),
    "id-kalimantan-timur": ("Kalimantan Timur", "East Kalimantan", "Asia/Makassar"),
    "id-sulawesi-utara": ("Sulawesi Utara", "North Sulawesi", "Asia/Makassar"),
    "id-sulawesi-selatan": ("Sulawesi Selatan", "South Sulawesi", "Asia/Makassar"),
    "id-maluku": ("Maluku", "Maluku", "Asia/Jayapura"),
    "id-papua": ("Papua", "Papua", "Asia/Jayapura"),
}

# The province (parent) of each Indonesian city or regency in the data.
PARENT = {
    "Aceh": None, "Banda Aceh": "id-aceh", "Sigli": "id-aceh", "Medan": "id-sumatera-utara",
    "Padang": "id-sumatera-barat", "Bukittinggi": "id-sumatera-barat",
    "Palembang": "id-sumatera-selatan", "Siak": "id-riau", "Banten": None, "Jakarta": None,
    "Kota Tua (Jakarta)": "id-jakarta", "Bandung": "id-jawa-barat", "Bogor": "id-jawa-barat",
    "Depok": "id-jawa-barat", "Subang": "id-jawa-barat", "Semarang": "id-jawa-tengah",
    "Magelang": "id-jawa-tengah", "Salatiga": "id-jawa-tengah",
    "Yogyakarta": "id-di-yogyakarta", "East Java": None, "Surabaya": "id-jawa-timur",
    "Sidoarjo": "id-jawa-timur", "Malang": "id-jawa-timur", "Denpasar": "id-bali",
    "Mataram": "id-nusa-tenggara-barat", "Kupang": "id-nusa-tenggara-timur",
    "Pontianak": "id-kalimantan-barat", "Singkawang": "id-kalimantan-barat",
    "Balikpapan": "id-kalimantan-timur", "Nusantara": "id-kalimantan-timur",
    "Bitung": "id-sulawesi-utara", "Manado": "id-sulawesi-utara",
    "Makassar": "id-sulawesi-selatan", "Ambon": "id-maluku", "Jayapura": "id-papua",
}

# Curated region ids for places whose CSV spelling differs from the id slug.
ALIASES = {("JP", "Kōchi"): "jp-kochi", ("ID", "East Java"): "id-jawa-timur",
           ("ID", "Banten"): "id-banten", ("ID", "Aceh"): "id-aceh", ("ID", "Jakarta"): "id-jakarta"}


def slug(name):
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def region_id(iso, name):
    return ALIASES.get((iso, name), f"{iso.lower()}-{slug(name)}")


def timezone(iso, name, lon):
    if iso == "ID":
        if name in ID_WIT:
            return "Asia/Jayapura"
        if name in ID_WITA:
            return "Asia/Makassar"
        return "Asia/Jakarta"
    if (iso, name) in PLACE_TZ:
        return PLACE_TZ[(iso, name)]
    if iso not in COUNTRY_TZ:
        sys.exit(f"no time zone for {name} ({iso}); add it to PLACE_TZ")
    return COUNTRY_TZ[iso]


def day_span(date):
    """First and last possible day of a partial date or a period "START/END"."""
    start, _, end = date.partition("/")
    end = end or start
    def parts(d):
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d):
            raise ValueError(f"malformed date {date!r}")
        return [int(x) for x in d.split("-")]
    a, b = parts(start), parts(end)
    first = datetime.date(a[0], a[1] if len(a) > 1 else 1, a[2] if len(a) > 2 else 1)
    if len(b) == 1:
        last = datetime.date(b[0], 12, 31)
    elif len(b) == 2:
        last = datetime.date(b[0], b[1], calendar.monthrange(b[0], b[1])[1])
    else:
        last = datetime.date(*b)
    if last < first:
        raise ValueError(f"period {date!r} ends before it starts")
    return first, last


def check_curated(doc):
    """What the schema cannot say: dates exist, periods end after they start, region ids
    resolve, event ids are unique in their partnership, every event names its source."""
    regions = {r["id"] for r in doc["regions"]}
    for p in doc["partnerships"]:
        where = p["id"]
        for rid in p["parties"]:
            if rid not in regions:
                sys.exit(f"{where}: unknown region {rid}")
        ids = set()
        for e in p["events"]:
            here = f"{where} {e.get('id', '?')}"
            try:
                day_span(e["date"])
            except ValueError as err:
                sys.exit(f"{here}: {err}")
            if not e.get("source"):
                sys.exit(f"{here}: no source")
            if e.get("id") in ids:
                sys.exit(f"{here}: event id used twice")
            ids.add(e.get("id"))
            for key in ("side", "from", "to", "provider", "beneficiary", "host"):
                if key in e and e[key] not in ("both", "online") and e[key] not in p["parties"]:
                    sys.exit(f"{here}: {key} {e[key]} is not a party")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--curated", default="data/src/indonesia.curated.json")
    ap.add_argument("--pairs", default="data/twin_cities_wikipedia.csv")
    ap.add_argument("--out", default="data/indonesia.dossier.json")
    args = ap.parse_args()

    with open(args.curated, encoding="utf-8") as f:
        doc = json.load(f)
    check_curated(doc)
    regions = {r["id"]: r for r in doc["regions"]}
    curated_pairs = {frozenset(p["parties"]): p for p in doc["partnerships"]}
    used_ids = {p["id"] for p in doc["partnerships"]}

    wiki = {}  # frozenset(ids) -> (home_id, partner_id)
    with open(args.pairs, encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            places = []
            for i in ("1", "2"):
                country = row["country" + i]
                if country not in COUNTRY:
                    if country == "Indonesia" or "Indonesia" in (row["country1"], row["country2"]):
                        sys.exit(f"{args.pairs}:{line}: unknown country {country!r}")
                    break
                places.append((COUNTRY[country], row["city" + i],
                               float(row["lat" + i]), float(row["lng" + i])))
            if len(places) != 2 or "ID" not in (places[0][0], places[1][0]):
                continue
            if places[1][0] == "ID" and places[0][0] != "ID":
                places.reverse()  # the Indonesian region keeps the record
            ids = []
            for iso, name, lat, lon in places:
                rid = region_id(iso, name)
                ids.append(rid)
                if rid in regions:
                    continue
                lat, lon = COORDINATES.get((iso, name), (lat, lon))
                region = {
                    "id": rid, "name": name, "country": iso,
                    "level": LEVEL.get((iso, name), "city"),
                    "lat": lat, "lon": lon, "timezone": timezone(iso, name, lon),
                    "source": "Wikipedia",
                }
                if rid in PROVINCES:
                    region["name"] = PROVINCES[rid][0]
                    region["names"] = {"id": PROVINCES[rid][0], "en": PROVINCES[rid][1]}
                if iso == "ID":
                    if name not in PARENT:
                        sys.exit(f"{args.pairs}:{line}: no province for {name}; add it to PARENT")
                    if PARENT[name]:
                        region["parent"] = PARENT[name]
                regions[rid] = region
            key = frozenset(ids)
            if key in curated_pairs:
                curated_pairs[key]["listed_on_wikipedia"] = True
            elif key not in wiki:
                wiki[key] = tuple(ids)

    # Curated Indonesian cities get their province too; every parent is defined.
    for r in regions.values():
        if r["country"] == "ID" and r["level"] != "province" and "parent" not in r:
            r["parent"] = PARENT[r["name"]]
    for pid, (name_id, name_en, tz) in PROVINCES.items():
        if pid not in regions:
            regions[pid] = {"id": pid, "name": name_id, "names": {"id": name_id, "en": name_en},
                            "country": "ID", "level": "province", "timezone": tz,
                            "source": "kembar: province of the places in this file"}
        regions[pid].setdefault("timezone", tz)

    added = []
    for home, partner in sorted(wiki.values()):
        pid = f"{home.split('-', 1)[1]}-{partner.split('-', 1)[1]}"
        if pid in used_ids:
            pid = f"{home}--{partner}"
        used_ids.add(pid)
        both_provinces = (regions[home]["level"] == "province" and
                          regions[partner]["level"] == "province")
        added.append({
            "id": pid, "kind": "sister_province" if both_provinces else "sister_city",
            "parties": [home, partner], "events": [], "source": "Wikipedia",
        })

    out = {
        "format": "kembar-dossier/1",
        "attribution": ATTRIBUTION,
        "sources": {
            "studies": STUDIES,
            "Wikipedia": ATTRIBUTION,
        },
        "regions": sorted(regions.values(), key=lambda r: (r["country"] != "ID", r["id"])),
        "partnerships": doc["partnerships"] + added,
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{args.out}: {len(out['regions'])} regions, {len(out['partnerships'])} partnerships "
          f"({len(doc['partnerships'])} from the studies, {len(added)} from Wikipedia; "
          f"{sum(1 for p in doc['partnerships'] if p.get('listed_on_wikipedia'))} "
          f"curated pairs also on Wikipedia)")


if __name__ == "__main__":
    main()
