"""Benchmark input: one big made-up briefing, written into a project folder.

`make_big_briefing(project, sources=300, events=3000, claims=3000)` writes
`briefings/<slug>/*.yaml`, the articles `seeds/<slug>-NNN.txt`, and copies `mkdocs.yml`
and `docs/` from this repository, so `briefing --root PROJECT check` and `mkdocs build`
run in that folder. Everything comes from one seeded `random.Random`: the same arguments
write the same bytes.

The story is fictional: Velmora, Ostrana and every person, place and outlet in it are made
up. It has what a long-running briefing has: news articles of roughly 400-1500 words from
some twenty outlets in English, German, French and Spanish, a few live blogs, and sources
that copy, rewrite (some from two others) or loosely translate another, declared with
`derived_from`; actors and places with aliases and transliterated spellings; events of
every date precision, with times, parts of the day and ranges, some with assertions about
who did it; casualty claims that disagree, are updated over time, come in words
("dozens"), as ranges or as unknown, and translations that get a figure wrong (an
`erratum`); statements quoted by several outlets. Every quote is cut from the text it
cites, so the check verifies each one.

    .venv/bin/python benchmarks/big_briefing.py OUT [--sources N] [--events N] [--claims N]
"""

# ruff: noqa: E501 -- the sentence templates are kept whole, one per line, as they read.
from __future__ import annotations

import argparse
import datetime
import json
import random
import re
import shutil
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.days import MONTHS  # noqa: E402
from generator.text import normalise  # noqa: E402

__all__ = ["make_big_briefing"]

START = datetime.date(2023, 3, 1)
END = datetime.date(2023, 8, 31)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DE_WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
FR_WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
ES_WEEKDAYS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
DE_MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
FR_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
ES_MONTHS = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]

# ---------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------

FIRST = [
    "Anna",
    "Boris",
    "Daria",
    "Emil",
    "Irina",
    "Jakob",
    "Karel",
    "Lena",
    "Marek",
    "Nadia",
    "Oleg",
    "Pavel",
    "Ruta",
    "Sasha",
    "Taras",
    "Vera",
    "Yuri",
    "Zofia",
    "Anton",
    "Bogdan",
    "Dmitro",
    "Elena",
    "Filip",
    "Galina",
    "Hanna",
    "Igor",
    "Kira",
    "Lev",
    "Milena",
    "Nikolai",
    "Olga",
    "Petra",
    "Roman",
    "Stefan",
    "Tamara",
    "Viktor",
    "Yana",
    "Zoran",
    "Alina",
    "Dana",
    "Ivo",
    "Lada",
    "Mila",
    "Oskar",
    "Rada",
    "Sergei",
    "Tomas",
    "Uliana",
    "Vlad",
]
LAST = [
    "Kovel",
    "Drach",
    "Marin",
    "Sokol",
    "Varga",
    "Holub",
    "Petrak",
    "Zoren",
    "Lisko",
    "Brandt",
    "Orlov",
    "Kasper",
    "Valen",
    "Dunai",
    "Reznik",
    "Tamar",
    "Hordyn",
    "Savin",
    "Korda",
    "Melnik",
    "Yavor",
    "Strand",
    "Bilek",
    "Horvat",
    "Lanov",
    "Mirko",
    "Novak",
    "Pasko",
    "Rudan",
    "Sever",
    "Tesla",
    "Ulman",
    "Vasko",
    "Zelen",
    "Arvid",
    "Bakun",
    "Cerny",
    "Dobrin",
    "Fedor",
    "Grab",
    "Halko",
    "Ilyin",
    "Jarek",
    "Kolar",
    "Lukan",
    "Moroz",
    "Nestor",
    "Olenik",
    "Prokop",
    "Radek",
    "Samko",
    "Toman",
    "Urban",
    "Vidak",
    "Wolen",
    "Yarosh",
    "Zarko",
    "Andrik",
    "Bronek",
    "Chalup",
    "Dvorak",
    "Esko",
    "Frolov",
    "Gavril",
    "Hlinka",
    "Ivasko",
    "Jurik",
    "Klimek",
    "Lazar",
    "Mazur",
    "Nemec",
    "Ostap",
    "Pelikan",
    "Rybar",
    "Sindel",
    "Tkach",
    "Uher",
    "Vrana",
    "Zaluz",
    "Adamik",
    "Borsuk",
    "Cizek",
    "Dolan",
    "Erben",
    "Fiala",
    "Gorsky",
    "Hruby",
    "Ignat",
    "Janda",
    "Kubin",
    "Lipa",
    "Maly",
    "Nosal",
    "Opat",
    "Polak",
    "Rezek",
    "Stasko",
    "Tichy",
    "Usak",
    "Vlcek",
    "Zima",
    "Babic",
    "Cech",
    "Denko",
    "Filo",
    "Gaspar",
    "Hudak",
    "Juras",
    "Krajc",
    "Lorenc",
]
PLACE_HEAD = [
    "Kor",
    "Vel",
    "Mar",
    "Dro",
    "Bel",
    "Sar",
    "Lis",
    "Tor",
    "Hal",
    "Niv",
    "Pel",
    "Rud",
    "Sel",
    "Zar",
    "Vor",
    "Kal",
    "Bor",
    "Gor",
    "Len",
    "Mir",
    "Dub",
    "Yas",
    "Tar",
    "Krem",
    "Sven",
    "Ard",
    "Lom",
    "Nor",
    "Ves",
    "Pry",
    "Step",
    "Olh",
    "Yav",
    "Kup",
    "Sum",
    "Chor",
    "Bil",
    "Hlyn",
    "Zol",
    "Tros",
    "Ush",
    "Ner",
    "Smol",
    "Rav",
    "Lub",
    "Kras",
]
PLACE_TAIL = [
    "ovka",
    "inets",
    "ograd",
    "ivka",
    "ansk",
    "ovo",
    "ino",
    "ets",
    "ava",
    "itsa",
    "any",
    "holm",
    "ovice",
    "yn",
    "enka",
    "ishche",
]
ORDINALS = [
    "1st",
    "3rd",
    "7th",
    "12th",
    "14th",
    "22nd",
    "31st",
    "45th",
    "58th",
    "63rd",
    "71st",
    "80th",
    "92nd",
    "101st",
    "117th",
    "128th",
]
UNIT_TYPES = [
    "Mechanised Brigade",
    "Territorial Defence Brigade",
    "Air Assault Brigade",
    "Artillery Brigade",
    "Motor Rifle Regiment",
    "Border Guard Detachment",
]


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def transliterate(name: str) -> str:
    """Another spelling of a made-up name, as another outlet would transliterate it."""
    for a, b in (("v", "w"), ("ts", "tz"), ("y", "j"), ("kh", "ch"), ("k", "c"), ("ch", "tch")):
        if a in name.lower():
            swapped = name.replace(a, b).replace(a.capitalize(), b.capitalize())
            if swapped != name:
                return swapped
    return name + "e"


# ---------------------------------------------------------------------------------------
# The world: places, actors, outlets
# ---------------------------------------------------------------------------------------


@dataclass
class Place:
    id: str
    name: str
    kind: str
    region: str | None
    country: str
    aliases: list[str] = field(default_factory=list)
    coordinates: tuple[float, float] | None = None
    # Who speaks for it: a mayor's actor id, a region's governor.
    mayor: str | None = None
    governor: str | None = None
    hospital: str | None = None


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    side: str | None  # "v" (Velmora), "o" (Ostrana) or None
    aliases: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    belligerent: bool = False
    description: str | None = None
    # How a sentence names it: "Governor Anna Kovel", "the Velmoran defence ministry".
    say: str = ""


@dataclass
class Outlet:
    name: str
    label: str | None
    language: str
    grade: str
    reason: str
    domain: str
    wire: bool = False
    byline: bool = False
    curly: bool = False
    wrap: bool = False
    date_header: bool = False


OUTLETS = [
    Outlet(
        "Meridian",
        None,
        "en",
        "B",
        "A wire agency with named reporters and a corrections policy.",
        "meridian-wire.example",
        wire=True,
        byline=True,
    ),
    Outlet(
        "Northline Press",
        None,
        "en",
        "B",
        "A wire agency; attributes each figure to who gave it.",
        "northline.example",
        wire=True,
        wrap=True,
    ),
    Outlet(
        "The Velmora Herald",
        "Herald",
        "en",
        "C",
        "A national daily of the defending country; close to its government's line.",
        "velmoraherald.example",
        byline=True,
        curly=True,
    ),
    Outlet(
        "Ostrana Today",
        None,
        "en",
        "E",
        "State media of the attacking country; repeats its ministry's claims without attribution.",
        "ostrana-today.example",
    ),
    Outlet(
        "The Evening Ledger",
        "Ledger",
        "en",
        "B",
        "A national newspaper with correspondents on both sides of the border.",
        "eveningledger.example",
        byline=True,
        curly=True,
    ),
    Outlet(
        "Borderland Post",
        None,
        "en",
        "C",
        "A regional paper in the shelled districts; first with local figures, sometimes wrong.",
        "borderlandpost.example",
        date_header=True,
    ),
    Outlet(
        "Kalovka Courier",
        None,
        "en",
        "C",
        "A town paper whose reporters are on the spot.",
        "kalovkacourier.example",
        byline=True,
    ),
    Outlet(
        "Northern Observer",
        "Observer",
        "en",
        "B",
        "A weekly with long reports and named sources.",
        "northernobserver.example",
        curly=True,
        byline=True,
    ),
    Outlet(
        "Frontline Digest",
        None,
        "en",
        "D",
        "An aggregator that rewrites others' reports, not always saying whose.",
        "frontlinedigest.example",
    ),
    Outlet(
        "Caldrian Broadcasting",
        "CBC",
        "en",
        "B",
        "A public broadcaster of a neutral neighbour.",
        "caldrian-broadcasting.example",
        curly=True,
    ),
    Outlet(
        "The Tavonian Times",
        None,
        "en",
        "B",
        "A foreign daily with a correspondent in Velmora.",
        "taviontimes.example",
        byline=True,
    ),
    Outlet(
        "Eastern Monitor",
        None,
        "en",
        "C",
        "An English-language news site run from abroad.",
        "easternmonitor.example",
        wrap=True,
    ),
    Outlet(
        "Ulmark Daily",
        None,
        "en",
        "C",
        "A tabloid of a neutral country; loose with figures.",
        "ulmarkdaily.example",
    ),
    Outlet(
        "Velmora Public Radio",
        "VPR",
        "en",
        "C",
        "The defending country's public broadcaster; English service.",
        "vpr.example",
        curly=True,
    ),
    Outlet(
        "Nerith Wire",
        None,
        "en",
        "B",
        "A wire agency of a neutral country.",
        "nerithwire.example",
        wire=True,
    ),
    Outlet(
        "Sentinel Weekly",
        None,
        "en",
        "C",
        "A weekly magazine; analysis more than reporting.",
        "sentinelweekly.example",
        byline=True,
    ),
    Outlet(
        "Grid News", None, "en", "D", "A news site that republishes wire copy.", "gridnews.example"
    ),
    Outlet(
        "Nordpost",
        None,
        "de",
        "B",
        "Eine deutschsprachige Tageszeitung mit Korrespondentin in Velmora.",
        "nordpost.example",
        byline=True,
    ),
    Outlet(
        "Rundschau Ost",
        None,
        "de",
        "C",
        "Ein Regionalblatt, das Agenturmeldungen übernimmt.",
        "rundschau-ost.example",
    ),
    Outlet(
        "Le Quotidien du Nord",
        "Quotidien",
        "fr",
        "B",
        "Un quotidien avec un envoyé spécial sur place.",
        "quotidiendunord.example",
        curly=True,
    ),
    Outlet(
        "Dépêches de l'Est",
        None,
        "fr",
        "C",
        "Un site qui reprend les dépêches.",
        "depechesdelest.example",
    ),
    Outlet(
        "El Observador Boreal",
        None,
        "es",
        "C",
        "Un diario con corresponsal en la región.",
        "observadorboreal.example",
    ),
]
LIVE_OUTLET = 4  # The Evening Ledger runs the live blogs


@dataclass
class World:
    places: list[Place]
    actors: list[Actor]
    by_id: dict[str, Actor]
    towns: list[Place]  # where things happen, hot spots first
    town_weights: list[float]
    regions: list[Place]
    # Who speaks for a side, by role: "mod", "army", "emergency", "interior", ...
    roles: dict[str, str]
    spokespeople: list[str]
    units: dict[str, list[str]]  # side -> military units
    groups: list[str]  # armed groups
    orgs: list[str]  # international organisations and NGOs
    persons: list[str]


class Names:
    """Hands out names that no other record of the kind shares, as the check compares them."""

    def __init__(self) -> None:
        from generator.names import lookalike_key, same_name_key
        from generator.text import name_key

        self._keys: set[str] = set()
        self._forms = (same_name_key, lookalike_key, name_key)

    def _all(self, name: str) -> set[str]:
        same, look, key = self._forms
        return {same(name), look(name), same(key(name)), look(key(name))}

    def free(self, name: str) -> bool:
        return not (self._all(name) & self._keys)

    def take(self, name: str) -> bool:
        if not self.free(name):
            return False
        self._keys |= self._all(name)
        return True


def _place_names(rng: random.Random, count: int, taken: Names) -> list[str]:
    names: list[str] = []
    combos = [h + t for h in PLACE_HEAD for t in PLACE_TAIL]
    rng.shuffle(combos)
    for name in combos:
        if len(names) == count:
            break
        if taken.take(name):
            names.append(name)
    return names


def make_world(rng: random.Random, scale: float) -> World:
    place_names = Names()
    actor_names = Names()
    n_regions = 8
    n_towns = max(40, int(150 * scale))
    raw = _place_names(rng, n_regions + n_towns + 4, place_names)
    places: list[Place] = []
    regions = []
    for name in raw[:n_regions]:
        region = Place(f"{slug(name)}-region", f"{name} region", "region", None, "Velmora")
        alias = f"{name} oblast"
        if place_names.take(region.name) and place_names.take(alias):
            region.aliases.append(alias)
        regions.append(region)
    places += regions
    towns = []
    for i, name in enumerate(raw[n_regions : n_regions + n_towns]):
        region = regions[i % n_regions]
        kind = "city" if i < n_regions else rng.choice(["town", "town", "village", "village"])
        town = Place(slug(name), name, kind, region.name, "Velmora")
        town.coordinates = (round(rng.uniform(49.5, 51.5), 3), round(rng.uniform(34.0, 38.5), 3))
        for alias in (transliterate(name), name.upper()):
            if alias != name and (alias == name.upper() or place_names.take(alias)):
                town.aliases.append(alias)
        towns.append(town)
    places += towns
    crossings: list[Place] = []
    for name in raw[n_regions + n_towns :]:
        crossing = Place(
            f"{slug(name)}-crossing",
            f"{name} crossing",
            "border crossing",
            regions[len(crossings)].name,
            "Velmora",
        )
        place_names.take(crossing.name)
        crossings.append(crossing)
    places += crossings
    for country in ("Velmora", "Ostrana"):
        place_names.take(country)
        places.append(Place(slug(country), country, "country", None, country))

    actors: list[Actor] = []
    by_id: dict[str, Actor] = {}

    def add(actor: Actor) -> Actor:
        assert actor_names.take(actor.name), actor.name
        actor.aliases = [a for a in actor.aliases if a != actor.name and actor_names.take(a)]
        actor.say = actor.say or actor.name
        actors.append(actor)
        by_id[actor.id] = actor
        return actor

    add(Actor("velmora", "Velmora", "state", "v", ["Velmoran"], belligerent=True))
    add(
        Actor(
            "ostrana",
            "Ostrana",
            "state",
            "o",
            ["Ostranan", "Republic of Ostrana"],
            belligerent=True,
        )
    )
    for state in ("Caldria", "Nerith", "Tavonia", "Ulmark"):
        add(Actor(slug(state), state, "state", None, [state + "n"]))
    roles: dict[str, str] = {}
    bodies = [
        (
            "v",
            "mod",
            "Velmoran defence ministry",
            "government body",
            ["defence ministry of Velmora"],
        ),
        ("o", "mod", "Ostranan defence ministry", "government body", ["Ostranan MoD"]),
        ("v", "army", "Velmoran Armed Forces", "armed forces", ["Velmoran army"]),
        ("o", "army", "Ostranan Armed Forces", "armed forces", ["Ostranan army"]),
        ("v", "interior", "Velmoran interior ministry", "government body", []),
        ("o", "foreign", "Ostranan foreign ministry", "government body", []),
        ("v", "foreign", "Velmoran foreign ministry", "government body", []),
        (
            "v",
            "emergency",
            "State Emergency Service of Velmora",
            "government body",
            ["emergency service", "SESV"],
        ),
        ("v", "border", "Velmoran border service", "government body", ["border service"]),
        ("o", "border", "Ostranan border guard", "government body", []),
        ("v", "police", "Velmoran national police", "government body", ["national police"]),
        ("v", "prosecutor", "Velmoran prosecutor general's office", "government body", []),
        ("o", "security", "Ostranan security service", "government body", ["OSS"]),
        ("v", "government", "Government of Velmora", "government", ["Velmoran government"]),
        ("o", "government", "Government of Ostrana", "government", ["Ostranan government"]),
    ]
    for side, role, name, kind, aliases in bodies:
        state = "velmora" if side == "v" else "ostrana"
        actor = add(
            Actor(
                slug(name),
                name,
                kind,
                side,
                aliases,
                [state],
                say=("the " + name) if name[0].islower() or "ministry" in name else name,
            )
        )
        roles[f"{side}-{role}"] = actor.id
    firsts = FIRST[:]
    lasts = LAST[:]
    rng.shuffle(lasts)

    def person(
        title: str,
        side: str | None,
        affiliation: list[str],
        description: str,
        variant: bool = False,
    ) -> Actor:
        while True:
            first, last = rng.choice(firsts), lasts.pop()
            name = f"{first} {last}"
            if actor_names.free(name) and actor_names.free(last):
                break
        aliases = [last] + ([f"{title} {name}"] if title else [])
        if variant:
            aliases.append(f"{first} {transliterate(last)}")
        return add(
            Actor(
                slug(name),
                name,
                "person",
                side,
                aliases,
                affiliation,
                False,
                description,
                f"{title} {name}".strip(),
            )
        )

    for region in regions:
        governor = person(
            "Governor",
            "v",
            [roles["v-government"]],
            f"Governor of the {region.name}.",
            variant=rng.random() < 0.5,
        )
        region.governor = governor.id
        for town in towns:
            if town.region == region.name:
                town.governor = governor.id
    for town in towns[: max(12, len(towns) // 3)]:
        mayor = person("Mayor", "v", [], f"Mayor of {town.name}.", variant=rng.random() < 0.3)
        town.mayor = mayor.id
    for town in towns[: max(6, len(towns) // 8)]:
        hospital = add(
            Actor(
                f"{town.id}-hospital",
                f"{town.name} Regional Hospital",
                "organisation",
                None,
                [f"{town.name} hospital"],
            )
        )
        for other in towns:
            if other.region == town.region and other.hospital is None:
                other.hospital = hospital.id
    spokespeople = []
    for side, body in (
        ("v", "v-army"),
        ("v", "v-mod"),
        ("o", "o-mod"),
        ("o", "o-army"),
        ("v", "v-emergency"),
        ("o", "o-foreign"),
    ):
        owner = by_id[roles[body]]
        title = "Colonel" if "army" in body else ""
        speaker = person(
            title, side, [owner.id], f"A spokesperson for the {owner.name}.", variant=True
        )
        speaker.say = f"{owner.name} spokesperson {speaker.name}"
        spokespeople.append(speaker.id)
    units: dict[str, list[str]] = {"v": [], "o": []}
    for i, ordinal in enumerate(ORDINALS[: max(8, int(16 * scale))]):
        side = "v" if i % 3 else "o"
        adjective = "Velmoran" if side == "v" else "Ostranan"
        name = f"{ordinal} {UNIT_TYPES[i % len(UNIT_TYPES)]}"
        unit = add(
            Actor(
                slug(f"{adjective} {name}"),
                f"{adjective} {name}",
                "military unit",
                side,
                [name],
                [roles[f"{side}-army"]],
                say=f"the {adjective} {name}",
            )
        )
        units[side].append(unit.id)
    groups = []
    for name, aliases, side in (
        ("Free Ostrana Legion", ["the Legion", "FOL", "Free Ostrana legion fighters"], "v"),
        ("Northern Volunteer Corps", ["NVC", "the Volunteer Corps"], "v"),
        ("Black Heron Battalion", ["Black Herons"], "o"),
        ("Border Defence Militia", ["the militia"], "o"),
    ):
        group = add(
            Actor(
                slug(name),
                name,
                "armed group",
                side,
                aliases,
                [],
                True,
                f"An armed group fighting on the side of {'Velmora' if side == 'v' else 'Ostrana'}.",
                f"the {name}",
            )
        )
        groups.append(group.id)
        person("Commander", side, [group.id], f"Commander of the {name}.")
    orgs = []
    for name, aliases in (
        ("Relief Federation", ["the Federation"]),
        ("Northern Human Rights Monitor", ["NHRM"]),
        ("Council of Northern States", ["CNS"]),
        ("International Committee for Displaced People", ["ICDP"]),
        ("Borderland Medical Aid", ["BMA"]),
    ):
        org = add(Actor(slug(name), name, "organisation", None, aliases, say=f"the {name}"))
        orgs.append(org.id)
        person("", None, [org.id], f"An official of the {name}.")
    for title, side, affil, description in (
        ("President", "v", "v-government", "President of Velmora."),
        ("President", "o", "o-government", "President of Ostrana."),
        ("Minister", "v", "v-mod", "Velmora's defence minister."),
        ("Minister", "o", "o-mod", "Ostrana's defence minister."),
        ("Minister", "v", "v-foreign", "Velmora's foreign minister."),
        ("General", "v", "v-army", "Commander of Velmora's northern forces."),
        ("General", "o", "o-army", "Commander of Ostrana's western group of forces."),
    ):
        person(title, side, [roles[affil]], description, variant=True)
    for _ in range(max(4, int(12 * scale))):
        person("", None, [], "An analyst quoted by several outlets.")
    for outlet in OUTLETS[:6]:
        name = outlet.name.removeprefix("The ")
        if actor_names.free(name):
            add(Actor(slug(name) + "-outlet", name, "media outlet", None, []))
    weights = [1.0 / (i + 3) ** 0.8 for i in range(len(towns))]
    persons = [a.id for a in actors if a.kind == "person"]
    return World(
        places,
        actors,
        by_id,
        towns,
        weights,
        regions,
        roles,
        spokespeople,
        units,
        groups,
        orgs,
        persons,
    )


# ---------------------------------------------------------------------------------------
# Sentences: text in segments, each labelled with the spans it belongs to
# ---------------------------------------------------------------------------------------

Segments = list[tuple[str, frozenset[str]]]


def parse(template: str) -> Segments:
    """'[q:shells hit [d:on Monday]]' -> segments labelled 'q' and 'd'. A label is a
    quote (q), the figure as the source says it (n), vague words (w) or a date phrase
    (d), with the index of its citation: q0, n0, d0."""
    segments: Segments = []
    stack: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            segments.append(("".join(buffer), frozenset(stack)))
            buffer.clear()

    i = 0
    while i < len(template):
        char = template[i]
        if char == "[":
            colon = template.index(":", i)
            flush()
            stack.append(template[i + 1 : colon])
            i = colon + 1
            continue
        if char == "]":
            flush()
            stack.pop()
        else:
            buffer.append(char)
        i += 1
    flush()
    return segments


@dataclass
class Cite:
    """A citation a sentence carries: of which fact, under which label index."""

    kind: str  # events, assertions, claims, statements
    fact: Any
    index: int = 0
    erratum: str | None = None
    qualifier: str | None = None


@dataclass
class Sentence:
    segments: Segments
    cites: list[Cite] = field(default_factory=list)
    # Renders the same content afresh (another wording), for rewrites.
    remake: Any = None

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.segments)

    def span(self, label: str) -> str | None:
        parts = [t for t, labels in self.segments if label in labels]
        return "".join(parts) if parts else None

    def mapped(self, change: Any) -> Sentence:
        return Sentence(
            [(change(t), labels) for t, labels in self.segments],
            [Cite(c.kind, c.fact, c.index, c.erratum, c.qualifier) for c in self.cites],
            self.remake,
        )


def sentence(template: str, cites: list[Cite] | None = None, remake: Any = None) -> Sentence:
    # A name given with its role ("Anna Kovel, governor of the Kharel region,") before a
    # comma or a full stop.
    for doubled, single in ((",,", ","), (",:", ":"), (",.", "."), (", [q:,", ", [q:")):
        template = template.replace(doubled, single)
    template = re.sub(r" +([.,:;])", r"\1", " ".join(template.split()))
    segments = parse(template)
    first, labels = segments[0]
    segments[0] = (first[:1].upper() + first[1:], labels)
    return Sentence(segments, cites or [], remake)


# ---------------------------------------------------------------------------------------
# Dates as sources write them
# ---------------------------------------------------------------------------------------

PARTS = ["morning", "afternoon", "evening", "night"]


def span_of(precision: str, day: datetime.date) -> tuple[datetime.date, datetime.date]:
    last = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(1)
    if precision == "early-month":
        return day.replace(day=1), day.replace(day=10)
    if precision == "mid-month":
        return day.replace(day=11), day.replace(day=20)
    if precision == "late-month":
        return day.replace(day=21), last
    if precision == "month":
        return day.replace(day=1), last
    return day, day


def when_phrase(lang: str, ev: Any, ref: datetime.date) -> str:
    """How a source published on `ref` says when `ev` (an event or claim date) was."""
    day, precision = ev.day, ev.precision
    month = {"en": MONTHS, "de": DE_MONTHS, "fr": FR_MONTHS, "es": ES_MONTHS}[lang][day.month - 1]
    weekday = {"en": WEEKDAYS, "de": DE_WEEKDAYS, "fr": FR_WEEKDAYS, "es": ES_WEEKDAYS}[lang][
        day.weekday()
    ]
    near = 0 <= (ref - day).days <= 6
    if lang == "en":
        named = weekday if near else f"{day.day} {month}"
        if precision == "approximate":
            return f"around {named}"
        if precision in ("early-month", "late-month"):
            return f"in {precision.split('-')[0]} {month}"
        if precision == "mid-month":
            return f"in mid-{month}"
        if precision == "month":
            return f"in {month}"
        if ev.end_date is not None:
            end = (
                WEEKDAYS[ev.end_date.weekday()]
                if near
                else f"{ev.end_date.day} {MONTHS[ev.end_date.month - 1]}"
            )
            tail = f" {ev.end_time}" if ev.end_time else ""
            return f"from {named} until {end}{tail}"
        if ev.time in PARTS:
            return f"on {named} {ev.time}" if near else f"on the {ev.time} of {named}"
        if ev.time:
            return f"at about {ev.time} on {named}"
        return f"on {named}"
    if lang == "de":
        named = weekday if near else f"{day.day}. {month}"
        if precision == "approximate":
            return f"um den {day.day}. {month}"
        pre = {"early-month": "Anfang", "mid-month": "Mitte", "late-month": "Ende", "month": "im"}
        if precision in pre:
            return f"{pre[precision]} {month}"
        if ev.time and ev.time not in PARTS:
            return f"gegen {ev.time} Uhr am {named}"
        return f"am {named}"
    if lang == "fr":
        named = weekday if near else f"le {day.day} {month}"
        if precision == "approximate":
            return f"vers le {day.day} {month}"
        pre = {"early-month": "début", "mid-month": "à la mi-", "late-month": "fin", "month": "en"}
        if precision in pre:
            return f"{pre[precision]}{'' if precision == 'mid-month' else ' '}{month}"
        if ev.time and ev.time not in PARTS:
            return f"vers {ev.time.replace(':', 'h')} {named}"
        return named
    named = f"el {weekday}" if near else f"el {day.day} de {month}"
    if precision == "approximate":
        return f"hacia el {day.day} de {month}"
    pre = {
        "early-month": "a principios de",
        "mid-month": "a mediados de",
        "late-month": "a finales de",
        "month": "en",
    }
    if precision in pre:
        return f"{pre[precision]} {month}"
    if ev.time and ev.time not in PARTS:
        return f"hacia las {ev.time} {named}"
    return named


# ---------------------------------------------------------------------------------------
# Facts: events, claims, statements
# ---------------------------------------------------------------------------------------

TARGETS = [
    "a fuel depot",
    "an electricity substation",
    "a school",
    "a grain store",
    "a railway bridge",
    "the district administration building",
    "a water pumping station",
    "a market",
    "a warehouse",
    "an apartment block",
    "a hospital annex",
    "a bus depot",
    "a fire station",
    "a bakery",
    "a petrol station",
    "a sports hall",
]


@dataclass(frozen=True)
class EventKind:
    name: str
    weight: int
    title: str
    clauses: tuple[str, ...]  # {place}, {target}, [d:{when}] marks the date phrase
    noun: str  # "reports of {noun} in X"
    losses: tuple[tuple[str, str], ...]  # (category, group) its figures count
    attacker: bool = True
    de: str = ""
    fr: str = ""
    es: str = ""


# Alternatives in «a|b|c» are chosen afresh for each sentence: outlets that never copied
# one another share names, numbers and short stock phrases, not whole runs of words.
_FIRE = "«artillery fire|shellfire|heavy shelling|Ostranan artillery|rocket artillery|mortar fire|incoming shells»"
_HIT = "«hit|struck|pounded|battered|rained down on|landed on|tore into»"
_DRONE = "«a drone|an explosive drone|a kamikaze drone|an attack drone|a loitering munition»"
_MISSILE = "«a missile|a cruise missile|a ballistic missile|a guided missile|an Ostranan missile»"
EVENT_KINDS = [
    EventKind(
        "shelling",
        30,
        "Shelling of {name}",
        (
            _FIRE
            + " "
            + _HIT
            + " «|the centre of |the outskirts of |residential streets in |the east of »"
            "{place} [d:{when}]",
            "{place} «came under|was hit by|endured|suffered|was rocked by» «artillery fire|shelling|a barrage|"
            "heavy shelling|mortar fire|a salvo of rockets» [d:{when}]",
            "«shells|rockets|mortar rounds|several shells|a salvo» «landed in|exploded in|fell on|hit» {place} [d:{when}]",
            "{place} was «shelled|bombarded|hit again|targeted» [d:{when}]",
        ),
        "shelling",
        (
            ("killed", "civilians"),
            ("wounded", "civilians"),
            ("killed", "unspecified"),
            ("wounded", "unspecified"),
            ("damaged", "buildings"),
            ("destroyed", "buildings"),
        ),
        de="beschossen",
        fr="bombardée",
        es="bombardeada",
    ),
    EventKind(
        "drone",
        18,
        "Drone strike on {target} in {name}",
        (
            _DRONE
            + " «struck|hit|slammed into|crashed into|exploded near» {target} in {place} [d:{when}]",
            "{target} in {place} was «hit|struck|damaged|set ablaze» by «a drone|drones|an attack drone» [d:{when}]",
            "«a|an Ostranan» drone «attack|strike|raid» «hit|damaged|targeted» {target} in {place} [d:{when}]",
        ),
        "a drone strike",
        (
            ("wounded", "civilians"),
            ("killed", "civilians"),
            ("damaged", "buildings"),
            ("wounded", "unspecified"),
        ),
        de="von einer Drohne getroffen",
        fr="frappée par un drone",
        es="alcanzada por un dron",
    ),
    EventKind(
        "missile",
        8,
        "Missile strike on {target} in {name}",
        (
            _MISSILE
            + " «hit|struck|destroyed part of|slammed into» {target} in {place} [d:{when}]",
            "{place} was «struck|hit|shaken» by " + _MISSILE + " [d:{when}]",
            "a «missile|rocket» «strike|attack» «damaged|wrecked|hit» {target} in {place} [d:{when}]",
        ),
        "a missile strike",
        (("killed", "civilians"), ("wounded", "civilians"), ("destroyed", "buildings")),
        de="von einer Rakete getroffen",
        fr="touchée par un missile",
        es="alcanzada por un misil",
    ),
    EventKind(
        "raid",
        7,
        "Cross-border raid near {name}",
        (
            "«armed men|a sabotage group|fighters|a raiding party|gunmen|an armed group» «crossed the border|"
            "slipped across the border|entered Velmoran territory|came across the frontier» «near|close to|"
            "just outside» {place} [d:{when}]",
            "«a sabotage group|armed men|raiders|gunmen» «entered|attacked|raided|stormed» {place} [d:{when}]",
        ),
        "a cross-border raid",
        (
            ("killed", "soldiers"),
            ("killed", "fighters"),
            ("captured", "fighters"),
            ("wounded", "soldiers"),
            ("missing", "soldiers"),
        ),
        de="von Bewaffneten angegriffen",
        fr="attaquée par des hommes armés",
        es="atacada por hombres armados",
    ),
    EventKind(
        "clash",
        9,
        "Fighting near {name}",
        (
            "«fighting|heavy fighting|a firefight|a gun battle|close combat» «broke out|erupted|flared|raged» "
            "«on the outskirts of|near|around|north of|south of|east of» {place} [d:{when}]",
            "«troops|soldiers|Velmoran and Ostranan units|the two sides» «clashed|fought|exchanged fire» "
            "«near|around|outside|on the edge of» {place} [d:{when}]",
        ),
        "fighting",
        (
            ("killed", "soldiers"),
            ("wounded", "soldiers"),
            ("captured", "soldiers"),
            ("destroyed", "vehicles"),
            ("missing", "soldiers"),
        ),
        de="zum Schauplatz von Kämpfen",
        fr="le théâtre de combats",
        es="escenario de combates",
    ),
    EventKind(
        "evacuation",
        8,
        "Evacuation of {name}",
        (
            "«authorities|officials|the regional administration|rescuers|volunteers» «began|started|stepped up» "
            "«evacuating|moving out|taking out» «residents of|families from|children from|people from» "
            "{place} [d:{when}]",
            "«buses|trains|convoys|minibuses» «took|carried|moved|ferried» «residents|families|"
            "hundreds|the elderly» «out of|away from» {place} [d:{when}]",
            "the evacuation of {place} «began|started|got under way|was ordered» [d:{when}]",
        ),
        "an evacuation",
        (("evacuated", "civilians"), ("evacuated", "unspecified"), ("displaced", "civilians")),
        attacker=False,
        de="evakuiert",
        fr="évacuée",
        es="evacuada",
    ),
    EventKind(
        "fire",
        5,
        "Fire at {target} in {name}",
        (
            "«a fire|a blaze|a large fire» «broke out at|engulfed|swept through|gutted» {target} in {place} [d:{when}]",
            "{target} in {place} «caught fire|went up in flames|was set on fire|burned» [d:{when}]",
        ),
        "a fire",
        (("damaged", "buildings"), ("wounded", "unspecified")),
        de="von einem Brand erfasst",
        fr="touchée par un incendie",
        es="afectada por un incendio",
    ),
    EventKind(
        "power",
        5,
        "Power cut in {name}",
        (
            "«power|electricity|the power supply» was «cut|lost|knocked out» «to much of|across|in parts of|"
            "throughout» {place} [d:{when}]",
            "{place} «lost electricity|was left without power|went dark|lost power and water» [d:{when}]",
        ),
        "a power cut",
        (("damaged", "buildings"),),
        attacker=False,
        de="vom Stromnetz getrennt",
        fr="privée d'électricité",
        es="dejada sin electricidad",
    ),
    EventKind(
        "shootdown",
        7,
        "Drones shot down over {name}",
        (
            "«air defences|air defence units|anti-aircraft gunners|mobile fire teams» «shot down|downed|"
            "intercepted|destroyed» «drones|several drones|a wave of drones|attack drones» «over|near|above|"
            "on the approach to» {place} [d:{when}]",
            "«drones|attack drones|several drones» were «shot down|downed|intercepted» «near|over|above» "
            "{place} [d:{when}]",
        ),
        "drones shot down",
        (("shot down", "aircraft"),),
        de="Ziel eines Drohnenangriffs",
        fr="survolée par des drones abattus",
        es="sobrevolada por drones derribados",
    ),
    EventKind(
        "detention",
        3,
        "Arrests in {name}",
        (
            "«police|security officers|counter-intelligence officers|border guards» «in|near|around» {place} "
            "«detained|arrested|picked up|held» «suspected saboteurs|people suspected of spying|alleged "
            "informants|a group of men» [d:{when}]",
            "«security officers|police» «made arrests|carried out raids|conducted searches» in {place} [d:{when}]",
        ),
        "arrests",
        (("detained", "unspecified"),),
        attacker=False,
        de="Schauplatz von Festnahmen",
        fr="le théâtre d'arrestations",
        es="escenario de detenciones",
    ),
]


@dataclass
class Event:
    id: str
    kind: EventKind
    place: Place
    target: str
    day: datetime.date  # the first day it may stand for
    last: datetime.date  # the last
    precision: str
    time: str | None = None
    end_date: datetime.date | None = None
    end_time: str | None = None
    status: str = "reported"
    claimed_by: list[str] = field(default_factory=list)
    denied_by: list[str] = field(default_factory=list)
    confirmed_by: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    assertion: dict[str, Any] | None = None
    citations: list[dict[str, Any]] = field(default_factory=list)
    assertion_citations: list[dict[str, Any]] = field(default_factory=list)
    date_phrase: str | None = None
    independent: list[dict[str, Any]] = field(default_factory=list)
    credibility: dict[str, Any] | None = None


@dataclass
class Claim:
    id: str
    claimant: str | None
    as_of: datetime.date
    incident: Event
    category: str
    group: str
    count: Any  # int, {"min": a, "max": b}, "unknown"
    qualifier: str = "exactly"
    words: str | None = None
    as_of_time: str | None = None
    place: str | None = None
    witness: str | None = None
    citations: list[dict[str, Any]] = field(default_factory=list)

    # what `when_phrase` reads
    precision: str = "day"
    end_date: None = None
    time: None = None

    @property
    def day(self) -> datetime.date:
        return self.as_of


@dataclass
class Statement:
    id: str
    speaker: str
    words: str
    day: datetime.date
    where: str
    event: Event | None
    time: str | None = None
    citations: list[dict[str, Any]] = field(default_factory=list)
    precision: str = "day"
    end_date: None = None


def _day_in(rng: random.Random) -> datetime.date:
    # Later months are busier: the story grows.
    span = (END - START).days
    return START + datetime.timedelta(days=int(span * rng.random() ** 0.8))


def make_events(rng: random.Random, world: World, count: int) -> list[Event]:
    events = []
    ids: Counter[str] = Counter()
    kinds = [k for k in EVENT_KINDS for _ in range(k.weight)]
    for _ in range(count):
        kind = rng.choice(kinds)
        place = rng.choices(world.towns, world.town_weights)[0]
        day = _day_in(rng)
        roll = rng.random()
        precision = (
            "day"
            if roll < 0.8
            else "approximate"
            if roll < 0.86
            else rng.choice(["early-month", "mid-month", "late-month"])
            if roll < 0.95
            else "month"
        )
        first, last = span_of(precision, day)
        event = Event("", kind, place, rng.choice(TARGETS), first, last, precision)
        if precision == "day":
            roll = rng.random()
            if roll < 0.15:
                event.time = (
                    f"{rng.randint(0, 23):02d}:{rng.choice([0, 10, 15, 20, 30, 40, 45, 50]):02d}"
                )
            elif roll < 0.27:
                event.time = rng.choice(PARTS)
            elif roll < 0.33 and day + datetime.timedelta(days=3) <= END:
                event.end_date = day + datetime.timedelta(days=rng.randint(1, 3))
                event.end_time = rng.choice([None, None, "evening", "morning"])
                event.last = event.end_date
        _status(rng, world, event)
        base = f"{kind.name}-{place.id}-{first:%m%d}"
        ids[base] += 1
        event.id = base if ids[base] == 1 else f"{base}-{ids[base]}"
        events.append(event)
    return events


def _status(rng: random.Random, world: World, event: Event) -> None:
    roles = world.roles
    governor = event.place.governor or roles["v-emergency"]
    attacker = rng.choice([roles["o-army"], roles["o-mod"], *world.units["o"]])
    roll = rng.random()
    if not event.kind.attacker:
        event.status = "reported" if roll < 0.8 else "confirmed"
        if event.status == "confirmed":
            event.confirmed_by = [rng.choice([roles["v-emergency"], governor])]
        event.actors = [governor] if rng.random() < 0.5 else []
        return
    if roll < 0.5:
        event.status = "reported"
    elif roll < 0.7:
        event.status, event.claimed_by = "claimed", [governor]
    elif roll < 0.78:
        event.status, event.confirmed_by = (
            "confirmed",
            [rng.choice([roles["o-mod"], roles["v-army"]])],
        )
    elif roll < 0.83:
        event.status, event.denied_by = "denied", [roles["o-mod"]]
    else:
        event.status, event.claimed_by, event.denied_by = "disputed", [governor], [roles["o-mod"]]
    event.actors = [attacker] if rng.random() < 0.4 else []
    if event.kind.name == "raid" and rng.random() < 0.5:
        group = rng.choice(world.groups[:2])
        event.assertion = {
            "about": "responsibility",
            "status": "disputed",
            "claimed_by": [group],
            "denied_by": [roles["v-mod"]],
            "summary": f"The {world.by_id[group].name} says it carried out the raid; Velmora "
            "denies any part in it.",
        }
    elif rng.random() < 0.08:
        event.assertion = {
            "about": "responsibility",
            "status": "claimed",
            "claimed_by": [roles["v-army"]],
            "summary": f"Velmora's army blames the {world.by_id[attacker].name}.",
        }


SIZES = {
    "killed": (1, 30),
    "wounded": (1, 80),
    "missing": (1, 15),
    "captured": (1, 20),
    "detained": (1, 12),
    "evacuated": (40, 3000),
    "displaced": (100, 5000),
    "destroyed": (1, 40),
    "damaged": (2, 120),
    "shot down": (2, 40),
}
VAGUE = [("several", 3, None), ("dozens", 24, None), ("hundreds", 200, None), ("scores", 40, None)]


def _claimants(
    rng: random.Random, world: World, event: Event, category: str, group: str
) -> list[str | None]:
    """Who gives a figure for this loss, the defender's official first."""
    roles, place = world.roles, event.place
    ours = [
        c
        for c in (place.governor, place.mayor, place.hospital if category == "wounded" else None)
        if c
    ]
    if category in ("evacuated", "displaced"):
        ours.append(roles["v-emergency"])
    if group in ("soldiers", "fighters", "aircraft", "vehicles"):
        ours = [roles["v-army"], roles["v-mod"], world.spokespeople[0]]
    theirs = (
        [
            roles["o-mod"],
            roles["o-army"],
            world.spokespeople[2],
            world.spokespeople[3],
            *world.units["o"],
        ]
        if event.kind.attacker
        else []
    )
    cast: list[str | None] = [rng.choice(ours)]
    if theirs and rng.random() < 0.45:
        cast.append(rng.choice(theirs))
    if rng.random() < 0.12 and category in ("killed", "destroyed", "damaged"):
        cast.append(None)  # an outlet's own count
    if rng.random() < 0.1:
        cast.append(rng.choice(world.orgs))
    return cast


def make_claims(rng: random.Random, world: World, events: list[Event], count: int) -> list[Claim]:
    claims: list[Claim] = []
    ids: Counter[str] = Counter()
    with_figures = [e for e in events if e.kind.losses]
    while len(claims) < count:
        event = rng.choice(with_figures)
        category, group = rng.choice(event.kind.losses)
        low, high = SIZES[category]
        base = int(low + (high - low) * rng.random() ** 2.5)
        for claimant in _claimants(rng, world, event, category, group):
            if len(claims) == count:
                break
            side = world.by_id[claimant].side if claimant else None
            figure = base if side != "o" else max(0, base // rng.randint(2, 5))
            as_of = event.last + datetime.timedelta(days=rng.choice([0, 0, 0, 1, 1, 2]))
            claim = _claim(rng, world, event, category, group, claimant, figure, min(as_of, END))
            if (
                side == "o"
                and group in ("civilians", "unspecified")
                and claim.qualifier == "exactly"
                and isinstance(claim.count, int)
                and claim.count > 0
                and claim.words is None
            ):
                claim.qualifier = "at most"  # "no more than": the attacker plays it down
            claims.append(claim)
            # The same claimant raising its count a day or two later.
            if (
                claimant
                and side == "v"
                and isinstance(claim.count, int)
                and claim.count > 0
                and len(claims) < count
                and rng.random() < 0.25
                and claim.as_of < END
            ):
                later = min(END, claim.as_of + datetime.timedelta(days=rng.randint(1, 3)))
                raised = claim.count + rng.randint(1, max(2, claim.count // 2))
                claims.append(
                    _claim(rng, world, event, category, group, claimant, raised, later, plain=True)
                )
    for claim in claims:
        who = world.by_id[claim.claimant].id.split("-")[-1] if claim.claimant else "outlet"
        label = "range" if isinstance(claim.count, dict) else str(claim.count)
        base_id = slug(f"{who}-{claim.category}-{label}")
        ids[base_id] += 1
        claim.id = base_id if ids[base_id] == 1 else f"{base_id}-{ids[base_id]}"
    return claims


def _claim(
    rng: random.Random,
    world: World,
    event: Event,
    category: str,
    group: str,
    claimant: str | None,
    figure: int,
    as_of: datetime.date,
    plain: bool = False,
) -> Claim:
    claim = Claim("", claimant, as_of, event, category, group, max(figure, 1))
    roll = 1.0 if plain else rng.random()
    if roll < 0.12:
        claim.qualifier = "at least"
    elif roll < 0.16:
        claim.qualifier = "more than"
    elif roll < 0.2:
        claim.qualifier = "about"
    elif roll < 0.23:
        claim.qualifier = "up to"
    elif roll < 0.27 and figure > 3:
        claim.count = {"min": figure - rng.randint(1, figure // 3 + 1), "max": figure}
    elif (
        roll < 0.3
        and claimant is not None
        and category not in ("evacuated", "displaced")
        and not any(ch.isdigit() for ch in world.by_id[claimant].name)
    ):
        words, low, high = rng.choice(VAGUE[:2] if figure < 100 else VAGUE[2:3])
        claim.words, claim.count = (
            words,
            {"min": low} if high is None else {"min": low, "max": high},
        )
    elif roll < 0.31:
        claim.count = "unknown"
    elif roll < 0.32 and category == "killed":
        claim.count = 0
    if rng.random() < 0.1:
        claim.as_of_time = f"{rng.randint(7, 22):02d}:{rng.choice([0, 15, 30, 45]):02d}"
    if rng.random() < 0.2:
        claim.place = event.place.id
    if claimant is None:
        claim.witness = "The outlet's own correspondent counted at the scene."
    return claim


STATEMENT_WORDS = [
    "We will rebuild every house in {P} that was damaged.",
    "Our forces struck only military targets near {P}.",
    "The evacuation of {P} will continue for as long as it is needed.",
    "We have no reliable information about casualties in {P} yet.",
    "The reports about {P} are false and meant to spread panic.",
    "The situation in {P} is difficult but under control.",
    "We call on both sides to spare the civilians of {P}.",
    "Our units repelled the attack on {P} and the enemy retreated.",
    "Every family that left {P} will be given shelter and food.",
    "The shelling of {P} is a crime and it will be investigated.",
    "Our air defences over {P} worked well last night.",
    "We demand access to {P} for independent observers.",
    "Nobody was hurt in {P}, and the fire is out.",
    "Schools in {P} will stay closed until further notice.",
    "The attack on {P} shows that the border is not secure.",
    "We are ready to talk, but not while {P} is being shelled.",
    "Our engineers will restore power in {P} within two days.",
    "The people of {P} have shown great courage.",
    "Anyone who attacks {P} again will get a response.",
    "The strike on {P} was a provocation staged for the cameras.",
]
WHERE = [
    "at a press conference",
    "in a video address",
    "on social media",
    "to reporters",
    "in a statement",
    "in an interview with local television",
]


def make_statements(
    rng: random.Random, world: World, events: list[Event], count: int
) -> list[Statement]:
    speakers = [
        a.id for a in world.actors if a.kind in ("person", "government body", "armed group")
    ]
    taken: set[str] = set()
    statements: list[Statement] = []
    ids: Counter[str] = Counter()
    by_place: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        by_place[event.place.id].append(event)
    while len(statements) < count:
        event = rng.choice(events)
        words = rng.choice(STATEMENT_WORDS).replace("{P}", event.place.name)
        if words in taken:
            continue
        taken.add(words)
        day = min(END, event.last + datetime.timedelta(days=rng.randint(0, 2)))
        speaker = rng.choice(speakers)
        statement = Statement(
            "", speaker, words, day, rng.choice(WHERE), event if rng.random() < 0.7 else None
        )
        if rng.random() < 0.15:
            statement.time = f"{rng.randint(8, 21):02d}:{rng.choice([0, 30]):02d}"
        base = f"{speaker.split('-')[-1]}-{day:%m%d}"
        ids[base] += 1
        statement.id = base if ids[base] == 1 else f"{base}-{ids[base]}"
        statements.append(statement)
    return statements


# ---------------------------------------------------------------------------------------
# Writing facts as sentences, in each source's language and manner
# ---------------------------------------------------------------------------------------

NOUNS: dict[str, dict[str, Any]] = {
    "en": {
        "civilians": ("civilian", "civilians", "resident", "residents"),
        "soldiers": ("soldier", "soldiers", "serviceman", "servicemen"),
        "unspecified": ("person", "people"),
        "fighters": ("fighter", "fighters"),
        "aircraft": ("drone", "drones"),
        "vehicles": ("armoured vehicle", "armoured vehicles"),
        "buildings": ("house", "houses", "building", "buildings", "home", "homes"),
    },
    "de": {
        "civilians": "Zivilisten",
        "soldiers": "Soldaten",
        "unspecified": "Menschen",
        "fighters": "Kämpfer",
        "aircraft": "Drohnen",
        "vehicles": "Fahrzeuge",
        "buildings": "Gebäude",
    },
    "fr": {
        "civilians": "civils",
        "soldiers": "soldats",
        "unspecified": "personnes",
        "fighters": "combattants",
        "aircraft": "drones",
        "vehicles": "véhicules",
        "buildings": "bâtiments",
    },
    "es": {
        "civilians": "civiles",
        "soldiers": "soldados",
        "unspecified": "personas",
        "fighters": "combatientes",
        "aircraft": "drones",
        "vehicles": "vehículos",
        "buildings": "edificios",
    },
}
VERBS: dict[str, dict[str, Any]] = {
    "en": {
        "killed": ("killed",),
        "wounded": ("wounded", "injured"),
        "missing": ("missing",),
        "captured": ("captured", "taken prisoner"),
        "detained": ("detained",),
        "evacuated": ("evacuated",),
        "displaced": ("displaced",),
        "destroyed": ("destroyed",),
        "damaged": ("damaged",),
        "shot down": ("shot down",),
    },
    "de": {
        "killed": "getötet",
        "wounded": "verletzt",
        "missing": "vermisst",
        "captured": "gefangen genommen",
        "detained": "festgenommen",
        "evacuated": "evakuiert",
        "displaced": "vertrieben",
        "destroyed": "zerstört",
        "damaged": "beschädigt",
        "shot down": "abgeschossen",
    },
    "fr": {
        "killed": "tués",
        "wounded": "blessés",
        "missing": "portés disparus",
        "captured": "capturés",
        "detained": "interpellés",
        "evacuated": "évacués",
        "displaced": "déplacés",
        "destroyed": "détruits",
        "damaged": "endommagés",
        "shot down": "abattus",
    },
    "es": {
        "killed": "muertos",
        "wounded": "heridos",
        "missing": "desaparecidos",
        "captured": "capturados",
        "detained": "detenidos",
        "evacuated": "evacuados",
        "displaced": "desplazados",
        "destroyed": "destruidos",
        "damaged": "dañados",
        "shot down": "derribados",
    },
}
QUALIFIER_WORDS = {
    "en": {
        "exactly": "",
        "at least": "at least ",
        "more than": "more than ",
        "about": "about ",
        "up to": "up to ",
        "at most": "no more than ",
        "fewer than": "fewer than ",
    },
    "de": {
        "exactly": "",
        "at least": "mindestens ",
        "more than": "mehr als ",
        "about": "etwa ",
        "up to": "bis zu ",
        "at most": "höchstens ",
        "fewer than": "weniger als ",
    },
    "fr": {
        "exactly": "",
        "at least": "au moins ",
        "more than": "plus de ",
        "about": "environ ",
        "up to": "jusqu'à ",
        "at most": "au plus ",
        "fewer than": "moins de ",
    },
    "es": {
        "exactly": "",
        "at least": "al menos ",
        "more than": "más de ",
        "about": "unos ",
        "up to": "hasta ",
        "at most": "como máximo ",
        "fewer than": "menos de ",
    },
}
AND = {"en": "and", "de": "und", "fr": "et", "es": "y"}
BETWEEN = {"en": "between", "de": "zwischen", "fr": "entre", "es": "entre"}
NUMBER_NAMES = [
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]
AFTERMATH = (
    "«damaging|wrecking|hitting|setting fire to» «several|two|a row of|three|many» «houses|garages|"
    "cars|sheds|shops|flats» «|nearby|on the main street|near the school|by the river»"
)
_ALTERNATIVES = re.compile(r"«([^«»]*)»")


def expand(rng: random.Random, template: str) -> str:
    """Each «a|b|c» in `template` replaced by one of its alternatives."""
    return _ALTERNATIVES.sub(lambda m: rng.choice(m.group(1).split("|")), template)


def first_option(template: str) -> str:
    return _ALTERNATIVES.sub(lambda m: m.group(1).split("|")[0], template)


class Writer:
    """Writes the facts one source carries as its sentences."""

    def __init__(self, world: World, outlet: Outlet, lang: str) -> None:
        self.world = world
        self.outlet = outlet
        self.lang = lang

    def place(self, place: Place, rng: random.Random, bare: bool = False) -> str:
        # Each outlet keeps to its own spelling of a place.
        spelling = place.name
        local = random.Random(f"{self.outlet.name}/{place.id}")
        if place.aliases and place.aliases[0] != place.name.upper() and local.random() < 0.18:
            spelling = place.aliases[0]
        if (
            self.lang == "en"
            and not bare
            and place.kind in ("village", "town")
            and rng.random() < 0.3
        ):
            return f"the {place.kind} of {spelling}"
        return spelling

    def say(self, actor_id: str, rng: random.Random) -> str:
        """One of the ways sources name the actor: 'Governor Anna Kovel', 'Anna Kovel,
        governor of the Kharel region,', 'Ostrana's defence ministry'."""
        actor = self.world.by_id[actor_id]
        forms = [actor.say, actor.say]
        if actor.kind == "person":
            forms.append(actor.name)
            if actor.description and not actor.description.startswith("An analyst"):
                role = actor.description[0].lower() + actor.description[1:].rstrip(".")
                forms.append(f"{actor.name}, {role},")
        else:
            forms += [f"the {a}" if a[0].islower() else a for a in actor.aliases if len(a) > 4]
            for adjective, state in (("Ostranan ", "Ostrana's "), ("Velmoran ", "Velmora's ")):
                if adjective in actor.say:
                    forms.append(
                        actor.say.replace("the " + adjective, state).replace(adjective, state)
                    )
        return rng.choice(forms)

    def event(self, rng: random.Random, ev: Event, ref: datetime.date) -> Sentence:
        def remake(r: random.Random) -> Sentence:
            return self.event(r, ev, ref)

        when = when_phrase(self.lang, ev, ref)
        place = self.place(ev.place, rng)
        if self.lang != "en":
            verb = {"de": ev.kind.de, "fr": ev.kind.fr, "es": ev.kind.es}[self.lang]
            template = {
                "de": f"[q:«|offenbar |erneut |nach Berichten |laut Anwohnern »{place} wurde [d:{when}] "
                f"«|erneut |schwer |mehrfach |wieder »{verb}].",
                "fr": f"[q:«|selon des habitants, |selon la presse locale, |d'après des témoins, »{place} a été "
                f"«|de nouveau |violemment |plusieurs fois |encore »{verb} [d:{when}]].",
                "es": f"[q:«|según vecinos, |según la prensa local, |según testigos, »{place} fue "
                f"«|de nuevo |duramente |varias veces |otra vez »{verb} [d:{when}]].",
            }[self.lang]
            return sentence(expand(rng, template), [Cite("events", ev)], remake)
        body = expand(rng, rng.choice(ev.kind.clauses)).format(
            place=place, target=ev.target, when=when
        )
        body = " ".join(body.split())
        tail = (
            f", {' '.join(expand(rng, AFTERMATH).split())}"
            if ev.kind.attacker and rng.random() < 0.3
            else ""
        )
        said = expand(
            rng, "«said|reported|told reporters|said in a statement|wrote on social media»"
        )
        if ev.status == "claimed":
            template = f"[q:{body}]{tail}, {self.say(ev.claimed_by[0], rng)} {said}."
        elif ev.status == "confirmed":
            template = f"[q:{body}]{tail}, «and|as|after» {self.say(ev.confirmed_by[0], rng)} «confirmed it|confirmed|acknowledged it»."
        elif ev.status == "denied":
            template = f"{self.say(ev.denied_by[0], rng)} «denied reports that|rejected claims that|said it was untrue that» [q:{body}]."
        elif ev.status == "disputed":
            template = (
                f"[q:{body}], {self.say(ev.claimed_by[0], rng)} {said}, «but|while|though» "
                f"{self.say(ev.denied_by[0], rng)} «denied it|rejected the claim|called it a lie»."
            )
        else:
            template = f"[q:{body}]{tail}."
        return sentence(expand(rng, template), [Cite("events", ev)], remake)

    def assertion(self, rng: random.Random, ev: Event) -> Sentence:
        assert ev.assertion is not None
        place = self.place(ev.place, rng, bare=True)
        if ev.assertion["status"] == "disputed":
            group = self.say(ev.assertion["claimed_by"][0], rng)
            denier = self.say(ev.assertion["denied_by"][0], rng)
            template = (
                f"[q:{group} «said|claimed|announced» «it had carried out|it was behind|its fighters "
                f"had carried out» the «raid|incursion|attack» «on|near» {place}], «but|while» {denier} "
                "«denied any part in it|said it had nothing to do with it|rejected the claim»."
            )
        else:
            attacker = self.say(ev.actors[0], rng) if ev.actors else "Ostranan forces"
            template = (
                f"[q:«the Velmoran army|Velmora's military|the army» «blamed|accused» {attacker} «for|of» "
                f"the «attack|strike|shelling» «on|in» {place}]."
            )
        return sentence(
            expand(rng, template), [Cite("assertions", ev)], lambda r: self.assertion(r, ev)
        )

    def figure(self, rng: random.Random, claim: Claim, qualifier: str) -> tuple[str, bool]:
        """The figure as this source words it ('[n:at least 12]'), and whether it is one."""
        count = claim.count
        if claim.words:
            return f"[n:[w:{claim.words}]]" + (" of" if claim.words != "several" else ""), False
        if isinstance(count, dict):
            return (
                f"[n:{BETWEEN[self.lang]} {count['min']:,} {AND[self.lang]} {count['max']:,}]",
                False,
            )
        if count == 0:
            return "[n:no]", False
        if not isinstance(count, int):
            return "", False  # unknown: the sentence says so
        number = (
            NUMBER_NAMES[count]
            if self.lang == "en" and count <= 12 and rng.random() < (0.85 if count < 10 else 0.3)
            else f"{count:,}"
            if self.lang == "en"
            else str(count)
        )
        single = count == 1
        return f"[n:{QUALIFIER_WORDS[self.lang][qualifier]}{number}]", single

    def claim(self, rng: random.Random, claim: Claim, ref: datetime.date) -> Sentence:
        def remake(r: random.Random) -> Sentence:
            return self.claim(r, claim, ref)

        qualifier = claim.qualifier
        cite = Cite("claims", claim)
        if (
            isinstance(claim.count, int)
            and claim.count > 12
            and qualifier == "exactly"
            and claim.words is None
            and rng.random() < 0.08
        ):
            qualifier = cite.qualifier = "about"  # this source rounds it off
        place = self.place(claim.incident.place, rng, bare=True)
        figure, single = self.figure(rng, claim, qualifier)
        who = self.say(claim.claimant, rng) if claim.claimant else None
        if self.lang != "en":
            noun = str(NOUNS[self.lang][claim.group])
            verb = str(VERBS[self.lang][claim.category])
            who = self.world.by_id[claim.claimant].name if claim.claimant else "?"
            template = {
                "de": f"[q:«nach Angaben von|laut|so» {who} wurden in {place} {figure} {noun} {verb}].",
                "fr": f"[q:«selon|d'après|pour» {who}, {figure} {noun} ont été {verb} à {place}].",
                "es": f"[q:«según|de acuerdo con|para» {who}, {figure} {noun} resultaron {verb} en {place}].",
            }[self.lang]
            return sentence(expand(rng, template), [cite], remake)
        forms = NOUNS["en"][claim.group]
        pick = rng.randrange(len(forms) // 2)
        noun = forms[2 * pick] if single else forms[2 * pick + 1]
        be = "was" if single else "were"
        verb = rng.choice(VERBS["en"][claim.category])
        said = "«said|reported|announced|told reporters|said on social media|told local television»"
        if claim.count == "unknown":
            template = (
                f"[q:«it was not yet clear|it remained unclear|it was too early to say|there was no word "
                f"on» how many {noun} were {verb} in {place}], {who or 'officials'} {said}."
            )
        elif who is None:
            template = (
                f"[q:{figure} {noun} {be} {verb} in {place}], «a|one|another» {self.outlet.name} "
                "«correspondent|reporter|journalist» «saw|counted|found»."
            )
        else:
            options = [
                f"{who} {said} [q:{figure} {noun} {be} {verb} in {place}].",
                f"[q:{figure} {noun} {be} {verb} in {place}], {who} {said}.",
                f"[q:according to {who}, {figure} {noun} {be} {verb}] «in|during|after» the «attack|strike|shelling|"
                "incident» «on|in» " + place + ".",
            ]
            if 0 <= (ref - claim.as_of).days <= 6:
                when = when_phrase("en", claim, ref)
                options.append(
                    f"[q:{who} said [d:{when}] that {figure} {noun} {be} {verb}] in {place}."
                )
            if figure.startswith("[n:") and not single and claim.count != 0 and claim.words is None:
                options.append(
                    f"[q:{who} «put|gave|set» the «number|toll|count|figure» «of|for» {noun} {verb} "
                    f"«in|at|around» {place} at {figure}]."
                )
            template = rng.choice(options)
        return sentence(expand(rng, template), [cite], remake)

    def statement(self, rng: random.Random, st: Statement, ref: datetime.date) -> Sentence:
        speaker = self.say(st.speaker, rng)
        body = st.words[:-1]
        template = rng.choice(
            [
                f'{speaker} «said|wrote|added|told reporters|said later»: "[q:{body}]."',
                f'"[q:{body}]," {speaker} «said|added|wrote» {st.where}.',
                f'«speaking|writing» {st.where}, {speaker} «said|added»: "[q:{body}]."',
            ]
        )
        return sentence(
            expand(rng, template), [Cite("statements", st)], lambda r: self.statement(r, st, ref)
        )

    def filler(self, rng: random.Random, pattern: int | None = None) -> Sentence:
        world = self.world
        town = self.place(rng.choices(world.towns, world.town_weights)[0], rng, bare=True)
        other = self.place(rng.choice(world.towns), rng, bare=True)
        city = rng.choice(world.towns[:8]).name
        fill = {
            "T": town,
            "T2": other,
            "C": city,
            "k": rng.randint(3, 60),
            "n": rng.randint(2, 90),
            "R": rng.choice(world.regions).name,
            "Month": MONTHS[rng.randint(2, 7)],
            "year": rng.randint(2015, 2022),
            "outlet": self.outlet.name,
            "Person": world.by_id[rng.choice(world.persons)].name,
        }
        fill["Weekday"] = rng.choice(WEEKDAYS)
        bank = FOREIGN_FILLER[self.lang] if self.lang != "en" else FILLER
        return sentence(
            expand(rng, bank[pattern if pattern is not None else rng.randrange(len(bank))]).format(
                **fill
            ),
            [],
            self.filler,
        )


# Background: what articles say around the facts, in many words. Alternatives are short,
# so two articles rarely share a run of six words by chance. ("{...}" are slots; "«a|b»"
# alternatives, written "<a|b>" here to keep the slots readable.)
_PEOPLE = (
    "<residents|families|shopkeepers|teachers|farmers|pensioners|volunteers|nurses|drivers|students|"
    "neighbours|bakers|miners|clerks|priests|mothers|fishermen|cleaners|mechanics|doctors|locals|"
    "children|elderly people|workers>"
)
_SINCE = (
    "<since the spring|for weeks|in recent days|since {Month}|this month|all summer|lately|for days|"
    "since the first strikes|every night|most days|again>"
)
_GOODS = (
    "<bread|water|fuel|candles|batteries|medicine|firewood|tinned food|diesel|insulin|flour|petrol|"
    "bandages|blankets|torches|generators|cash|milk>"
)
FILLER = [
    _PEOPLE
    + " <in|of|from|around|near> {T} <say|complain|explain|insist|admit|said|told us> they <have|had> "
    "<stocked up on|run short of|queued for|started rationing|stopped buying|begun sharing|gone without|"
    "hoarded|bought extra|asked for> " + _GOODS + " " + _SINCE + ".",
    "<the road|the railway|the bridge|the highway|the bus route|the ferry|the old road|the main road> "
    "<between|linking|from> {T} <and|to> {T2} <has been|was|remains|is> <closed|cut|shut|blocked|unusable|"
    "damaged|mined|patrolled> <since {Month}|for {k} days|after a strike|to civilians|at night|for weeks|"
    "again|for now>.",
    "{T} <lies|sits|is> <about|some|roughly|barely|less than|over> {k} <kilometres|km> <from|away from> "
    "the <border|frontier|front|Ostranan border|front line>.",
    "<before the war|until last year|in peacetime|a year ago|in 2021|not long ago>, <about|some|roughly|"
    "more than|nearly|almost> {n},000 people <lived in|called> {T} <home|>.",
    "<now|today|these days|since then|this summer> <few remain|houses stand empty|streets empty early|"
    "shops open briefly|the school shelters families|buses rarely come|the market is closed|the clinic "
    "works shifts|the church hosts meals|nights are loud|power comes and goes>.",
    "{Person} <visited|toured|came to|went to|stopped in|spoke in> {T} <in {Month}|on {Weekday}|last week|"
    "twice> and <promised|pledged|announced|offered|talked about|demanded> <new shelters|more air defence|"
    "repairs|money|new windows|a water pipe|generators|school buses|trauma kits|patience|calm>.",
    "<independent journalists|reporters|observers|monitors|aid agencies|photographers> <have not been able "
    "to|could not|were unable to|did not> <reach|enter|visit|get to|film in|stay in> {T} <to confirm|to "
    "verify|to check|to document> <the reports|the figures|the accounts|the damage|the claims>.",
    "<analysts|experts|officials in {C}|diplomats|commentators|veterans> <say|believe|argue|suspect|fear|"
    "doubt> the <attacks|strikes|raids|barrages> <on|against|near> {T} <are meant to|aim to|are intended to|"
    "will> <tie down troops|spread fear|disrupt supplies|drain air defences|empty the town|test defences|"
    "distract attention|provoke a response>.",
    "<trains|buses|convoys|supply trucks|ambulances|aid lorries> <between|from> {C} <and|to> {T} <now run|"
    "run|travel|move|go> <only at night|with delays|under escort|twice a week|irregularly|less often|"
    "by back roads>.",
    "{outlet} <could not reach|was unable to reach|did not hear from|contacted|wrote to> <officials|the "
    "mayor's office|the administration|the police|the army|the ministry> <in|for> {T} <for comment|before "
    "publication|on {Weekday}|by phone|in time>.",
    "<sirens|air raid alerts|alarms|warnings> <sounded|went off|wailed|rang out> <{k} times|several times|"
    "repeatedly|at dawn|all afternoon|twice> <in|over|across> {T} <on {Weekday}|that week|overnight|"
    "again|yesterday>.",
    "<in|at|near|outside> <a|the|one> <basement|cellar|metro station|school gym|parish hall|bomb shelter> "
    "<in|of> {T}, {n} <people|families|children|residents> <sleep|wait|gather|eat|pray|shelter> <each night|"
    "on mats|in shifts|together|in silence>.",
    "<a|one|the local> <doctor|nurse|teacher|priest|bus driver|baker|volunteer> <in|from> {T} <said|told us|"
    "explained|recalled> <the nights|the alerts|the blasts|the days> <were|had been|are> <the worst|"
    "terrifying|endless|quieter|harder|exhausting> <so far|this year|since {Month}|lately|in weeks>.",
    "<windows|roofs|fences|garages|cars|greenhouses|sheds|balconies> <in|across|around> {T} <were|had "
    "been|are> <covered with|patched with|boarded with|lined with> <plywood|plastic|tape|sandbags|metal "
    "sheets|cardboard>.",
    "<prices|rents|fuel costs|food prices|bus fares> in {T} <have|had> <doubled|risen|jumped|climbed|soared> "
    "<since {Month}|this year|in weeks|since the raids|lately>, <residents|traders|officials|locals> "
    "<say|said|complain|note>.",
]
FOREIGN_FILLER = {
    "de": [
        "<die Lage|die Situation|die Stimmung> in {T} <bleibt|ist|gilt als> <angespannt|schwierig|"
        "unübersichtlich|ruhig|gespannt|bedrückend>.",
        "<viele|zahlreiche|einige|hunderte> <Familien|Bewohner|Rentner|Kinder> <aus|von> {T} <sind|haben "
        "sich> <nach {C}|in Richtung {C}|zu Verwandten|ins Landesinnere> <geflohen|aufgemacht|gezogen|"
        "gebracht worden>.",
        "<die Angaben|die Zahlen|die Berichte|diese Darstellung> <ließen sich|konnten> <nicht|zunächst nicht|"
        "bislang nicht> <unabhängig|von unabhängiger Seite|vor Ort> <überprüfen|bestätigen|verifizieren>.",
        "{T} <liegt|befindet sich> <etwa|rund|knapp|gut> {k} Kilometer <von der Grenze|von der Front|"
        "vom Grenzübergang> <entfernt|weg>.",
        "<seit Wochen|seit dem Frühjahr|immer wieder|oft> <verbringen|verbrachten> <die Bewohner|"
        "viele Familien|die Menschen|Kinder> <von|in> {T} <viele|ganze|lange> <Nächte|Stunden|Tage> <in "
        "Kellern|in Schutzräumen|in der U-Bahn|im Freien>.",
        "<die Straße|die Bahnstrecke|die Brücke|die Verbindung> <zwischen|von> {T} <und|nach> {T2} <ist|"
        "bleibt|war> <gesperrt|unterbrochen|beschädigt|vermint> <seit {k} Tagen|seit Wochen|nachts|"
        "vorerst>.",
        "<vor dem Krieg|früher|noch im Vorjahr> <lebten|wohnten> in {T} <rund|etwa|knapp|über> {n}.000 "
        "<Menschen|Einwohner>.",
        "{Person} <besuchte|bereiste|kam nach> {T} <am {Weekday}|vergangene Woche|erneut> und "
        "<versprach|forderte|kündigte an> <neue Schutzräume|mehr Luftabwehr|Hilfe|Generatoren|Geld|Geduld>.",
    ],
    "fr": [
        "<la situation|l'ambiance|la vie> à {T} <reste|demeure|est> <tendue|difficile|incertaine|calme|"
        "pesante|précaire>.",
        "<de nombreuses|plusieurs|des centaines de|quelques> <familles|habitants|retraités> de {T} <ont "
        "fui|sont partis|se sont réfugiés|ont été accueillis> <vers {C}|à {C}|chez des proches|dans "
        "l'ouest>.",
        "<ces informations|ces chiffres|ces affirmations|ces récits> <n'ont pas pu|ne pouvaient pas> <être "
        "vérifiés|être confirmés> <de manière indépendante|sur place|dans l'immédiat>.",
        "{T} <se trouve|est située|est> à <environ|quelque|près de|moins de> {k} kilomètres <de la "
        "frontière|du front|de la ligne de front>.",
        "<depuis des semaines|depuis le printemps|souvent|chaque nuit> <les habitants|les familles|"
        "les enfants|beaucoup> de {T} <passent|ont passé> <leurs nuits|des heures|des journées> <dans des "
        "caves|dans des abris|dans le métro|dehors>.",
        "<la route|la voie ferrée|le pont|la liaison> <entre|de> {T} <et|à> {T2} <est|reste|était> "
        "<fermée|coupée|endommagée|minée> <depuis {k} jours|la nuit|pour l'instant|depuis des semaines>.",
        "<avant la guerre|autrefois|l'an dernier>, <environ|près de|quelque|plus de> {n} 000 <personnes|"
        "habitants> vivaient à {T}.",
        "{Person} <s'est rendu|est venu|est passé> à {T} <la semaine dernière|à nouveau|récemment> et "
        "<a promis|a annoncé|a réclamé> <de nouveaux abris|plus de défense aérienne|de l'aide|des "
        "générateurs|des fonds|du calme>.",
    ],
    "es": [
        "<la situación|el ambiente|la vida> en {T} <sigue siendo|es|continúa> <tensa|difícil|incierta|"
        "tranquila|precaria>.",
        "<muchas|varias|cientos de|algunas> <familias|vecinos|jubilados> de {T} <han huido|se han ido|se "
        "han refugiado|fueron acogidos> <a {C}|hacia {C}|con familiares|al oeste>.",
        "<esta información|estas cifras|estos datos|estos relatos> <no pudo|no pudieron|no se pudo> <ser "
        "verificada|ser confirmada|comprobarse> <de forma independiente|sobre el terreno|por ahora>.",
        "{T} <está|se encuentra|queda> a <unos|cerca de|menos de|poco más de> {k} kilómetros <de la "
        "frontera|del frente|de la línea del frente>.",
        "<desde hace semanas|desde la primavera|a menudo|cada noche> <los vecinos|las familias|los "
        "niños|muchos> de {T} <pasan|han pasado> <las noches|horas|días enteros> <en sótanos|en "
        "refugios|en el metro|a la intemperie>.",
        "<la carretera|la vía férrea|el puente|la conexión> <entre|de> {T} <y|a> {T2} <está|sigue|"
        "estaba> <cerrada|cortada|dañada|minada> <desde hace {k} días|de noche|por ahora|desde hace "
        "semanas>.",
        "<antes de la guerra|antes|el año pasado> <vivían|residían> en {T} <unas|cerca de|más de> {n} 000 "
        "<personas|habitantes>.",
        "{Person} <visitó|recorrió|llegó a> {T} <la semana pasada|de nuevo|hace poco> y <prometió|"
        "anunció|pidió> <nuevos refugios|más defensa aérea|ayuda|generadores|fondos|calma>.",
    ],
}
FILLER = [f.replace("<", "«").replace(">", "»") for f in FILLER]
FOREIGN_FILLER = {
    k: [f.replace("<", "«").replace(">", "»") for f in v] for k, v in FOREIGN_FILLER.items()
}


# A loose translation's wording: what a translator back into English changes.
TRANSLATION = {
    "said": "declared",
    "hit": "struck",
    "residents": "inhabitants",
    "people": "persons",
    "began": "started",
    "near": "close to",
    "attack": "assault",
    "shelling": "bombardment",
    "houses": "dwellings",
    "outskirts": "edges",
    "fighting": "combat",
    "drone": "UAV",
    "drones": "UAVs",
    "wounded": "injured",
    "told": "informed",
    "reporters": "journalists",
    "every": "each",
    "many": "numerous",
    "say": "claim",
    "have": "had",
    "the": "the",
    "border": "frontier",
    "killed": "killed",
    "was": "was",
    "fire": "fire",
    "officials": "functionaries",
    "explosions": "detonations",
}
_TRANSLATED = re.compile(r"\b(" + "|".join(k for k, v in TRANSLATION.items() if k != v) + r")\b")


def translate(text: str) -> str:
    return _TRANSLATED.sub(lambda m: TRANSLATION[m.group(1)], text)


# ---------------------------------------------------------------------------------------
# Sources: who published what, when, and from whom they took it
# ---------------------------------------------------------------------------------------


@dataclass
class Source:
    number: int
    outlet: Outlet
    published: datetime.date
    kind: str  # original, live, copy, rewrite, translation, roundup
    parents: list[Source] = field(default_factory=list)
    children: list[Source] = field(default_factory=list)
    target: int = 800
    room: float = 0.0  # words of facts it can still take
    items: list[tuple[datetime.date, str, Any]] = field(default_factory=list)
    paragraphs: list[list[Sentence]] = field(default_factory=list)
    title: str = ""
    id: str = ""
    updated: datetime.date | None = None
    derived_from: list[str] = field(default_factory=list)
    strip: list[dict[str, Any]] = field(default_factory=list)
    byline: str | None = None
    unnamed: bool = False

    @property
    def lang(self) -> str:
        return self.outlet.language

    @property
    def last_day(self) -> datetime.date:
        return self.updated or self.published


ORIGINAL_OUTLETS = [
    o
    for o in OUTLETS
    if o.name not in ("Frontline Digest", "Grid News", "Rundschau Ost", "Dépêches de l'Est")
]
COPIERS = {
    "copy": ["Grid News", "Frontline Digest", "Eastern Monitor", "Northline Press"],
    "rewrite": ["Frontline Digest", "Ulmark Daily", "Sentinel Weekly", "Ostrana Today"],
    "translation": ["Ulmark Daily", "Eastern Monitor"],
    "roundup": ["Frontline Digest", "Sentinel Weekly"],
    "de": ["Rundschau Ost"],
    "fr": ["Dépêches de l'Est"],
    "es": ["Frontline Digest"],
}
OUTLET = {o.name: o for o in OUTLETS}


def plan_sources(rng: random.Random, count: int) -> tuple[list[Source], list[Source]]:
    """The originals (dated across the period, the last on its final day) and the derived
    sources still to be written, each with the outlet that publishes it."""
    derived_count = round(count * 0.24)
    live_count = max(1, round(count * 0.013))
    original_count = count - derived_count
    english = [o for o in ORIGINAL_OUTLETS if o.language == "en" and o.name != "The Evening Ledger"]
    foreign = [o for o in ORIGINAL_OUTLETS if o.language != "en"]
    span = (END - START).days
    originals = []
    for i in range(original_count):
        day = START + datetime.timedelta(days=round(span * (i + rng.random()) / original_count))
        if i == original_count - 1:
            day = END
        if i % round(original_count / live_count) == 3 and day + datetime.timedelta(days=2) <= END:
            source = Source(0, OUTLETS[LIVE_OUTLET], day, "live", target=rng.randint(900, 1500))
            source.updated = day + datetime.timedelta(days=2)
        else:
            outlet = (
                rng.choice(foreign)
                if rng.random() < 0.09
                else rng.choices(
                    english, [3 if o.wire else 2 if o.grade in "AB" else 1 for o in english]
                )[0]
            )
            # Foreign outlets carry fewer of the facts (not the figures given only in words,
            # nor statements), so their reports are shorter.
            words = rng.randint(420, 1450) if outlet.language == "en" else rng.randint(400, 700)
            source = Source(0, outlet, min(day, END), "original", target=words)
        source.room = source.target * 0.8
        originals.append(source)
    derived = []
    for _ in range(derived_count):
        kind = rng.choices(
            ["copy", "rewrite", "translation", "roundup", "foreign"], [34, 30, 18, 8, 10]
        )[0]
        derived.append(Source(0, OUTLETS[0], START, kind))
    return originals, derived


class Assigner:
    """Hands each fact to sources published soon after it, as a newsroom would carry it."""

    def __init__(self, rng: random.Random, originals: list[Source]) -> None:
        self.rng = rng
        self.originals = sorted(originals, key=lambda s: s.published)
        self.days = [s.published for s in self.originals]

    def candidates(self, ready: datetime.date, english: bool) -> list[Source]:
        import bisect

        for reach in (6, 20, 400):
            lo = bisect.bisect_left(self.days, ready - datetime.timedelta(days=2))
            hi = bisect.bisect_right(self.days, ready + datetime.timedelta(days=reach))
            found = [
                s
                for s in self.originals[lo:hi]
                if (s.published >= ready or (s.updated and s.updated >= ready))
                and (not english or s.lang == "en")
            ]
            if found:
                return found
        return [s for s in self.originals[-5:] if s.lang == "en"]

    def give(
        self,
        ready: datetime.date,
        item: tuple[str, Any],
        count: int,
        words: int,
        english: bool,
        prefer: list[Source] | None = None,
    ) -> list[Source]:
        found = self.candidates(ready, english)
        preferred = [s for s in prefer or [] if s in found]
        chosen: list[Source] = []
        while len(chosen) < count:
            pool = [
                s
                for s in (preferred if preferred and self.rng.random() < 0.7 else found)
                if s not in chosen
            ]
            if not pool:
                pool = [s for s in found if s not in chosen]
                if not pool:
                    break
            weights = [max(1.0, s.room) / (1 + abs((s.published - ready).days)) for s in pool]
            source = self.rng.choices(pool, weights)[0]
            chosen.append(source)
            source.room -= words
            day = max(ready, source.published) if source.kind == "live" else source.published
            source.items.append((day, *item))
        return chosen


def _groups(source: Source) -> list[list[tuple[datetime.date, str, Any]]]:
    """The source's items, one group per incident (its event, figures and statements)."""
    by_key: dict[str, list[tuple[datetime.date, str, Any]]] = {}
    for day, kind, fact in source.items:
        event = fact if kind == "events" else fact.incident if kind == "claims" else fact.event
        key = f"{day}/{event.id}" if event is not None else f"{day}/{kind}/{fact.id}"
        by_key.setdefault(key, []).append((day, kind, fact))
    order = {"events": 0, "claims": 1, "statements": 2}
    groups = [sorted(g, key=lambda item: (order[item[1]], item[2].id)) for g in by_key.values()]
    return sorted(groups, key=lambda g: (g[0][0], g[0][2].id), reverse=True)


def _group_sentences(
    rng: random.Random, writer: Writer, group: list[tuple[datetime.date, str, Any]]
) -> list[Sentence]:
    sentences = []
    for day, kind, fact in group:
        if kind == "events":
            sentences.append(writer.event(rng, fact, day))
            if fact.assertion is not None and writer.lang == "en":
                sentences.append(writer.assertion(rng, fact))
        elif kind == "claims":
            sentences.append(writer.claim(rng, fact, day))
        else:
            sentences.append(writer.statement(rng, fact, day))
    return sentences


def _paragraphs(rng: random.Random, sentences: list[Sentence]) -> list[list[Sentence]]:
    paragraphs: list[list[Sentence]] = []
    while sentences:
        size = rng.choice([1, 2, 2, 3, 3])
        paragraphs.append(sentences[:size])
        sentences = sentences[size:]
    return paragraphs


def words_in(paragraphs: list[list[Sentence]]) -> int:
    return sum(len(s.text.split()) for p in paragraphs for s in p)


def _headline(rng: random.Random, source: Source, world: World) -> str:
    day, kind, fact = source.items[0] if source.items else (source.published, "", None)
    groups = _groups(source)
    if groups:
        day, kind, fact = groups[0][0]
    event = (
        fact
        if kind == "events"
        else getattr(fact, "incident", None) or getattr(fact, "event", None)
    )
    if event is None:
        return f"{world.by_id[fact.speaker].name} speaks out" if fact else "The latest"
    place = event.place.name
    if source.lang == "de":
        return f"Angriffe auf {place}: die Lage am {day.day}. {DE_MONTHS[day.month - 1]}"
    if source.lang == "fr":
        return f"{place} : la situation au {day.day} {FR_MONTHS[day.month - 1]}"
    if source.lang == "es":
        return f"{place}: la situación el {day.day} de {ES_MONTHS[day.month - 1]}"
    title = str(event.kind.title).format(name=place, target=event.target)
    return (
        title[0].upper()
        + title[1:]
        + rng.choice(
            ["", ": what we know", " as fighting spreads", ", officials say", " - latest", ""]
        )
    )


def write_original(rng: random.Random, world: World, source: Source) -> None:
    writer = Writer(world, source.outlet, source.lang)
    paragraphs: list[list[Sentence]] = []
    for group in _groups(source):
        paragraphs += _paragraphs(rng, _group_sentences(rng, writer, group))
    if source.kind == "live":
        # A live blog keeps its entries in order of time, oldest first.
        paragraphs.reverse()
    while words_in(paragraphs) < source.target or len(paragraphs) < 4:
        bank = len(FILLER if source.lang == "en" else FOREIGN_FILLER[source.lang])
        filler = [writer.filler(rng, p) for p in rng.sample(range(bank), rng.randint(1, 3))]
        at = rng.randint(1, len(paragraphs)) if paragraphs else 0
        paragraphs.insert(at, filler)
    source.paragraphs = _settled(rng, paragraphs)
    source.title = _headline(rng, source, world)


def _located(s: Sentence, texts: list[str]) -> bool:
    """Whether the sentence's quote, or else the whole sentence, is in one paragraph only."""
    return any(sum(normalise(q) in t for t in texts) == 1 for q in (s.span("q") or "", s.text))


def _settled(rng: random.Random, paragraphs: list[list[Sentence]]) -> list[list[Sentence]]:
    """Reword a fact's sentence whose quote another paragraph also has (two shellings of
    one town on one day, written alike), so that every quote points at one paragraph."""
    for _ in range(10):
        texts = [normalise(" ".join(s.text for s in par)) for par in paragraphs]
        clashes = [
            (i, j)
            for i, par in enumerate(paragraphs)
            for j, s in enumerate(par)
            if s.cites and s.remake is not None and not _located(s, texts)
        ]
        if not clashes:
            break
        for i, j in clashes:
            paragraphs[i][j] = paragraphs[i][j].remake(rng)
    return paragraphs


def derive(rng: random.Random, world: World, source: Source, written: list[Source]) -> None:
    """Write a derived source from its parents: a copy, a rewrite, a loose translation, a
    round-up of two, or a copy in the parent's language."""
    kind = source.kind
    english = [s for s in written if s.lang == "en" and s.kind != "live"]
    if kind == "foreign":
        pool = [s for s in written if s.lang != "en" and s.kind == "original"] or english
        kind = source.kind = "copy"
    else:
        pool = english
    # Mostly from an original; now and then from another derived source (a chain).
    parent = rng.choice(pool if rng.random() < 0.25 else [s for s in pool if not s.parents] or pool)
    # Copies of one report are copies of each other too: a second copy is taken from the
    # first, so every pair that shares the text is declared.
    while parent.children and (kind != "roundup" or rng.random() < 0.5):
        parent = parent.children[-1]
    parents = [parent]
    if kind == "roundup":
        lineage = _lineage(parent)
        others = [
            s
            for s in english
            if not (_lineage(s) & lineage) and abs((s.published - parent.published).days) < 4
        ]
        if others:
            parents.append(rng.choice(others))
        else:
            kind = source.kind = "rewrite"
    lang = parent.lang
    names = COPIERS[lang] if lang != "en" and kind == "copy" else COPIERS[kind]
    source.outlet = OUTLET[rng.choice([n for n in names if n != parent.outlet.name] or names)]
    if source.outlet.language != lang:
        source.outlet = parent.outlet if lang != "en" else source.outlet
    source.parents = parents
    for p in parents:
        p.children.append(source)
    source.published = min(
        END, max(p.last_day for p in parents) + datetime.timedelta(days=rng.choice([0, 0, 1, 2]))
    )
    paragraphs: list[list[Sentence]] = []
    for p in parents:
        taken = [list(par) for par in p.paragraphs]
        if len(parents) > 1:
            taken = taken[: max(2, len(taken) // 2)]
        paragraphs += taken
    writer = Writer(world, source.outlet, lang)
    if kind == "copy":
        for _ in range(rng.randint(0, 2)):
            if len(paragraphs) > 4:
                del paragraphs[rng.randint(1, len(paragraphs) - 1)]
    elif kind in ("rewrite", "roundup"):
        paragraphs = [
            [s if rng.random() < 0.55 or s.remake is None else s.remake(rng) for s in par]
            for par in paragraphs
            if rng.random() < 0.85
        ]
        paragraphs.insert(rng.randint(1, len(paragraphs)), [writer.filler(rng) for _ in range(2)])
    elif kind == "translation":
        paragraphs = [[s.mapped(translate) for s in par] for par in paragraphs]
        if rng.random() < 0.4:
            _misprint(rng, paragraphs, parent)
    source.paragraphs = _settled(rng, paragraphs)
    source.title = (
        parent.title
        if kind == "copy"
        else translate(parent.title)
        if kind == "translation"
        else (
            parent.title.split(":")[0]
            + rng.choice([": the latest", " - what we know", " (update)"])
        )
    )


def _lineage(source: Source) -> set[int]:
    found = {id(source)}
    for parent in source.parents:
        found |= _lineage(parent)
    return found


def _misprint(rng: random.Random, paragraphs: list[list[Sentence]], parent: Source) -> None:
    """A translation that gets one figure wrong: 'forty' for 'fourteen', 140 for 14."""
    figures = [
        s
        for par in paragraphs
        for s in par
        if s.cites
        and s.cites[0].kind == "claims"
        and isinstance(s.cites[0].fact.count, int)
        and s.cites[0].fact.count > 0
        and s.cites[0].fact.words is None
    ]
    if not figures:
        return
    chosen = rng.choice(figures)
    before = chosen.span("n") or ""
    digits = re.search(r"[\d,]+|[a-z]+$", before)
    if digits is None:
        return
    old = digits.group(0)
    new = (
        str(int(old.replace(",", "")) * 10)
        if old[0].isdigit()
        else {"four": "forty", "six": "sixty"}.get(old, "ten")
    )
    if new == old:
        return
    chosen.segments = [
        (t.replace(old, new) if "n" in labels else t, labels) for t, labels in chosen.segments
    ]
    chosen.cites[0].erratum = (
        f"The translation gives '{new}' where {parent.outlet.name}, which it "
        f"follows, gives '{old}'."
    )


# ---------------------------------------------------------------------------------------
# The files
# ---------------------------------------------------------------------------------------


def _styled(text: str, curly: bool) -> str:
    if not curly:
        return text
    out, opened = [], False
    for char in text:
        if char == '"':
            out.append("\u201d" if opened else "\u201c")
            opened = not opened
        else:
            out.append("\u2019" if char == "'" else char)
    return "".join(out)


def _wrapped(text: str, width: int = 78) -> str:
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])


def _blocks(
    rng: random.Random, source: Source, world: World
) -> list[tuple[str, list[Sentence] | None]]:
    """The file's blocks in order: (text, the paragraph's sentences or None for furniture)."""
    outlet = source.outlet
    head = (
        f"date {source.published.isoformat()} {source.title}"
        if outlet.date_header
        else source.title
    )
    blocks: list[tuple[str, list[Sentence] | None]] = [(head, None)]
    if outlet.byline and source.kind != "live":
        source.byline = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        blocks.append((f"By {source.byline}", None))
        source.strip.append(
            {"text": f"By {source.byline}", "reason": "byline", "paragraph": len(blocks)}
        )
    if source.kind == "live":
        return blocks + _live_blocks(rng, source)
    for i, paragraph in enumerate(source.paragraphs):
        text = " ".join(s.text for s in paragraph)
        if i == 0 and source.lang == "en" and paragraph and paragraph[0].cites:
            fact = paragraph[0].cites[0].fact
            event = (
                fact
                if isinstance(fact, Event)
                else getattr(fact, "incident", None) or getattr(fact, "event", None)
            )
            if event is not None:
                month = MONTHS[source.published.month - 1][:3]
                text = f"{event.place.name.upper()}, Velmora, {month} {source.published.day} ({outlet.name}) - {text}"
        blocks.append((text, paragraph))
        if rng.random() < 0.05:
            blocks.append(("Advertisement", None))
    if outlet.wire:
        credit = f"(Reporting by {rng.choice(FIRST)} {rng.choice(LAST)}; Editing by {rng.choice(FIRST)} {rng.choice(LAST)})"
        blocks.append((credit, None))
        source.strip.append({"text": credit, "reason": "credit line", "paragraph": len(blocks)})
    return blocks


def _live_blocks(rng: random.Random, source: Source) -> list[tuple[str, list[Sentence] | None]]:
    blocks: list[tuple[str, list[Sentence] | None]] = []
    by_day: dict[datetime.date, list[list[Sentence]]] = defaultdict(list)
    # Each paragraph's day is its first fact's entry day; filler follows the paragraph before.
    current = source.published
    entry_day = {}
    for day, _, fact in source.items:
        entry_day[id(fact)] = day
    for paragraph in source.paragraphs:
        facts = [c.fact for s in paragraph for c in s.cites]
        if facts:
            current = max(current, entry_day.get(id(facts[0]), current))
        by_day[current].append(paragraph)
    for day in sorted(by_day):
        blocks.append(
            (f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}", None)
        )
        times = sorted(rng.sample(range(6 * 60, 23 * 60), len(by_day[day])))
        for minutes, paragraph in zip(times, by_day[day], strict=True):
            text = " ".join(s.text for s in paragraph)
            blocks.append((f"{minutes // 60:02d}:{minutes % 60:02d}\n{text}", paragraph))
    return blocks


def cite_sources(
    sources: list[Source], file_blocks: dict[int, list[tuple[str, list[Sentence] | None]]]
) -> None:
    """Each source's citations onto its facts, with the quote cut from its own text. A quote
    found in more than one paragraph is widened to its sentence; one that still is, dropped."""
    for source in sources:
        paragraphs = [
            normalise(text)
            for text, sentences in file_blocks[source.number]
            if sentences is not None
        ]
        for sentences in (s for _, s in file_blocks[source.number] if s is not None):
            for s in sentences:
                for cite in s.cites:
                    quote = s.span("q") or ""
                    if sum(normalise(quote) in p for p in paragraphs) != 1:
                        quote = s.text
                        if sum(normalise(quote) in p for p in paragraphs) != 1:
                            if DEBUG:
                                print("dropped", source.id, source.kind, quote, file=sys.stderr)
                            continue
                    _record(source, s, cite, quote)


def _record(source: Source, s: Sentence, cite: Cite, quote: str) -> None:
    citation: dict[str, Any] = {"source": source.id, "quote": quote}
    fact = cite.fact
    if cite.kind == "events":
        fact.citations.append(citation)
        if fact.date_phrase is None and source.lang == "en":
            fact.date_phrase = s.span("d")
    elif cite.kind == "assertions":
        fact.assertion_citations.append(citation)
    elif cite.kind == "statements":
        fact.citations.append(citation)
    else:
        if s.span("n"):
            citation["says"] = s.span("n")
        if cite.qualifier:
            citation["qualifier"] = cite.qualifier
        if s.span("d"):
            citation["date_phrase"] = s.span("d")
        if cite.erratum:
            citation["erratum"] = cite.erratum
        fact.citations.append(citation)


# A YAML scalar written plain when that is safe, else as a JSON string (also valid YAML).
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 .,'()/\u2019-]*[A-Za-z0-9.)]|[A-Za-z]")
_WORDS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}


def scalar(value: Any, flow: bool = False) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value)
    if (
        _PLAIN.fullmatch(text)
        and ": " not in text
        and " #" not in text
        and text.lower() not in _WORDS
        and not (flow and "," in text)
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def emit(record: dict[str, Any], indent: int) -> list[str]:
    """A mapping as block YAML lines, `indent` spaces in; values None are left out."""
    pad = " " * indent
    lines = []
    for key, value in record.items():
        if value is None:
            continue
        if value == "NULL":
            lines.append(f"{pad}{key}: null")
        elif isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            lines += emit(value, indent + 2)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{pad}{key}:")
            for item in value:
                inner = emit(item, indent + 4)
                lines.append(f"{pad}  - {inner[0].strip()}")
                lines += inner[1:]
        elif isinstance(value, list):
            lines.append(f"{pad}{key}: [{', '.join(scalar(v, flow=True) for v in value)}]")
        else:
            lines.append(f"{pad}{key}: {scalar(value)}")
    return lines


def sheet(records: list[dict[str, Any]]) -> str:
    out = []
    for record in records:
        lines = emit(record, 2)
        out.append("- " + lines[0].strip())
        out += lines[1:]
        out.append("")
    return "\n".join(out)


def _source_record(source: Source) -> dict[str, Any]:
    outlet = source.outlet
    parent = source.parents[0] if source.parents else source
    notes = None
    if source.kind == "copy":
        notes = f"Republishes the {parent.outlet.name} report with small cuts."
    elif source.kind == "rewrite":
        notes = f"Rewrites the {parent.outlet.name} report, keeping about half its sentences."
    elif source.kind == "roundup":
        notes = (
            "A round-up stitched from two earlier reports: "
            + ", ".join(p.outlet.name for p in source.parents)
            + "."
        )
    elif source.kind == "translation":
        notes = f"A loose translation of the {parent.outlet.name} report; its wording drifts."
    record: dict[str, Any] = {
        "id": source.id,
        "file": f"{SLUG[0]}-{source.number:03d}.txt",
        "outlet": "NULL" if source.unnamed else outlet.name,
        "label": (f"Unnamed outlet ({source.id})" if source.unnamed else outlet.label),
        "title": source.title,
        "published": source.published,
        "language": source.lang,
        "translation": True if source.kind == "translation" else None,
        "byline": source.byline,
        "url": None
        if source.unnamed
        else f"https://{outlet.domain}/{source.published:%Y/%m/%d}/{slug(source.title)[:60].strip('-')}",
        "derived_from": source.derived_from or None,
        "reliability": {"grade": outlet.grade, "reason": outlet.reason},
        "notes": notes,
        "strip": source.strip or None,
    }
    if source.kind == "live":
        record["live_blog"] = {"order": "oldest-first", "updated": source.updated}
    return record


SLUG = ["big"]
DEBUG = False


def _event_record(event: Event) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": event.id,
        "title": event.kind.title.format(name=event.place.name, target=event.target),
        "date": event.day.isoformat()
        if event.precision in ("day", "approximate")
        else f"{event.day:%Y-%m}",
        "precision": None if event.precision == "day" else event.precision,
        "date_phrase": event.date_phrase,
        "time": event.time,
        "end_date": event.end_date,
        "end_time": event.end_time,
        "summary": _upper_first(
            first_option(event.kind.clauses[0])
            .replace(" [d:{when}]", "")
            .format(place=event.place.name, target=event.target)
        )
        + ".",
        "status": event.status,
        "places": [event.place.id],
        "actors": event.actors or None,
        "claimed_by": event.claimed_by or None,
        "denied_by": event.denied_by or None,
        "confirmed_by": event.confirmed_by or None,
        "citations": event.citations,
    }
    if event.assertion and event.assertion_citations:
        record["assertions"] = [{**event.assertion, "citations": event.assertion_citations}]
    if event.independent:
        record["independent"] = event.independent
    if event.credibility:
        record["credibility"] = event.credibility
    return record


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _claim_record(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "claimant": claim.claimant or "NULL",
        "as_of": claim.as_of,
        "as_of_time": claim.as_of_time,
        "incident": claim.incident.id,
        "category": claim.category,
        "group": claim.group,
        "count": claim.count,
        "qualifier": None if claim.qualifier == "exactly" else claim.qualifier,
        "words": claim.words,
        "place": claim.place,
        "witness": claim.witness,
        "citations": claim.citations,
    }


def _statement_record(st: Statement) -> dict[str, Any]:
    return {
        "id": st.id,
        "speaker": st.speaker,
        "title": st.words,
        "date": st.day.isoformat(),
        "time": st.time,
        "where": st.where,
        "event": st.event.id if st.event else None,
        "citations": st.citations,
    }


def _actor_record(actor: Actor, cited: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "aliases": actor.aliases or None,
        "affiliations": actor.affiliations or None,
        "belligerent": True if actor.belligerent else None,
        "description": actor.description,
        "citations": [cited[actor.id]] if actor.id in cited else None,
    }


def _place_record(place: Place, cited: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": place.id,
        "name": place.name,
        "kind": place.kind,
        "region": place.region,
        "country": place.country,
        "aliases": place.aliases or None,
        "coordinates": {"lat": place.coordinates[0], "lon": place.coordinates[1]}
        if place.coordinates
        else None,
        "citations": [cited[place.id]] if place.id in cited else None,
    }


def make_big_briefing(
    project: Path, *, sources: int = 300, events: int = 3000, claims: int = 3000, slug: str = "big"
) -> None:
    """Write a made-up briefing of `sources` sources, `events` events and `claims` casualty
    claims (and statements, actors and places in proportion) into the project folder
    `project`: `briefings/<slug>/*.yaml` and `seeds/<slug>-NNN.txt`, with `mkdocs.yml` and
    `docs/` copied from this repository. The same arguments always write the same files."""
    rng = random.Random(f"big-briefing/{sources}/{events}/{claims}")
    SLUG[0] = slug
    world = make_world(rng, scale=max(0.3, sources / 300))
    event_list = make_events(rng, world, events)
    claim_list = make_claims(rng, world, event_list, claims)
    statement_list = make_statements(rng, world, event_list, max(10, events // 5))
    originals, derived = plan_sources(rng, sources)
    assigner = Assigner(rng, originals)
    carriers: dict[str, list[Source]] = {}
    for event in sorted(event_list, key=lambda e: (e.last, e.id)):
        count = rng.choices([1, 2, 3], [75, 20, 5])[0]
        carriers[event.id] = assigner.give(
            event.last, ("events", event), count, 22, english=event.assertion is not None
        )
    for claim in claim_list:
        english = (
            claim.claimant is None
            or world.by_id[claim.claimant].kind != "person"
            or claim.words is not None
            or not isinstance(claim.count, int)
            or claim.count == 0
        )
        count = rng.choices([1, 2], [85, 15])[0]
        assigner.give(
            claim.as_of, ("claims", claim), count, 17, english, carriers[claim.incident.id]
        )
    for st in statement_list:
        count = rng.choices([1, 2, 3], [55, 35, 10])[0]
        prefer = carriers[st.event.id] if st.event else []
        assigner.give(st.day, ("statements", st), count, 24, True, prefer)
    by_last = sorted(event_list, key=lambda e: e.last)
    for source in originals:
        if not source.items:
            # Nothing fell to it: it reports the latest event it could have heard of.
            before = [
                e
                for e in by_last
                if e.last <= source.published and (source.lang == "en" or not e.assertion)
            ]
            event = before[-1] if before else by_last[0]
            source.items.append((max(source.published, event.last), "events", event))
    written: list[Source] = []
    for source in sorted(originals, key=lambda s: (s.published, s.outlet.name)):
        write_original(rng, world, source)
        written.append(source)
    for source in derived:
        derive(rng, world, source, written)
        written.append(source)
    everything = sorted(written, key=lambda s: (s.published, s.outlet.name, s.title))
    ids: Counter[str] = Counter()
    for number, source in enumerate(everything, start=1):
        source.number = number
        base = f"{slug_of(source.outlet.label or source.outlet.name)}-{source.published:%m%d}"
        ids[base] += 1
        source.id = base if ids[base] == 1 else f"{base}-{ids[base]}"
        source.unnamed = source.outlet.name == "Frontline Digest" and number % 3 == 0
    for source in everything:
        # Every source it copies from, directly or through another, is declared.
        ancestors: list[Source] = []
        todo = list(source.parents)
        while todo:
            parent = todo.pop(0)
            if parent not in ancestors:
                ancestors.append(parent)
                todo += parent.parents
        source.derived_from = [
            a.id for a in ancestors if a in source.parents or _shares(source, a) >= 7.0
        ]
    folder = project / "briefings" / slug
    seeds = project / "seeds"
    folder.mkdir(parents=True, exist_ok=True)
    seeds.mkdir(parents=True, exist_ok=True)
    file_blocks = {}
    for source in everything:
        blocks = _blocks(rng, source, world)
        file_blocks[source.number] = blocks
        texts = [
            _styled(t if not source.outlet.wrap else _wrapped(t), source.outlet.curly)
            for t, _ in blocks
        ]
        (seeds / f"{slug}-{source.number:03d}.txt").write_text(
            "\n\n".join(texts) + "\n", encoding="utf-8"
        )
    cite_sources(everything, file_blocks)
    _editors_rulings(rng, event_list)
    _write_sheets(folder, world, everything, event_list, claim_list, statement_list)
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, project / name)
    if not (project / "docs").exists():
        shutil.copytree(ROOT / "docs", project / "docs")


def _grams(source: Source) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", " ".join(s.text for p in source.paragraphs for s in p).lower())
    return {tuple(words[i : i + 6]) for i in range(len(words) - 5)}


def _shares(a: Source, b: Source) -> float:
    """About what the check measures: the share of the larger set of six-word runs that
    the other has (quotations are not set apart here)."""
    ga, gb = _grams(a), _grams(b)
    return 100.0 * len(ga & gb) / max(1, min(len(ga), len(gb)))


def slug_of(text: str) -> str:
    return slug(text.removeprefix("The "))


def _editors_rulings(rng: random.Random, events: list[Event]) -> None:
    """A few of what editors add by hand: two sources ruled independent for a fact, and a
    grade set with a reason."""
    for event in events:
        sources = list(dict.fromkeys(c["source"] for c in event.citations))
        if len(sources) >= 2 and rng.random() < 0.03:
            event.independent = [
                {"sources": sources[:2], "reason": "Both correspondents were in the town that day."}
            ]
        if rng.random() < 0.004:
            event.credibility = {
                "grade": 5,
                "reason": "Satellite images taken the next day show no damage.",
            }


def _write_sheets(
    folder: Path,
    world: World,
    sources: list[Source],
    events: list[Event],
    claims: list[Claim],
    statements: list[Statement],
) -> None:
    facts: list[Event | Claim | Statement] = [*events, *claims, *statements]
    missing = [f.id for f in facts if not f.citations]
    assert not missing, f"facts without a citation: {missing[:10]} ({len(missing)})"
    cited: dict[str, dict[str, Any]] = {}
    for claim in claims:
        if claim.claimant:
            cited.setdefault(
                claim.claimant, {k: claim.citations[0][k] for k in ("source", "quote")}
            )
    for event in events:
        cited.setdefault(event.place.id, {k: event.citations[0][k] for k in ("source", "quote")})
    info = {
        "title": "Border war in Velmora, spring and summer 2023 (fictional benchmark briefing)",
        "summary": "A made-up story for measuring the generator at scale: Ostrana's artillery, "
        "drones and raids against Velmora's border regions, as some twenty outlets reported them.",
        "period": {"start": START, "end": END},
        "status": "developing",
        "last_reviewed": END,
        "timezone": "Europe/Kyiv",
    }
    (folder / "briefing.yaml").write_text("\n".join(emit(info, 0)) + "\n", encoding="utf-8")
    sheets = {
        "sources": [_source_record(s) for s in sources],
        "actors": [_actor_record(a, cited) for a in world.actors],
        "places": [_place_record(p, cited) for p in world.places],
        "events": [_event_record(e) for e in events],
        "claims": [_claim_record(c) for c in claims],
        "statements": [_statement_record(s) for s in statements],
    }
    for name, records in sheets.items():
        (folder / f"{name}.yaml").write_text(sheet(records), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path, help="the project folder to write into")
    parser.add_argument("--sources", type=int, default=300)
    parser.add_argument("--events", type=int, default=3000)
    parser.add_argument("--claims", type=int, default=3000)
    parser.add_argument("--slug", default="big")
    args = parser.parse_args()
    make_big_briefing(
        args.project, sources=args.sources, events=args.events, claims=args.claims, slug=args.slug
    )
    folder = args.project / "briefings" / args.slug
    counts = {
        p.stem: p.read_text(encoding="utf-8").count("\n- id: ")
        + p.read_text(encoding="utf-8").startswith("- id: ")
        for p in sorted(folder.glob("*.yaml"))
        if p.stem != "briefing"
    }
    seeds = sorted((args.project / "seeds").glob(f"{args.slug}-*.txt"))
    words = [len(p.read_text(encoding="utf-8").split()) for p in seeds]
    citations = sum(p.read_text(encoding="utf-8").count("quote: ") for p in folder.glob("*.yaml"))
    print(
        f"wrote {folder}: "
        + ", ".join(f"{n} {k}" for k, n in counts.items())
        + f", {citations} citations"
    )
    print(
        f"{len(seeds)} source files, {sum(words):,} words (per source: min {min(words)}, "
        f"median {sorted(words)[len(words) // 2]}, max {max(words)})"
    )


if __name__ == "__main__":
    main()
