"""The staff roster (工作人员公示): who sits where, their A/B pairing, and the leaders' duty table."""

import datetime

import pytest
from django.utils import timezone

from content.duty_schedule import month_start
from content.models import LeaderDuty, StaffMember

pytestmark = pytest.mark.django_db


def roster_html(client, site_tree):
    return client.get(site_tree.roster.url).content.decode()


def test_staff_appear_under_their_window_with_post_and_duties(client, site_tree):
    html = roster_html(client, site_tree)
    window_section = html.split("综合窗口3号", 1)[1]
    assert "张三" in window_section and "李四" in window_section
    assert "综合受理员" in html
    assert "残疾人证、高龄津贴受理" in html


def test_a_person_without_photo_gets_their_initial(client, site_tree):
    html = roster_html(client, site_tree)
    assert '<span class="staff-initial" aria-hidden="true">张</span>' in html


def test_ab_pairing_is_shown_on_both_cards(client, site_tree):
    html = roster_html(client, site_tree)
    cards = html.split('<li class="staff-card">')
    primary_card = next(card for card in cards if "<h4>张三</h4>" in card)
    backup_card = next(card for card in cards if "<h4>李四</h4>" in card)
    assert "A岗：张三 / B岗：李四" in primary_card
    assert "A岗：张三 / B岗：李四" in backup_card


def mutual_pair(site_tree):
    zhang = StaffMember.objects.get(name="张三")
    li = StaffMember.objects.get(name="李四")
    li.backup = zhang
    li.save(update_fields=["backup"])
    return zhang, li


def test_mutual_backups_show_one_pairing_per_card(client, site_tree):
    mutual_pair(site_tree)
    cards = roster_html(client, site_tree).split('<li class="staff-card">')
    for name in ("张三", "李四"):
        card = next(card for card in cards if f"<h4>{name}</h4>" in card)
        assert card.count('class="pairing"') == 1
        assert "A岗：张三 / B岗：李四（互为AB岗）" in card


def test_mutual_backups_are_one_row_in_the_ab_table(client, site_tree):
    mutual_pair(site_tree)
    html = roster_html(client, site_tree)
    table = html.split('id="roster-pairs"', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr><td>") == 1
    assert "李四（互为AB岗）" in table


def test_inactive_staff_are_not_listed(client, site_tree):
    StaffMember.objects.create(name="钱离职", post="受理员", is_active=False)
    assert "钱离职" not in roster_html(client, site_tree)


def test_duty_table_covers_this_month_and_next_month_with_weekdays(client, site_tree):
    today = timezone.localdate()
    next_month = month_start(today, 1)
    LeaderDuty.objects.create(date=next_month, leader=site_tree.leader, note="")
    html = roster_html(client, site_tree)
    assert f"{today.year}年{today.month}月" in html
    assert f"{next_month.year}年{next_month.month}月" in html
    weekdays = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
    assert f'<time datetime="{next_month:%Y-%m-%d}">' in html
    next_row = html.split(f'<time datetime="{next_month:%Y-%m-%d}">', 1)[1].split("</tr>", 1)[0]
    assert weekdays[next_month.weekday()] in next_row
    assert "赵主任" in next_row


def test_today_is_highlighted_in_the_duty_table(client, site_tree):
    html = roster_html(client, site_tree)
    today = timezone.localdate()
    row_start = html.index(f'<time datetime="{today:%Y-%m-%d}">')
    row = html[html.rindex("<tr", 0, row_start) : row_start]
    assert "is-today" in row and 'aria-current="date"' in row
    assert "（今天）" in html


def test_duties_outside_the_two_months_are_not_shown(client, site_tree):
    far = month_start(timezone.localdate(), 3)
    old = month_start(timezone.localdate()) - datetime.timedelta(days=1)
    LeaderDuty.objects.create(date=far, leader=site_tree.leader)
    LeaderDuty.objects.create(date=old, leader=site_tree.leader)
    html = roster_html(client, site_tree)
    assert f'datetime="{far:%Y-%m-%d}"' not in html
    assert f'datetime="{old:%Y-%m-%d}"' not in html


def test_a_month_without_schedule_says_so(client, site_tree):
    html = roster_html(client, site_tree)
    assert "本月值班表尚未公布" in html  # next month has no duty in the fixture
