"""Shared helpers of the indicator algorithms."""

from qgis.core import QgsProcessingException

from ...core.i18n import tr
from ...core.indicators.store import IndicatorStore, StoreError


def open_store(path, create=False):
    if not path:
        raise QgsProcessingException(tr("Choose the indicator store (GeoPackage)."))
    try:
        return IndicatorStore(path, create=create)
    except StoreError as error:
        raise QgsProcessingException(tr("Cannot open the indicator store: {}").format(error)) from error


def plan_or_raise(store, name):
    plan = store.plan(name)
    if plan is None:
        known = ", ".join(p["name"] for p in store.plans()) or "—"
        raise QgsProcessingException(tr("No plan “{}” in the store (plans: {}).").format(name, known))
    return plan
