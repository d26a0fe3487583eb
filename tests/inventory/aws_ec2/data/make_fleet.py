#!/usr/bin/python3
"""Writes a deterministic test fleet as JSON: {"regions": {region: [reservation, ...]}}.

The reservations are shaped like botocore's DescribeInstances output (timestamps as ISO 8601
text), with the awkward cases inventories meet: tags with dashes, spaces, commas, colons and
non-ASCII text, tags whose value looks like a Python literal, stopped and pending instances,
VPC and EC2-Classic instances, several network interfaces, duplicate Name tags, several regions.

usage: make_fleet.py SEED COUNT REGION[,REGION...] > fleet.json
"""
import json
import random
import sys

TAG_VALUES = {
    'Name': ['web-1', 'web-2', 'db server', 'cache_01', 'ünïcödé-box', '日本-node', '1st-host', 'api:v2'],
    'env': ['prod', 'staging', 'dev', 'prod,eu', 'QA Team'],
    'Role': ['True', 'frontend', '[1, 2]', 'back end', ''],
    'Cost Center': ['4711', 'R&D', 'ops/infra'],
    'k8s.io/role': ['master', 'node'],
    'aws:cloudformation:stack-name': ['stack-a', 'stack-b'],
    'Ünï': ['çà', 'ß'],
}
TYPES = ['t2.micro', 't3.large', 'm5.xlarge', 'c6g.medium']
STATES = [('running', 16)] * 6 + [('stopped', 80)] * 2 + [('pending', 0), ('stopping', 64)]


def timestamp(rng, millis):
    base = '2024-%02d-%02dT%02d:%02d:%02d' % (rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23),
                                               rng.randint(0, 59), rng.randint(0, 59))
    return base + ('.%03dZ' % rng.randint(1, 999) if millis else '.000Z')


def tags(rng, index):
    out = []
    for key, values in TAG_VALUES.items():
        if key == 'Name' or rng.random() < 0.6:
            value = values[index % len(values)] if key == 'Name' else rng.choice(values)
            out.append({'Key': key, 'Value': value})
    rng.shuffle(out)
    return out


def interfaces(rng, private_ip, public_ip, subnet, vpc, owner):
    nics = []
    for n in range(1 if rng.random() < 0.7 else 2):
        ip = private_ip if n == 0 else '10.1.%d.%d' % (rng.randint(0, 255), rng.randint(1, 254))
        address = {'Primary': True, 'PrivateDnsName': 'ip-%s.ec2.internal' % ip.replace('.', '-'),
                   'PrivateIpAddress': ip}
        pub = public_ip if n == 0 else ('54.%d.%d.%d' % (rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
                                        if public_ip and rng.random() < 0.5 else None)
        if pub:
            address['Association'] = {'IpOwnerId': 'amazon', 'PublicDnsName': '', 'PublicIp': pub}
        nic = {
            'Attachment': {'AttachTime': timestamp(rng, False), 'AttachmentId': 'eni-attach-%08x' % rng.getrandbits(32),
                           'DeleteOnTermination': True, 'DeviceIndex': n, 'Status': 'attached', 'NetworkCardIndex': 0},
            'Description': '', 'Groups': [{'GroupName': 'default', 'GroupId': 'sg-0default'}],
            'Ipv6Addresses': [], 'MacAddress': '0a:%02x:%02x:%02x:%02x:%02x' % tuple(rng.getrandbits(8) for _ in range(5)),
            'NetworkInterfaceId': 'eni-%017x' % rng.getrandbits(68), 'OwnerId': owner,
            'PrivateDnsName': address['PrivateDnsName'], 'PrivateIpAddress': ip, 'PrivateIpAddresses': [address],
            'SourceDestCheck': True, 'Status': 'in-use', 'SubnetId': subnet, 'VpcId': vpc, 'InterfaceType': 'interface',
        }
        if pub:
            nic['Association'] = dict(address['Association'])
        nics.append(nic)
    return nics


def instance(rng, region, index, owner):
    state, code = rng.choice(STATES)
    vpc = rng.random() < 0.75
    private_ip = '10.0.%d.%d' % (rng.randint(0, 255), rng.randint(1, 254))
    public_ip = '3.%d.%d.%d' % (rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)) \
        if state == 'running' and rng.random() < 0.7 else None
    az = region + rng.choice('abc')
    inst = {
        'AmiLaunchIndex': rng.randint(0, 2), 'ImageId': 'ami-%017x' % rng.getrandbits(68),
        'InstanceId': 'i-%017x' % rng.getrandbits(68), 'InstanceType': rng.choice(TYPES),
        'LaunchTime': timestamp(rng, rng.random() < 0.5),
        'Monitoring': {'State': rng.choice(['disabled', 'enabled'])},
        'Placement': {'AvailabilityZone': az, 'GroupName': '', 'Tenancy': 'default'},
        'PrivateDnsName': 'ip-%s.ec2.internal' % private_ip.replace('.', '-') if state != 'pending' or index % 2 else '',
        'PrivateIpAddress': private_ip, 'ProductCodes': [],
        'PublicDnsName': 'ec2-%s.compute-1.amazonaws.com' % public_ip.replace('.', '-') if public_ip else '',
        'State': {'Code': code, 'Name': state},
        'StateTransitionReason': '' if state == 'running' else 'User initiated (2024-05-01 10:00:00 GMT)',
        'Architecture': 'arm64' if 'c6g' in TYPES[index % len(TYPES)] else 'x86_64',
        'BlockDeviceMappings': [{'DeviceName': '/dev/xvda', 'Ebs': {
            'AttachTime': timestamp(rng, rng.random() < 0.5), 'DeleteOnTermination': True, 'Status': 'attached',
            'VolumeId': 'vol-%017x' % rng.getrandbits(68)}}],
        'ClientToken': '', 'EbsOptimized': rng.random() < 0.3, 'EnaSupport': True, 'Hypervisor': 'xen',
        'RootDeviceName': '/dev/xvda', 'RootDeviceType': 'ebs',
        'SecurityGroups': [{'GroupName': 'default', 'GroupId': 'sg-0default'}] +
                          ([{'GroupName': 'web access', 'GroupId': 'sg-0web'}] if rng.random() < 0.4 else []),
        'SourceDestCheck': True, 'VirtualizationType': 'hvm',
        'CpuOptions': {'CoreCount': 1, 'ThreadsPerCore': 2},
        'CapacityReservationSpecification': {'CapacityReservationPreference': 'open'},
        'HibernationOptions': {'Configured': False},
        'MetadataOptions': {'State': 'applied', 'HttpTokens': 'optional', 'HttpPutResponseHopLimit': 1,
                            'HttpEndpoint': 'enabled', 'HttpProtocolIpv6': 'disabled', 'InstanceMetadataTags': 'disabled'},
        'EnclaveOptions': {'Enabled': False}, 'PlatformDetails': 'Linux/UNIX', 'UsageOperation': 'RunInstances',
        'UsageOperationUpdateTime': timestamp(rng, False),
        'PrivateDnsNameOptions': {'HostnameType': 'ip-name', 'EnableResourceNameDnsARecord': False,
                                  'EnableResourceNameDnsAAAARecord': False},
        'MaintenanceOptions': {'AutoRecovery': 'default'},
    }
    if rng.random() < 0.8:
        inst['KeyName'] = rng.choice(['deploy', 'ops-key', 'clé'])
    if rng.random() < 0.8:
        inst['Tags'] = tags(rng, index)
    if public_ip:
        inst['PublicIpAddress'] = public_ip
    if state == 'stopped':
        inst['StateReason'] = {'Code': 'Client.UserInitiatedShutdown',
                               'Message': 'Client.UserInitiatedShutdown: User initiated shutdown'}
    if rng.random() < 0.15:
        inst['Platform'] = 'windows'
        inst['PlatformDetails'] = 'Windows'
    if rng.random() < 0.3:
        inst['IamInstanceProfile'] = {'Arn': 'arn:aws:iam::%s:instance-profile/app' % owner, 'Id': 'AIPA%012d' % index}
    if vpc:
        subnet = 'subnet-%08x' % rng.getrandbits(32)
        vpc_id = 'vpc-%08x' % rng.getrandbits(32)
        inst['SubnetId'] = subnet
        inst['VpcId'] = vpc_id
        inst['NetworkInterfaces'] = interfaces(rng, private_ip, public_ip, subnet, vpc_id, owner)
    return inst


def main():
    seed, count, regions = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3].split(',')
    rng = random.Random(seed)
    owner = '123456789012'
    fleet = {r: [] for r in regions}
    for index in range(count):
        region = regions[index % len(regions)]
        reservations = fleet[region]
        if not reservations or rng.random() < 0.6:
            reservation = {'Groups': [], 'Instances': [], 'OwnerId': owner,
                           'ReservationId': 'r-%017x' % rng.getrandbits(68)}
            if rng.random() < 0.2:
                reservation['RequesterId'] = '940372691376'
            reservations.append(reservation)
        reservations[-1]['Instances'].append(instance(rng, region, index, owner))
    json.dump({'regions': fleet}, sys.stdout, indent=1, ensure_ascii=False, sort_keys=True)
    sys.stdout.write('\n')


main()
