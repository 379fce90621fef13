"""The private storage on an S3-compatible bucket (django-storages), for several application hosts.

Its own module so that boto3 is only imported by a deployment that uses it.
"""

from storages.backends.s3 import S3Storage

from portal.private_storage import NoPublicUrl


class PrivateS3Storage(NoPublicUrl, S3Storage):
    """A private bucket: objects are written with the private ACL and never overwritten."""

    def __init__(self, **settings):
        settings.setdefault("default_acl", "private")
        settings.setdefault("file_overwrite", False)
        super().__init__(**settings)
