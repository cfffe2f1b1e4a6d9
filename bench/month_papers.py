#!/usr/bin/env python3
"""Writes COUNT papers featured over one month as a Hugging Face /api/daily_papers JSON array.

    python3 bench/month_papers.py COUNT MONTH OUT [SEED]     # e.g. 20000 2026-03 /tmp/month.json

Ids are new-style arXiv ids (YYMM.NNNNN) of the month; each paper is featured on one day of it,
spread evenly; upvotes follow a Zipf-like law (most papers few, a handful hundreds), as on a busy
site that auto-features a category. Titles and abstracts are made of words from the demo papers.
The same seed gives the same bytes.
"""
import calendar
import json
import random
import sys
from pathlib import Path


def main():
    count, month, out = int(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    year, mon = (int(x) for x in month.split("-"))
    days = calendar.monthrange(year, mon)[1]
    demo = Path(__file__).resolve().parent.parent / "src/main/resources/demo/papers.jsonl"
    words = [w for line in demo.read_text().splitlines() for w in json.loads(line).get("abstract", "").split() if w.isalpha()]
    entries = []
    for i in range(count):
        day = 1 + i * days // count
        upvotes = min(int(rng.paretovariate(1.2)) - 1, 500)
        entries.append({"paper": {
            "id": f"{year % 100:02d}{mon:02d}.{i + 1:05d}",
            "authors": [{"name": f"{rng.choice(words).title()} {rng.choice(words).title()}"} for _ in range(rng.randint(1, 6))],
            "publishedAt": f"{year}-{mon:02d}-{max(1, day - 1):02d}T00:00:00.000Z",
            "submittedOnDailyAt": f"{year}-{mon:02d}-{day:02d}T00:00:00.000Z",
            "title": " ".join(rng.choice(words) for _ in range(rng.randint(6, 14))).capitalize(),
            "summary": " ".join(rng.choice(words) for _ in range(rng.randint(80, 200))) + ".",
            "upvotes": upvotes,
            "submittedOnDailyBy": {"name": "bench"},
        }})
    out.write_text(json.dumps(entries))


if __name__ == "__main__":
    main()
