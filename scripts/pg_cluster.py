"""A throw-away PostgreSQL 15 cluster for the tests (and for trying the
shared store by hand).

    python3 scripts/pg_cluster.py start [DIR]   → prints the conninfo
    python3 scripts/pg_cluster.py stop [DIR]

The cluster lives under build/ (``build/pg``), listens on a free port of
127.0.0.1 only (no Unix socket), trusts local TCP logins (it is a test
server: never use this set-up for real data) and has the superuser
``postgres``.  PostgreSQL refuses to run as root, so under root the server
runs as Debian's ``postgres`` system user (created by the postgresql
package); when that user cannot reach the build folder (a checkout in a
private 0700 directory), the cluster goes to a fresh directory under /tmp
instead and ``build/pg.location`` says where.
"""

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DIR = os.path.join(ROOT, "build", "pg")


def bindir():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise SystemExit("PostgreSQL server binaries not found: run `make setup` (installs postgresql-15)")
    return os.path.dirname(found[-1])


def _as_server_user(args):
    if os.geteuid() != 0:
        return args
    return ["runuser", "-u", "postgres", "--"] + args


def _reachable_by_server_user(path):
    if os.geteuid() != 0:
        return True
    probe = ["runuser", "-u", "postgres", "--", "test", "-w", path, "-a", "-x", path]
    return subprocess.run(probe, check=False).returncode == 0


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _location_file(directory):
    return directory.rstrip("/") + ".location"


def data_dir(directory=DEFAULT_DIR):
    """Where the cluster of ``directory`` actually lives."""
    try:
        with open(_location_file(directory), encoding="utf-8") as handle:
            return handle.read().strip()
    except OSError:
        return directory


def start(directory=DEFAULT_DIR):
    """Start a fresh cluster; returns the superuser's conninfo."""
    stop(directory)
    parent = os.path.dirname(directory)
    os.makedirs(parent, exist_ok=True)
    os.makedirs(directory, exist_ok=True)
    where = directory
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres", "postgres")
        if not _reachable_by_server_user(directory):
            shutil.rmtree(directory)
            where = tempfile.mkdtemp(prefix="landplan-pg-")
            shutil.chown(where, "postgres", "postgres")
    with open(_location_file(directory), "w", encoding="utf-8") as handle:
        handle.write(where)
    pgdata = os.path.join(where, "data")
    tools = bindir()
    subprocess.run(
        _as_server_user(
            [os.path.join(tools, "initdb"), "-D", pgdata, "-U", "postgres", "--auth=trust", "-E", "UTF8"]
            + ["--locale=C.UTF-8", "--no-sync"]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    port = _free_port()
    options = "-c listen_addresses=127.0.0.1 -c port={} -c unix_socket_directories='' -c fsync=off".format(port)
    subprocess.run(
        _as_server_user(
            [os.path.join(tools, "pg_ctl"), "-D", pgdata, "-o", options, "-l", os.path.join(where, "server.log")]
            + ["-w", "start"]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    conninfo = "host=127.0.0.1 port={} dbname=postgres user=postgres".format(port)
    with open(os.path.join(directory if directory == where else where, "conninfo"), "w", encoding="utf-8") as f:
        f.write(conninfo)
    return conninfo


def stop(directory=DEFAULT_DIR):
    where = data_dir(directory)
    pgdata = os.path.join(where, "data")
    if os.path.exists(os.path.join(pgdata, "postmaster.pid")):
        subprocess.run(
            _as_server_user([os.path.join(bindir(), "pg_ctl"), "-D", pgdata, "-m", "immediate", "-w", "stop"]),
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    for path in {where, directory}:
        shutil.rmtree(path, ignore_errors=True)
    try:
        os.remove(_location_file(directory))
    except OSError:
        pass


def wait_ready(conninfo, timeout=20.0):
    import psycopg2

    deadline = time.monotonic() + timeout
    while True:
        try:
            psycopg2.connect(conninfo).close()
            return
        except psycopg2.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "start"
    target = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_DIR
    if command == "start":
        print(start(target))
    elif command == "stop":
        stop(target)
    else:
        raise SystemExit("usage: pg_cluster.py start|stop [DIR]")
