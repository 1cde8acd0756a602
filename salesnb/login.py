"""A personal dataset from the JupyterHub login (persoonlijke dataset, see data.py).

On a JupyterHub the single-user server runs with ``JUPYTERHUB_USER`` set to the
student's user name. The dataset's seed follows that name through a stable hash
(SHA-256, never Python's per-process ``hash()``), so a student gets the same company
at every login and the lecturer can rebuild it from the name alone::

    salesnb.seed_for_user("s123456")   # the seed of that student's dataset
    salesnb.use_user("s123456")        # switch this notebook to that student's dataset

Order of precedence when the companion picks its dataset (first match wins):

1. ``use_seed(n)`` / ``use_user(name)`` in the notebook;
2. ``SALESNB_SEED=n`` in the environment;
3. ``SALESNB_DEFAULT_DATA=1`` in the environment: the default data;
4. the login is one of ``SALESNB_TEACHERS`` (names separated by commas or spaces):
   the default data;
5. ``JUPYTERHUB_USER``: the seed of that user name;
6. otherwise the default data.
"""

from __future__ import annotations

import hashlib
import os
import re

__all__ = ["seed_for_user", "use_user"]

# Seeds stay below 10**9 so a lecturer can read and type them.
_SEED_RANGE = 10**9


def _normalise(user: str) -> str:
    if not isinstance(user, str) or not user.strip():
        from .errors import InputError

        raise InputError(
            f"Geef een gebruikersnaam als tekst, bijvoorbeeld seed_for_user('s123456'); "
            f"dit is {user!r}.")
    # JupyterHub lower-cases user names; 'S123456 ' and 's123456' are one student.
    return user.strip().casefold()


def seed_for_user(user: str) -> int:
    """The seed of a student's personal dataset from their login name (persoonlijke dataset).

    A name of digits only (a student number) is its own seed, so ``use_seed(123456)``
    on a laptop gives the same company as the login ``123456`` on the hub; any other
    name is hashed with SHA-256 (the same on every machine and in every session).

    >>> seed_for_user("s123456")
    842007751
    >>> seed_for_user(" S123456") == seed_for_user("s123456")
    True
    >>> seed_for_user("123456")
    123456
    """
    name = _normalise(user)
    if name.isdigit() and name.isascii():
        return int(name)
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % _SEED_RANGE


def _teachers() -> set[str]:
    raw = os.environ.get("SALESNB_TEACHERS", "")
    return {name.casefold() for name in re.split(r"[\s,;]+", raw) if name}


def login_seed() -> int | None:
    """The seed the hub login asks for, or None for the default data (see the module text).

    Ignores ``SALESNB_SEED``, which :mod:`salesnb.data` checks first.

    >>> import os
    >>> saved = dict(os.environ)
    >>> os.environ.update(JUPYTERHUB_USER="s123456", SALESNB_TEACHERS="docent1")
    >>> login_seed()
    842007751
    >>> os.environ["JUPYTERHUB_USER"] = "docent1"
    >>> login_seed() is None
    True
    >>> os.environ.clear(); os.environ.update(saved)
    """
    if os.environ.get("SALESNB_DEFAULT_DATA", "").strip() not in ("", "0"):
        return None
    user = os.environ.get("JUPYTERHUB_USER", "").strip()
    if not user or user.casefold() in _teachers():
        return None
    return seed_for_user(user)


def use_user(user: str) -> int:
    """Switch to the personal dataset of a login name, e.g. to check a student's work.

    Returns the seed now in use; ``use_seed(None)`` goes back to the default data.

    >>> use_user("s123456")
    842007751
    >>> from salesnb import data
    >>> data.current_seed()
    842007751
    >>> data.use_seed(None) == data.DEFAULT_SEED
    True
    """
    from . import data

    return data.use_seed(seed_for_user(user))
