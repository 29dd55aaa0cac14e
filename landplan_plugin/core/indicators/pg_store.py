"""The shared indicator store on PostgreSQL/PostGIS (a bureau's several editors).

Same five tables as the GeoPackage store, in one schema (default
``landplan``); the same rules (store.StoreRules).  The database enforces
what the plugin checks, so an edit made with pgAdmin or QGIS's own
attribute table is held to the same rules:

* types, allowed values (属性, 比较符, cumulative 0/1), NOT NULL names, unique
  names per plan, foreign keys (a plan's indicators and their values go
  with it: ON DELETE CASCADE);
* ``row_version`` is bumped by a BEFORE UPDATE trigger and LandPlan's own
  writes are compare-and-set in one statement (``UPDATE … WHERE row_version
  = expected``) after ``SELECT … FOR UPDATE``: of two editors saving from
  the same version exactly one wins, whatever the timing;
* ``lp_audit`` is written by an AFTER trigger (SECURITY DEFINER: editors
  cannot write or erase audit rows themselves) with the login user
  (``session_user``: the person's database login, also when a tool has
  switched roles) and the server's time;
* every change sends ``NOTIFY landplan`` with a JSON payload (schema, table,
  operation, row id, plan id, user): open docks refresh from it.

Roles (``initialise``): ``<schema>_editor`` reads and writes the plans,
indicators and values, ``<schema>_viewer`` only reads; a bureau grants them
to its logins.  The database refuses a viewer's write whatever tool it comes
from.

Access is through psycopg2 (Debian's python3-psycopg2, shipped with QGIS on
Windows and macOS): the store needs real transactions spanning many
statements, row locks and LISTEN, which QGIS's provider-connection API does
not offer; QGIS's connection registry still names the connection (the
Processing layer turns a connection name into a conninfo).
"""

import datetime
import json
from contextlib import contextmanager

from .store import (
    ATTRIBUTES,
    COMPARATORS,
    SCHEMA_VERSION,
    NotAStoreError,
    StoreBusyError,
    StoreError,
    StorePermissionError,
    StoreRules,
)

CHANNEL = "landplan"
LOCK_TIMEOUT_S = 10
DEFAULT_SCHEMA = "landplan"


class PgLocation:
    """A PostgreSQL store: a libpq conninfo (``host=… dbname=… user=…`` or a
    ``postgresql://`` URI) and a schema; ``label`` names it for people (the
    QGIS connection name)."""

    def __init__(self, conninfo, schema=DEFAULT_SCHEMA, label=None):
        self.conninfo = conninfo
        self.schema = schema or DEFAULT_SCHEMA
        self.label = label

    def __str__(self):
        return "{}/{}".format(self.label or _safe_conninfo(self.conninfo), self.schema)

    def __eq__(self, other):
        return isinstance(other, PgLocation) and (self.conninfo, self.schema) == (other.conninfo, other.schema)

    def __hash__(self):
        return hash((self.conninfo, self.schema))


def _safe_conninfo(conninfo):
    """The conninfo without its password (for messages)."""
    parts = [p for p in str(conninfo).split() if not p.startswith("password=")]
    return " ".join(parts)


def _psycopg2():
    try:
        import psycopg2
        import psycopg2.extras  # noqa: F401 (RealDictCursor)
    except ImportError as error:
        raise StoreError(
            "the PostgreSQL store needs psycopg2 (Debian: python3-psycopg2; it ships with QGIS on Windows)"
        ) from error
    return psycopg2


def _plain(value):
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="seconds")
    return value


def _adapt(value):
    if isinstance(value, bool):
        return int(value)
    return value


class _Rows:
    def __init__(self, cursor):
        self.cursor = cursor
        self.rowcount = cursor.rowcount

    def _row(self, row):
        return None if row is None else {k: _plain(v) for k, v in row.items()}

    def fetchone(self):
        return self._row(self.cursor.fetchone()) if self.cursor.description else None

    def fetchall(self):
        return [self._row(r) for r in self.cursor.fetchall()] if self.cursor.description else []

    def __iter__(self):
        return iter(self.fetchall())


class _PgConnection:
    """A psycopg2 connection speaking the store's ``?`` placeholders."""

    def __init__(self, raw, location):
        self.raw = raw
        self.location = location

    def execute(self, statement, args=()):
        psycopg2 = _psycopg2()
        cursor = self.raw.cursor(cursor_factory=psycopg2.extras.RealDictCursor)
        try:
            cursor.execute(statement.replace("?", "%s"), tuple(_adapt(a) for a in args))
        except psycopg2.Error as error:
            raise translate_error(error, self.location) from error
        return _Rows(cursor)

    def close(self):
        self.raw.close()


def translate_error(error, location):
    """A database error as the store's error (the message says what to do)."""
    psycopg2 = _psycopg2()
    from psycopg2 import errors

    detail = (getattr(error, "pgerror", None) or str(error)).strip().splitlines()[0] if str(error) else ""
    if isinstance(error, errors.InsufficientPrivilege):
        return StorePermissionError(
            "the database refused the write: your login may only read the store {} ({})".format(location, detail)
        )
    if isinstance(error, (errors.LockNotAvailable, errors.QueryCanceled)):
        return StoreBusyError(
            "the indicator store {} is locked by another editor; waited {} s ({})".format(
                location, LOCK_TIMEOUT_S, detail
            ),
            str(location),
            LOCK_TIMEOUT_S,
        )
    if isinstance(error, psycopg2.IntegrityError):
        return StoreError("the database refused the values: {}".format(detail))
    return StoreError("PostgreSQL store {}: {}".format(location, detail))


def connect_raw(location, autocommit=False):
    psycopg2 = _psycopg2()
    try:
        raw = psycopg2.connect(location.conninfo, application_name="LandPlan", connect_timeout=10)
    except psycopg2.Error as error:
        raise StoreError(
            "cannot connect to {}: {}".format(_safe_conninfo(location.conninfo), str(error).strip())
        ) from error
    raw.autocommit = autocommit
    with raw.cursor() as cursor:
        cursor.execute("SET search_path TO {}, pg_catalog".format(_quote(raw, location.schema)))
    if not autocommit:
        raw.commit()
    return raw


def _quote(raw, name):
    from psycopg2.extensions import quote_ident

    return quote_ident(name, raw)


class PostgresStore(StoreRules):
    """The store in ``location.schema``.  It is never created here (that is
    ``initialise``, run once by the database owner); a schema without it is
    refused with NotAStoreError."""

    kind = "postgres"
    LOCK = " FOR UPDATE"

    def __init__(self, location, create=False, readonly=False):
        del create  # a shared store is created by initialise (landplan:initstore), never on the side
        self.location_object = location
        self.location = str(location)
        self.path = self.location
        self.readonly = readonly
        self._active = None
        self._reader = None
        self.own_pids = set()  # backends that wrote for this object: their notifications are ours
        raw = connect_raw(location, autocommit=True)
        try:
            with raw.cursor() as cursor:
                cursor.execute("SELECT to_regclass(%s)", ("{}.lp_meta".format(_quote(raw, location.schema)),))
                if cursor.fetchone()[0] is None:
                    raise NotAStoreError(
                        "schema “{}” has no LandPlan indicator store; create it with “Initialise a shared "
                        "indicator store” (landplan:initstore)".format(location.schema)
                    )
                cursor.execute("SELECT value FROM lp_meta WHERE key = 'schema_version'")
                row = cursor.fetchone()
                if row is None or int(row[0]) > SCHEMA_VERSION:
                    raise StoreError("the store was written by a newer LandPlan (schema {})".format(row and row[0]))
        except _psycopg2().Error as error:
            raw.close()
            raise translate_error(error, self.location) from error
        except StoreError:
            raw.close()
            raise
        self._reader = _PgConnection(raw, self.location)

    # -- connections and transactions -------------------------------------------------
    def connect(self):
        return _PgConnection(connect_raw(self.location_object), self.location)

    @contextmanager
    def _reading(self):
        if self._active is not None:
            yield self._active
            return
        if self._reader is None or self._reader.raw.closed:
            self._reader = _PgConnection(connect_raw(self.location_object, autocommit=True), self.location)
        yield self._reader

    def close(self):
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def schema_version(self):
        with self._reading() as conn:
            return int(conn.execute("SELECT value FROM lp_meta WHERE key = 'schema_version'").fetchone()["value"])

    def can_write(self):
        """Whether the database lets this login change indicators."""
        if self.readonly:
            return False
        with self._reading() as conn:
            row = conn.execute(
                "SELECT has_table_privilege(to_regclass(?), 'UPDATE') AS ok",
                ("{}.lp_indicator".format(_quote(conn.raw, self.location_object.schema)),),
            ).fetchone()
        return bool(row["ok"])

    def user(self):
        with self._reading() as conn:
            return conn.execute("SELECT session_user AS name").fetchone()["name"]

    @contextmanager
    def transaction(self):
        """One transaction; nested calls join it.  Rows read for an update
        are locked (FOR UPDATE); a lock held by another editor is waited for
        up to 10 s, then refused with StoreBusyError."""
        if self._active is not None:
            yield self._active
            return
        if self.readonly:
            raise StoreError("the indicator store {} was opened read-only".format(self.location))
        conn = self.connect()
        try:
            conn.execute("SET LOCAL lock_timeout = '{}s'".format(LOCK_TIMEOUT_S))
            self.own_pids.add(conn.raw.get_backend_pid())
            self._active = conn
            yield conn
            try:
                conn.raw.commit()
            except _psycopg2().Error as error:
                raise translate_error(error, self.location) from error
        except BaseException:
            if not conn.raw.closed:
                conn.raw.rollback()
            raise
        finally:
            self._active = None
            conn.close()

    def _insert(self, conn, table, key, values, keep_stamps=False):
        if not keep_stamps:
            # the server stamps new rows (now()); copies keep their history
            values = {k: v for k, v in values.items() if k != "updated_at"}
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        row = conn.execute(
            "INSERT INTO {} ({}) VALUES ({}) RETURNING {} AS new_id".format(table, columns, marks, key),
            tuple(values.values()),
        ).fetchone()
        return row["new_id"]

    def _audit(self, conn, table, row_id, changes):
        """Written by the database's trigger (with the login and server time)."""

    # -- live refresh -----------------------------------------------------------------------
    def listen(self):
        """A connection listening for this store's changes (for a
        QSocketNotifier on ``fileno()``; read them with ``notifications``)."""
        raw = connect_raw(self.location_object, autocommit=True)
        with raw.cursor() as cursor:
            cursor.execute("LISTEN " + CHANNEL)
        return raw

    def notifications(self, raw):
        """Changes of this store made by others since the last call:
        dicts with table, op, id, plan_id, user."""
        raw.poll()
        found = []
        while raw.notifies:
            notice = raw.notifies.pop(0)
            try:
                payload = json.loads(notice.payload)
            except ValueError:
                continue
            if payload.get("schema") != self.location_object.schema or notice.pid in self.own_pids:
                continue
            found.append(payload)
        return found


# -- creating a shared store -------------------------------------------------------------------
def _ddl(schema):
    quoted_attributes = ", ".join("'{}'".format(a) for a in ATTRIBUTES)
    quoted_comparators = ", ".join("'{}'".format(c) for c in COMPARATORS)
    identity = "bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
    return [
        "CREATE SCHEMA IF NOT EXISTS {s}",
        "CREATE TABLE IF NOT EXISTS {s}.lp_meta (meta_id " + identity + ", key text NOT NULL UNIQUE, value text)",
        "CREATE TABLE IF NOT EXISTS {s}.lp_plan (plan_id " + identity + ", "
        "name text NOT NULL UNIQUE CHECK (btrim(name) <> ''), region_code text, region_name text, level text, "
        "base_year integer, target_year integer, note text, "
        "row_version bigint NOT NULL DEFAULT 1, updated_at timestamptz NOT NULL DEFAULT now())",
        "CREATE TABLE IF NOT EXISTS {s}.lp_indicator (indicator_id " + identity + ", "
        "plan_id bigint NOT NULL REFERENCES {s}.lp_plan (plan_id) ON DELETE CASCADE, seq integer, category text, "
        "name text NOT NULL CHECK (btrim(name) <> ''), unit text, base_value double precision, base_text text, "
        "target_value double precision, target_text text, "
        "comparator text CHECK (comparator IN (" + quoted_comparators + ")), "
        "attribute text CHECK (attribute IN (" + quoted_attributes + ")), "
        "cumulative smallint CHECK (cumulative IN (0, 1)), measure text, note text, "
        "row_version bigint NOT NULL DEFAULT 1, updated_at timestamptz NOT NULL DEFAULT now(), "
        "UNIQUE (plan_id, name))",
        "CREATE TABLE IF NOT EXISTS {s}.lp_observation (observation_id " + identity + ", "
        "indicator_id bigint NOT NULL REFERENCES {s}.lp_indicator (indicator_id) ON DELETE CASCADE, "
        "year integer NOT NULL, value double precision, source text NOT NULL, "
        "recorded_at timestamptz NOT NULL DEFAULT now(), note text, row_version bigint NOT NULL DEFAULT 1, "
        "UNIQUE (indicator_id, year, source))",
        "CREATE TABLE IF NOT EXISTS {s}.lp_audit (audit_id " + identity + ", table_name text NOT NULL, "
        "row_id bigint, field text, old_value text, new_value text, "
        "changed_at timestamptz NOT NULL DEFAULT now(), os_user text NOT NULL DEFAULT session_user)",
        "CREATE INDEX IF NOT EXISTS lp_audit_row ON {s}.lp_audit (table_name, row_id)",
        # every update bumps the version, whoever makes it
        "CREATE OR REPLACE FUNCTION {s}.lp_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "NEW.row_version := OLD.row_version + 1; RETURN NEW; END $$",
        "CREATE OR REPLACE FUNCTION {s}.lp_stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "NEW.updated_at := now(); RETURN NEW; END $$",
        # audit and notify: SECURITY DEFINER, so only this function writes lp_audit
        "CREATE OR REPLACE FUNCTION {s}.lp_audit_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
        "SET search_path = pg_catalog, pg_temp AS $$ "
        "DECLARE key_field text := TG_ARGV[0]; "
        "old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END; "
        "new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END; "
        "row_key bigint := (coalesce(new_row, old_row) ->> key_field)::bigint; "
        "plan bigint := (coalesce(new_row, old_row) ->> 'plan_id')::bigint; "
        "BEGIN "
        "INSERT INTO {s}.lp_audit (table_name, row_id, field, old_value, new_value, changed_at, os_user) "
        "SELECT TG_TABLE_NAME, row_key, f.key, old_row ->> f.key, new_row ->> f.key, now(), session_user "
        "FROM jsonb_object_keys(coalesce(new_row, old_row)) AS f(key) "
        "WHERE f.key NOT IN ('row_version', 'updated_at', 'recorded_at', key_field) "
        "AND (old_row ->> f.key) IS DISTINCT FROM (new_row ->> f.key); "
        "PERFORM pg_notify('" + CHANNEL + "', json_build_object('schema', TG_TABLE_SCHEMA, 'table', TG_TABLE_NAME, "
        "'op', TG_OP, 'id', row_key, 'plan_id', plan, 'user', session_user)::text); "
        "RETURN NULL; END $$",
    ] + [
        statement
        for table, key, stamped in (
            ("lp_plan", "plan_id", True),
            ("lp_indicator", "indicator_id", True),
            ("lp_observation", "observation_id", False),
        )
        for statement in (
            "DROP TRIGGER IF EXISTS lp_bump ON {s}." + table,
            "CREATE TRIGGER lp_bump BEFORE UPDATE ON {s}." + table + " FOR EACH ROW EXECUTE FUNCTION {s}.lp_bump()",
            "DROP TRIGGER IF EXISTS lp_stamp ON {s}." + table,
            "DROP TRIGGER IF EXISTS lp_audit ON {s}." + table,
            "CREATE TRIGGER lp_audit AFTER INSERT OR UPDATE OR DELETE ON {s}."
            + table
            + " FOR EACH ROW EXECUTE FUNCTION {s}.lp_audit_row('"
            + key
            + "')",
        )
        + (
            ("CREATE TRIGGER lp_stamp BEFORE UPDATE ON {s}." + table + " FOR EACH ROW EXECUTE FUNCTION {s}.lp_stamp()",)
            if stamped
            else ()
        )
    ]


def role_names(schema, editor_role=None, viewer_role=None):
    return editor_role or "{}_editor".format(schema), viewer_role or "{}_viewer".format(schema)


def initialise(location, editor_role=None, viewer_role=None):
    """Create (or bring up to date) the store in ``location.schema`` and the
    two roles with their grants.  Idempotent; one transaction.  Needs a login
    that may create schemas and roles (the bureau's database owner).
    Returns (editor role, viewer role)."""
    psycopg2 = _psycopg2()
    editor, viewer = role_names(location.schema, editor_role, viewer_role)
    raw = connect_raw(location)
    try:
        with raw:
            with raw.cursor() as cursor:
                schema = _quote(raw, location.schema)
                for statement in _ddl(location.schema):
                    cursor.execute(statement.replace("{s}", schema))
                cursor.execute(
                    "INSERT INTO {}.lp_meta (key, value) VALUES ('schema_version', %s) "
                    "ON CONFLICT (key) DO NOTHING".format(schema),
                    (str(SCHEMA_VERSION),),
                )
                for role in (editor, viewer):
                    cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
                    if cursor.fetchone() is None:
                        cursor.execute("CREATE ROLE {} NOLOGIN".format(_quote(raw, role)))
                editor_q, viewer_q = _quote(raw, editor), _quote(raw, viewer)
                for role in (editor_q, viewer_q):
                    cursor.execute("GRANT USAGE ON SCHEMA {} TO {}".format(schema, role))
                    cursor.execute("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}".format(schema, role))
                cursor.execute(
                    "GRANT INSERT, UPDATE, DELETE ON {0}.lp_plan, {0}.lp_indicator, {0}.lp_observation TO {1}".format(
                        schema, editor_q
                    )
                )
                cursor.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA {} TO {}".format(schema, editor_q))
                # nobody but the owner writes the audit, the meta table or the functions
                cursor.execute(
                    "REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {0}.lp_audit, {0}.lp_meta FROM {1}, {2}".format(
                        schema, editor_q, viewer_q
                    )
                )
                cursor.execute("REVOKE ALL ON FUNCTION {}.lp_audit_row() FROM PUBLIC".format(schema))
    except psycopg2.Error as error:
        raise translate_error(error, location) from error
    finally:
        raw.close()
    return editor, viewer
