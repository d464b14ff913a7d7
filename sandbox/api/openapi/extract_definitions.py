#!/usr/bin/env python3
"""Writes definitions.json: the Swagger 2.0 definitions kube-sandbox serves at /openapi/v2.

They are Kubernetes' own schemas, taken from the OpenAPI v3 documents that kubectl's repository keeps
as test data (kubernetes/kubectl testdata/openapi/v3: api/v1.json, apis/apps/v1.json,
apis/autoscaling/v1.json; Apache-2.0), for the kinds kube-sandbox serves and every definition they
reference. They are turned back into the v2 form kube-apiserver serves: "#/definitions/" references
instead of "#/components/schemas/", a reference wrapped in allOf unwrapped, IntOrString and Quantity
as strings (v2 has no oneOf), no defaults. Descriptions are dropped to keep the file small; the types,
required fields and x-kubernetes-* extensions (group-version-kind, patch strategy and merge key, list
type) are what kubectl's client-side validation and strategic merge patch read.

Usage: extract_definitions.py KUBECTL_TESTDATA_OPENAPI_V3_DIR > definitions.json
"""
import json
import os
import sys

SOURCES = ['api/v1.json', 'apis/apps/v1.json', 'apis/autoscaling/v1.json']
ROOTS = ['io.k8s.api.core.v1.' + kind for kind in
         ['Namespace', 'ConfigMap', 'Secret', 'Service', 'PersistentVolumeClaim', 'Pod', 'Event', 'Node']] + \
        ['io.k8s.api.apps.v1.StatefulSet', 'io.k8s.api.apps.v1.ControllerRevision',
         'io.k8s.api.autoscaling.v1.Scale']
V3_PREFIX = '#/components/schemas/'
V2_PREFIX = '#/definitions/'


def convert(schema):
    out = {}
    all_of = schema.get('allOf', [])
    if len(all_of) == 1 and '$ref' in all_of[0]:
        out['$ref'] = V2_PREFIX + all_of[0]['$ref'][len(V3_PREFIX):]
    if 'oneOf' in schema:
        out['type'] = 'string'  # IntOrString (format int-or-string) and Quantity, as v2 writes them
    for key, value in schema.items():
        if key in ('allOf', 'oneOf', 'default', 'description'):
            continue
        if key == '$ref':
            out[key] = V2_PREFIX + value[len(V3_PREFIX):]
        elif key == 'properties':
            out[key] = {name: convert(sub) for name, sub in value.items()}
        elif key in ('items', 'additionalProperties') and isinstance(value, dict):
            out[key] = convert(value)
        else:
            out[key] = value
    return out


def references(schema, found):
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == '$ref':
                found.add(value[len(V2_PREFIX):])
            elif not key.startswith('x-'):
                references(value, found)
    elif isinstance(schema, list):
        for item in schema:
            references(item, found)


def main():
    schemas = {}
    for source in SOURCES:
        with open(os.path.join(sys.argv[1], source)) as f:
            schemas.update(json.load(f)['components']['schemas'])
    todo, done = list(ROOTS), {}
    while todo:
        name = todo.pop()
        if name in done:
            continue
        done[name] = convert(schemas[name])
        found = set()
        references(done[name], found)
        todo.extend(found - done.keys())
    lines = [json.dumps(name) + ':' + json.dumps(done[name], separators=(',', ':'), sort_keys=True)
             for name in sorted(done)]
    sys.stdout.write('{\n' + ',\n'.join(lines) + '\n}\n')


if __name__ == '__main__':
    main()
