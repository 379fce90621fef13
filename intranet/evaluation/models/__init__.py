"""The evaluation's records (rule sets, months, scores, objections, honours) and its public page
type, which lives here rather than in ``content`` because the public site's apps never import the
intranet (``content.ArticleIndexPage`` names it by string in its ``subpage_types``)."""

from intranet.evaluation.models.pages import EvaluationResultsPage
from intranet.evaluation.models.records import (
    EvaluationQuerySet,
    Honour,
    ManualItem,
    MonthlyEvaluation,
    Objection,
    Rule,
    RuleSet,
    RuleSetQuerySet,
    ScoreEntry,
    first_of_month,
)

__all__ = [
    "EvaluationQuerySet",
    "EvaluationResultsPage",
    "Honour",
    "ManualItem",
    "MonthlyEvaluation",
    "Objection",
    "Rule",
    "RuleSet",
    "RuleSetQuerySet",
    "ScoreEntry",
    "first_of_month",
]
