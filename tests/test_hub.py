"""A class on a real JupyterHub: personal datasets per login, checks per dataset, updates via nbgitpuller.

Starts JupyterHub (pip) with configurable-http-proxy (npm) on 127.0.0.1, three students
log in through the REST API, pull the course with their nbgitpuller link, run cells of
notebook 00 and chapter 06 in their own kernels, and receive a course update.
"""

import importlib.util
import os
import re
import subprocess
from pathlib import Path

import nbformat
import pytest

from salesnb.login import seed_for_user

ROOT = Path(__file__).resolve().parents[1]
STUDENTS = ["s100001", "s100002", "s100003"]
COURSE = ("00_start.ipynb", "06_klantportfoliomanagement.ipynb")
EDIT = "# mijn eigen aantekening: dit heb ik zelf geschreven"


def _localhub():
    spec = importlib.util.spec_from_file_location("localhub", ROOT / "deploy" / "localhub.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


localhub = _localhub()

if localhub.proxy_command() is None and not os.environ.get("CI"):
    pytest.skip("configurable-http-proxy ontbreekt (npm install -g configurable-http-proxy; "
                ".ci/run installeert het)", allow_module_level=True)


def _git(repo, *args):
    subprocess.run(["git", "-c", "user.name=Docent", "-c", "user.email=docent@example.org",
                    "-c", "init.defaultBranch=main", *args], cwd=repo, check=True,
                   capture_output=True)


@pytest.fixture(scope="module")
def course_repo(tmp_path_factory):
    """The lecturer's course repository (a local git repo; a school would use GitHub or GitLab)."""
    repo = tmp_path_factory.mktemp("cursus-bron")
    _git(repo, "init", "-q")
    for name in COURSE:
        (repo / name).write_bytes((ROOT / "notebooks" / name).read_bytes())
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "cursus, versie 1")
    return repo


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hub")
    local = localhub.LocalHub(folder, environment={"SALESNB_TEACHERS": "docent"}, timeout=300)
    try:
        local.start()
        local.add_users(STUDENTS)
        local.start_servers(STUDENTS)
        yield local
    finally:
        local.stop()
        assert not local.leftover(), f"processes still running: {local.leftover()}"


def _cell(notebook, needle):
    for cell in notebook.cells:
        if cell.cell_type == "code" and needle in cell.source:
            return cell.source
    raise AssertionError(f"no code cell with {needle!r}")


def _first_code(notebook):
    return next(c.source for c in notebook.cells if c.cell_type == "code")


def _read(home, name):
    return nbformat.read(home / "cursus" / name, as_version=4)


@pytest.fixture(scope="module")
def class_results(hub, course_repo):
    """Each student pulls the course and works in their kernel; what each saw and got."""
    results = {}
    for student in STUDENTS:
        hub.git_pull(student, f"file://{course_repo}")
        start = _read(hub.home(student), COURSE[0])
        chapter = _read(hub.home(student), COURSE[1])
        with hub.kernel(student, path="cursus") as kernel:
            kernel.run(_first_code(start))
            kernel.run(_cell(start, 'klanten = salesnb.load("customers")'))
            # exercise 0.1 asks for the active customers of the student's own dataset
            seen = kernel.run('actief = int((klanten["status"] == "actief").sum())\n'
                              'print("KLANTEN", actief, "SEED", salesnb.current_seed())')
            check_01 = kernel.run(_cell(start, 'check("0.1"').replace(
                "antwoord = ...", "antwoord = actief"))
            kernel.run(_first_code(chapter))
            answer_62 = kernel.run('antwoord_62 = salesnb.exercises.expected_answer("6.3")\n'
                                   'print(repr(antwoord_62))').strip()
            check_62 = kernel.run(_cell(chapter, 'check("6.3"').replace(
                "antwoord = ...", "antwoord = antwoord_62"))
        customers, seed = re.search(r"KLANTEN (\d+) SEED (\d+)", seen).groups()
        results[student] = {"customers": int(customers), "seed": int(seed), "answer_62": answer_62,
                            "check_01": check_01, "check_62": check_62}
    return results


def test_each_login_gets_its_own_dataset(class_results):
    for student, result in class_results.items():
        assert result["seed"] == seed_for_user(student)
    assert len({r["customers"] for r in class_results.values()}) == len(STUDENTS)
    assert len({r["answer_62"] for r in class_results.values()}) == len(STUDENTS)


def test_check_judges_each_student_against_their_own_data(hub, class_results):
    for result in class_results.values():
        assert "Goed!" in result["check_01"], result["check_01"]
        assert "Goed!" in result["check_62"], result["check_62"]
    a, b = STUDENTS[0], STUDENTS[1]
    with hub.kernel(b, path="cursus") as kernel:
        kernel.run("import salesnb")
        verdict = kernel.run(f'print(salesnb.check("0.1", {class_results[a]["customers"]}).correct, '
                             f'salesnb.check("6.3", {class_results[a]["answer_62"]}).correct, '
                             f'salesnb.check("0.1", {class_results[b]["customers"]}).correct)')
    assert verdict.split() == ["False", "False", "True"]


def test_a_course_update_through_nbgitpuller_keeps_the_students_edits(hub, course_repo, class_results):
    student, other = STUDENTS[0], STUDENTS[2]
    # The student edits notebook 00 and saves it, as JupyterLab does (contents API).
    path = f"/api/contents/cursus/{COURSE[0]}"
    code, model = hub.server(student, "GET", path)
    assert code == 200
    first_code = next(c for c in model["content"]["cells"] if c["cell_type"] == "code")
    first_code["source"] = EDIT + "\n" + "".join(first_code["source"])
    code, _ = hub.server(student, "PUT", path, {"type": "notebook", "format": "json",
                                                 "content": model["content"]})
    assert code == 200
    # The lecturer changes the same notebook and adds one; the students follow their link again.
    notebook = nbformat.read(course_repo / COURSE[0], as_version=4)
    notebook.cells[0].source += "\n\nNieuw in versie 2 van de cursus."
    nbformat.write(notebook, course_repo / COURSE[0])
    (course_repo / "07_account_management.ipynb").write_bytes(
        (ROOT / "notebooks" / "07_account_management.ipynb").read_bytes())
    _git(course_repo, "add", ".")
    _git(course_repo, "commit", "-q", "-m", "cursus, versie 2")
    for name in (student, other):
        hub.git_pull(name, f"file://{course_repo}")
    mine = (hub.home(student) / "cursus" / COURSE[0]).read_text(encoding="utf-8")
    assert EDIT in mine
    nbformat.validate(nbformat.reads(mine, as_version=4))
    theirs = _read(hub.home(other), COURSE[0])
    assert "Nieuw in versie 2 van de cursus." in theirs.cells[0].source
    for name in (student, other):
        assert (hub.home(name) / "cursus" / "07_account_management.ipynb").exists()



def test_the_hub_requirements_are_the_pinned_versions():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    wanted = project["dependencies"] + extras["lab"] + [
        r for r in extras["test"] if r.startswith("nbgitpuller==")]
    lines = (ROOT / "deploy" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    listed = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert sorted(listed) == sorted(wanted), (
        "deploy/requirements.txt must list pyproject.toml's pins (dependencies, lab, nbgitpuller)")


def test_the_deployment_files_hold_the_documented_settings():
    import yaml

    values = yaml.safe_load((ROOT / "deploy" / "kubernetes" / "values.yaml").read_text())
    assert values["cull"]["enabled"] is True
    assert {"guarantee", "limit"} <= set(values["singleuser"]["memory"])
    assert {"guarantee", "limit"} <= set(values["singleuser"]["cpu"])
    assert "gitpuller" in " ".join(values["singleuser"]["lifecycleHooks"]["postStart"]["exec"]["command"])
    assert "SALESNB_TEACHERS" in values["singleuser"]["extraEnv"]
    tljh = yaml.safe_load((ROOT / "deploy" / "tljh" / "config.yaml").read_text())
    script = (ROOT / "deploy" / "tljh" / "install.sh").read_text()
    assert f"tljh-config set limits.memory {tljh['limits']['memory']}" in script
    assert f"tljh-config set services.cull.timeout {tljh['services']['cull']['timeout']}" in script


def test_the_nbgitpuller_link():
    spec = importlib.util.spec_from_file_location("link", ROOT / "deploy" / "link.py")
    link = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(link)
    url = link.nbgitpuller_link("https://hub.school.nl", "https://git.school.nl/sales/salesnb",
                                notebook="notebooks/06_klantportfoliomanagement.ipynb")
    assert url.startswith("https://hub.school.nl/hub/user-redirect/git-pull?repo=https%3A%2F%2F")
    assert "urlpath=lab%2Ftree%2Fsalesnb%2Fnotebooks%2F06_klantportfoliomanagement.ipynb" in url
