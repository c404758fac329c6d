/**
 * Everything that leaves the engine for one input: item summaries and reasons in English,
 * conditions, drift, kubectl commands, every offered action's plan, and both reports.
 */
import { analyze, planAction } from '@pkg/engine';
import type { ActionPlan, Analysis, DiagnoseInput } from '@pkg/engine';
import { inspectCommands, planCommands } from '@pkg/engine/kubectl';
import { jsonReport } from '@pkg/engine/report/json';
import { markdownReport } from '@pkg/engine/report/markdown';
import { render } from '@pkg/engine/report/render';
import { english } from '../engine/english';

export type { UnreadType as Unread } from '@pkg/engine';

export function run(input: DiagnoseInput): Analysis {
  return analyze(input);
}

/** The analysis, or undefined when the engine throws (the "never throws" property reports that). */
export function tryRun(input: DiagnoseInput): Analysis | undefined {
  try {
    return analyze(input);
  } catch {
    return undefined;
  }
}

export interface Output {
  where: string;
  text: string;
}

export interface Outputs {
  plans: ActionPlan[];
  markdown: string;
  json: string;
  /** Every string that leaves the engine, with where it came from. */
  texts: Output[];
}

export function outputsOf(a: Analysis): Outputs {
  const d = a.diagnosis;
  const texts: Output[] = [];
  const plans: ActionPlan[] = [];
  const add = (where: string, value: unknown) => texts.push({ where, text: typeof value === 'string' ? value : JSON.stringify(value) });

  for (const item of d.items) {
    const at = `${ item.type } ${ item.id }`;

    add(`${ at } summary`, render(english, item.summary));
    add(`${ at } summary (markdown)`, render(english, item.summary, 'markdown'));
    item.reasons.forEach((r, i) => {
      add(`${ at } reason ${ i }`, render(english, r));
      add(`${ at } reason ${ i } (markdown)`, render(english, r, 'markdown'));
    });
    add(`${ at } conditions`, item.conditions);
    add(`${ at } drift`, item.drift);
    add(`${ at } kubectl`, inspectCommands(item).join('\n'));
    for (const action of item.actions) {
      const plan = planAction(a, item, action);

      if (plan) {
        plans.push(plan);
        add(`${ at } ${ action } plan`, plan);
        add(`${ at } ${ action } confirm`, render(english, plan.confirm));
        add(`${ at } ${ action } kubectl`, planCommands(plan).join('\n'));
      }
    }
  }
  add('diagnosis', d);
  const markdown = markdownReport(d, english, (item, action) => planAction(a, item, action)?.confirm);
  const json = JSON.stringify(jsonReport(d, english));

  add('markdown report', markdown);
  add('json report', json);

  return {
    plans, markdown, json, texts
  };
}
