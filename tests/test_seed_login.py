"""A personal dataset from the hub login: stable per user name, reproducible by the lecturer."""

import os
import subprocess
import sys

import pytest

import salesnb
from salesnb import data, login

HUB_VARS = ("SALESNB_SEED", "SALESNB_DEFAULT_DATA", "SALESNB_TEACHERS", "JUPYTERHUB_USER")


@pytest.fixture
def hub(monkeypatch):
    """A clean environment; the caller sets what a hub would set. Restores the seed state."""
    for name in HUB_VARS:
        monkeypatch.delenv(name, raising=False)
    saved = data._STATE["seed"]
    data._STATE["seed"] = None

    def login_as(user, **env):
        monkeypatch.setenv("JUPYTERHUB_USER", user)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        data._STATE["seed"] = None  # a fresh kernel: nothing chosen yet
        return data.current_seed()

    yield login_as
    data._STATE["seed"] = saved


def test_seed_follows_the_user_name_and_is_the_same_in_every_process():
    code = "from salesnb.login import seed_for_user; print(seed_for_user('s123456'))"
    seeds = set()
    for hash_seed in ("0", "1", "random"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                             text=True, check=True).stdout
        seeds.add(int(out))
    assert seeds == {login.seed_for_user("s123456")} == {842007751}


def test_names_differ_case_and_spaces_do_not():
    names = [f"s{n:06d}" for n in range(200)]
    assert len({login.seed_for_user(n) for n in names}) == len(names)
    assert login.seed_for_user("  S000001 ") == login.seed_for_user("s000001")
    assert all(0 <= login.seed_for_user(n) < 10**9 for n in names)


def test_a_student_number_login_is_its_own_seed():
    assert login.seed_for_user("123456") == 123456


def test_on_a_hub_each_login_gets_its_own_dataset(hub):
    seed_a = hub("s100001")
    first = data.load("orders")["revenue"].sum()
    assert seed_a == login.seed_for_user("s100001") != data.DEFAULT_SEED
    seed_b = hub("s100002")
    assert seed_b != seed_a
    assert data.load("orders")["revenue"].sum() != first
    assert hub("s100001") == seed_a  # the next login: the same company again
    assert data.load("orders")["revenue"].sum() == first


def test_the_lecturer_reproduces_a_students_dataset(hub):
    hub("s100001")
    student = data.load("customers")
    hub("docent", SALESNB_TEACHERS="docent, jansen")
    assert data.current_seed() == data.DEFAULT_SEED
    assert salesnb.use_user("s100001") == salesnb.seed_for_user("s100001")
    assert data.load("customers").equals(student)
    assert salesnb.use_seed(None) == data.DEFAULT_SEED


@pytest.mark.parametrize("env, expected", [
    ({"SALESNB_TEACHERS": "jansen,docent1"}, data.DEFAULT_SEED),
    ({"SALESNB_TEACHERS": "Docent1"}, data.DEFAULT_SEED),
    ({"SALESNB_DEFAULT_DATA": "1"}, data.DEFAULT_SEED),
    ({"SALESNB_DEFAULT_DATA": "0"}, login.seed_for_user("docent1")),
    ({"SALESNB_SEED": "4242", "SALESNB_DEFAULT_DATA": "1"}, 4242),
    ({"SALESNB_SEED": "4242", "SALESNB_TEACHERS": "docent1"}, 4242),
])
def test_teacher_accounts_and_settings_give_the_default_data(hub, env, expected):
    assert hub("docent1", **env) == expected


def test_use_seed_in_the_notebook_wins_over_the_login(hub):
    hub("s100001")
    assert salesnb.use_seed(77) == 77
    assert data.current_seed() == 77


def test_without_a_hub_nothing_changes(hub):
    assert data.current_seed() == data.DEFAULT_SEED


def test_a_bad_user_name_is_explained_in_dutch():
    with pytest.raises(salesnb.InputError, match="gebruikersnaam"):
        login.seed_for_user("  ")
