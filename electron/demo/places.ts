import type { Rng } from './prng.ts';

/** A real place used as the centre of a CoP (coordinates approximate, from DATA.md). */
export interface Place {
  name: string;
  lat: number;
  lon: number;
  setting: 'rural' | 'peri_urban' | 'urban';
}

/** CoP centres in Kilifi County, Kenya: the embedded demo region. */
export const kilifiPlaces: readonly Place[] = [
  { name: 'Kilifi town', lat: -3.63, lon: 39.85, setting: 'urban' },
  { name: 'Mnarani', lat: -3.64, lon: 39.84, setting: 'peri_urban' },
  { name: 'Takaungu', lat: -3.69, lon: 39.86, setting: 'rural' },
  { name: 'Vipingo', lat: -3.8, lon: 39.8, setting: 'rural' },
  { name: 'Mtwapa', lat: -3.94, lon: 39.74, setting: 'peri_urban' },
  { name: 'Shimo la Tewa', lat: -3.97, lon: 39.73, setting: 'peri_urban' },
  { name: 'Kaloleni', lat: -3.81, lon: 39.63, setting: 'rural' },
  { name: 'Mariakani', lat: -3.86, lon: 39.47, setting: 'peri_urban' },
  { name: 'Rabai', lat: -3.93, lon: 39.57, setting: 'rural' },
  { name: 'Ganze', lat: -3.53, lon: 39.68, setting: 'rural' },
  { name: 'Matsangoni', lat: -3.51, lon: 39.93, setting: 'rural' },
  { name: 'Watamu', lat: -3.35, lon: 40.02, setting: 'peri_urban' },
  { name: 'Gede', lat: -3.31, lon: 40.02, setting: 'rural' },
  { name: 'Malindi', lat: -3.22, lon: 40.12, setting: 'urban' },
  { name: 'Marafa', lat: -3.06, lon: 39.97, setting: 'rural' },
  { name: 'Magarini', lat: -3.0, lon: 40.0, setting: 'rural' },
];

/** Sectors of Gicumbi District, Rwanda, where some practices in the library come from. */
export const gicumbiPlaces: readonly Place[] = [
  { name: 'Byumba', lat: -1.58, lon: 30.06, setting: 'peri_urban' },
  { name: 'Kageyo', lat: -1.63, lon: 30.02, setting: 'rural' },
  { name: 'Rukomo', lat: -1.52, lon: 30.12, setting: 'rural' },
  { name: 'Rutare', lat: -1.68, lon: 30.15, setting: 'rural' },
  { name: 'Nyankenke', lat: -1.5, lon: 29.98, setting: 'rural' },
  { name: 'Mukarange', lat: -1.55, lon: 30.1, setting: 'rural' },
];

/**
 * Anchors for the country-scale generator: real county and district towns of Kenya and
 * Rwanda. CoPs are spread around each anchor, one region per anchor.
 */
export interface Anchor {
  region: string;
  country: 'Kenya' | 'Rwanda';
  lat: number;
  lon: number;
  /** Rough radius of the area in km. */
  radiusKm: number;
  /** Share of the country's CoPs. */
  weight: number;
}

export const countryAnchors: readonly Anchor[] = [
  { region: 'Kilifi County', country: 'Kenya', lat: -3.5, lon: 39.8, radiusKm: 45, weight: 4 },
  { region: 'Kwale County', country: 'Kenya', lat: -4.17, lon: 39.45, radiusKm: 40, weight: 3 },
  { region: 'Taita-Taveta County', country: 'Kenya', lat: -3.4, lon: 38.55, radiusKm: 45, weight: 2 },
  { region: 'Lamu County', country: 'Kenya', lat: -2.27, lon: 40.9, radiusKm: 30, weight: 1 },
  { region: 'Tana River County', country: 'Kenya', lat: -1.5, lon: 40.0, radiusKm: 50, weight: 1 },
  { region: 'Kisumu County', country: 'Kenya', lat: -0.1, lon: 34.75, radiusKm: 30, weight: 4 },
  { region: 'Kakamega County', country: 'Kenya', lat: 0.28, lon: 34.75, radiusKm: 35, weight: 5 },
  { region: 'Bungoma County', country: 'Kenya', lat: 0.56, lon: 34.56, radiusKm: 35, weight: 4 },
  { region: 'Siaya County', country: 'Kenya', lat: 0.06, lon: 34.29, radiusKm: 30, weight: 3 },
  { region: 'Homa Bay County', country: 'Kenya', lat: -0.53, lon: 34.46, radiusKm: 35, weight: 3 },
  { region: 'Migori County', country: 'Kenya', lat: -1.06, lon: 34.47, radiusKm: 30, weight: 3 },
  { region: 'Kisii County', country: 'Kenya', lat: -0.68, lon: 34.77, radiusKm: 25, weight: 3 },
  { region: 'Kericho County', country: 'Kenya', lat: -0.37, lon: 35.28, radiusKm: 30, weight: 2 },
  { region: 'Nakuru County', country: 'Kenya', lat: -0.3, lon: 36.07, radiusKm: 45, weight: 4 },
  { region: 'Uasin Gishu County', country: 'Kenya', lat: 0.52, lon: 35.27, radiusKm: 35, weight: 3 },
  { region: 'Narok County', country: 'Kenya', lat: -1.08, lon: 35.87, radiusKm: 55, weight: 2 },
  { region: 'Kajiado County', country: 'Kenya', lat: -1.85, lon: 36.78, radiusKm: 50, weight: 2 },
  { region: 'Machakos County', country: 'Kenya', lat: -1.52, lon: 37.26, radiusKm: 40, weight: 3 },
  { region: 'Kitui County', country: 'Kenya', lat: -1.37, lon: 38.01, radiusKm: 60, weight: 3 },
  { region: 'Makueni County', country: 'Kenya', lat: -1.8, lon: 37.62, radiusKm: 40, weight: 2 },
  { region: 'Embu County', country: 'Kenya', lat: -0.54, lon: 37.46, radiusKm: 30, weight: 2 },
  { region: 'Meru County', country: 'Kenya', lat: 0.05, lon: 37.65, radiusKm: 40, weight: 3 },
  { region: 'Nyeri County', country: 'Kenya', lat: -0.42, lon: 36.95, radiusKm: 30, weight: 2 },
  { region: "Murang'a County", country: 'Kenya', lat: -0.72, lon: 37.15, radiusKm: 30, weight: 2 },
  { region: 'Turkana County', country: 'Kenya', lat: 3.12, lon: 35.6, radiusKm: 80, weight: 2 },
  { region: 'Garissa County', country: 'Kenya', lat: -0.45, lon: 39.65, radiusKm: 60, weight: 2 },
  { region: 'Gicumbi District', country: 'Rwanda', lat: -1.58, lon: 30.06, radiusKm: 18, weight: 3 },
  { region: 'Musanze District', country: 'Rwanda', lat: -1.5, lon: 29.63, radiusKm: 15, weight: 2 },
  { region: 'Rubavu District', country: 'Rwanda', lat: -1.68, lon: 29.36, radiusKm: 15, weight: 2 },
  { region: 'Huye District', country: 'Rwanda', lat: -2.6, lon: 29.74, radiusKm: 15, weight: 2 },
  { region: 'Nyagatare District', country: 'Rwanda', lat: -1.3, lon: 30.33, radiusKm: 25, weight: 2 },
  { region: 'Rwamagana District', country: 'Rwanda', lat: -1.95, lon: 30.43, radiusKm: 15, weight: 2 },
  { region: 'Karongi District', country: 'Rwanda', lat: -2.06, lon: 29.35, radiusKm: 18, weight: 2 },
  { region: 'Nyamagabe District', country: 'Rwanda', lat: -2.42, lon: 29.5, radiusKm: 18, weight: 2 },
];

const KM_PER_DEG = 111.32;

/** Great-circle distance in km (haversine). */
export function distanceKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLon = (bLon - aLon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A point `minKm`..`maxKm` from a centre in a random direction, rounded to ~10 m. */
export function scatter(
  rng: Rng,
  lat: number,
  lon: number,
  minKm: number,
  maxKm: number,
): { lat: number; lon: number } {
  const bearing = rng.float(0, 2 * Math.PI);
  // sqrt spreads points evenly over the ring's area rather than bunching them at the centre
  const km = Math.sqrt(rng.float(minKm * minKm, maxKm * maxKm));
  const dLat = (km * Math.cos(bearing)) / KM_PER_DEG;
  const dLon = (km * Math.sin(bearing)) / (KM_PER_DEG * Math.cos((lat * Math.PI) / 180));
  return { lat: round(lat + dLat, 4), lon: round(lon + dLon, 4) };
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
