"""Shared helpers of the indicator algorithms."""

from qgis.core import QgsProcessingException

from ...core.i18n import tr
from ...core.indicators.store import IndicatorStore, NotAStoreError, StoreBusyError, StoreError


def store_error_text(error):
    """A store error in the user's language (the busy case is the one users meet)."""
    if isinstance(error, StoreBusyError):
        return tr(
            "The indicator store {} is locked by another program or user (another QGIS saving, or a database "
            "tool with an open transaction); waited {:g} s. Try again later."
        ).format(error.path, error.waited)
    return str(error)


def open_store(path, create=False, adopt=False, readonly=False):
    """The store at ``path``: read-only for algorithms that only read; only
    importindicators creates one.  A file that is not a store is refused
    before anything is written to it."""
    if not path:
        raise QgsProcessingException(tr("Choose the indicator store (GeoPackage)."))
    try:
        return IndicatorStore(path, create=create, adopt=adopt, readonly=readonly)
    except NotAStoreError as error:
        hint = (
            tr("tick “Add the indicator tables to an existing GeoPackage of other data” to keep the indicators in it")
            if create and not adopt
            else tr("import an indicator table into it first (Import plan indicators)")
        )
        raise QgsProcessingException(
            tr("{} is not a LandPlan indicator store; nothing was written to it ({}).").format(path, hint)
        ) from error
    except StoreError as error:
        raise QgsProcessingException(
            tr("Cannot open the indicator store: {}").format(store_error_text(error))
        ) from error


def plan_or_raise(store, name):
    plan = store.plan(name)
    if plan is None:
        known = ", ".join(p["name"] for p in store.plans()) or "—"
        raise QgsProcessingException(tr("No plan “{}” in the store (plans: {}).").format(name, known))
    return plan
