"""Copy a whole indicator store between back ends (GeoPackage ⇄ PostgreSQL).

Every plan with its indicators and yearly values moves, with row versions
and time stamps, and so does the audit history: an audit row points at the
copied row (ids are new in the target), or at nothing when its row no
longer exists (the history of deleted rows is kept, its values say what it
was).  The whole copy is one transaction in the target: a failure or a kill
leaves the target as it was.  A plan the target already has is refused
unless ``replace`` is given; then that plan is replaced as a whole.

The copy itself is recorded in the target: on PostgreSQL its triggers audit
the inserted rows (login, server time); in a GeoPackage one audit row per
plan says where it was copied from.
"""

from .store import TABLES, StoreError, _now, _user


def _columns(table, *left_out):
    """The table's own columns (store.TABLES) without the ones the copy sets."""
    return tuple(c for c, _kind in TABLES[table][1] if c not in left_out)


STAMPS = ("row_version", "updated_at")
PLAN_COLUMNS = _columns("lp_plan", *STAMPS)
INDICATOR_COLUMNS = _columns("lp_indicator", *STAMPS)  # plan_id included: set to the new plan's id
OBSERVATION_COLUMNS = _columns("lp_observation", *STAMPS)  # indicator_id included: set to the new id
AUDIT_COLUMNS = _columns("lp_audit", "row_id")  # row_id is remapped once the rows have new ids


class PlanExistsError(StoreError):
    def __init__(self, names):
        super().__init__(
            "the target store already has {}; tick “Replace plans that exist” to overwrite them".format(
                "、".join(names)
            )
        )
        self.names = names


def copy_store(source, target, replace=False, feedback=None):
    """Copy every plan of ``source`` into ``target``; returns counts."""
    plans = source.plans()
    existing = {p["name"]: p for p in target.plans()}
    clashes = [p["name"] for p in plans if p["name"] in existing]
    if clashes and not replace:
        raise PlanExistsError(clashes)
    counts = {"plans": 0, "indicators": 0, "observations": 0, "audit": 0}
    new_ids = {"lp_plan": {}, "lp_indicator": {}, "lp_observation": {}}
    with target.transaction() as conn:
        # history first (it happened first); its row ids are set once the rows have their new ids
        history = []
        for row in source.audit_rows():
            values = {k: row[k] for k in AUDIT_COLUMNS}
            history.append((_insert_audit(target, conn, values), row["table_name"], row["row_id"]))
            counts["audit"] += 1
        for name in clashes:
            _delete_plan(target, conn, existing[name]["plan_id"])
        for number, plan in enumerate(plans):
            if feedback is not None and feedback.isCanceled():
                raise StoreError("cancelled: nothing was copied")
            plan_id = _insert(target, conn, "lp_plan", "plan_id", plan, PLAN_COLUMNS)
            new_ids["lp_plan"][plan["plan_id"]] = plan_id
            counts["plans"] += 1
            for indicator in source.indicators(plan["plan_id"]):
                values = dict(indicator, plan_id=plan_id)
                indicator_id = _insert(target, conn, "lp_indicator", "indicator_id", values, INDICATOR_COLUMNS)
                new_ids["lp_indicator"][indicator["indicator_id"]] = indicator_id
                counts["indicators"] += 1
                for observation in source.observations(indicator["indicator_id"]):
                    values = dict(observation, indicator_id=indicator_id)
                    new_ids["lp_observation"][observation["observation_id"]] = _insert(
                        target,
                        conn,
                        "lp_observation",
                        "observation_id",
                        values,
                        OBSERVATION_COLUMNS + ("indicator_id",),
                    )
                    counts["observations"] += 1
            # a no-op on PostgreSQL, whose triggers audit the inserts themselves
            target._audit(conn, "lp_plan", plan_id, {"*": (None, "copied from {}".format(source.location))})
            if feedback is not None:
                feedback.setProgress(80.0 * (number + 1) / max(len(plans), 1))
        for audit_id, table, old_id in history:
            new_id = new_ids.get(table, {}).get(old_id)
            if new_id is not None:
                conn.execute("UPDATE lp_audit SET row_id = ? WHERE audit_id = ?", (new_id, audit_id))
    return counts


def _insert(target, conn, table, key, row, columns):
    values = {c: row.get(c) for c in columns}
    values["row_version"] = row.get("row_version") or 1
    if "updated_at" in row:
        values["updated_at"] = row["updated_at"] or _now()
    return target._insert(conn, table, key, values, keep_stamps=True)


def _insert_audit(target, conn, values):
    values = dict(values)
    values["changed_at"] = values.get("changed_at") or _now()
    values["os_user"] = values.get("os_user") or _user()
    return target._insert(conn, "lp_audit", "audit_id", values, keep_stamps=True)


def _delete_plan(target, conn, plan_id):
    """Remove a plan being replaced, children first (a GeoPackage has no
    cascading keys; on PostgreSQL the triggers audit each row)."""
    conn.execute(
        "DELETE FROM lp_observation WHERE indicator_id IN (SELECT indicator_id FROM lp_indicator WHERE plan_id = ?)",
        (plan_id,),
    )
    conn.execute("DELETE FROM lp_indicator WHERE plan_id = ?", (plan_id,))
    target._audit(conn, "lp_plan", plan_id, {"*": ("plan", "replaced by a copy")})
    conn.execute("DELETE FROM lp_plan WHERE plan_id = ?", (plan_id,))
