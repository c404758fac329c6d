/** @jest-environment node */
import { diagnose } from '@pkg/engine';
import { node, NOW } from './builders';

describe('Node health', () => {
  it('is ok when Ready', () => {
    expect(diagnose({ objects: [node('n1', 'True')], now: NOW }).items[0].health).toBe('ok');
  });

  it.each(['False', 'Unknown'])('is an error when Ready is %s', (status) => {
    const item = diagnose({ objects: [node('n1', status)], now: NOW }).items[0];

    expect(item.health).toBe('error');
    expect(item.summary.args).toEqual({ reason: 'KubeletNotReady', message: 'kubelet says so' });
  });

  it('is an error without a Ready condition', () => {
    const n = node('n1', 'True');

    n.status = { ...n.status, conditions: [] };
    expect(diagnose({ objects: [n], now: NOW }).items[0].health).toBe('error');
  });

  it('is a warning when cordoned', () => {
    expect(diagnose({ objects: [node('n1', 'True', true)], now: NOW }).items[0].health).toBe('warning');
  });
});
