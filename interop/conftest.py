"""Fixtures for the interop tests: one `tenantsim serve` per test session, on a fresh state.

The server is started with `--port 0` on a temporary state file (so the default fixtures load)
and the port is read from its banner. The CA bundle it generates (system roots + TenantSim's CA)
lives at `<state>.tls/bundle.pem`, so its path is known before the server starts: pytest_configure
exports it in REQUESTS_CA_BUNDLE and SSL_CERT_FILE before pytest imports any test module, i.e.
before any HTTP client library is imported (aiohttp reads SSL_CERT_FILE at import time, httpx -
the Graph SDK's transport - reads it when a client is built, requests / azure-core honour
REQUESTS_CA_BUNDLE). azure-identity is also given the bundle explicitly via `connection_verify`,
and every client is built by a fixture that depends on the running server, so the file exists by
then.

Environment:
  TENANTSIM_BIN      path of the tenantsim executable (default: .build/debug/tenantsim)
  TENANTSIM_TIMEOUT  seconds to wait for the banner (default: 60)
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

CONTOSO_TENANT_ID = "6a1e3c9e-0b0f-4c2e-9d3b-7f1f2c3d4e50"
ONBOARDING_CLIENT_ID = "3f6a9c2e-7b1d-4e8f-a5c3-9d2b4f6e8a10"
ONBOARDING_SECRET = "tenantsim-onboarding-secret"
READER_CLIENT_ID = "8d2b4f6e-1a3c-4e5b-9f7d-0c2e4a6b8d21"
READER_SECRET = "tenantsim-reader-secret"
GRAPH_SCOPE = "https://graph.microsoft.com/.default"
BAP_SCOPE = "https://service.powerapps.com//.default"
DATAVERSE_HOST = "contoso.crm.dynamics.com"
DATAVERSE_SCOPE = f"https://{DATAVERSE_HOST}/.default"

_BANNER = re.compile(r"TenantSim is serving on (https://127\.0\.0\.1:(\d+))")
_CA_FILE = re.compile(r"^\s*CA certificate\s+(\S+)", re.M)
_CA_BUNDLE = re.compile(r"^\s*CA bundle\s+(\S+)", re.M)
_CONTROL_KEY = re.compile(r"^\s*Control key\s+(\S+)", re.M)


@dataclass
class TenantSimServer:
    """A running `tenantsim serve`."""

    base_url: str  # https://127.0.0.1:PORT
    port: int
    ca_file: str  # TenantSim's CA certificate alone
    ca_bundle: str  # system roots + TenantSim's CA
    state: str
    process: subprocess.Popen
    banner: str
    control_key: str = ""
    output: list[str] = field(default_factory=list)

    @property
    def authority(self) -> str:
        return self.base_url

    @property
    def graph_url(self) -> str:
        return f"{self.base_url}/v1.0"

    @property
    def bap_url(self) -> str:
        return f"{self.base_url}/api.bap.microsoft.com/providers/Microsoft.BusinessAppPlatform"

    @property
    def dataverse_url(self) -> str:
        return f"{self.base_url}/{DATAVERSE_HOST}/api/data/v9.2"

    def control(self, path: str) -> str:
        return f"{self.base_url}/_tenantsim/{path.lstrip('/')}"

    @property
    def control_headers(self) -> dict[str, str]:
        """The control API's key, as the banner printed it."""
        return {"Authorization": f"Bearer {self.control_key}"}


def _binary() -> Path:
    configured = os.environ.get("TENANTSIM_BIN")
    path = Path(configured) if configured else REPO / ".build" / "debug" / "tenantsim"
    if not path.is_absolute():
        path = REPO / path
    if not path.exists():
        pytest.exit(
            f"tenantsim executable not found at {path}: run `swift build --product tenantsim` "
            "or set TENANTSIM_BIN",
            returncode=2,
        )
    return path


_CA_VARIABLES = ("REQUESTS_CA_BUNDLE", "SSL_CERT_FILE")
_session: dict = {}


def pytest_configure(config):
    workdir = tempfile.mkdtemp(prefix="tenantsim-interop-")
    state = os.path.join(workdir, "state.sqlite")
    _session.update(workdir=workdir, state=state, saved={name: os.environ.get(name) for name in _CA_VARIABLES})
    for name in _CA_VARIABLES:
        os.environ[name] = state + ".tls/bundle.pem"


def pytest_unconfigure(config):
    for name, value in _session.get("saved", {}).items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    if _session.get("workdir"):
        shutil.rmtree(_session["workdir"], ignore_errors=True)


@pytest.fixture(scope="session")
def tenantsim_server():
    """Starts `tenantsim serve --port 0` on a fresh state; yields a TenantSimServer; SIGTERMs it."""
    workdir, state = _session["workdir"], _session["state"]
    stderr_path = os.path.join(workdir, "stderr.log")
    stderr_file = open(stderr_path, "wb")
    process = subprocess.Popen(
        [str(_binary()), "serve", "--state", state, "--port", "0"],
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=stderr_file,
        text=True,
        bufsize=1,
    )
    lines: list[str] = []
    ready = threading.Event()

    def pump():  # reads the banner, then keeps draining stdout so the server never blocks on it
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line)
            if line.startswith("Press Ctrl-C") or ("CA bundle" in line and _BANNER.search("".join(lines))):
                ready.set()
        ready.set()

    threading.Thread(target=pump, name="tenantsim-stdout", daemon=True).start()
    timeout = float(os.environ.get("TENANTSIM_TIMEOUT", "60"))
    deadline = time.monotonic() + timeout
    banner = ""
    while time.monotonic() < deadline:
        ready.wait(0.2)
        banner = "".join(lines)
        if _BANNER.search(banner) and _CA_BUNDLE.search(banner) and _CA_FILE.search(banner):
            break
        if process.poll() is not None:
            break
    match = _BANNER.search(banner)
    if not match or not _CA_BUNDLE.search(banner):
        process.kill()
        process.wait()
        stderr_file.close()
        pytest.fail(
            f"tenantsim serve did not print its banner within {timeout}s (exit {process.returncode}).\n"
            f"stdout:\n{banner}\nstderr:\n{Path(stderr_path).read_text(errors='replace')}",
            pytrace=False,
        )
    ca_file = _CA_FILE.search(banner).group(1)
    ca_bundle = _CA_BUNDLE.search(banner).group(1)
    assert os.path.isfile(ca_file), ca_file
    assert os.path.isfile(ca_bundle), ca_bundle
    if os.path.realpath(ca_bundle) != os.path.realpath(os.environ["SSL_CERT_FILE"]):
        # A server that writes its bundle elsewhere: export the real path (clients built from now on see it).
        for name in _CA_VARIABLES:
            os.environ[name] = ca_bundle

    server = TenantSimServer(
        base_url=match.group(1),
        port=int(match.group(2)),
        ca_file=ca_file,
        ca_bundle=ca_bundle,
        state=state,
        process=process,
        banner=banner,
        control_key=_CONTROL_KEY.search(banner).group(1) if _CONTROL_KEY.search(banner) else "",
        output=lines,
    )
    try:
        yield server
    finally:
        exited_by_itself = process.poll() is not None
        if not exited_by_itself:
            process.send_signal(signal.SIGTERM)
        try:
            code = process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            code = None
        stderr_file.close()
        stderr_text = Path(stderr_path).read_text(errors="replace")
        if exited_by_itself:
            pytest.fail(f"tenantsim serve died during the tests (exit {code}).\nstderr:\n{stderr_text}", pytrace=False)
        if code != 0:
            pytest.fail(
                f"tenantsim serve did not exit cleanly on SIGTERM (exit {code}).\nstderr:\n{stderr_text[-4000:]}",
                pytrace=False,
            )


@pytest.fixture(scope="session")
def event_loop_runner():
    """One event loop for the whole session: the Graph SDK's httpx client is bound to the loop that
    first used it, so every coroutine of the tests runs here (no pytest-asyncio needed)."""
    loop = asyncio.new_event_loop()
    try:
        yield loop.run_until_complete
    finally:
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()


def _credential(server: TenantSimServer, client_id: str, secret: str):
    from azure.identity import ClientSecretCredential

    return ClientSecretCredential(
        CONTOSO_TENANT_ID,
        client_id,
        secret,
        authority=server.authority,
        disable_instance_discovery=True,
        connection_verify=server.ca_bundle,
    )


def _graph_client(server: TenantSimServer, credential):
    from msgraph import GraphServiceClient

    client = GraphServiceClient(credentials=credential, scopes=[GRAPH_SCOPE])
    client.request_adapter.base_url = server.graph_url
    return client


@pytest.fixture(scope="session")
def credential(tenantsim_server):
    """azure-identity ClientSecretCredential for the 'Onboarding Automation' app of Contoso."""
    cred = _credential(tenantsim_server, ONBOARDING_CLIENT_ID, ONBOARDING_SECRET)
    yield cred
    cred.close()


@pytest.fixture(scope="session")
def graph(tenantsim_server, credential):
    """msgraph-sdk GraphServiceClient pointed at the emulator (only base_url changed)."""
    return _graph_client(tenantsim_server, credential)


@pytest.fixture(scope="session")
def reader_credential(tenantsim_server):
    """ClientSecretCredential for the 'Directory Reader' app (User.Read.All only)."""
    cred = _credential(tenantsim_server, READER_CLIENT_ID, READER_SECRET)
    yield cred
    cred.close()


@pytest.fixture(scope="session")
def reader_graph(tenantsim_server, reader_credential):
    return _graph_client(tenantsim_server, reader_credential)


@pytest.fixture(scope="session")
def http(tenantsim_server):
    """A plain requests session trusting the emulator's CA. trust_env is off: with it on, an
    exported REQUESTS_CA_BUNDLE silently overrides `session.verify` (and proxies could apply)."""
    import requests

    session = requests.Session()
    session.trust_env = False
    session.verify = tenantsim_server.ca_bundle
    # The control API needs the server's key; Graph calls set their own Authorization per request.
    session.headers["X-TenantSim-Control-Key"] = tenantsim_server.control_key
    yield session
    session.close()


def pytest_report_header(config):
    return f"python {sys.version.split()[0]}; TENANTSIM_BIN={os.environ.get('TENANTSIM_BIN', '.build/debug/tenantsim')}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Adds the Graph error's code, message, innerError extras (TenantSim's rule id) and request id
    to a failure caused by an unexpected ODataError, which str() reduces to its message."""
    outcome = yield
    report = outcome.get_result()
    if call.excinfo is None or type(call.excinfo.value).__name__ != "ODataError":
        return
    error = call.excinfo.value
    main = getattr(error, "error", None)
    inner = getattr(main, "inner_error", None)
    report.sections.append(
        (
            "ODataError details",
            f"status={error.response_status_code} code={getattr(main, 'code', None)!r} "
            f"message={getattr(main, 'message', None)!r}\n"
            f"innerError request-id={getattr(inner, 'request_id', None)} extras={getattr(inner, 'additional_data', None)!r}",
        )
    )
