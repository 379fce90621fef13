from django import template

register = template.Library()


@register.filter
def absval(value):
    try:
        return abs(value)
    except TypeError:
        return value


@register.filter
def display_name(user):
    if not user:
        return ""
    return user.get_full_name() or user.get_username()
