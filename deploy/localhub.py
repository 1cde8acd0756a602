"""A throwaway JupyterHub on 127.0.0.1 for the hub test and the capacity benchmark.

Not a deployment: it uses SimpleLocalProcessSpawner (every user is the current Unix
user, home folders under a temporary folder) and the DummyAuthenticator. It drives the
hub the way a class does: create users, start their servers, give each a token, pull
the course through the nbgitpuller link and run code in a kernel over the websocket
kernel API. Every process it starts is stopped by its pid, also when something fails.

    with LocalHub(tmp_path) as hub:
        hub.add_users(["s1", "s2"])
        hub.start_servers(["s1", "s2"])
        with hub.kernel("s1") as kernel:
            print(kernel.run("print(1 + 1)"))
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import psutil

# Variables that pick a dataset: the hub must start from a clean slate.
DATASET_VARS = ("SALESNB_SEED", "SALESNB_TEACHER", "SALESNB_DEFAULT_DATA", "SALESNB_TEACHERS",
                "JUPYTERHUB_USER", "JUPYTERHUB_API_TOKEN")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def proxy_command() -> str | None:
    """configurable-http-proxy on PATH (npm install -g configurable-http-proxy), or None."""
    return shutil.which("configurable-http-proxy")


class HubError(RuntimeError):
    pass


class LocalHub:
    """Start a JupyterHub in ``folder``; use as a context manager so it is always stopped."""

    def __init__(self, folder: Path, environment: dict | None = None, timeout: float = 300,
                 spawner_options: str = ""):
        self.folder = Path(folder)
        self.homes = self.folder / "home"
        self.timeout = timeout
        self.port, self.hub_port, self.proxy_api_port = free_port(), free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = secrets.token_hex(32)
        self.environment = environment or {}
        self.spawner_options = spawner_options
        self.process: subprocess.Popen | None = None
        self.log_path = self.folder / "jupyterhub.log"
        self._tracked: dict[int, psutil.Process] = {}
        self._user_tokens: dict[str, str] = {}

    # ------------------------------------------------------------------ processes
    def _config(self) -> str:
        chp = proxy_command()
        if chp is None:
            raise HubError("configurable-http-proxy is missing: npm install -g configurable-http-proxy")
        return textwrap.dedent(f"""
            c.JupyterHub.ip = "127.0.0.1"
            c.JupyterHub.port = {self.port}
            c.JupyterHub.hub_ip = "127.0.0.1"
            c.JupyterHub.hub_port = {self.hub_port}
            c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{self.proxy_api_port}"
            c.ConfigurableHTTPProxy.command = [{chp!r}]
            c.ConfigurableHTTPProxy.pid_file = {str(self.folder / 'proxy.pid')!r}
            c.JupyterHub.pid_file = {str(self.folder / 'hub.pid')!r}
            c.JupyterHub.db_url = "sqlite:///{self.folder / 'hub.sqlite'}"
            c.JupyterHub.cookie_secret_file = {str(self.folder / 'cookie_secret')!r}
            c.JupyterHub.authenticator_class = "dummy"
            c.Authenticator.allow_all = True
            c.JupyterHub.spawner_class = "simple"
            c.SimpleLocalProcessSpawner.home_dir_template = {str(self.homes / '{username}')!r}
            c.Spawner.cmd = [{sys.executable!r}, "-m", "jupyterhub.singleuser"]
            c.Spawner.ip = "127.0.0.1"
            c.Spawner.args = {["--allow-root"] if os.geteuid() == 0 else []!r}
            c.Spawner.start_timeout = {int(self.timeout)}
            c.Spawner.http_timeout = {int(self.timeout)}
            c.Spawner.environment = {self.environment!r}
            c.Spawner.default_url = "/lab"
            c.JupyterHub.concurrent_spawn_limit = 0
            c.JupyterHub.services = [{{"name": "course-test", "api_token": {self.token!r}}}]
            c.JupyterHub.load_roles = [{{"name": "admin", "services": ["course-test"]}}]
            c.JupyterHub.cleanup_servers = True
            c.JupyterHub.cleanup_proxy = True
        """) + self.spawner_options

    def start(self) -> "LocalHub":
        self.folder.mkdir(parents=True, exist_ok=True)
        self.homes.mkdir(exist_ok=True)
        config = self.folder / "jupyterhub_config.py"
        config.write_text(self._config(), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k not in DATASET_VARS}
        env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
        env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "jupyterhub", "-f", str(config)],
                cwd=self.folder, env=env, stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True,
            )
        self.track()
        self._wait(lambda: self._hub_up(), "the hub did not answer")
        self.track()
        return self

    def track(self) -> None:
        """Remember the hub and everything below it (proxy, servers, kernels) by pid."""
        if self.process is None:
            return
        try:
            root = psutil.Process(self.process.pid)
            for proc in [root, *root.children(recursive=True)]:
                self._tracked.setdefault(proc.pid, proc)
        except psutil.NoSuchProcess:
            pass

    def stop(self) -> None:
        """Stop the hub gracefully, then end every tracked process that is still alive."""
        self.track()
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                pass
        alive = [p for p in self._tracked.values() if _running(p)]
        for proc in alive:
            _signal(proc, signal.SIGTERM)
        gone, alive = psutil.wait_procs(alive, timeout=10)
        for proc in alive:
            _signal(proc, signal.SIGKILL)
        psutil.wait_procs(alive, timeout=10)
        if self.process is not None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            self.process.wait(timeout=10)

    def leftover(self) -> list[int]:
        """Pids of tracked processes that still run (empty after stop())."""
        return [p.pid for p in self._tracked.values() if _running(p)]

    def __enter__(self) -> "LocalHub":
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc) -> None:
        self.stop()

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    # ------------------------------------------------------------------ REST
    def _wait(self, ready, what: str, timeout: float | None = None, every: float = 0.5):
        deadline = time.monotonic() + (timeout or self.timeout)
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise HubError(f"the hub stopped (exit {self.process.returncode}):\n{self.log_tail()}")
            try:
                result = ready()
            except OSError:  # the proxy may reset a connection while a route is added
                result = None
            if result:
                return result
            time.sleep(every)
        raise HubError(f"{what} within {timeout or self.timeout} s:\n{self.log_tail()}")

    def _hub_up(self) -> bool:
        try:
            return self.api("GET", "/")[0] == 200
        except (OSError, HubError):
            return False

    def request(self, method: str, url: str, token: str, body=None, timeout: float = 60):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(url, data=data, method=method,
                                     headers={"Authorization": f"token {token}",
                                              "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                raw = resp.read()
                return resp.status, (json.loads(raw) if raw.strip() else None)
        except urllib.error.HTTPError as err:
            raw = err.read()
            if err.code >= 500 or err.code in (401, 403):
                raise HubError(f"{method} {url}: {err.code} {raw[:500]!r}") from None
            return err.code, raw

    def api(self, method: str, path: str, body=None):
        return self.request(method, f"{self.url}/hub/api{path}", self.token, body)

    def add_users(self, names: list[str]) -> None:
        code, reply = self.api("POST", "/users", {"usernames": list(names)})
        if code not in (201, 409):
            raise HubError(f"creating users: {code} {reply!r}")

    def start_servers(self, names: list[str]) -> dict[str, float]:
        """Ask for every server at once (as a class logging in); seconds until each was ready."""
        from concurrent.futures import ThreadPoolExecutor

        def spawn(name):
            started = time.monotonic()
            # The hub answers 201 when the server came up within its slow_spawn_timeout, else 202.
            code, reply = self.api("POST", f"/users/{name}/server")
            if code not in (201, 202, 400):
                raise HubError(f"starting {name}: {code} {reply!r}")
            self._wait(lambda: self.api("GET", f"/users/{name}")[1]["servers"].get(
                "", {}).get("ready"), f"the server of {name} was not ready", every=1.0)
            return time.monotonic() - started

        with ThreadPoolExecutor(max_workers=min(32, len(names) or 1)) as pool:
            ready = dict(zip(names, pool.map(spawn, names)))
        self.track()
        return ready

    def user_token(self, name: str) -> str:
        if name not in self._user_tokens:
            code, reply = self.api("POST", f"/users/{name}/tokens",
                                   {"note": "course test", "expires_in": 7200})
            if code != 201:
                raise HubError(f"token for {name}: {code} {reply!r}")
            self._user_tokens[name] = reply["token"]
        return self._user_tokens[name]

    def server(self, name: str, method: str, path: str, body=None, timeout: float = 120):
        """A request to the user's own server (through the proxy, as the browser does)."""
        return self.request(method, f"{self.url}/user/{name}{path}", self.user_token(name), body,
                            timeout=timeout)

    def home(self, name: str) -> Path:
        return self.homes / name

    # ------------------------------------------------------------------ course
    def git_pull(self, name: str, repo: str, branch: str = "main", targetpath: str = "cursus",
                 timeout: float | None = None) -> list[dict]:
        """Follow the user's nbgitpuller link (its event stream) until the pull has finished."""
        query = urllib.parse.urlencode({"repo": repo, "branch": branch, "targetpath": targetpath})
        req = urllib.request.Request(f"{self.url}/user/{name}/git-pull/api?{query}",
                                     headers={"Authorization": f"token {self.user_token(name)}"})
        events = []
        with urllib.request.urlopen(req, timeout=timeout or self.timeout) as resp:
            for raw in resp:
                line = raw.decode("utf-8", "replace").strip()
                if not line.startswith("data:"):
                    continue
                event = json.loads(line[5:])
                events.append(event)
                if event.get("phase") == "error":
                    raise HubError(f"nbgitpuller for {name}: {event.get('message')}\n"
                                   f"{event.get('output', '')}")
                if event.get("phase") == "finished":
                    return events
        raise HubError(f"nbgitpuller for {name} ended without finishing: {events!r}")

    def kernel(self, name: str, path: str = "") -> "Kernel":
        code, reply = self.server(name, "POST", "/api/kernels", {"name": "python3", "path": path})
        if code != 201:
            raise HubError(f"kernel for {name}: {code} {reply!r}")
        kernel = Kernel(self, name, reply["id"])
        self.track()
        return kernel


class Kernel:
    """One kernel of a user's server, driven over its websocket (the notebook's own channel)."""

    def __init__(self, hub: LocalHub, user: str, kernel_id: str):
        import websocket  # websocket-client, a dependency of jupyter_server

        self.hub, self.user, self.id = hub, user, kernel_id
        self.session = uuid.uuid4().hex
        self.reconnects = 0
        self._websocket = websocket
        self.ws = self._connect()

    def _connect(self):
        # With the same session_id the server replays what it buffered while we were away.
        url = (f"ws://127.0.0.1:{self.hub.port}/user/{self.user}/api/kernels/{self.id}/channels"
               f"?session_id={self.session}")
        return self._websocket.create_connection(
            url, header=[f"Authorization: token {self.hub.user_token(self.user)}"],
            timeout=self.hub.timeout)

    def _receive(self):
        """The next message; reconnects (as JupyterLab does) when a busy machine drops the socket."""
        try:
            return self.ws.recv()
        except (self._websocket.WebSocketConnectionClosedException, ConnectionError):
            if self.reconnects >= 5:
                raise
            self.reconnects += 1
            time.sleep(1)
            self.ws = self._connect()
            return None

    def run(self, code: str, timeout: float = 300) -> str:
        """Execute code like a notebook cell; return its text output, raise on an error."""
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "username": self.user, "session": self.session,
                       "msg_type": "execute_request", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True,
                        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
        }))
        out: list[str] = []
        replied = idle = False
        error = None
        deadline = time.monotonic() + timeout
        while not (replied and idle):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise HubError(f"{self.user}: no answer from the kernel within {timeout} s")
            self.ws.settimeout(remaining)
            raw = self._receive()
            if raw is None or isinstance(raw, bytes):
                continue
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream":
                out.append(content["text"])
            elif kind in ("execute_result", "display_data"):
                out.append(content["data"].get("text/plain", "") + "\n")
            elif kind == "error":
                error = f"{content['ename']}: {content['evalue']}"
            elif kind == "execute_reply":
                replied = True
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
        if error:
            raise HubError(f"{self.user}: the cell raised {error}\n--- code ---\n{code}")
        return "".join(out)

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            self.hub.server(self.user, "DELETE", f"/api/kernels/{self.id}")

    def __enter__(self) -> "Kernel":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _running(proc: psutil.Process) -> bool:
    try:
        return proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _signal(proc: psutil.Process, sig) -> None:
    try:
        proc.send_signal(sig)
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        pass
