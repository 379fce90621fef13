"""A guide page's public case figures, pulled in by the template so content never imports cases."""

from django import template

from intranet.cases.figures import guide_figures

register = template.Library()


@register.inclusion_tag("cases/public/_guide_figures.html")
def guide_case_figures(guide):
    return {"f": guide_figures(guide)}
