"""Make a cooperative of N schools: the joint base assessment and one small overlay each.

    python bench/generate.py 100 bench/work/coop

The overlays vary the details a real member school would fill in (name, sector, address,
pupil numbers, dates, its own risk and measure, sign-off), like samples/joint/school-*.yaml.
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOWNS = [
    "Almveld",
    "Brederode",
    "Coevorden-Oost",
    "Dijkhuizen",
    "Eemsloot",
    "Friesmeer",
    "Gansbeek",
    "Hoogwoud",
    "IJsselkamp",
    "Jonkerdam",
    "Kruisland",
    "Lindenhof",
]
KINDS = [
    ("secondary", "Lyceum", "havo/vwo"),
    ("secondary", "College", "vmbo"),
    ("primary", "Basisschool", "groep 1-8"),
    ("vocational", "Vakcollege", "mbo"),
]

OVERLAY = """\
extends: {base}

meta:
  title:
    nl: DPIA digitale leeromgeving LeerPlein, {name}
    en: DPIA digital learning platform LeerPlein, {name}
  organisation:
    name: Stichting {name}
    sector: {sector}
    address: {street} {number}, {postcode} {town}
    dpo:
      name: FG {name}
      email: fg@school{n}.example.nl
  version: "2.0-S{n}"
  assessment_date: 2026-{month:02d}-{day:02d}
  review_date: 2029-{month:02d}-{day:02d}

description:
  data_subjects:
    - id: pupils
      category:
        nl: Leerlingen {level} van {name}
        en: Pupils ({level}) of {name}
      approximate_number: {pupils}

risks:
  - id: R-S{n}
    title:
      nl: Gedeelde apparaten in lokaal {room}
      en: Shared devices in room {room}
    feared_event: illegitimate_access
    likelihood: limited
    severity: significant
    measures: [M-S{n}]
    residual_likelihood: negligible
    residual_severity: limited

measures:
  - id: M-S{n}
    title:
      nl: Automatisch afmelden na {minutes} minuten op gedeelde apparaten
      en: Automatic sign-out after {minutes} minutes on shared devices
    kind: technical
    status: {status}
    owner: ICT-coördinator {name}

consultation:
  sign_off:
    - role: Bestuurder / Executive board
      name: {initial}. {surname}
      date: 2026-{month:02d}-{day2:02d}
"""


def generate(count: int, folder: Path) -> list[Path]:
    rng = random.Random(count)  # the same cooperative every time for the same count
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "samples" / "joint" / "base.yaml", folder / "base.yaml")
    paths = []
    for n in range(1, count + 1):
        sector, kind, level = rng.choice(KINDS)
        town = rng.choice(TOWNS)
        month, day = rng.randint(1, 9), rng.randint(1, 27)
        text = OVERLAY.format(
            base="base.yaml",
            n=n,
            name=f"{kind} {town} {n}",
            sector=sector,
            level=level,
            street=rng.choice(["Schoolstraat", "Kerkweg", "Dorpsplein", "Lindelaan"]),
            number=rng.randint(1, 200),
            postcode=f"{rng.randint(1000, 9999)} AB",
            town=town,
            month=month,
            day=day,
            day2=day + 1,
            pupils=rng.randint(120, 1800),
            room=rng.randint(1, 40),
            minutes=rng.choice([5, 10, 15]),
            status=rng.choice(["planned", "in_progress", "implemented"]),
            initial=rng.choice("ABCDEJKMPS"),
            surname=rng.choice(["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer"]),
        )
        path = folder / f"school-{n:03d}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    generated = generate(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"wrote {len(generated)} overlays and base.yaml to {sys.argv[2]}")
