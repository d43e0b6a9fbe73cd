#!/usr/bin/env python3
"""Builds a news-like JSONL corpus for the benchmarks, reproducibly (fixed seed: same bytes every run).

usage: python3 scripts/make_bench_corpus.py OUT.jsonl [MEGABYTES] [--style wire|recombined]

--style wire (the default, used by scripts/bench_suite.sh) writes wire copy: stories of 10 to 40
sentences in short paragraphs, each opening with a dateline ("VIENNA (Reuters) - "), with a title,
source, url and publication date. About one sentence in four is an event sentence taken from the
repo's own text (tests/acceptance/corpus.txt and the stories in samples/); the rest comes from
templates written for this script: background, figures, quotations, scheduling, reactions, the
sign-off, so that events are about as sparse as in real news.

--style recombined is the older corpus of scripts/bench.sh: acceptance sentences and sample
paragraphs recombined three to a paragraph, about one event per sentence.

No package registry ships English news text inside a package that could be used instead (see
docs/benchmarks.md), so the text is generated.
"""
import json
import random
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent


def own_sentences(strip_datelines=True):
    """Event sentences and paragraphs from the repo's acceptance corpus and sample stories."""
    sentences = []
    for line in (root / "tests/acceptance/corpus.txt").read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace() and not line.startswith(("#", "@")):
            sentences.append(line.strip())
    paragraphs = []
    for line in (root / "samples/news.jsonl").read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        for p in text.split("\n\n"):
            p = p.strip()
            # The sample datelines belong to their own stories.
            if strip_datelines and " - " in p[:40] and p[:1].isupper() and p.split(" ", 1)[0].isupper():
                p = p.split(" - ", 1)[1]
            if p:
                paragraphs.append(p)
    return sentences, paragraphs


def recombined(out, target, rng):
    sentences, paragraphs = own_sentences(strip_datelines=False)
    pool = sentences + paragraphs
    written = n = 0
    with out.open("w", encoding="utf-8") as f:
        while written < target:
            k = rng.randint(8, 30)
            paras = [" ".join(rng.choice(pool) for _ in range(3)) for _ in range(0, k, 3)]
            doc = {
                "id": f"bench-{n}",
                "date": f"20{rng.randint(16, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "text": "\n\n".join(paras),
            }
            line = json.dumps(doc, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    return n, written


# (country, demonym, capital) for datelines, actors and background.
COUNTRIES = [
    ("Russia", "Russian", "Moscow"), ("Turkey", "Turkish", "Ankara"), ("Syria", "Syrian", "Damascus"),
    ("Iran", "Iranian", "Tehran"), ("Iraq", "Iraqi", "Baghdad"), ("Israel", "Israeli", "Jerusalem"),
    ("Egypt", "Egyptian", "Cairo"), ("Ukraine", "Ukrainian", "Kyiv"), ("Poland", "Polish", "Warsaw"),
    ("Germany", "German", "Berlin"), ("France", "French", "Paris"), ("Britain", "British", "London"),
    ("China", "Chinese", "Beijing"), ("Japan", "Japanese", "Tokyo"), ("India", "Indian", "New Delhi"),
    ("Pakistan", "Pakistani", "Islamabad"), ("Afghanistan", "Afghan", "Kabul"),
    ("Nigeria", "Nigerian", "Abuja"), ("Kenya", "Kenyan", "Nairobi"), ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Sudan", "Sudanese", "Khartoum"), ("Libya", "Libyan", "Tripoli"), ("Mali", "Malian", "Bamako"),
    ("Brazil", "Brazilian", "Brasilia"), ("Colombia", "Colombian", "Bogota"),
    ("Venezuela", "Venezuelan", "Caracas"), ("Mexico", "Mexican", "Mexico City"),
    ("Armenia", "Armenian", "Yerevan"), ("Azerbaijan", "Azerbaijani", "Baku"),
    ("Saudi Arabia", "Saudi", "Riyadh"), ("Yemen", "Yemeni", "Sanaa"), ("Lebanon", "Lebanese", "Beirut"),
    ("Jordan", "Jordanian", "Amman"), ("South Korea", "South Korean", "Seoul"),
    ("North Korea", "North Korean", "Pyongyang"), ("Indonesia", "Indonesian", "Jakarta"),
    ("the Philippines", "Philippine", "Manila"), ("Serbia", "Serbian", "Belgrade"),
    ("Kosovo", "Kosovar", "Pristina"), ("Georgia", "Georgian", "Tbilisi"),
]
HUBS = ["GENEVA", "VIENNA", "BRUSSELS", "NEW YORK", "UNITED NATIONS", "WASHINGTON", "ISTANBUL", "DOHA"]
AGENCIES = ["Reuters", "AP", "AFP", "dpa", "Xinhua", "Anadolu", "Kyodo", "Yonhap", "PTI", "Example Wire"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
FIRST = ["Anna", "Omar", "Elena", "David", "Fatima", "Ivan", "Mariam", "Carlos", "Aylin", "Tomasz",
         "Grace", "Hassan", "Yuki", "Nikolai", "Amina", "Lucas", "Priya", "Samuel", "Leila", "Jonas"]
LAST = ["Petrova", "Haddad", "Kowalski", "Mensah", "Okafor", "Romero", "Demir", "Sato", "Novak",
        "Farouk", "Lindqvist", "Mwangi", "Rahimi", "Ortega", "Baranov", "Nakamura", "Osei", "Varga"]
ROLES = ["spokesman for the foreign ministry", "deputy defence minister", "senior diplomat",
         "analyst at a research institute in {cap}", "member of parliament", "local council official",
         "aid worker", "military spokesman", "government adviser", "opposition lawmaker"]
GROUPS = ["the United Nations", "the European Union", "the African Union", "NATO", "the Red Cross",
          "the World Bank", "the International Monetary Fund", "Amnesty International",
          "Human Rights Watch", "the World Food Programme"]
GOODS = ["wheat", "fuel", "natural gas", "crude oil", "fertiliser", "steel", "medicine", "rice"]
THINGS = ["the pipeline", "the new border crossing", "the power plant", "the road link",
          "the election commission's review", "the reconstruction plan", "the port expansion"]


def when(rng, precise=False):
    k = rng.randrange(6 if precise else 9)
    if k < 3:
        return "on " + rng.choice(WEEKDAYS)
    if k < 5:
        return f"on {rng.choice(MONTHS)} {rng.randint(1, 28)}"
    if k == 5:
        return rng.choice(["last week", "earlier this month", "last month", "this week"])
    return rng.choice(["on Tuesday", "late on Friday", "on Sunday evening"])


def person(rng):
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def number(rng, lo, hi):
    return f"{rng.randint(lo, hi):,}"


def background(rng, home, other):
    """One sentence of wire copy around the events: mostly no event at all."""
    c, dem, cap = home
    c2, dem2, cap2 = other
    k = rng.randrange(24)
    if k == 0:
        return f"The {dem} economy grew {rng.randint(0, 6)}.{rng.randint(0, 9)} percent in the {rng.choice(['first', 'second', 'third', 'fourth'])} quarter, official figures showed {when(rng)}."
    if k == 1:
        return f"Prices of {rng.choice(GOODS)} rose {rng.randint(1, 19)} percent in {cap} {when(rng)}, traders said, the steepest rise since {rng.randint(1998, 2014)}."
    if k == 2:
        return f"More than {number(rng, 2000, 900000)} people have been displaced since the fighting began in {rng.choice(MONTHS)}, according to estimates by {rng.choice(GROUPS)}."
    if k == 3:
        return f"{c} has a population of about {rng.randint(2, 140)} million and shares a {number(rng, 90, 2500)}-km border with {c2}."
    if k == 4:
        return f"Talks are expected to resume in {rng.choice([cap, cap2, 'Geneva', 'Vienna'])} {when(rng, True)}, two diplomats familiar with the planning said."
    if k == 5:
        return f"Officials in {cap} did not respond to requests for comment."
    if k == 6:
        return f"The ministry said in a statement that {rng.choice(THINGS)} would be completed by {rng.choice(MONTHS)} {rng.randint(2025, 2031)}."
    if k == 7:
        return f"The currency fell {rng.randint(1, 9)}.{rng.randint(0, 9)} percent against the dollar, and the central bank held its main interest rate at {rng.randint(2, 24)} percent."
    if k == 8:
        return f"The region has been the scene of repeated clashes since {rng.randint(1990, 2021)}, when a ceasefire brokered by {rng.choice(GROUPS)} broke down."
    if k == 9:
        return f"Turnout in the {rng.choice(['parliamentary', 'presidential', 'local', 'regional'])} election was {rng.randint(31, 79)} percent, the election commission said."
    if k == 10:
        return f"Temperatures in {cap} reached {rng.randint(31, 47)} degrees Celsius {when(rng)}, and the authorities opened {rng.randint(3, 60)} cooling centres."
    if k == 11:
        return f"About {number(rng, 40, 9000)} trucks carrying {rng.choice(GOODS)} crossed the border last month, up from {number(rng, 10, 3000)} a year earlier."
    if k == 12:
        return f"The {rng.choice(['deal', 'agreement', 'plan', 'proposal'])} still needs the approval of parliament, which is not due to sit again until {rng.choice(MONTHS)}."
    if k == 13:
        return f"It was not immediately possible to verify the reports independently."
    if k == 14:
        return f"{person(rng)}, a {rng.choice(ROLES).format(cap=cap)}, said the situation remained tense but calmer than a week earlier."
    if k == 15:
        return f"\"We are working around the clock, but the needs are enormous,\" {person(rng)} of {rng.choice(GROUPS)} said by telephone from {cap}."
    if k == 16:
        return f"\"Nobody wants a return to the situation we saw in {rng.randint(2008, 2022)},\" said {person(rng)}, a {rng.choice(ROLES).format(cap=cap2)}."
    if k == 17:
        return f"The {dem} government has set aside {number(rng, 5, 900)} million dollars for reconstruction, most of it for housing and roads."
    if k == 18:
        return f"Schools and shops in the centre of {cap} reopened {when(rng)} after being closed for {rng.randint(2, 19)} days."
    if k == 19:
        return f"{c} and {c2} established diplomatic relations in {rng.randint(1946, 2012)} and trade between them was worth about {rng.randint(1, 60)} billion dollars last year."
    if k == 20:
        return f"The {dem} delegation is led by {person(rng)}, who took office in {rng.choice(MONTHS)} {rng.randint(2014, 2024)}."
    if k == 21:
        return f"Local media reported long queues at petrol stations in several cities, and some flights from {cap} were cancelled."
    if k == 22:
        return f"The {rng.choice(['report', 'survey', 'study'])}, based on interviews with {number(rng, 300, 12000)} households, is due to be published in full {rng.choice(['next week', 'next month', 'later this year'])}."
    return f"The {dem2} embassy in {cap} said it was following developments closely and advised its citizens to avoid the border area."


def event_template(rng, home, other):
    """A short event sentence built from templates (one event, or none, in most of them)."""
    c, dem, cap = home
    c2, dem2, cap2 = other
    k = rng.randrange(10)
    if k == 0:
        return f"{c} accused {c2} {when(rng)} of violating the ceasefire along their shared border."
    if k == 1:
        return f"The {dem} foreign minister met his {dem2} counterpart in {rng.choice([cap, cap2])} {when(rng)} to discuss trade and security."
    if k == 2:
        return f"{c2} rejected the accusation and said its forces had only returned fire."
    if k == 3:
        group = rng.choice(GROUPS)
        return f"{group[0].upper() + group[1:]} called on both sides to show restraint and to allow aid convoys through."
    if k == 4:
        return f"{dem} police arrested {rng.randint(2, 90)} protesters in {cap} {when(rng)} after a rally against rising prices turned violent."
    if k == 5:
        return f"{c} and {c2} signed an agreement {when(rng)} to expand cooperation in energy and transport."
    if k == 6:
        return f"{dem} troops shelled positions held by rebels near the border {when(rng)}, a local official said."
    if k == 7:
        return f"The {dem} president will visit {cap2} {rng.choice(['next week', 'next month', 'on Thursday'])} for talks on the gas pipeline."
    if k == 8:
        return f"{c} expelled two {dem2} diplomats {when(rng)}, saying they had engaged in activities incompatible with their status."
    return f"{c2} threatened to impose sanctions on {c} if the talks failed."


def wire(out, target, rng):
    sentences, paragraphs = own_sentences()
    written = n = 0
    with out.open("w", encoding="utf-8") as f:
        while written < target:
            home = rng.choice(COUNTRIES)
            other = rng.choice([x for x in COUNTRIES if x is not home])
            agency = rng.choice(AGENCIES)
            place = rng.choice(HUBS) if rng.random() < 0.2 else home[2].upper()
            year = rng.randint(2015, 2024)
            month = rng.randint(1, 12)
            day = rng.randint(1, 28)
            total = rng.randint(10, 40)
            body = []
            while len(body) < total:
                r = rng.random()
                if r < 0.17:
                    body.append(rng.choice(sentences))
                elif r < 0.21:
                    body.append(rng.choice(paragraphs))
                elif r < 0.33:
                    body.append(event_template(rng, home, other))
                else:
                    body.append(background(rng, home, other))
            paras = []
            i = 0
            while i < len(body):
                take = rng.choice([1, 1, 2, 2, 3])
                paras.append(" ".join(body[i : i + take]))
                i += take
            paras[0] = f"{place} ({agency}) - {paras[0]}"
            if rng.random() < 0.5:
                paras.append(f"(Reporting by {person(rng)}; Editing by {person(rng)})")
            title = f"{home[0]} and {other[0]}: {rng.choice(['talks stall', 'tensions rise', 'aid deal reached', 'border clashes', 'envoys meet', 'sanctions threat'])}"
            doc = {
                "id": f"wire-{n}",
                "date": f"{year}-{month:02d}-{day:02d}",
                "title": title,
                "source": agency,
                "url": f"https://example.org/{year}/{month:02d}/{day:02d}/story-{n}",
                "text": "\n\n".join(paras),
            }
            line = json.dumps(doc, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    return n, written


def main(argv):
    style = "wire"
    args = []
    it = iter(argv)
    for a in it:
        if a == "--style":
            style = next(it, "")
        elif a.startswith("--style="):
            style = a.split("=", 1)[1]
        else:
            args.append(a)
    if not args or style not in ("wire", "recombined"):
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(args[0])
    target = int(float(args[1]) * 1_000_000) if len(args) > 1 else 12_000_000
    out.parent.mkdir(parents=True, exist_ok=True)
    if style == "wire":
        n, written = wire(out, target, random.Random(20_170_101))
    else:
        n, written = recombined(out, target, random.Random(20161705))
    print(f"{out}: {n} documents, {written / 1e6:.1f} MB ({style})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
