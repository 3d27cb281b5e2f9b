// The FNC-1 training data (../shared/corpus/fnc1-train): article bodies and headline/body pairs labelled with
// the body's stance. Read at training and measurement time only; nothing from it is copied into the repo.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';

export const FNC_STANCES = ['agree', 'disagree', 'discuss', 'unrelated'] as const;
export type FncStance = (typeof FNC_STANCES)[number];

export interface FncPair {
  headline: string;
  bodyId: number;
  stance: FncStance;
}

export interface FncData {
  bodies: Map<number, string>;
  pairs: FncPair[];
}

/** Where the corpus sits when the shared folder is beside the repo (as on every machine of the project). */
export const DEFAULT_FNC_DIR = resolve(process.cwd(), '../shared/corpus/fnc1-train');

export const fncAvailable = (dir: string = DEFAULT_FNC_DIR): boolean =>
  existsSync(join(dir, 'train_bodies.csv')) && existsSync(join(dir, 'train_stances.csv'));

const isStance = (s: string): s is FncStance => (FNC_STANCES as readonly string[]).includes(s);

/** Rows as objects keyed by the header; bodies hold quotes and newlines, so a real CSV parser reads them. */
const readCsv = (file: string): Array<Record<string, string>> =>
  parse(readFileSync(file, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
    relax_column_count: false,
  }) as Array<Record<string, string>>;

export function loadFnc(dir: string = DEFAULT_FNC_DIR): FncData {
  const bodies = new Map<number, string>();
  for (const row of readCsv(join(dir, 'train_bodies.csv'))) bodies.set(Number(row['Body ID']), row.articleBody ?? '');
  const pairs: FncPair[] = [];
  for (const row of readCsv(join(dir, 'train_stances.csv'))) {
    const stance = row.Stance ?? '';
    const bodyId = Number(row['Body ID']);
    if (!isStance(stance)) throw new Error(`train_stances.csv: unknown stance ${JSON.stringify(stance)}`);
    if (!bodies.has(bodyId)) throw new Error(`train_stances.csv: body ${bodyId} is not in train_bodies.csv`);
    pairs.push({ headline: row.Headline ?? '', bodyId, stance });
  }
  return { bodies, pairs };
}
