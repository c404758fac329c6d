/**
 * @jest-environment node
 */
import fs from 'fs';
import path from 'path';
import jsyaml from 'js-yaml';
import sampleText from './sample.yaml';

describe('test setup: .yaml imports and the node environment docblock', () => {
  it('runs this suite in the node environment (no DOM)', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('imports a .yaml file as its raw text', () => {
    const onDisk = fs.readFileSync(path.join(__dirname, 'sample.yaml'), 'utf8');

    expect(typeof sampleText).toBe('string');
    expect(sampleText).toBe(onDisk);
    expect(jsyaml.load(sampleText)).toEqual({ sample: { greeting: 'Hello {name}' } });
  });
});
