"""Batch command line: ``critmin validate | import | export | compute | gui``.

No Qt is imported here unless the GUI is asked for, so scripts and CI run
without a display.  Exit status: 0 success, 1 the input was refused (problems
printed), 2 usage error, 3 internal error (details in the log file).
"""
from __future__ import annotations

import argparse
import logging
import re
import sys
import time
from pathlib import Path

from desktop import __version__
from desktop.core.errors import CritMinError
from desktop.core.messages import normalise_lang, system_lang, text
from desktop.logging_setup import setup_logging
from desktop.paths import log_file

log = logging.getLogger("critmin.cli")

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def _out(text: str = "") -> None:
    # Windows consoles may not be UTF-8; never let a Chinese name crash printing.
    try:
        print(text)
    except UnicodeEncodeError:
        print(text.encode(sys.stdout.encoding or "ascii", "replace").decode(sys.stdout.encoding or "ascii"))


# -- language: --lang, else CRITMIN_LANG or the locale (desktop.core.messages.system_lang) ----------
LANG_CHOICES = ("en", "zh", "zh_CN")


def _lang(args) -> str:
    """'en' or 'zh': the --lang option (before or after the command), else the environment."""
    chosen = getattr(args, "lang", None)
    return normalise_lang(chosen) if chosen else system_lang()


def _say(args, code: str, **params) -> None:
    """Print the catalogue sentence ``code`` in the language of ``args``."""
    _out(text(code, params, _lang(args)))


def _print_previews(previews, verbose: bool, lang: str = "en") -> int:
    errors = 0
    for preview in previews:
        for line in preview.summary_lines(verbose, lang):
            _out(line)
        shown = preview.problems.items if verbose else [p for p in preview.problems if p.severity.value != "info"]
        for problem in shown:
            _out("  " + problem.format(lang))
        e, w = len(preview.problems.errors), len(preview.problems.warnings)
        _out("  " + text("cli.verdict_ok" if e == 0 else "cli.verdict_refused", {"errors": e, "warnings": w}, lang))
        _out()
        errors += e
    return errors


def _is_project(path: str) -> bool:
    from desktop.core.store import FILE_SUFFIX

    return Path(path).suffix.lower() == FILE_SUFFIX


def cmd_validate(args) -> int:
    from desktop.core.ingest.load import load_files

    _, previews = load_files(args.files, _registry(args), leave_out_error_rows=args.leave_out_error_rows)
    errors = _print_previews(previews, args.verbose, _lang(args))
    return EXIT_OK if errors == 0 else EXIT_REFUSED


def _registry(args):
    project = getattr(args, "project", None)
    if project and Path(project).exists():
        from desktop.core.store import Project

        with Project.open(project) as p:
            return p.registry()
    return None


def cmd_import(args) -> int:
    from desktop.core.ingest.load import load_file
    from desktop.core.store import Project

    registry = _registry(args)
    previews = [load_file(f, registry, leave_out_error_rows=args.leave_out_error_rows) for f in args.files]
    if _print_previews(previews, args.verbose, _lang(args)):
        _say(args, "cli.nothing_written", project=args.project)
        return EXIT_REFUSED
    # All files are written in one transaction each, after all have validated:
    # a refused file never leaves a half-imported batch behind.
    with Project.open(args.project, create=True) as project:
        for preview in previews:
            report = project.write_import(preview.tables, preview.source(), origins=preview.origins)
            if report.already_imported:
                _say(args, "cli.already_imported", file=preview.file)
            else:
                total = sum(preview.rows_by_table().values())
                _say(args, "cli.rows_written", file=preview.file, changed=report.changed, total=total,
                     import_id=report.import_id)
        counts = project.counts()
    _out(f"{args.project}: " + ", ".join(f"{t} {n}" for t, n in counts.items() if n))
    return EXIT_OK


def cmd_export(args) -> int:
    from desktop.core.export.data_workbook import write_data
    from desktop.core.store import Project

    with Project.open(args.project) as project:
        dataset = project.dataset()
        registry = project.registry()
    for path in write_data(dataset, Path(args.output), registry):
        _say(args, "cli.wrote", path=path)
    return EXIT_OK


def load_inputs(inputs: list[str], leave_out_error_rows: bool = False):
    """Dataset from any mix of project files and data files (later inputs win on equal keys)."""
    from desktop.core.dataset import Dataset
    from desktop.core.ingest.load import load_file, preview_dataset
    from desktop.core.store import Project

    dataset = Dataset()
    previews = []
    registry = None
    for item in inputs:
        if _is_project(item):
            with Project.open(item) as project:
                dataset.merge(project.dataset())
                registry = project.registry()
            continue
        preview = load_file(item, registry, leave_out_error_rows=leave_out_error_rows)
        previews.append(preview)
        dataset.merge(preview_dataset(preview))
    return dataset, previews


def cmd_compute(args) -> int:
    from desktop.core.alerts import compute_alerts
    from desktop.core.chain.matrix import matrix_table
    from desktop.core.export.results_workbook import write_results
    from desktop.allocator import engine_memory
    from desktop.core.metrics.engine import run
    from desktop.core.metrics.params import EngineParams, parse_threshold_method
    from desktop.core.registry import default_registry

    dataset, previews = load_inputs(args.inputs, args.leave_out_error_rows)
    if previews and _print_previews(previews, args.verbose, _lang(args)):
        _say(args, "cli.nothing_computed")
        return EXIT_REFUSED
    try:
        parse_threshold_method(args.threshold_method)
    except ValueError as exc:
        _out(f"--threshold-method: {exc}")
        return EXIT_USAGE
    try:
        years = parse_years(args.years) if args.years else None
        params = EngineParams(country=args.country, window=args.window, wgi_bound=args.wgi_bound,
                              threshold_method=args.threshold_method, withheld_policy=args.withheld, years=years)
    except ValueError as exc:
        _out(f"compute: {exc}")
        return EXIT_USAGE
    start = time.perf_counter()
    with engine_memory():             # freed arrays reused within the run, the peak handed back after it
        results = run(dataset, params)
    _say(args, "cli.computed", seconds=time.perf_counter() - start, output=args.output)

    def progress(sheet: str, n_rows: int) -> None:
        if n_rows >= 50_000:          # about 5 s or more: say what is going on
            _say(args, "cli.writing_sheet", sheet=sheet, rows=n_rows)

    # the dual-chain risk matrix of every mineral and year: rules, the analysts' chain_risk scores, events
    risk_matrix = matrix_table(results, dataset, country=args.country)
    # the alerts of the default rules (the GUI's rules are the analyst's; the command line has no place to
    # keep them yet), reading the matrix just built rather than building it again
    alerts = compute_alerts(results, dataset, country=args.country, matrix=risk_matrix)
    scenario_sheets = _scenario_sheets(args, dataset, results, params)
    if scenario_sheets is None:
        return EXIT_USAGE
    written = write_results(results, args.output, default_registry(), progress=progress,
                            risk_matrix=risk_matrix, alerts=alerts, scenarios=scenario_sheets)   # WriteError: refused
    for note in results.problems:
        _say(args, "cli.note", note=note)
    # the sheets as written (a table left out, such as a too large production_shares, is not listed)
    _say(args, "cli.wrote_results", output=args.output, tables=[f"{k} {n}" for k, n in written.items()],
         seconds=time.perf_counter() - start)
    return EXIT_OK


def _scenario_sheets(args, dataset, results, params) -> dict | None:
    """{name: comparison} of the scenarios ``--scenario`` names (a name, or ``all``); None: a name unknown."""
    names = getattr(args, "scenario", None) or []
    if not names:
        return {}
    from desktop.core.scenarios import compare, from_rows, run_scenario

    known = from_rows(dataset.get("scenarios"))
    wanted = known if "all" in names else [s for s in known if s.name in names]
    missing = [n for n in names if n != "all" and n not in {s.name for s in known}]
    if missing:
        listed = ", ".join(s.name for s in known) or "none"
        _out(f"--scenario: no scenario named {', '.join(missing)} in the inputs (they have: {listed})")
        return None
    sheets = {}
    for s in wanted:
        res, applied = run_scenario(dataset, s, params, with_dataset=True)   # its events reach the matrix
        sheets[s.name] = compare(results, res, dataset=dataset, scenario_dataset=applied)
    return sheets


def parse_years(text: str) -> tuple[int, int]:
    """'2015-2024' (also '2015:2024', '2015–2024', '2015..2024') or '2023' → (first, last)."""
    parts = re.split(r"\s*(?:\.\.|[-:–—])\s*", text.strip())
    if len(parts) not in (1, 2) or not all(re.fullmatch(r"\d{4}", x) for x in parts):
        raise ValueError(f"--years {text!r}: expected FIRST-LAST, e.g. 2015-2024, or one year")
    first, last = int(parts[0]), int(parts[-1])
    if first > last:
        raise ValueError(f"--years {text!r}: the first year is after the last")
    return first, last


def cmd_alias(args) -> int:
    """List or save a project's own name mappings (next imports of the same file are silent)."""
    from desktop.core.registry import default_registry
    from desktop.core.store import Project

    with Project.open(args.project, create=args.action == "add") as project:
        if args.action == "list":
            aliases = project.aliases()
            if aliases.empty:
                _out("no project aliases")
            for row in aliases.itertuples(index=False):
                _out(f"{row.kind:8} {row.alias!r} → {row.target}")
            return EXIT_OK
        reg = default_registry()
        target = reg.mineral_id(args.target) if args.kind == "mineral" else reg.country_code(args.target)
        if target is None:
            hint = reg.suggest(args.kind, args.target)
            _out(f"error: '{args.target}' is not a known {args.kind}" + (f"; did you mean {', '.join(hint)}?"
                                                                         if hint else "."))
            return EXIT_REFUSED
        old = project.add_alias(args.kind, args.alias, target)
        _out(f"{args.kind} '{args.alias}' → {target}" + (f" (was {old})" if old and old != target else ""))
    return EXIT_OK


def cmd_gui(args) -> int:
    from desktop.app import main as gui_main

    argv = [a for a in [getattr(args, "file", None)] if a]
    smoke = getattr(args, "smoke_test", None)
    if smoke is True:
        argv.append("--smoke-test")
    elif smoke:
        argv.append(f"--smoke-test={smoke}")
    if getattr(args, "lang", None):
        argv.append("--lang=" + ("zh_CN" if normalise_lang(args.lang) == "zh" else "en"))
    return gui_main(argv)


_LANG_HELP = ("language of the messages: zh (中文) or en (default: CRITMIN_LANG or the locale; for the GUI "
              "the saved setting)")


LEAVE_OUT_HELP = ("leave out the rows that have errors (each is listed) instead of refusing the file; "
                  "errors that are not about rows still refuse it")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="critmin", description="CritMin — critical-mineral supply-chain "
                                     "security workbench (关键矿产供应链安全分析工作台).")
    parser.add_argument("--version", action="version", version=f"CritMin {__version__}")
    parser.add_argument("--lang", choices=LANG_CHOICES, help=_LANG_HELP)
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("validate", help="check files and print what was recognised and every problem")
    p.add_argument("files", nargs="+")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="also print every guessed name and every reason rows were left out")
    p.add_argument("--leave-out-error-rows", action="store_true", help=LEAVE_OUT_HELP)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("import", help="validate files, then write them into a project in one transaction")
    p.add_argument("files", nargs="+")
    p.add_argument("--project", "-p", required=True, help="project file (.critmin); created if missing")
    p.add_argument("-v", "--verbose", action="store_true")
    p.add_argument("--leave-out-error-rows", action="store_true", help=LEAVE_OUT_HELP)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="write a project's data back as a template workbook (or CSVs)")
    p.add_argument("project")
    p.add_argument("-o", "--output", required=True, help="DATA.xlsx, or DATA.csv for one CSV per table")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("compute", help="compute the indicators and write a results workbook")
    p.add_argument("inputs", nargs="+", help="workbooks, CSV files and/or .critmin projects")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--country", help="assessed country (ISO3), narrows import dependency")
    p.add_argument("--window", type=int, default=5, help="market-dynamics window in years (default 5)")
    p.add_argument("--wgi-bound", type=float, default=3.5, help="WGI rescaling bound (default 3.5)")
    p.add_argument("--threshold-method", default="midpoint", help="midpoint | distance | fixed:V | preset:0.29")
    p.add_argument("--years", metavar="FIRST-LAST",
                   help="analysis period, e.g. 2015-2024 or 2023 (default: every year in the data; earlier "
                        "years still feed windows, growth and last-known values)")
    p.add_argument("--withheld", default="exclude", choices=["exclude", "last_known", "bound"],
                   help="what a withheld (W) value means for import dependency")
    p.add_argument("--scenario", action="append", metavar="NAME",
                   help="also run this scenario of the inputs' scenarios table (repeat, or 'all') and write its "
                        "comparison with the baseline as the sheet 'scenario NAME'")
    p.add_argument("-v", "--verbose", action="store_true")
    p.add_argument("--leave-out-error-rows", action="store_true", help=LEAVE_OUT_HELP)
    p.set_defaults(func=cmd_compute)

    p = sub.add_parser("alias", help="save or list a project's own names for minerals and countries")
    actions = p.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="save a name mapping in the project")
    add.add_argument("--project", "-p", required=True)
    add.add_argument("--kind", choices=["mineral", "country"], default="country")
    add.add_argument("alias", help="the name as written in your file")
    add.add_argument("target", help="the registry name or code it means (e.g. COD, Cobalt)")
    listing = actions.add_parser("list", help="list the project's own name mappings")
    listing.add_argument("--project", "-p", required=True)
    p.set_defaults(func=cmd_alias)

    p = sub.add_parser("gui", help="start the desktop application (default)")
    p.add_argument("file", nargs="?")
    p.add_argument("--smoke-test", nargs="?", const=True, default=None, metavar="OUTDIR",
                   help="start, show the window, and exit; with OUTDIR: open the demo, import a file, compute, "
                        "export the results, a plot and a screenshot of every view into OUTDIR, and exit 0 "
                        "only if all of that worked (report in OUTDIR/smoke_report.txt)")
    p.set_defaults(func=cmd_gui)
    for command in sub.choices.values():
        # also after the command; SUPPRESS keeps a --lang given before it
        command.add_argument("--lang", choices=LANG_CHOICES, default=argparse.SUPPRESS, help=_LANG_HELP)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    setup_logging()
    commands = {"validate", "import", "export", "compute", "alias", "gui", "-h", "--help", "--version"}
    lang = _leading_lang(argv)
    rest = argv[len(lang):]
    if not rest or (rest[0] not in commands and (rest[0].startswith("--") or Path(rest[0]).exists())):
        # `critmin` alone, `critmin FILE` or `critmin --smoke-test` starts the GUI.
        argv = [*lang, "gui", *rest]
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code not in (0, None) else EXIT_OK
    try:
        return args.func(args)
    except CritMinError as exc:
        _say(args, "cli.error", error=exc)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130
    except Exception:  # never a traceback on the user's screen
        log.exception("internal error in %s", argv)
        _say(args, "cli.internal_error", log=log_file())
        return EXIT_INTERNAL


def _leading_lang(argv: list[str]) -> list[str]:
    """A global ``--lang X`` / ``--lang=X`` at the front of ``argv`` (so `critmin --lang zh FILE` is the GUI)."""
    if argv[:1] == ["--lang"]:
        return argv[:2]
    return argv[:1] if argv and argv[0].startswith("--lang=") else []


if __name__ == "__main__":
    raise SystemExit(main())
