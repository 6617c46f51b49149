#!/usr/bin/env python3
"""Validates Waymark's MS Project XML (.xml) and GanttProject (.gan) exports with MPXJ.

MPXJ is the open-source library behind ProjectLibre's and many other tools' importers. For each plan
given (by default the seed plans in ../shared/seeds and the bundled sample), this script:

1. converts the plan with `waymark convert` to .ron, .csv, .xml and .gan;
2. takes what the plan holds from Waymark itself: tasks with their phase, parent, dependencies and
   hour estimates from the CSV export, phases and milestones from `waymark diff --json`;
3. reads the .xml with MPXJ's MSPDIReader and the .gan with its GanttProjectReader (and checks that
   MPXJ's UniversalProjectReader recognises each file type);
4. checks that every task, dependency, duration, milestone and the hierarchy read back.

MPXJ's GanttProjectReader (16.10) reads the `<depend>` elements of top-level tasks only, not those of
nested tasks; links that start at a nested task are therefore checked in the .gan file itself (each
`<depend>` on the right task pointing at the right task) and counted separately in the output.

Needs: `pip install mpxj JPype1` and a Java runtime (`apt-get install -y default-jre-headless`).
Usage: scripts/validate_mpxj.py [--waymark PATH] [PLAN ...]
Exit status 0 when every check passes, 1 when any fails, 2 when MPXJ or Java is missing.
"""

import argparse
import csv
import io
import json
import math
import pathlib
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree

ROOT = pathlib.Path(__file__).resolve().parent.parent


def waymark(binary, *args):
    result = subprocess.run([binary, *map(str, args)], capture_output=True, text=True)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"waymark {' '.join(map(str, args))}: {result.stderr.strip()}")
    return result.stdout


def expected_plan(binary, plan_path, folder):
    """What the plan holds, as Waymark sees it."""
    ron = folder / "plan.ron"
    waymark(binary, "convert", plan_path, "-o", ron)
    table = folder / "plan.csv"
    waymark(binary, "convert", ron, "-o", table)
    empty = folder / "empty.ron"
    empty.write_text("(format_version: 1, plan: (legend: []))\n")
    added = json.loads(waymark(binary, "diff", empty, ron, "--json"))["added"]
    phases = {item["id"]: item["title"] for item in added if item["collection"] == "phases"}
    milestones = {item["id"]: item["title"] for item in added if item["collection"] == "milestones"}
    lines = [line for line in table.read_text(encoding="utf-8").splitlines(keepends=True)
             if not line.startswith("#")]
    tasks = {}
    for row in csv.DictReader(io.StringIO("".join(lines))):
        if row["id"] in tasks:
            continue
        hours = row.get("estimated_hours", "").strip()
        tasks[row["id"]] = {
            "title": row["task"].strip(),
            "phase": row["phase"].strip(),
            "parent": row.get("parent", "").strip(),
            "depends_on": [d for d in row["dependencies"].split("|") if d.strip()],
            "hours": float(hours) if hours else None,
        }
    for task_id, task in tasks.items():
        task["depends_on"] = {d for d in task["depends_on"] if d in tasks and d != task_id}
        if task["parent"] not in tasks or task["parent"] == task_id:
            task["parent"] = ""
        if task["phase"] not in phases:
            task["phase"] = ""
    found = re.search(r"hours_per_day: ([0-9.]+)", ron.read_text(encoding="utf-8"))
    hours_per_day = float(found.group(1)) if found else 8.0
    return phases, milestones, tasks, hours_per_day


def gan_links(path):
    """(predecessor Waymark id, successor Waymark id) for every depend in a .gan file."""
    root = ElementTree.parse(path).getroot()
    columns = {p.get("id"): p.get("name") for p in root.iter("taskproperty")}
    ids = {}
    for task in root.iter("task"):
        for prop in task.findall("customproperty"):
            if columns.get(prop.get("taskproperty-id")) == "Waymark ID":
                ids[task.get("id")] = prop.get("value")
    links = set()
    for task in root.iter("task"):
        for depend in task.findall("depend"):
            links.add((ids.get(task.get("id")), ids.get(depend.get("id"))))
    return links


def expected_container(tasks, task_id):
    """The row a task sits under: its parent, else (for a root task) its phase, else none."""
    parent = tasks[task_id]["parent"]
    if parent:
        return parent
    return tasks[task_id]["phase"] or None


def check_file(java, path, kind, expected):
    """Reads one export with MPXJ; returns the problems and how many links were checked in the
    file because MPXJ does not read them."""
    phases, milestones, tasks, hours_per_day = expected
    from_file = 0
    file_links = gan_links(path) if kind == "gan" else set()
    reader = java["MSPDIReader"]() if kind == "xml" else java["GanttProjectReader"]()
    project = reader.read(str(path))
    problems = []
    detected = str(java["UniversalProjectReader"]().read(str(path)).getProjectProperties().getFileType())
    if detected != ("MSPDI" if kind == "xml" else "GAN"):
        problems.append(f"UniversalProjectReader took the file for {detected}")
    fields = {str(field.getAlias()): field.getFieldType() for field in project.getCustomFields()}
    if "Waymark ID" not in fields or "Waymark kind" not in fields:
        return problems + [f"custom fields missing: {sorted(fields)}"], 0

    def value(task, alias):
        found = task.get(fields[alias])
        return None if found is None else str(found)

    rows = {}
    for task in project.getTasks():
        row_id, row_kind = value(task, "Waymark ID"), value(task, "Waymark kind")
        if row_id is None:
            continue
        rows[(row_kind, row_id)] = task
    if kind == "xml":
        minutes = project.getProjectProperties().getMinutesPerDay()
        hours_per_day = float(minutes.doubleValue()) / 60.0 if minutes is not None else 8.0

    def key_of(task):
        return (value(task, "Waymark kind"), value(task, "Waymark ID")) if task is not None else None

    for phase_id, name in phases.items():
        row = rows.get(("phase", phase_id))
        if row is None:
            problems.append(f"phase {phase_id} is missing")
        elif str(row.getName()) != name.strip() or row.getParentTask() is not None:
            problems.append(f"phase {phase_id}: read as {row.getName()!r} under {key_of(row.getParentTask())}")
    for milestone_id, name in milestones.items():
        row = rows.get(("milestone", milestone_id))
        if row is None:
            problems.append(f"milestone {milestone_id} is missing")
            continue
        if not bool(row.getMilestone()):
            problems.append(f"milestone {milestone_id} is not a milestone in MPXJ")
        if str(row.getName()) != name.strip():
            problems.append(f"milestone {milestone_id}: name {row.getName()!r}")
    for task_id, task in tasks.items():
        row = rows.get(("task", task_id))
        if row is None:
            problems.append(f"task {task_id} is missing")
            continue
        if str(row.getName()) != task["title"]:
            problems.append(f"task {task_id}: title {row.getName()!r}, expected {task['title']!r}")
        if bool(row.getMilestone()):
            problems.append(f"task {task_id} reads as a milestone")
        container = expected_container(tasks, task_id)
        found = key_of(row.getParentTask())
        wanted = None
        if container:
            wanted = ("task", container) if tasks[task_id]["parent"] else ("phase", container)
        if found != wanted:
            problems.append(f"task {task_id}: under {found}, expected under {wanted}")
        predecessors = set()
        for relation in row.getPredecessors():
            other = key_of(relation.getPredecessorTask())
            if other is None or other[0] != "task":
                problems.append(f"task {task_id}: a link from {other}")
            else:
                predecessors.add(other[1])
        for missing in task["depends_on"] - predecessors:
            row_of_missing = rows.get(("task", missing))
            nested = row_of_missing is not None and row_of_missing.getParentTask() is not None
            if kind == "gan" and nested and (missing, task_id) in file_links:
                predecessors.add(missing)
                from_file += 1
        if predecessors != task["depends_on"]:
            problems.append(f"task {task_id}: links from {sorted(predecessors)}, expected {sorted(task['depends_on'])}")
        duration = row.getDuration()
        if duration is None:
            problems.append(f"task {task_id}: no duration")
            continue
        if kind == "xml":
            hours = float(duration.convertUnits(java["TimeUnit"].HOURS, project.getProjectProperties()).getDuration())
            wanted_hours = task["hours"] if task["hours"] is not None else hours_per_day
            if abs(hours - round(wanted_hours * 60) / 60) > 1e-6:
                problems.append(f"task {task_id}: duration {hours} h, expected {wanted_hours} h")
        else:
            days = float(duration.convertUnits(java["TimeUnit"].DAYS, project.getProjectProperties()).getDuration())
            wanted_days = max(1, math.ceil(task["hours"] / hours_per_day)) if task["hours"] else 1
            if abs(days - wanted_days) > 1e-6:
                problems.append(f"task {task_id}: duration {days} d, expected {wanted_days} d")
    return problems, from_file


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--waymark", default=str(ROOT / "target" / "debug" / "waymark"))
    parser.add_argument("plans", nargs="*")
    args = parser.parse_args()
    plans = [pathlib.Path(p) for p in args.plans]
    if not plans:
        seeds = ROOT.parent / "shared" / "seeds"
        plans = sorted(seeds.glob("*")) if seeds.is_dir() else []
        plans.append(ROOT / "assets" / "sample.ron")
    started = time.monotonic()
    try:
        import jpype
        import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)
        jpype.startJVM()
        from org.mpxj import TimeUnit
        from org.mpxj.ganttproject import GanttProjectReader
        from org.mpxj.mspdi import MSPDIReader
        from org.mpxj.reader import UniversalProjectReader
    except Exception as error:  # noqa: BLE001  (any failure here means the tools are missing)
        print(f"validate_mpxj: MPXJ or Java is not available: {error}", file=sys.stderr)
        return 2
    java = {"MSPDIReader": MSPDIReader, "GanttProjectReader": GanttProjectReader,
            "UniversalProjectReader": UniversalProjectReader, "TimeUnit": TimeUnit}
    failures = 0
    for plan in plans:
        with tempfile.TemporaryDirectory() as folder:
            folder = pathlib.Path(folder)
            expected = expected_plan(args.waymark, plan, folder)
            phases, milestones, tasks, _ = expected
            for kind in ("xml", "gan"):
                export = folder / f"plan.{kind}"
                waymark(args.waymark, "convert", folder / "plan.ron", "-o", export)
                problems, from_file = check_file(java, export, kind, expected)
                status = "ok" if not problems else f"{len(problems)} problem(s)"
                note = f" ({from_file} nested links checked in the file)" if from_file else ""
                print(f"{plan.name} → .{kind}: {len(tasks)} tasks, {len(phases)} phases, "
                      f"{len(milestones)} milestones, "
                      f"{sum(len(t['depends_on']) for t in tasks.values())} dependencies{note}: {status}")
                for problem in problems[:20]:
                    print(f"  {problem}")
                failures += bool(problems)
    print(f"{len(plans) * 2 - failures} passed, {failures} failed "
          f"in {time.monotonic() - started:.1f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
