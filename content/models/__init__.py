"""Everything the portal publishes: pages, snippets and their admin panels."""

from .announcements import AnnouncementIndexPage, CompletionAnnouncementPage
from .articles import ArticleIndexPage, ArticlePage
from .catalog import (
    DepartmentSectionPage,
    GuideFAQ,
    GuideMaterial,
    GuideStep,
    GuideTopic,
    ServiceCatalogPage,
    ServiceGuidePage,
)
from .commitments import CommitmentPage, FeeDisclosurePage
from .home import HomePage
from .notices import NoticeAttachment, NoticeIndexPage, NoticePage
from .organisation import CenterEditorial, Department, DepartmentEditorGroup, Window
from .predisclosure import PreDisclosurePage
from .predisclosure_comments import PreDisclosureComment
from .roster import LeaderDuty, StaffMember, StaffRosterPage
from .site_settings import CenterSettings

__all__ = [
    "AnnouncementIndexPage",
    "ArticleIndexPage",
    "ArticlePage",
    "CenterSettings",
    "CommitmentPage",
    "CompletionAnnouncementPage",
    "Department",
    "CenterEditorial",
    "DepartmentEditorGroup",
    "DepartmentSectionPage",
    "FeeDisclosurePage",
    "GuideFAQ",
    "GuideMaterial",
    "GuideStep",
    "GuideTopic",
    "HomePage",
    "LeaderDuty",
    "NoticeAttachment",
    "NoticeIndexPage",
    "NoticePage",
    "PreDisclosureComment",
    "PreDisclosurePage",
    "ServiceCatalogPage",
    "ServiceGuidePage",
    "StaffMember",
    "StaffRosterPage",
    "Window",
]
