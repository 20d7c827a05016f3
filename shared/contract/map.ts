import { z } from 'zod';
import { IndicatorName } from '../schema/enums.ts';
import { op } from './define.ts';

/** What the region map draws: every CoP as a point, declared neighbours as links. */
export const RegionMapData = z.object({
  regionName: z.string(),
  /** The country as the region says it (the map finds its outline by this name). */
  country: z.string(),
  indicator: IndicatorName.nullable(),
  /** The latest term with figures for the indicator, region-wide. */
  term: z.string().nullable(),
  clusters: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      lat: z.number(),
      lon: z.number(),
      /** The average over the CoP's open schools for `term`; null when none reported. */
      value: z.number().nullable(),
    }),
  ),
  links: z.array(z.tuple([z.string(), z.string()])),
});
export type RegionMapData = z.infer<typeof RegionMapData>;

export const mapOps = {
  'map.region': op(z.object({ indicator: IndicatorName.nullable().default(null) }), RegionMapData),
};
