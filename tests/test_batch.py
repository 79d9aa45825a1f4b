"""altitude batch: config validation, failures, idempotent bytes, alerts, executors, scheduling."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from analyzer.batch import BatchConfig, WindowSpec, load_config, run_batch
from analyzer.cli import main
from analyzer.errors import ConfigError
from tests.conftest import SAMPLES, TODAY, write_ics

RUN = TODAY.isoformat()
QUIET_EVENT = """
BEGIN:VEVENT
UID:quiet-1@test
DTSTART:20250303T090000Z
DTEND:20250303T100000Z
SUMMARY:Roadmap review
END:VEVENT
"""
SHORT = WindowSpec(start=dt.date(2026, 6, 22), end=dt.date(2026, 7, 6))  # two weeks


def _config(tmp_path: Path, body: str, name: str = "team.toml") -> Path:
    path = tmp_path / name
    path.write_text(body.strip() + "\n", encoding="utf-8")
    return path


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path; manifest.json without its run section."""
    files = {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }
    manifest = json.loads(files.pop("manifest.json"))
    manifest.pop("run")
    files["manifest.json"] = json.dumps(manifest, sort_keys=True).encode()
    return files


def _no_temporary_files(folder: Path) -> None:
    assert [p.name for p in folder.rglob(".*")] == []


# --- config validation --------------------------------------------------------------------

GOOD = """
output = "out"
[window]
last_weeks = 4
[people.ana]
calendars = ["ana.ics"]
owner = "ana@example.com"
target_band = "0.3:0.5"
[teams.leads]
people = ["ana"]
"""


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'calendars = ["ana.ics"]',
            'calendars = ["nope.ics"]',
            "line 5: people.ana.calendars: not found: nope.ics",
        ),
        (
            'calendars = ["ana.ics"]',
            'calender = ["ana.ics"]',
            "line 5: people.ana.calender: unknown key",
        ),
        (
            'target_band = "0.3:0.5"',
            'target_band = "0.5:0.3"',
            "line 7: people.ana.target_band: '0.5:0.3': need",
        ),
        (
            'owner = "ana@example.com"',
            "owner = 7",
            "line 6: people.ana.owner: must be a string or a list",
        ),
        (
            'people = ["ana"]',
            'people = ["ana", "bob"]',
            "line 9: teams.leads.people: unknown person 'bob'",
        ),
        (
            "last_weeks = 4",
            "last_weeks = 0",
            "line 3: window.last_weeks: must be at least 1, not 0",
        ),
        ("last_weeks = 4", "last_weeks = 4\nstart = 2026-01-05", "line 2: window: choose one of"),
        (
            'output = "out"',
            'output = "out"\ntimezone = "Mars/Olympus"',
            "line 2: timezone: unknown time zone",
        ),
        (
            'output = "out"',
            'output = "out"\nformats = ["pdf"]',
            "line 2: formats: unknown format 'pdf'",
        ),
        ('output = "out"', "output = ", "line 1: not valid TOML"),
        ('output = "out"', "", "team.toml: output: missing"),
        ("[people.ana]", "[people.'a b']", "line 4: people.a b: use letters, digits"),
    ],
)
def test_config_errors_name_the_line_and_the_key(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    write_ics(tmp_path, QUIET_EVENT, "ana.ics")
    path = _config(tmp_path, GOOD.replace(old, new))
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert message in caught.value.message
    assert caught.value.message.startswith(str(path))


def test_config_reads_paths_relative_to_its_folder_and_defaults(tmp_path: Path) -> None:
    write_ics(tmp_path, QUIET_EVENT, "ana.ics")
    config = load_config(_config(tmp_path, GOOD))
    assert config.output == tmp_path / "out"
    assert config.people[0].calendars == (tmp_path / "ana.ics",)
    assert config.people[0].target_band == (0.3, 0.5)
    assert config.teams[0].target_band is None
    assert config.formats == ("html", "json", "charts")
    assert config.window.resolve(TODAY) == (dt.date(2026, 6, 8), dt.date(2026, 7, 6))


def test_the_sample_config_covers_the_three_personas() -> None:
    config = load_config(SAMPLES / "team.toml")
    assert [p.calendars[0].name for p in config.people] == [
        "ceo_google.ics",
        "manager_outlook.ics",
        "ic_apple.ics",
    ]
    assert config.teams[0].people == ("dana", "sam", "lena")
    assert all(p.target_band for p in config.people)
    assert config.window.resolve(TODAY) == (dt.date(2026, 1, 5), dt.date(2026, 7, 6))


def test_cli_reports_config_errors_with_exit_2(tmp_path: Path, runner: CliRunner) -> None:
    path = _config(tmp_path, GOOD)
    result = runner.invoke(main, ["batch", str(path)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {path} line 5: people.ana.calendars: not found: ana.ics\n"
    assert not (tmp_path / "out").exists()


# --- a batch with broken, duplicated and empty inputs ------------------------------------


@dataclasses.dataclass
class Mixed:
    first: Result
    second: Result
    folder: Path
    output: Path
    before: dict[str, bytes]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Mixed:
    """One run over good, corrupt, duplicated and empty calendars (JSON only: fast)."""
    folder = tmp_path_factory.mktemp("mixed")
    shutil.copy(SAMPLES / "ic_apple.ics", folder / "lena.ics")
    shutil.copy(SAMPLES / "ic_apple.ics", folder / "lena_copy.ics")
    (folder / "bad.ics").write_bytes(b"this is not a calendar\n")
    write_ics(folder, QUIET_EVENT, "quiet.ics")
    path = _config(
        folder,
        """
output = "reports"
formats = ["json"]
timezone = "Europe/Berlin"
[window]
start = 2026-06-22
end = 2026-07-06
[people.lena]
calendars = ["lena.ics", "lena_copy.ics"]
owner = "lena.fischer@fabrikam.example"
target_band = "0.05:0.2"
[people.bad]
calendars = ["bad.ics"]
[people.mixed]
calendars = ["quiet.ics", "bad.ics"]
[people.quiet]
calendars = ["quiet.ics"]
[teams.all]
people = ["lena", "bad", "quiet"]
""",
    )
    env = {"ALTITUDE_CACHE_DIR": str(folder / "cache")}
    args = ["batch", str(path), "--jobs", "1", "--today", RUN]
    first = CliRunner().invoke(main, args, env=env)
    output = folder / "reports" / RUN
    before = _tree(output)
    second = CliRunner().invoke(main, args, env=env)
    return Mixed(first, second, folder, output, before)


def _manifest(output: Path) -> Any:
    return json.loads((output / "manifest.json").read_text(encoding="utf-8"))


def test_a_broken_calendar_is_named_and_the_rest_are_written(mixed: Mixed) -> None:
    first, output = mixed.first, mixed.output
    assert first.exit_code == 5
    assert "people.bad: cannot read bad.ics: not an iCalendar file" in first.stdout
    manifest = _manifest(output)
    people = manifest["people"]
    assert {k: v["status"] for k, v in people.items()} == {
        "lena": "ok",
        "bad": "failed",
        "mixed": "partial",
        "quiet": "ok",
    }
    assert people["bad"]["failed_inputs"] == [
        {"calendar": "bad.ics", "error": "cannot read bad.ics: not an iCalendar file"}
    ]
    assert people["bad"]["files"] == []
    for key in ("lena", "mixed", "quiet"):
        assert (output / "people" / key / "report.json").is_file()
    assert not (output / "people" / "bad").exists()
    assert manifest["counts"]["failed_inputs"] == 2
    rollup = json.loads((output / "teams" / "all" / "rollup.json").read_text(encoding="utf-8"))
    assert rollup["missing"] == ["bad"]


def test_duplicated_calendars_are_counted_once_and_reported(mixed: Mixed) -> None:
    output = mixed.output
    lena = _manifest(output)["people"]["lena"]
    inputs = lena["inputs"]
    assert [i["name"] for i in inputs] == ["lena.ics", "lena_copy.ics"]
    assert inputs[0]["sha256"] == inputs[1]["sha256"]
    assert inputs[1]["duplicate_of"] == "lena.ics"
    assert "lena_copy.ics is identical to lena.ics (counted once)" in lena["warnings"]
    report = json.loads((output / "people" / "lena" / "report.json").read_text(encoding="utf-8"))
    assert report["calendars"] == ["lena.ics"]
    assert report["totals"]["micro_hours"] > 0


def test_a_person_without_events_in_the_window_gets_an_empty_report(
    mixed: Mixed,
) -> None:
    output = mixed.output
    quiet = _manifest(output)["people"]["quiet"]
    assert quiet["occurrences"] == 0
    assert "no counted events in the window" in quiet["warnings"]
    report = json.loads((output / "people" / "quiet" / "report.json").read_text(encoding="utf-8"))
    assert report["totals"]["macro_share"] is None
    assert len(report["weeks"]) == 2


def test_a_rerun_writes_the_same_bytes_from_the_cache(mixed: Mixed) -> None:
    second, output = mixed.second, mixed.output
    assert second.exit_code == 5
    assert _tree(output) == mixed.before
    run = _manifest(output)["run"]
    assert run["cache"]["hits"] == 4  # a calendar that fails to parse is cached as failed
    _no_temporary_files(output)


def test_alerts_and_fail_on_alert(tmp_path: Path, runner: CliRunner) -> None:
    path = _config(
        tmp_path,
        f"""
output = "out"
formats = ["json"]
[window]
start = 2026-04-06
end = 2026-05-04
[people.dana]
calendars = ["{SAMPLES / "ceo_google.ics"}"]
target_band = "0.3:0.5"
timezone = "America/New_York"
[teams.board]
people = ["dana"]
target_band = "0.1:0.5"
""",
    )
    env = {"ALTITUDE_CACHE_DIR": str(tmp_path / "cache")}
    args = ["batch", str(path), "--jobs", "1", "--today", RUN]
    plain = runner.invoke(main, args, env=env)
    assert plain.exit_code == 0, plain.output
    assert "alert: person dana: rolling macro share" in plain.stdout
    alerts = json.loads((tmp_path / "out" / RUN / "alerts.json").read_text(encoding="utf-8"))
    assert [(a["kind"], a["key"], a["direction"]) for a in alerts["alerts"]] == [
        ("person", "dana", "below")
    ]
    assert alerts["alerts"][0]["week_start"] == "2026-04-27"
    assert runner.invoke(main, [*args, "--fail-on-alert"], env=env).exit_code == 4


def test_the_batch_report_is_the_report_command_output(
    mixed: Mixed, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, output = mixed.folder, mixed.output
    monkeypatch.chdir(folder)
    args = ["report", "quiet.ics", "--from", "2026-06-22", "--to", "2026-07-06"]
    result = runner.invoke(main, [*args, "--tz", "Europe/Berlin", "--format", "json"])
    assert result.exit_code == 0
    assert result.stdout == (output / "people" / "quiet" / "report.json").read_text("utf-8")


# --- byte-identical outputs: re-run, --jobs 2, Dask ---------------------------------------


def _two_personas(output: Path) -> BatchConfig:
    config = load_config(SAMPLES / "team.toml", output=output)
    people = tuple(p for p in config.people if p.key in ("dana", "lena"))
    team = dataclasses.replace(config.teams[0], people=("dana", "lena"))
    return dataclasses.replace(config, people=people, teams=(team,), window=SHORT)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The sample team (two personas, two weeks, every chart) run in this process."""
    folder = tmp_path_factory.mktemp("reference")
    config = _two_personas(folder / "out")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ALTITUDE_CACHE_DIR", str(folder / "cache"))
        result = run_batch(config, jobs=1, today=TODAY)
        assert result.exit_code() == 0
        output = folder / "out" / RUN
        first = _tree(output)
        again = run_batch(config, jobs=1, today=TODAY)
    assert again.run["cache"]["hits"] == 2
    assert _tree(output) == first
    _no_temporary_files(output)
    return first


def test_the_sample_team_run_writes_reports_rollup_and_manifest(
    reference: dict[str, bytes],
) -> None:
    names = set(reference)
    for person in ("dana", "lena"):
        assert {f"people/{person}/report.html", f"people/{person}/report.json"} <= names
        assert f"people/{person}/charts/drift.svg" in names
    assert {
        "teams/samples/rollup.html",
        "teams/samples/rollup.json",
        "teams/samples/charts/people_drift.png",
        "teams/samples/charts/people_drift.svg",
        "alerts.json",
        "manifest.json",
    } <= names
    manifest = json.loads(reference["manifest.json"])
    assert set(manifest["files"]) == names - {"manifest.json"}
    assert manifest["versions"]["model"]["sha256"]
    assert manifest["people"]["dana"]["inputs"][0]["name"] == "ceo_google.ics"
    rollup = json.loads(reference["teams/samples/rollup.json"])
    dana, lena = (json.loads(reference[f"people/{p}/report.json"]) for p in ("dana", "lena"))
    # The team's hours are the members' hours added up (each rounded to 4 decimals).
    expected = dana["totals"]["macro_hours"] + lena["totals"]["macro_hours"]
    assert rollup["totals"]["macro_hours"] == pytest.approx(expected, abs=1e-3)
    assert [m["key"] for m in rollup["members"]] == ["dana", "lena"]
    assert (
        b"<title>Sample personas: Altitude team rollup</title>"
        in reference["teams/samples/rollup.html"]
    )


def test_two_jobs_write_the_same_bytes_as_one(reference: dict[str, bytes], tmp_path: Path) -> None:
    result = run_batch(_two_personas(tmp_path), jobs=2, today=TODAY, use_cache=False)
    assert result.run["jobs"] == 2
    assert _tree(tmp_path / RUN) == reference


def test_dask_writes_the_same_bytes_as_the_local_executor(
    reference: dict[str, bytes], tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        result = run_batch(
            _two_personas(tmp_path),
            executor="dask",
            scheduler=cluster.scheduler_address,
            today=TODAY,
            use_cache=False,
        )
    assert result.run["executor"] == "dask"
    assert _tree(tmp_path / RUN) == reference


# --- interrupted runs, leftovers, scheduling ---------------------------------------------


def test_a_killed_run_leaves_only_whole_files(tmp_path: Path) -> None:
    calendars = [
        SAMPLES / name for name in ("ceo_google.ics", "manager_outlook.ics", "ic_apple.ics")
    ]
    people = "".join(
        f'[people.p{i}]\ncalendars = ["{calendar}"]\n' for i, calendar in enumerate(calendars * 2)
    )
    path = _config(tmp_path, f'output = "out"\nformats = ["json"]\ntimezone = "UTC"\n{people}')
    output = tmp_path / "out" / RUN
    output.mkdir(parents=True)
    (output / ".report.json.abcd1234").write_text("half a file")  # left by an earlier SIGKILL
    altitude = Path(sys.executable).parent / "altitude"
    command = [str(altitude), "batch", str(path), "--jobs", "1", "--no-cache", "--today", RUN]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not (output / "people" / "p0" / "report.json").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) != 0
    _no_temporary_files(output)
    assert not (output / "manifest.json").exists()  # written last: its absence says "unfinished"
    reports = list(output.glob("people/*/report.json"))
    assert 1 <= len(reports) < 6
    for report in reports:
        assert json.loads(report.read_text(encoding="utf-8"))["window"]


@pytest.mark.parametrize(
    ("flag", "fragments"),
    [
        ("--print-cron", ["0 7 * * 1 /", " batch /"]),
        ("--print-systemd", ["OnCalendar=Mon *-*-* 07:00:00", "ExecStart=/", "Type=oneshot"]),
    ],
)
def test_print_schedule_entries(runner: CliRunner, flag: str, fragments: list[str]) -> None:
    result = runner.invoke(main, ["batch", str(SAMPLES / "team.toml"), flag, "--fail-on-alert"])
    assert result.exit_code == 0
    for fragment in fragments:
        assert fragment in result.stdout
    assert str((SAMPLES / "team.toml").resolve()) in result.stdout
    assert "--fail-on-alert" in result.stdout
    assert "/altitude batch " in result.stdout or "-m analyzer batch " in result.stdout


def test_a_person_without_events_gets_every_chart_and_a_team_panel(tmp_path: Path) -> None:
    write_ics(tmp_path, QUIET_EVENT, "quiet.ics")
    path = _config(
        tmp_path,
        """
output = "out"
timezone = "UTC"
target_band = "0.3:0.5"
[window]
start = 2026-06-22
end = 2026-07-06
[people.quiet]
calendars = ["quiet.ics"]
[teams.solo]
people = ["quiet"]
""",
    )
    result = run_batch(load_config(path), jobs=1, today=TODAY)
    assert result.exit_code() == 0
    assert result.alerts == []  # no macro or micro time: no rolling share, no alert
    written = set(result.files)
    assert {"people/quiet/report.html", "people/quiet/charts/drift.svg"} <= written
    assert {"teams/solo/rollup.html", "teams/solo/charts/people_drift.png"} <= written
