"""@@report-listing: the reports a collection finds, a page at a time (the library's search, R9.10d).

Every row comes from the catalog brain alone: the library holds tens of thousands of reports and
none is woken up. collectionfilter's portlets narrow the rows through the request (its
`contentFilter`) and reload `#content-core`, which main_template puts around the `content-core`
slot: everything that changes with a filter lives in that slot.
"""

from akimat.content import _
from akimat.content.browser.formatting import MONTHS
from akimat.content.library.facets import department_title
from akimat.content.library.facets import file_type_title
from akimat.content.library.facets import report_state_title
from plone.app.contenttypes.browser.collection import CollectionView
from plone.dexterity.content import FLOOR_DATE
from plone.memoize.instance import memoize
from zope.i18n import translate


class ReportListing(CollectionView):
    def results(self, **kwargs):
        kwargs.setdefault("brains", True)
        return super().results(**kwargs)

    @memoize
    def batch(self):
        return self.results()

    def row(self, brain):
        return {
            "title": brain.Title,
            "url": brain.getURL(),
            "department": self._department(brain.department),
            "period": self.period(
                brain.period_kind, brain.report_period, brain.report_year
            ),
            "file_types": ", ".join(map(file_type_title, brain.file_types or ())),
            "state": self._state(brain.review_state),
            "state_class": f"state-{brain.review_state}",
            # A draft has no effective date yet: Dexterity then gives the floor date.
            "date": brain.effective.strftime("%d.%m.%Y")
            if brain.effective > FLOOR_DATE
            else "",
        }

    def period(self, kind, number, year):
        """«Март 2026», «2 квартал 2026 г.», «1 полугодие 2026 г.», «2026 год»."""
        if kind == "month" and number:
            month = translate(MONTHS[number - 1], context=self.request)
            message = _("${month} ${year}", mapping={"month": month, "year": year})
        elif kind == "quarter":
            message = _(
                "Quarter ${quarter} of ${year}",
                mapping={"quarter": number, "year": year},
            )
        elif kind == "half-year":
            message = _(
                "Half-year ${half} of ${year}", mapping={"half": number, "year": year}
            )
        else:
            message = _("Year ${year}", mapping={"year": year})
        return translate(message, context=self.request)

    @memoize
    def _department(self, group_id):
        return department_title(group_id)

    @memoize
    def _state(self, state):
        return report_state_title(state)
