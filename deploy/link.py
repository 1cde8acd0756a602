#!/usr/bin/env python3
"""Print the nbgitpuller link that hands the course notebooks out to a class.

    python3 deploy/link.py https://hub.school.nl https://git.school.nl/sales/salesnb
    python3 deploy/link.py HUB REPO --branch voorjaar-2027 --notebook notebooks/06_klantportfoliomanagement.ipynb

A student who clicks it logs in; the first click clones the course into ~/salesnb, every
later click pulls the lecturer's changes and keeps what the student changed (nbgitpuller
merges, the student's version wins where both changed the same lines).
"""

from __future__ import annotations

import argparse
import urllib.parse


def nbgitpuller_link(hub: str, repo: str, branch: str = "main",
                     notebook: str = "notebooks/00_start.ipynb", folder: str = "salesnb") -> str:
    """The link: hub/hub/user-redirect/git-pull?repo=...&branch=...&targetpath=...&urlpath=...

    >>> nbgitpuller_link("https://hub.school.nl/", "https://git.school.nl/sales/salesnb")
    'https://hub.school.nl/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgit.school.nl%2Fsales%2Fsalesnb&branch=main&targetpath=salesnb&urlpath=lab%2Ftree%2Fsalesnb%2Fnotebooks%2F00_start.ipynb'
    """
    query = urllib.parse.urlencode({
        "repo": repo,
        "branch": branch,
        "targetpath": folder,
        "urlpath": f"lab/tree/{folder}/{notebook}",
    })
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("hub", help="address of the hub, e.g. https://hub.school.nl")
    parser.add_argument("repo", help="the course repository, e.g. https://git.school.nl/sales/salesnb")
    parser.add_argument("--branch", default="main")
    parser.add_argument("--notebook", default="notebooks/00_start.ipynb",
                        help="the notebook that opens after the pull")
    parser.add_argument("--folder", default="salesnb", help="folder in the student's home")
    args = parser.parse_args(argv)
    print(nbgitpuller_link(args.hub, args.repo, args.branch, args.notebook, args.folder))


if __name__ == "__main__":
    main()
