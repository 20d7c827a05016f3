import type { ImportSummary } from '../../../shared/contract/sync.ts';

const days = (ms: number): string => `${Math.round(ms / 86_400_000)} day(s)`;

/** A few lines a coach can read about one import. */
export function describeImport(r: ImportSummary): string {
  const lines = [
    `${r.file}: from ${r.header.senderName || r.header.senderDevice} (${r.header.kind}, made ${r.header.createdAt})`,
    `  ${r.new} new, ${r.known} already known, ${r.superseded} superseded by newer edits${r.held ? `, ${r.held} held back` : ''}${r.released ? `, ${r.released} released` : ''}`,
  ];
  for (const [table, c] of Object.entries(r.tables))
    if (c.new) lines.push(`  ${table}: ${c.new} new, ${c.known} known, ${c.superseded} superseded`);
  if (r.devices.length)
    lines.push(`  from devices: ${r.devices.map((d) => `${d.name || d.deviceId} (${d.new})`).join(', ')}`);
  if (r.joined) lines.push(`  This store joined the region ${r.header.regionName || r.header.regionId}.`);
  if (r.clockWarning)
    lines.push(
      `  Warning: the clock of ${r.clockWarning.deviceName || r.clockWarning.deviceId} looks ${days(r.clockWarning.aheadMs)} ahead; ` +
        `${r.held} change(s) are held back until this laptop's clock reaches them. Check that laptop's date and time.`,
    );
  return `${lines.join('\n')}\n`;
}
