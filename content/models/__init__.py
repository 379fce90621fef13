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
from .organisation import Department, Window
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
    "DepartmentSectionPage",
    "FeeDisclosurePage",
    "GuideFAQ",
    "GuideMaterial",
    "GuideStep",
    "GuideTopic",
    "HomePage",
    "LeaderDuty",
    "PreDisclosureComment",
    "PreDisclosurePage",
    "ServiceCatalogPage",
    "ServiceGuidePage",
    "StaffMember",
    "StaffRosterPage",
    "Window",
]
