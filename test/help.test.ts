import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/main.js';
import { cli } from './helpers/cli.js';

/** Every command, sub-commands included, by the words that call it: `check`, `rules show`, … */
function commands(program: Command, prefix: string[] = []): string[][] {
  return program.commands.flatMap((c) => [[...prefix, c.name()], ...commands(c, [...prefix, c.name()])]);
}

const all = commands(await buildProgram());

describe('--help teaches by example', () => {

  it('covers the commands this branch adds', () => {
    expect(all.map((c) => c.join(' '))).toEqual(expect.arrayContaining(['check', 'rules', 'init', 'schema']));
  });

  it.each([[], ...all].map((c) => [c.join(' ') || '(top level)', c] as const))('%s --help shows examples of itself', (_, words) => {
    const r = cli([...words, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain(`$ rural-audit ${words.join(' ')}`.trimEnd());
  });
});
