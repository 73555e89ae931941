"""How many YAML slips in a claim file `site-builder validate` names in plain words, with the fix
(site_builder/yaml_mistakes.py), and which it still leaves in the parser's own words.

    .venv/bin/python benchmarks/yaml_mistakes.py                # nine seeds over the demo claims (seconds)
    .venv/bin/python benchmarks/yaml_mistakes.py --seeds 3 --examples 2
    .venv/bin/python benchmarks/yaml_mistakes.py --json benchmarks/results/yaml-mistakes.json
    PYTHONPATH=/tmp/old .venv/bin/python benchmarks/yaml_mistakes.py   # another checkout's site_builder

Each slip is one change to one line of a demo claim file, as a contributor's hand makes it: the line
indented by one more space (20%) or one less (10%), a mark typed into it (40%: a quote, a colon, a dash,
a bracket, a tab, a space, '#', '*', '|', '>', a backtick, '@', '%', '&', '!' or '?'), or a character
deleted (30%). Thirty slips a file for each seed. A slip that leaves the file valid YAML is not counted
(the field checks report those). Of the others, each problem is "explained" when its message is ours,
and "unexplained" when it is the parser's message, shown as `invalid YAML: ... (expected valid YAML)`.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKS = ['"', "'", ":", "- ", "[", "{", "\t", " ", "#", "*", "|", ">", "`", "@", "%", "&", "!", "?"]
SLIPS_PER_FILE = 30
UNEXPLAINED = "invalid YAML: "


def slip(line: str, rng: random.Random, marks: list[str] = MARKS) -> str:
    """``line`` with one slip of a contributor's hand (see above); tests/test_yaml_loading.py uses it too."""
    at, kind = rng.randrange(len(line) + 1), rng.random()
    if kind < 0.2:
        return " " + line
    if kind < 0.3:
        return line.removeprefix(" ")
    if kind < 0.7:
        return line[:at] + rng.choice(marks) + line[at:]
    return line[:at] + line[at + 1:]


def measure(seeds: int, examples: int) -> dict[str, object]:
    from site_builder.load import parse_fields

    broken = explained = 0
    unexplained: collections.Counter[str] = collections.Counter()
    shown: dict[str, list[str]] = collections.defaultdict(list)
    files = sorted((ROOT / "claims").glob("*.yaml"))
    for seed in range(seeds):
        rng = random.Random(seed)
        for path in files:
            lines = path.read_text(encoding="utf-8").split("\n")
            for _ in range(SLIPS_PER_FILE):
                number = rng.randrange(len(lines) - 1)
                slipped = slip(lines[number], rng)
                problems = parse_fields("\n".join([*lines[:number], slipped, *lines[number + 1:]]), path.name)[1]
                if not problems:
                    continue  # still valid YAML
                broken += 1
                for problem in problems:
                    if problem.message.startswith(UNEXPLAINED):
                        message = problem.message.removeprefix(UNEXPLAINED).split(" (expected")[0]
                        unexplained[message] += 1
                        if len(shown[message]) < examples:
                            shown[message].append(f"{problem.line}:{problem.column} after the slip {slipped.strip()[:70]!r}")
                    else:
                        explained += 1
    return {"seeds": seeds, "files": len(files), "slips": seeds * len(files) * SLIPS_PER_FILE, "broken": broken,
            "explained": explained, "unexplained": sum(unexplained.values()),
            "unexplained_by_message": dict(unexplained.most_common()), "examples": dict(shown)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=9)
    parser.add_argument("--examples", type=int, default=0, help="slips shown for each message left unexplained")
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args()
    result = measure(args.seeds, args.examples)
    print(f"{result['slips']} slips in {result['files']} demo claim files ({args.seeds} seeds): {result['broken']} "
          f"broke the YAML; {result['explained']} problems named in plain words, {result['unexplained']} in the "
          "parser's own words")
    for message, count in result["unexplained_by_message"].items():  # type: ignore[attr-defined]
        print(f"  {count:4}  {message}")
        for example in result["examples"].get(message, []):  # type: ignore[attr-defined]
            print(f"          {example}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
