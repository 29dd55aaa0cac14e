"""The indicator store: five tables (a contract), in a GeoPackage (the
default, one person) or in a PostgreSQL schema (a bureau's shared store,
core.indicators.pg_store).

* ``lp_plan`` (plan_id, name unique, region_code, region_name, level,
  base_year, target_year, note)
* ``lp_indicator`` (indicator_id, plan_id, seq, category, name unique within a
  plan, unit, base_value, base_text, target_value, target_text, comparator,
  attribute, cumulative, measure, note)
* ``lp_observation`` (observation_id, indicator_id, year, value, source,
  recorded_at, note) – one value per indicator, year and source
* ``lp_audit`` (audit_id, table_name, row_id, field, old_value, new_value,
  changed_at, os_user) – every insert, update and delete
* ``lp_meta`` (key, value) – schema_version

Tables are created through OGR so they are registered in gpkg_contents as
attribute tables (QGIS and OGR open them as layers); writes then go through
SQLite transactions (``BEGIN IMMEDIATE``: a second writer waits, then fails
cleanly instead of corrupting anything).  Each row carries ``row_version``:
an update or delete states the version it was read at, and is refused when
someone else changed the row in between (optimistic locking).

The rules (validation, version checks, upserts, the dock's save) live once,
in ``StoreRules``; a back end supplies connections, transactions, the
insert statement and the audit (written here for GeoPackages, by database
triggers on PostgreSQL so that edits made outside LandPlan are audited too).
``open_store`` picks the back end from the location.
"""

import datetime
import getpass
import os
import sqlite3
from contextlib import contextmanager

SCHEMA_VERSION = 1

# How long a write waits for another program's lock before it is refused
# (SQLite's busy timeout; documented in the README).
BUSY_TIMEOUT_S = 10.0

SQLITE_HEADER = b"SQLite format 3\x00"

TABLES = {
    "lp_plan": (
        "plan_id",
        [
            ("name", "TEXT"),
            ("region_code", "TEXT"),
            ("region_name", "TEXT"),
            ("level", "TEXT"),
            ("base_year", "INTEGER"),
            ("target_year", "INTEGER"),
            ("note", "TEXT"),
            ("row_version", "INTEGER"),
            ("updated_at", "TEXT"),
        ],
    ),
    "lp_indicator": (
        "indicator_id",
        [
            ("plan_id", "INTEGER"),
            ("seq", "INTEGER"),
            ("category", "TEXT"),
            ("name", "TEXT"),
            ("unit", "TEXT"),
            ("base_value", "REAL"),
            ("base_text", "TEXT"),
            ("target_value", "REAL"),
            ("target_text", "TEXT"),
            ("comparator", "TEXT"),
            ("attribute", "TEXT"),
            ("cumulative", "INTEGER"),
            ("measure", "TEXT"),
            ("note", "TEXT"),
            ("row_version", "INTEGER"),
            ("updated_at", "TEXT"),
        ],
    ),
    "lp_observation": (
        "observation_id",
        [
            ("indicator_id", "INTEGER"),
            ("year", "INTEGER"),
            ("value", "REAL"),
            ("source", "TEXT"),
            ("recorded_at", "TEXT"),
            ("note", "TEXT"),
            ("row_version", "INTEGER"),
        ],
    ),
    "lp_audit": (
        "audit_id",
        [
            ("table_name", "TEXT"),
            ("row_id", "INTEGER"),
            ("field", "TEXT"),
            ("old_value", "TEXT"),
            ("new_value", "TEXT"),
            ("changed_at", "TEXT"),
            ("os_user", "TEXT"),
        ],
    ),
    "lp_meta": ("meta_id", [("key", "TEXT"), ("value", "TEXT")]),
}

INDEXES = (
    "CREATE UNIQUE INDEX IF NOT EXISTS lp_plan_name ON lp_plan(name)",
    "CREATE UNIQUE INDEX IF NOT EXISTS lp_indicator_plan_name ON lp_indicator(plan_id, name)",
    "CREATE UNIQUE INDEX IF NOT EXISTS lp_observation_key ON lp_observation(indicator_id, year, source)",
)

ATTRIBUTES = ("约束性", "预期性", "建议性")
COMPARATORS = (">=", "<=", "=")


class StoreError(Exception):
    pass


class ConflictError(StoreError):
    """Someone else changed the row since it was read."""

    def __init__(self, message, name=None, user=None, when=None):
        super().__init__(message)
        self.name, self.user, self.when = name, user, when


class StoreBusyError(StoreError):
    """Another program holds the store's write lock (after waiting)."""

    def __init__(self, message, path, waited):
        super().__init__(message)
        self.path, self.waited = path, waited


class StorePermissionError(StoreError):
    """The database refused the write: the user may only read (a viewer)."""


class NotAStoreError(StoreError):
    """The file exists but is not a LandPlan store (nothing was written)."""


def inspect_file(path):
    """What ``path`` is: 'missing', 'store', 'empty' (a GeoPackage without
    tables), 'geopackage' (a GeoPackage with other data) or 'other'.

    Read-only: the file is opened with mode=ro and never modified."""
    if not os.path.exists(path):
        return "missing"
    if os.path.isdir(path):
        return "other"
    try:
        with open(path, "rb") as handle:
            header = handle.read(16)
    except OSError:
        return "other"
    if header == b"":
        return "empty"
    if header != SQLITE_HEADER:
        return "other"
    try:
        conn = sqlite3.connect(_readonly_uri(path), uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            # held by another writer: that says nothing about what the file is
            raise StoreBusyError(
                "the indicator store {} is locked by another program or user; waited {:g} s ({})".format(
                    path, BUSY_TIMEOUT_S, error
                ),
                path,
                BUSY_TIMEOUT_S,
            ) from error
        return "other"
    except sqlite3.DatabaseError:
        return "other"
    if "gpkg_contents" not in names:
        return "other"
    if {"lp_meta", "lp_plan", "lp_indicator"} <= names:
        return "store"
    if names & set(TABLES):
        return "store"  # an incomplete store (interrupted creation): completed on open
    user_tables = {n for n in names if not n.startswith(("gpkg_", "rtree_", "sqlite_"))}
    return "geopackage" if user_tables else "empty"


def _readonly_uri(path):
    from urllib.parse import quote

    return "file:{}?mode=ro".format(quote(os.path.abspath(path)))


def _now():
    return datetime.datetime.now().isoformat(timespec="seconds")


def _user():
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some service contexts
        return os.environ.get("USERNAME") or os.environ.get("USER") or ""


def _create_tables(path):
    from osgeo import ogr

    driver = ogr.GetDriverByName("GPKG")
    exists = os.path.exists(path)
    ds = driver.Open(path, 1) if exists else driver.CreateDataSource(path)
    if ds is None:
        raise StoreError("cannot open or create the GeoPackage {}".format(path))
    kinds = {"TEXT": ogr.OFTString, "INTEGER": ogr.OFTInteger64, "REAL": ogr.OFTReal}
    for name, (fid, columns) in TABLES.items():
        if ds.GetLayerByName(name) is not None:
            continue
        layer = ds.CreateLayer(name, None, ogr.wkbNone, options=["FID=" + fid])
        for column, kind in columns:
            layer.CreateField(ogr.FieldDefn(column, kinds[kind]))
    ds = None


class StoreRules:
    """What every back end shares: reads, validated writes, version checks
    and the dock's one-transaction save.  A back end supplies ``connect``
    (a connection whose ``execute(sql, args)`` takes ``?`` placeholders and
    yields rows readable as mappings), ``transaction``, ``_insert``,
    ``_audit`` and ``LOCK`` (the clause that locks a row read for an update)."""

    LOCK = ""
    location = ""

    @contextmanager
    def _reading(self):
        """The open transaction's connection (its own writes are visible),
        or a short-lived one."""
        if self._active is not None:
            yield self._active
            return
        conn = self.connect()
        try:
            yield conn
        finally:
            conn.close()

    def can_write(self):
        return not self.readonly

    # -- plans --------------------------------------------------------------------------
    def plans(self):
        with self._reading() as conn:
            return [dict(r) for r in conn.execute("SELECT * FROM lp_plan ORDER BY name")]

    def plan(self, name):
        with self._reading() as conn:
            row = conn.execute("SELECT * FROM lp_plan WHERE name = ?", (name,)).fetchone()
            return dict(row) if row else None

    def upsert_plan(self, name, **fields):
        with self.transaction() as conn:
            return self._upsert(conn, "lp_plan", "plan_id", {"name": name}, fields)

    # -- indicators -------------------------------------------------------------------
    def indicators(self, plan_id):
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT * FROM lp_indicator WHERE plan_id = ? ORDER BY seq IS NULL, seq, indicator_id", (plan_id,)
            )
            return [dict(r) for r in rows]

    def indicator(self, indicator_id):
        with self._reading() as conn:
            row = conn.execute("SELECT * FROM lp_indicator WHERE indicator_id = ?", (indicator_id,)).fetchone()
            return dict(row) if row else None

    def upsert_indicator(self, plan_id, name, **fields):
        validate_indicator(fields)
        with self.transaction() as conn:
            return self._upsert(conn, "lp_indicator", "indicator_id", {"plan_id": plan_id, "name": name}, fields)

    def update_indicator(self, indicator_id, changes, expected_version):
        """Change fields of one indicator; refused when its row_version is no
        longer ``expected_version`` (someone else saved in between)."""
        validate_indicator(changes)
        with self.transaction() as conn:
            return self._update(conn, "lp_indicator", "indicator_id", indicator_id, changes, expected_version)

    def delete_indicator(self, indicator_id, expected_version):
        with self.transaction() as conn:
            self._delete_indicator(conn, indicator_id, expected_version)

    def _delete_indicator(self, conn, indicator_id, expected_version):
        row = conn.execute("SELECT * FROM lp_indicator WHERE indicator_id = ?" + self.LOCK, (indicator_id,)).fetchone()
        if row is None:
            raise ConflictError("indicator {} was deleted by someone else".format(indicator_id), str(indicator_id))
        if row["row_version"] != expected_version:
            raise self._conflict(conn, "lp_indicator", indicator_id, row["name"], row["updated_at"])
        for obs in conn.execute(
            "SELECT observation_id FROM lp_observation WHERE indicator_id = ?", (indicator_id,)
        ).fetchall():
            conn.execute("DELETE FROM lp_observation WHERE observation_id = ?", (obs["observation_id"],))
            self._audit(conn, "lp_observation", obs["observation_id"], {"*": ("row", None)})
        conn.execute("DELETE FROM lp_indicator WHERE indicator_id = ?", (indicator_id,))
        self._audit(conn, "lp_indicator", indicator_id, {k: (row[k], None) for k in row.keys() if row[k] is not None})

    def apply_edits(self, plan_id, changes=None, added=(), deleted=(), expected_versions=None):
        """Save a user's edits of one plan as one transaction (the dock's save).

        ``changes``: {indicator_id: {field: new value}}; ``added``: [fields];
        ``deleted``: [indicator_id]; ``expected_versions``: {indicator_id:
        row_version when read}.  The version check (rows locked), the
        writes, the version bumps and the audit rows commit together, so of
        two editors saving the same row from the same version exactly one
        wins and the other gets ConflictError, whatever the timing."""
        changes = changes or {}
        expected_versions = expected_versions or {}
        for fields in list(changes.values()) + list(added):
            validate_indicator(fields)
        with self.transaction() as conn:
            for indicator_id in list(changes) + list(deleted):
                row = conn.execute(
                    "SELECT name, row_version, updated_at FROM lp_indicator WHERE indicator_id = ?" + self.LOCK,
                    (indicator_id,),
                ).fetchone()
                if row is None:
                    raise ConflictError(
                        "indicator {} was deleted by someone else".format(indicator_id), str(indicator_id)
                    )
                if row["row_version"] != expected_versions.get(indicator_id):
                    raise self._conflict(conn, "lp_indicator", indicator_id, row["name"], row["updated_at"])
            for indicator_id, fields in changes.items():
                self._update(
                    conn, "lp_indicator", "indicator_id", indicator_id, fields, expected_versions[indicator_id]
                )
            for indicator_id in deleted:
                self._delete_indicator(conn, indicator_id, expected_versions[indicator_id])
            for fields in added:
                fields = dict(fields)
                name = fields.pop("name", None)
                if not name:
                    raise StoreError("an indicator needs a name")
                exists = conn.execute(
                    "SELECT 1 AS hit FROM lp_indicator WHERE plan_id = ? AND name = ?", (plan_id, name)
                ).fetchone()
                if exists:
                    raise StoreError("the plan already has an indicator named “{}”".format(name))
                self._upsert(conn, "lp_indicator", "indicator_id", {"plan_id": plan_id, "name": name}, fields)

    # -- observations -------------------------------------------------------------------
    def observations(self, indicator_id):
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT * FROM lp_observation WHERE indicator_id = ? ORDER BY year, source", (indicator_id,)
            )
            return [dict(r) for r in rows]

    def record_observation(self, indicator_id, year, value, source="manual", note=None):
        with self.transaction() as conn:
            return self._upsert(
                conn,
                "lp_observation",
                "observation_id",
                {"indicator_id": indicator_id, "year": int(year), "source": source},
                {"value": value, "note": note, "recorded_at": _now()},
                versioned_time=False,
            )

    def latest_observation(self, indicator_id, year=None):
        """Latest value (by year, then recorded_at) up to ``year``."""
        with self._reading() as conn:
            sql = "SELECT * FROM lp_observation WHERE indicator_id = ? AND value IS NOT NULL"
            args = [indicator_id]
            if year is not None:
                sql += " AND year <= ?"
                args.append(int(year))
            sql += " ORDER BY year DESC, recorded_at DESC LIMIT 1"
            row = conn.execute(sql, args).fetchone()
            return dict(row) if row else None

    def audit_rows(self, table=None):
        with self._reading() as conn:
            if table:
                rows = conn.execute("SELECT * FROM lp_audit WHERE table_name = ? ORDER BY audit_id", (table,))
            else:
                rows = conn.execute("SELECT * FROM lp_audit ORDER BY audit_id")
            return [dict(r) for r in rows]

    def last_change(self, table, row_id):
        """(user, time) of the latest audited change of a row, or (None, None)."""
        with self._reading() as conn:
            row = conn.execute(
                "SELECT os_user, changed_at FROM lp_audit WHERE table_name = ? AND row_id = ? "
                "ORDER BY audit_id DESC LIMIT 1",
                (table, row_id),
            ).fetchone()
        return (row["os_user"], row["changed_at"]) if row else (None, None)

    # -- internals --------------------------------------------------------------------------
    def _conflict(self, conn, table, row_id, name, updated_at):
        """ConflictError naming the row and, when the audit knows, who changed it."""
        row = conn.execute(
            "SELECT os_user FROM lp_audit WHERE table_name = ? AND row_id = ? ORDER BY audit_id DESC LIMIT 1",
            (table, row_id),
        ).fetchone()
        user = row["os_user"] if row else None
        return ConflictError(
            "“{}” was changed by {} at {}; your edits were not saved – reload and try again".format(
                name, user or "someone else", updated_at or "?"
            ),
            name,
            user=user,
            when=updated_at,
        )

    def _upsert(self, conn, table, key, identity, fields, versioned_time=True):
        where = " AND ".join("{} = ?".format(k) for k in identity)
        row = conn.execute(
            "SELECT * FROM {} WHERE {}{}".format(table, where, self.LOCK), tuple(identity.values())
        ).fetchone()
        if row is None:
            values = dict(identity)
            values.update(fields)
            values["row_version"] = 1
            if versioned_time:
                values["updated_at"] = _now()
            row_id = self._insert(conn, table, key, values)
            self._audit(
                conn, table, row_id, {k: (None, v) for k, v in values.items() if v is not None and k != "updated_at"}
            )
            return row_id
        changes = {k: v for k, v in fields.items() if row[k] != v and k != "recorded_at"}
        if not changes:
            return row[key]
        return self._update(conn, table, key, row[key], dict(fields), row["row_version"], versioned_time)

    def _update(self, conn, table, key, row_id, changes, expected_version, versioned_time=True):
        row = conn.execute("SELECT * FROM {} WHERE {} = ?{}".format(table, key, self.LOCK), (row_id,)).fetchone()
        if row is None:
            raise ConflictError("row {} of {} was deleted by someone else".format(row_id, table), str(row_id))
        if row["row_version"] != expected_version:
            name = row["name"] if "name" in row.keys() else str(row_id)
            raise self._conflict(conn, table, row_id, name, row["updated_at"] if "updated_at" in row.keys() else None)
        diff = {k: (row[k], v) for k, v in changes.items() if row[k] != v}
        if not diff:
            return row_id
        values = {k: v for k, (_old, v) in diff.items()}
        values["row_version"] = expected_version + 1
        if versioned_time:
            values["updated_at"] = _now()
        assignments = ", ".join("{} = ?".format(k) for k in values)
        # compare-and-set in the statement itself: a row changed in between
        # (whatever the isolation) updates nothing and is refused
        cursor = conn.execute(
            "UPDATE {} SET {} WHERE {} = ? AND row_version = ?".format(table, assignments, key),
            tuple(values.values()) + (row_id, expected_version),
        )
        if cursor.rowcount != 1:
            raise ConflictError("row {} of {} was changed by someone else".format(row_id, table), str(row_id))
        self._audit(conn, table, row_id, {k: v for k, v in diff.items() if k != "recorded_at"})
        return row_id


class IndicatorStore(StoreRules):
    """A GeoPackage store at ``path``.

    * ``create``: a missing file (or an empty GeoPackage) becomes a new store;
    * ``adopt``: the lp_* tables may be added to a GeoPackage holding other
      data (only on the user's explicit request: ADD_TO_EXISTING);
    * ``readonly``: opened with SQLite's mode=ro – for algorithms that only
      read; nothing can be written, not even the schema.

    Anything else that is not a store is refused with NotAStoreError before a
    byte is written."""

    kind = "gpkg"

    def __init__(self, path, create=True, adopt=False, readonly=False, busy_timeout=BUSY_TIMEOUT_S):
        self.path = str(path)
        self.location = self.path
        self.readonly = readonly
        self.busy_timeout = busy_timeout
        self._active = None  # the connection of the open transaction, if any
        kind = inspect_file(self.path)
        if kind == "missing" and (readonly or not create):
            raise StoreError("no indicator store at {}".format(self.path))
        if kind == "other":
            raise NotAStoreError("{} is not a GeoPackage; nothing was written".format(self.path))
        if kind == "empty" and (readonly or not create):
            raise NotAStoreError("{} is an empty GeoPackage, not an indicator store".format(self.path))
        if kind == "geopackage" and (readonly or not adopt):
            raise NotAStoreError(
                "{} is a GeoPackage of other data, not a LandPlan indicator store; nothing was written{}".format(
                    self.path,
                    ""
                    if readonly or not create
                    else " (to keep the indicators in it, tick “Add to an existing GeoPackage”)",
                )
            )
        if readonly:
            self.schema_version()  # fails now, with a message, if it cannot be read
            return
        if kind == "empty" and os.path.getsize(self.path) == 0:
            os.remove(self.path)  # a zero-byte file (e.g. from a save dialog): OGR cannot open it
        _create_tables(self.path)
        with self.transaction() as conn:
            for statement in INDEXES:
                conn.execute(statement)
            row = conn.execute("SELECT value FROM lp_meta WHERE key = 'schema_version'").fetchone()
            if row is None:
                conn.execute("INSERT INTO lp_meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            elif int(row[0]) > SCHEMA_VERSION:
                raise StoreError("the store was written by a newer LandPlan (schema {})".format(row[0]))

    # -- connection and transactions ------------------------------------------------
    def connect(self):
        if self.readonly:
            conn = sqlite3.connect(_readonly_uri(self.path), uri=True, timeout=self.busy_timeout, isolation_level=None)
        else:
            conn = sqlite3.connect(self.path, timeout=self.busy_timeout, isolation_level=None)
        conn.row_factory = sqlite3.Row
        return conn

    def can_write(self):
        return not self.readonly and os.access(self.path, os.W_OK)

    @contextmanager
    def transaction(self):
        """One write transaction.  Nested calls join the open one, so a
        caller can make a whole import all-or-nothing.  A store another
        program holds is waited for (the connection's 10 s timeout) and then
        refused with StoreError; a failed BEGIN never reaches ROLLBACK."""
        if self._active is not None:
            yield self._active
            return
        if self.readonly:
            raise StoreError("the indicator store {} was opened read-only".format(self.path))
        conn = self.connect()
        try:
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                raise StoreBusyError(
                    "the indicator store {} is locked by another program or user (another QGIS saving, or a "
                    "database tool with an open transaction); waited {:g} s ({}); try again later".format(
                        self.path, self.busy_timeout, error
                    ),
                    self.path,
                    self.busy_timeout,
                ) from error
            self._active = conn
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        finally:
            self._active = None
            conn.close()

    def schema_version(self):
        conn = self.connect()
        try:
            return int(conn.execute("SELECT value FROM lp_meta WHERE key = 'schema_version'").fetchone()[0])
        finally:
            conn.close()

    def _insert(self, conn, table, key, values, keep_stamps=False):
        del keep_stamps  # a GeoPackage always stores the stamps it is given
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cursor = conn.execute("INSERT INTO {} ({}) VALUES ({})".format(table, columns, marks), tuple(values.values()))
        return cursor.lastrowid

    def _audit(self, conn, table, row_id, changes):
        user, now = _user(), _now()
        for field, (old, new) in changes.items():
            conn.execute(
                "INSERT INTO lp_audit(table_name, row_id, field, old_value, new_value, changed_at, os_user) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (table, row_id, field, None if old is None else str(old), None if new is None else str(new), now, user),
            )


def open_store(location, **options):
    """The store at ``location``: a GeoPackage path, or a
    pg_store.PgLocation (a PostgreSQL conninfo and schema)."""
    from .pg_store import PgLocation, PostgresStore

    if isinstance(location, PgLocation):
        options.pop("adopt", None)
        options.pop("busy_timeout", None)
        return PostgresStore(location, **options)
    return IndicatorStore(location, **options)


def validate_indicator(fields):
    """Refuse values that cannot be valid, with the reason."""
    attribute = fields.get("attribute")
    if attribute not in (None, "") and attribute not in ATTRIBUTES:
        raise StoreError("属性 must be one of {} (got {!r})".format("/".join(ATTRIBUTES), attribute))
    comparator = fields.get("comparator")
    if comparator not in (None, "") and comparator not in COMPARATORS:
        raise StoreError("comparator must be one of >=, <=, = (got {!r})".format(comparator))
    for name in ("base_value", "target_value"):
        value = fields.get(name)
        if value is not None and not isinstance(value, (int, float)):
            raise StoreError("{} must be a number or empty (got {!r})".format(name, value))
    cumulative = fields.get("cumulative")
    if cumulative not in (None, 0, 1, True, False):
        raise StoreError("cumulative must be 0 or 1 (got {!r})".format(cumulative))
