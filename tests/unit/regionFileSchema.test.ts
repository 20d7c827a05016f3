import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
});
