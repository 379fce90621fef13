"""网友咨询 under a guide, pulled in by the template so content never imports questions."""

from django import template

from intranet.questions.models import Question

register = template.Library()


@register.inclusion_tag("questions/public/_guide_questions.html")
def guide_questions(guide):
    return {
        "guide": guide,
        "questions": list(
            Question.objects.published_for(guide).only("content", "asker_name", "answer")[:20]
        ),
    }
