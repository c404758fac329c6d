/** @jest-environment node */
import { diagnose } from '@pkg/engine';
import { driftFromModified, patchChanges } from '@pkg/engine/drift';
import { redactText as redactMessage } from '@pkg/engine/redact';
import { jsonReport } from '@pkg/engine/report/json';
import { markdownReport } from '@pkg/engine/report/markdown';
import { bundle, bundleDeployment, cond, NOW } from './builders';
import { english } from './english';

const SECRET_VALUE = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tc2VjcmV0';
const SECRET_PATCH = JSON.stringify({ data: { 'ca.crt': SECRET_VALUE, 'tls.key': `${ SECRET_VALUE }key` } });

describe('drift lines', () => {
  it('names the object, the changed paths and the new values', () => {
    const line = driftFromModified({
      apiVersion: 'apps/v1',
      kind:       'Deployment',
      namespace:  'harvester-system',
      name:       'harvester',
      patch:      '{"spec":{"replicas":3,"template":{"spec":{"containers":[{"image":"frankyang/harvester:fix","name":"apiserver"}]}}}}',
    });

    expect(line).toEqual({
      apiVersion: 'apps/v1',
      kind:       'Deployment',
      namespace:  'harvester-system',
      name:       'harvester',
      change:     'modified',
      changes:    [
        { path: 'spec.replicas', value: '3' },
        { path: 'spec.template.spec.containers[name=apiserver].image', value: '"frankyang/harvester:fix"' },
      ],
    });
  });

  it('says missing, not owned and extra objects', () => {
    expect(driftFromModified({
      kind: 'ConfigMap', name: 'a', missing: true
    }).change).toBe('missing');
    expect(driftFromModified({
      kind: 'ConfigMap', name: 'a', missing: true, exist: true
    }).change).toBe('not-owned');
    expect(driftFromModified({
      kind: 'ConfigMap', name: 'a', delete: true
    }).change).toBe('extra');
  });

  it('shows only the paths of a Secret, never its values', () => {
    const line = driftFromModified({
      apiVersion: 'v1', kind: 'Secret', namespace: 'kube-system', name: 'snapshot-validation-webhook-tls', patch: SECRET_PATCH
    });

    expect(line.changes).toEqual([{ path: 'data["ca.crt"]', hidden: true }, { path: 'data["tls.key"]', hidden: true }]);
    expect(JSON.stringify(line)).not.toContain(SECRET_VALUE);
  });

  it('hides chart values wherever they appear in a patch', () => {
    const changes = patchChanges('{"spec":{"valuesContent":"password: x","chartContent":"H4sI","values":{"a":{"b":"c"}},"version":"1.2.3"}}', false);

    expect(changes).toEqual([
      { path: 'spec.valuesContent', hidden: true }, { path: 'spec.chartContent', hidden: true }, { path: 'spec.values.a.b', hidden: true }, { path: 'spec.version', value: '"1.2.3"' },
    ]);
  });

  it('keeps an unreadable patch as one change, hidden for a Secret', () => {
    expect(patchChanges('{not json', false)).toEqual([{ path: '(patch)', hidden: true }]);
    expect(patchChanges('{not json', true)).toEqual([{ path: '(patch)', hidden: true }]);
  });
});

describe('Secret values in condition messages', () => {
  const message = `Modified(1) [Cluster fleet-local/local]; secret.v1 kube-system/snapshot-validation-webhook-tls modified ${ SECRET_PATCH }; validatingwebhookconfiguration.admissionregistration.k8s.io harvester-snapshot-validation-webhook modified {"webhooks":[{"name":"x"}]}`;

  it('are masked, keeping the keys and the rest of the message', () => {
    const out = redactMessage(message);

    expect(out).not.toContain(SECRET_VALUE);
    expect(out).toContain('secret.v1 kube-system/snapshot-validation-webhook-tls modified {"data":{"ca.crt":"***","tls.key":"***"}}');
    expect(out).toContain('harvester-snapshot-validation-webhook modified {"webhooks":[{"name":"x"}]}');
  });

  it('are masked when Fleet cut the message off inside the patch', () => {
    const cut = `secret.v1 ns/s modified {"data":{"k":"${ SECRET_VALUE }`;

    expect(redactMessage(cut)).toBe('secret.v1 ns/s modified {"data":{"k":"***"');
  });

  it('never appear in either report format', () => {
    const bd = bundleDeployment('mcc-harvester', {
      nonModified:    false,
      modifiedStatus: [{
        apiVersion: 'v1', kind: 'Secret', namespace: 'kube-system', name: 'snapshot-validation-webhook-tls', patch: SECRET_PATCH
      }],
      conditions: [cond('Ready', 'False', { reason: 'Error', message })],
    });
    const b = bundle('mcc-harvester', {
      desiredReady:      1,
      ready:             0,
      modified:          1,
      nonReadyResources: [{
        name: 'fleet-local/local', bundleState: 'Modified', modifiedStatus: bd.status?.modifiedStatus
      }]
    });

    b.status = { ...b.status, conditions: [cond('Ready', 'False', { message })] };
    for (const objects of [[bd, b], [b]]) {
      const d = diagnose({ objects, now: NOW });

      expect(markdownReport(d, english)).not.toContain(SECRET_VALUE);
      expect(JSON.stringify(jsonReport(d, english))).not.toContain(SECRET_VALUE);
      expect(markdownReport(d, english)).toContain('data["ca.crt"]');
    }
  });
});
