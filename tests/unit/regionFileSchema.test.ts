import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRegionFile } from '../../electron/services/regionFile/load.ts';
import { regionFileJsonSchema, regionFileJsonSchemaText } from '../../shared/regionFile.ts';

describe('the committed JSON Schema of the region file', () => {
  it('matches what scripts/region-schema.ts generates (run `npm run region-schema` after changing the format)', () => {
    const committed = readFileSync(new URL('../../shared/region.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(regionFileJsonSchemaText());
  });

  it('carries the field rules of the store, defaults and required fields', () => {
    const schema = regionFileJsonSchema() as {
      required: string[];
      properties: Record<string, { items: { properties: Record<string, unknown>; required: string[] } }>;
    };
    expect(schema.required).toEqual(['format', 'version', 'region']);
    const school = schema.properties.schools!.items;
    expect(school.properties.lat).toMatchObject({ type: 'number', minimum: -90, maximum: 90 });
    expect(school.properties.setting).toMatchObject({
      default: 'rural',
      enum: ['rural', 'peri_urban', 'urban'],
    });
    expect(school.required).toEqual(['key', 'cluster', 'name', 'lat', 'lon', 'learners', 'teachers']);
  });

  it('has every field documented in docs/region-file.md', () => {
    const doc = readFileSync(new URL('../../docs/region-file.md', import.meta.url), 'utf8');
    type Node = { properties?: Record<string, Node>; items?: Node };
    const fields = (node: Node, path: string): string[] =>
      Object.entries(node.properties ?? {}).flatMap(([name, child]) => {
        const inner = child.items ?? child;
        return [`${path}${name}`, ...fields(inner, `${path}${name}.`)];
      });
    const undocumented = fields(regionFileJsonSchema() as Node, '').filter(
      (f) => !doc.includes(f.split('.').at(-1)!),
    );
    expect(undocumented).toEqual([]);
  });

  it('shows an example in docs/region-file.md that is a valid region file', () => {
    const doc = readFileSync(new URL('../../docs/region-file.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    expect(parseRegionFile(example).schools).toHaveLength(1);
  });
});
