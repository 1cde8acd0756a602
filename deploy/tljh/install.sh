#!/usr/bin/env bash
# Install salesnb on a server that runs The Littlest JupyterHub (TLJH), as root:
#
#   sudo bash deploy/tljh/install.sh [COURSE_REPO_URL] [TEACHER ...]
#
# Run it from a checkout of the course repository (the release the class uses, e.g. a tag).
# It installs the pinned student environment and salesnb into TLJH's user environment,
# sets the per-student limits and the idle culler, and registers the teachers.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
CHECKOUT="$(cd "$HERE/../.." && pwd)"
TARGET=/opt/salesnb                      # read-only copy the students' kernels import salesnb from
USER_ENV=/opt/tljh/user                  # TLJH's environment for the students
TEACHERS=("${@:2}")
[ ${#TEACHERS[@]} -gt 0 ] || TEACHERS=(docent)

if [ ! -x "$USER_ENV/bin/pip" ]; then
    echo "TLJH is not installed here. Install it first (see deploy/README.md):" >&2
    echo "  curl -L https://tljh.jupyter.org/bootstrap.py | sudo python3 - --admin ${TEACHERS[0]}" >&2
    exit 1
fi

# 1. salesnb itself: a copy of this checkout (its data/ folder comes along), installed editable
#    so that salesnb finds data/ next to it. Students cannot write here.
rsync -a --delete --exclude .git --exclude .venv --exclude mijn-notebooks "$CHECKOUT/" "$TARGET/"
chmod -R a+rX,go-w "$TARGET"
"$USER_ENV/bin/pip" install --no-cache-dir -r "$TARGET/deploy/requirements.txt"
"$USER_ENV/bin/pip" install --no-cache-dir --no-deps -e "$TARGET"

# 2. Kernels that sit idle for 30 minutes are stopped (their notebooks stay saved).
mkdir -p "$USER_ENV/etc/jupyter/jupyter_server_config.d"
cp "$TARGET/deploy/jupyter_server_config.json" "$USER_ENV/etc/jupyter/jupyter_server_config.d/salesnb.json"

# 3. The hub: teachers (default dataset), JupyterLab, limits per student, idle culler.
install -m 644 "$HERE/salesnb_config.py" /opt/tljh/config/jupyterhub_config.d/salesnb.py
TEACHER_LIST="$(IFS=,; echo "${TEACHERS[*]}")"
sed -i "s/\"SALESNB_TEACHERS\": \".*\"/\"SALESNB_TEACHERS\": \"$TEACHER_LIST\"/" \
    /opt/tljh/config/jupyterhub_config.d/salesnb.py
for teacher in "${TEACHERS[@]}"; do
    tljh-config add-item users.admin "$teacher"
done
tljh-config set limits.memory 1G
tljh-config set limits.cpu 1
tljh-config set services.cull.enabled true
tljh-config set services.cull.timeout 3600
tljh-config set services.cull.every 300
tljh-config set user_environment.default_app jupyterlab
tljh-config reload

echo
echo "salesnb is installed. Hand out the notebooks with this nbgitpuller link (see deploy/README.md):"
if [ -n "${1:-}" ]; then
    "$USER_ENV/bin/python" "$TARGET/deploy/link.py" "https://$(hostname -f)" "$1"
else
    echo "  python3 deploy/link.py https://YOUR-HUB https://YOUR-GIT-HOST/salesnb"
fi
