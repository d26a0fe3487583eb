"""Test-only hook for Debian's AWS CLI 2.9, which has no AWS_ENDPOINT_URL_* settings.

EC2_TEST_ENDPOINT_URL: every client the CLI creates gets this endpoint_url unless one is given —
the command's own client and the STS, SSO and SSO-OIDC clients of its credential providers (the
emulator serves them all on one port).
"""
import os

_URL = os.environ.get("EC2_TEST_ENDPOINT_URL")
if _URL:
    try:
        import awscli.botocore.session as _session
    except ImportError:
        import botocore.session as _session

    _original = _session.Session.create_client

    def _create_client(self, *args, **kwargs):
        if not kwargs.get("endpoint_url"):
            kwargs["endpoint_url"] = _URL
        return _original(self, *args, **kwargs)

    _session.Session.create_client = _create_client
