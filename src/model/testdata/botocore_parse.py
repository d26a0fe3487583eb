"""Prints, as JSON, what boto3 returns for an EC2 XML response: botocore's own parser applied to
the response body, with timestamps rendered by datetime.isoformat() and ResponseMetadata dropped.

usage: botocore_parse.py OperationName response.xml
"""
import json
import sys

import botocore.session
from botocore.parsers import create_parser


def main():
    operation, path = sys.argv[1], sys.argv[2]
    model = botocore.session.get_session().get_service_model("ec2")
    output_shape = model.operation_model(operation).output_shape
    with open(path, "rb") as f:
        body = f.read()
    parsed = create_parser("ec2").parse(
        {"body": body, "headers": {}, "status_code": 200}, output_shape)
    parsed.pop("ResponseMetadata", None)
    json.dump(parsed, sys.stdout, default=lambda value: value.isoformat(), ensure_ascii=False)


if __name__ == "__main__":
    main()
