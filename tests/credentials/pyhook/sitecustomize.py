"""Test-only hook for Debian's AWS CLI 2.9, which has no AWS_ENDPOINT_URL_* settings.

EC2_TEST_ENDPOINT_URL: every client the CLI creates gets this endpoint_url unless one is given —
the command's own client and the STS, SSO and SSO-OIDC clients of its credential providers (the
emulator serves them all on one port).
"""
import os

_URL = os.environ.get("EC2_TEST_ENDPOINT_URL")


def _patch(session_module):
    original = session_module.Session.create_client

    def create_client(self, *args, **kwargs):
        if not kwargs.get("endpoint_url"):
            kwargs["endpoint_url"] = _URL
        return original(self, *args, **kwargs)

    session_module.Session.create_client = create_client


if _URL:
    # The CLI carries its own botocore: once `awscli` is imported, `import botocore` loads that copy
    # (as a module of its own, beside `awscli.botocore`). Patch what the CLI uses.
    import awscli  # noqa: F401
    import botocore.session
    _patch(botocore.session)
