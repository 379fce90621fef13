from .calendar import CalendarDay
from .complaints import (
    Complaint,
    ComplaintAttachment,
    ComplaintEvent,
    DeadlineExtension,
    IdentityAccessLog,
)
from .disclosures import Disclosure, DisclosureAttachment, DisclosureRead
from .study import Attendance, AttendanceChange, LeaveRequest, StudyNote, StudyPlan, StudySession

__all__ = [
    "Attendance",
    "AttendanceChange",
    "CalendarDay",
    "Complaint",
    "ComplaintAttachment",
    "ComplaintEvent",
    "DeadlineExtension",
    "Disclosure",
    "DisclosureAttachment",
    "DisclosureRead",
    "IdentityAccessLog",
    "LeaveRequest",
    "StudyNote",
    "StudyPlan",
    "StudySession",
]
