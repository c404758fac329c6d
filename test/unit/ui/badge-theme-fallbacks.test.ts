/**
 * @jest-environment node
 *
 * The health badge's colours on every theme we claim. Our bundle carries the shell's BadgeState
 * of 3.0.8, whose colours come from variables 3.0.8's theme introduced; Rancher 2.12's theme
 * (shell 3.0.5) has none of them. HealthBadge's own styles must resolve on both: the same
 * variable as BadgeState where the theme has it, and one the old theme defines where it does not.
 */
import fs from 'fs';
import path from 'path';
import { compileStyle, parse } from '@vue/compiler-sfc';

const ROOT = path.join(__dirname, '../../..');
const SHELL = path.join(ROOT, 'node_modules/@rancher/shell');

/**
 * Every variable of these four families that `@rancher/shell` 3.0.5's themes define
 * (`assets/styles/themes/_light.scss`, `_modern.scss`, `_dark.scss`, `_suse.scss`, `_csp.scss`).
 */
const THEME_3_0_5 = new Set(['error', 'info', 'success', 'warning'].flatMap((k) => [
  '', '-text', '-border', '-banner-bg', '-light-bg', '-hover-bg', '-hover-text', '-active-bg', '-active-text',
].map((s) => `--${ k }${ s }`)));

/** The variables the installed shell's (3.0.8) themes define, read from its theme files. */
function installedTheme(): Set<string> {
  const dir = path.join(SHELL, 'assets/styles/themes');
  const names = fs.readdirSync(dir).flatMap((f) => [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/^\s*(--[\w-]+)\s*:/gm)].map((m) => m[1]));

  return new Set(names);
}

/** `var(--a, var(--b))` → ['--a', '--b'] */
function chain(value: string): string[] {
  return [...value.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]);
}

const resolve = (value: string, theme: Set<string>) => chain(value).find((v) => theme.has(v));

type Decls = Record<string, { color: string; background: string }>;

/** color/background per `bg-*` class, from CSS (or SCSS) text. */
function declarations(css: string): Decls {
  const out: Decls = {};

  for (const m of css.matchAll(/\.bg-(info|error|warning|success)[^{]*\{([^}]*)\}/g)) {
    const get = (prop: string) => new RegExp(`(?:^|[;\\s])${ prop }\\s*:\\s*([^;]+)`).exec(m[2])?.[1].trim() || '';

    out[m[1]] = { color: get('color'), background: get('background') };
  }

  return out;
}

function sfcStyle(file: string, id: string) {
  const { descriptor } = parse(fs.readFileSync(file, 'utf8'), { filename: file });
  const style = descriptor.styles.find((s) => s.scoped);

  if (!style) {
    throw new Error(`${ file } has no scoped style`);
  }

  return compileStyle({
    source: style.content, filename: file, id, scoped: true, preprocessLang: style.lang as 'scss' | undefined
  });
}

describe('the health badge\'s colours on the themes of shell 3.0.5 and 3.0.8', () => {
  const compiled = sfcStyle(path.join(ROOT, 'pkg/install-troubleshooting/components/HealthBadge.vue'), 'data-v-hb');
  const ours = declarations(compiled.code);
  // BadgeState's scoped block, as written in the shell (its other block needs the shell's mixins)
  const badgeSource = fs.readFileSync(path.join(SHELL, 'rancher-components/BadgeState/BadgeState.vue'), 'utf8');
  const shells = declarations(/<style lang="scss" scoped>([\s\S]*?)<\/style>/.exec(badgeSource)?.[1] || '');
  const theme308 = installedTheme();
  const STATES = ['info', 'error', 'warning', 'success'];

  it('compiles, scoped, with a selector that outranks BadgeState\'s own', () => {
    expect(compiled.errors).toEqual([]);
    expect(compiled.code).toMatch(/\.badge-state\[data-health\]\.bg-warning\[data-v-hb\]/);
    expect(Object.keys(ours).sort()).toEqual([...STATES].sort());
    expect(Object.keys(shells).sort()).toEqual([...STATES].sort());
  });

  it('on 3.0.8\'s theme (Rancher 2.13+) resolves to the variable BadgeState uses: no visible change there', () => {
    for (const s of STATES) {
      for (const prop of ['color', 'background'] as const) {
        expect([s, prop, chain(ours[s][prop])[0]]).toEqual([s, prop, chain(shells[s][prop])[0]]);
        expect([s, prop, resolve(ours[s][prop], theme308)]).toEqual([s, prop, resolve(shells[s][prop], theme308)]);
      }
    }
  });

  it('on 3.0.5\'s theme (Rancher 2.12) falls back to the pair that theme colours its own .bg-* with', () => {
    for (const s of STATES) {
      expect([s, resolve(ours[s].background, THEME_3_0_5), resolve(ours[s].color, THEME_3_0_5)]).toEqual([s, `--${ s }`, `--${ s }-text`]);
    }
    // the defect this fixes: BadgeState's own warning badge finds nothing there
    expect(resolve(shells.warning.background, THEME_3_0_5)).toBeUndefined();
    expect(resolve(shells.warning.color, THEME_3_0_5)).toBeUndefined();
  });
});
