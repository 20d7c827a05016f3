import type { Store } from '../../electron/db/store.ts';
import { buildPayload, type ExportSpec } from '../../electron/services/sync/exportChanges.ts';
import { applyPayload, type ImportResult } from '../../electron/services/sync/importChanges.ts';

/** A small region written through the write path: one region, two clusters, schools, a session. */
export function seedRegion(store: Store) {
  return store.write((w) => {
    const region = w.insert('regions', { name: 'Kilifi', country: 'Kenya', language: 'en' });
    const clusters = ['Mnarani', 'Takaungu'].map((name, i) =>
      w.insert('clusters', {
        region_id: region,
        name,
        place: name,
        lat: -3.6 - i / 10,
        lon: 39.85,
        coach_name: 'Amina',
        language: 'en',
      }),
    );
    const schools = clusters.flatMap((cluster_id, i) =>
      [0, 1].map((j) =>
        w.insert('schools', {
          cluster_id,
          name: `School ${i}-${j}`,
          head_name: 'Head',
          lat: -3.6,
          lon: 39.8,
          setting: 'rural',
          learners: 400 + j,
          teachers: 12,
        }),
      ),
    );
    const members = clusters.flatMap((cluster_id, i) =>
      [0, 1].map((j) =>
        w.insert('members', {
          cluster_id,
          school_id: schools[i * 2 + j]!,
          name: `Member ${i}-${j}`,
          role: 'headteacher',
          phone: '',
          gender: j ? 'f' : 'm',
        }),
      ),
    );
    const session = w.insert('sessions', {
      cluster_id: clusters[0]!,
      kind: 'meeting',
      mode: 'in_person',
      status: 'held',
      date: '2026-02-10',
      place: 'Mnarani',
      title: 'Term 1 meeting',
      agenda: '',
      notes: 'first notes',
      host_school_id: schools[0]!,
      enquiry_question: '',
      evidence: '',
      findings: '',
    });
    return { region, clusters, schools, members, session };
  });
}

/** Moves a payload from one store to another, as a bundle would (without the container). */
export function carry(
  from: Store,
  to: Store,
  spec: ExportSpec = { kind: 'peer', forDevice: to.deviceId },
): ImportResult {
  return applyPayload(to, payloadFor(from, spec), sourceOf(from, spec.kind));
}

export function payloadFor(from: Store, spec: ExportSpec): Uint8Array {
  return buildPayload(from, spec).payload;
}

export function sourceOf(from: Store, kind: string, createdAt = new Date(from.clock.now()).toISOString()) {
  return {
    senderDevice: from.deviceId,
    senderName: `laptop ${from.deviceId.slice(0, 4)}`,
    senderPublicKey: '',
    createdAt,
    kind,
    file: 'test',
  };
}
