"""The intranet's models move to one app per domain; the tables, rows and permissions stay.

Each domain app's 0001 takes the models into its state (same tables, via db_table), cases
0002 points the first contact's complaint at the new app, and this migration drops them
from the intranet's state. The content types are relabelled rather than recreated, so the
permissions granted to groups (0002_roles), admin log entries and anything else pointing
at a content type id keep pointing at the same models.
"""

from django.db import migrations

MOVED = {
    "workcalendar": ["calendarday"],
    "complaints": [
        "complaint",
        "complaintattachment",
        "complaintevent",
        "deadlineextension",
        "identityaccesslog",
    ],
    "study": [
        "studyplan",
        "studysession",
        "leaverequest",
        "attendance",
        "attendancechange",
        "studynote",
    ],
    "disclosures": ["disclosure", "disclosureattachment", "disclosureread"],
}


def _relabel(apps, old_label_of, new_label_of):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for label, models in MOVED.items():
        ContentType.objects.filter(app_label=old_label_of(label), model__in=models).update(
            app_label=new_label_of(label)
        )


def relabel_content_types(apps, schema_editor):
    _relabel(apps, lambda label: "intranet", lambda label: label)


def restore_content_types(apps, schema_editor):
    _relabel(apps, lambda label: label, lambda label: "intranet")


class Migration(migrations.Migration):

    dependencies = [
        ('intranet', '0004_complaint_online_reply_and_notices'),
        ('workcalendar', '0001_moved_from_intranet'),
        ('complaints', '0001_moved_from_intranet'),
        ('study', '0001_moved_from_intranet'),
        ('disclosures', '0001_moved_from_intranet'),
        ('cases', '0002_complaint_from_its_own_app'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    # Only Django's idea of the models changes: the tables and their rows stay as they are.
    state_operations = [
        migrations.RemoveField(
            model_name='attendance',
            name='session',
        ),
        migrations.RemoveField(
            model_name='attendance',
            name='user',
        ),
        migrations.RemoveField(
            model_name='attendancechange',
            name='attendance',
        ),
        migrations.RemoveField(
            model_name='attendancechange',
            name='changed_by',
        ),
        migrations.DeleteModel(
            name='CalendarDay',
        ),
        migrations.RemoveField(
            model_name='complaint',
            name='handler',
        ),
        migrations.RemoveField(
            model_name='complaint',
            name='publication_approved_by',
        ),
        migrations.RemoveField(
            model_name='complaint',
            name='recorded_by',
        ),
        migrations.RemoveField(
            model_name='complaint',
            name='target_staff',
        ),
        migrations.RemoveField(
            model_name='complaint',
            name='target_window',
        ),
        migrations.RemoveField(
            model_name='identityaccesslog',
            name='complaint',
        ),
        migrations.RemoveField(
            model_name='complaintattachment',
            name='complaint',
        ),
        migrations.RemoveField(
            model_name='complaintevent',
            name='complaint',
        ),
        migrations.RemoveField(
            model_name='deadlineextension',
            name='complaint',
        ),
        migrations.RemoveField(
            model_name='complaintevent',
            name='actor',
        ),
        migrations.RemoveField(
            model_name='deadlineextension',
            name='decided_by',
        ),
        migrations.RemoveField(
            model_name='deadlineextension',
            name='requested_by',
        ),
        migrations.RemoveField(
            model_name='disclosure',
            name='audience_groups',
        ),
        migrations.RemoveField(
            model_name='disclosure',
            name='created_by',
        ),
        migrations.RemoveField(
            model_name='disclosureread',
            name='disclosure',
        ),
        migrations.RemoveField(
            model_name='disclosureattachment',
            name='disclosure',
        ),
        migrations.RemoveField(
            model_name='disclosureread',
            name='user',
        ),
        migrations.RemoveField(
            model_name='identityaccesslog',
            name='user',
        ),
        migrations.RemoveField(
            model_name='leaverequest',
            name='decided_by',
        ),
        migrations.RemoveField(
            model_name='leaverequest',
            name='session',
        ),
        migrations.RemoveField(
            model_name='leaverequest',
            name='user',
        ),
        migrations.RemoveField(
            model_name='studynote',
            name='author',
        ),
        migrations.RemoveField(
            model_name='studynote',
            name='session',
        ),
        migrations.RemoveField(
            model_name='studysession',
            name='plan',
        ),
        migrations.RemoveField(
            model_name='studysession',
            name='host',
        ),
        migrations.DeleteModel(
            name='Attendance',
        ),
        migrations.DeleteModel(
            name='AttendanceChange',
        ),
        migrations.DeleteModel(
            name='ComplaintAttachment',
        ),
        migrations.DeleteModel(
            name='Complaint',
        ),
        migrations.DeleteModel(
            name='ComplaintEvent',
        ),
        migrations.DeleteModel(
            name='DeadlineExtension',
        ),
        migrations.DeleteModel(
            name='Disclosure',
        ),
        migrations.DeleteModel(
            name='DisclosureAttachment',
        ),
        migrations.DeleteModel(
            name='DisclosureRead',
        ),
        migrations.DeleteModel(
            name='IdentityAccessLog',
        ),
        migrations.DeleteModel(
            name='LeaveRequest',
        ),
        migrations.DeleteModel(
            name='StudyNote',
        ),
        migrations.DeleteModel(
            name='StudyPlan',
        ),
        migrations.DeleteModel(
            name='StudySession',
        ),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=state_operations),
        migrations.RunPython(relabel_content_types, restore_content_types),
    ]
