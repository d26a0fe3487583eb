"""Test-only hook for running Debian's amazon.aws.aws_ec2 inventory plugin against local data.

EC2_TEST_ENDPOINT_URL: every boto3/botocore client is created with this endpoint_url (the plugin
    in amazon.aws 5.5.1 has no endpoint option).
EC2_TEST_FIXTURE: path of a JSON file {"regions": {region: [reservation, ...]}}; DescribeRegions
    and DescribeInstances are answered from it instead of the network (filters are not applied),
    with dict keys in botocore's order and timestamps as datetimes, as botocore's parser returns them.
"""
import json
import os


def _patch_endpoint(url):
    import botocore.session

    original = botocore.session.Session.create_client

    def create_client(self, *args, **kwargs):
        if not kwargs.get('endpoint_url'):
            kwargs['endpoint_url'] = url
        return original(self, *args, **kwargs)

    botocore.session.Session.create_client = create_client


TIMESTAMP_KEYS = ('LaunchTime', 'AttachTime', 'UsageOperationUpdateTime', 'ElasticInferenceAcceleratorAssociationTime')


def _typed(value):
    """Turns ISO 8601 strings of timestamp members into datetimes, as botocore's parser does."""
    from botocore.utils import parse_timestamp
    if isinstance(value, dict):
        return {k: (parse_timestamp(v) if k in TIMESTAMP_KEYS and isinstance(v, str) else _typed(v))
                for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return value


def _ordered(value, shape):
    """Puts dict keys in the shape's member order, as botocore's parser does."""
    if shape is None:
        return value
    if shape.type_name == 'structure' and isinstance(value, dict):
        out = {k: _ordered(value[k], shape.members[k]) for k in shape.members if k in value}
        out.update({k: v for k, v in value.items() if k not in out})
        return out
    if shape.type_name == 'list' and isinstance(value, list):
        return [_ordered(v, shape.member) for v in value]
    return value


def _patch_fixture(path):
    import botocore.client

    with open(path, encoding='utf-8') as f:
        fixture = json.load(f)
    regions = fixture['regions']

    def make_api_call(self, operation_name, api_params):
        if operation_name == 'DescribeRegions':
            return {'Regions': [{'RegionName': r} for r in regions]}
        if operation_name == 'DescribeInstances':
            shape = self.meta.service_model.operation_model(operation_name).output_shape
            return _ordered({'Reservations': _typed(regions.get(self.meta.region_name, []))}, shape)
        raise RuntimeError('fixture has no answer for ' + operation_name)

    botocore.client.BaseClient._make_api_call = make_api_call


if os.environ.get('EC2_TEST_ENDPOINT_URL'):
    _patch_endpoint(os.environ['EC2_TEST_ENDPOINT_URL'])
if os.environ.get('EC2_TEST_FIXTURE'):
    _patch_fixture(os.environ['EC2_TEST_FIXTURE'])
